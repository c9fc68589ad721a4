/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-clients"

#include "config.h"

#include "amparo-document-links.h"

#include <glib/gi18n.h>

#include "amparo-clients-util.h"
#include "amparo-language.h"

/* What a document in the case file is about (issue #18): one of the
 * client's cases, a hearing or other date, a piece of a family link's
 * verification evidence. The Documents panel's rows say it, and its Edit
 * form chooses it (amparo-documents-panel.c). */

/* "SIJS · A-123-456-789": a case as the combo and the rows name it. */
static char *
proceeding_label (AmparoProceeding *proceeding)
{
  const char *kind = amparo_clients_enum_label (AMPARO_TYPE_PROCEEDING_KIND, amparo_proceeding_get_kind (proceeding));
  const char *number = amparo_proceeding_get_case_number (proceeding);

  if (number == NULL || *number == '\0')
    return g_strdup (kind);
  return g_strdup_printf ("%s · %s", kind, number);
}

/* "Master calendar hearing · 3 Nov 2026", or the kind when untitled. */
static char *
event_label (AmparoStore *store,
             AmparoEvent *event)
{
  g_autofree char *title = amparo_event_dup_title (store, event, amparo_language_get ());
  g_autofree char *when = amparo_clients_format_date_time (amparo_event_get_starts_at (event));

  if (title == NULL || *title == '\0')
    return g_strdup_printf ("%s · %s", amparo_clients_enum_label (AMPARO_TYPE_EVENT_KIND, amparo_event_get_kind (event)),
                            when);
  return g_strdup_printf ("%s · %s", title, when);
}

/* "DNA result · María López": a piece of a family link's verification,
 * named by the relative it is about. */
static char *
evidence_label (AmparoStore    *store,
                AmparoEvidence *evidence,
                gint64          client_id)
{
  const char *kind = amparo_clients_enum_label (AMPARO_TYPE_EVIDENCE_KIND, amparo_evidence_get_kind (evidence));
  g_autoptr(AmparoRelationship) link = amparo_store_get_by_id (store, AMPARO_TYPE_RELATIONSHIP,
                                                              amparo_evidence_get_relationship_id (evidence), NULL);
  g_autoptr(AmparoPerson) relative = NULL;
  g_autofree char *name = NULL;

  if (link != NULL)
    relative = amparo_store_get_by_id (store, AMPARO_TYPE_PERSON,
                                       amparo_relationship_get_person_id (link) == client_id
                                       ? amparo_relationship_get_relative_id (link)
                                       : amparo_relationship_get_person_id (link), NULL);
  if (relative == NULL)
    return g_strdup (kind);
  name = amparo_clients_dup_name (relative);
  return g_strdup_printf ("%s · %s", kind, name);
}

/**
 * amparo_document_links_describe:
 *
 * What the document is about — a case, a hearing or other date, a family
 * link's evidence — as a row says it: "SIJS · A-123; DNA result · López,
 * María".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing
 */
char *
amparo_document_links_describe (AmparoStore    *store,
                                AmparoDocument *document)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AmparoProceeding) proceeding = NULL;
  g_autoptr(AmparoEvent) event = NULL;
  g_autoptr(AmparoEvidence) evidence = NULL;

  if (amparo_document_get_proceeding_id (document) > 0 &&
      (proceeding = amparo_store_get_by_id (store, AMPARO_TYPE_PROCEEDING,
                                            amparo_document_get_proceeding_id (document), NULL)))
    g_ptr_array_add (parts, proceeding_label (proceeding));
  if (amparo_document_get_event_id (document) > 0 &&
      (event = amparo_store_get_by_id (store, AMPARO_TYPE_EVENT, amparo_document_get_event_id (document), NULL)))
    g_ptr_array_add (parts, event_label (store, event));
  if (amparo_document_get_evidence_id (document) > 0 &&
      (evidence = amparo_store_get_by_id (store, AMPARO_TYPE_EVIDENCE,
                                          amparo_document_get_evidence_id (document), NULL)))
    g_ptr_array_add (parts, evidence_label (store, evidence, amparo_document_get_person_id (document)));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

/* The records a document may be about, for the form's combo: first an
 * unsaved one (id 0, stored as none) labelled @none, then copies of the
 * client's records whose @label_property holds the name shown — copies
 * only for the combo, never saved. */
static GListModel *
link_choices (AmparoStore *store,
              GListModel  *records,
              GType        type,
              const char  *label_property,
              const char  *none)
{
  GListStore *choices = g_list_store_new (type);
  g_autoptr(AmparoRecord) nothing = g_object_new (type, NULL);

  amparo_record_set_string (nothing, label_property, none);
  g_list_store_append (choices, nothing);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AmparoRecord) record = g_list_model_get_item (records, i);
      g_autoptr(AmparoRecord) shown = amparo_record_copy (record);
      g_autofree char *label = AMPARO_IS_EVENT (record) ? event_label (store, AMPARO_EVENT (record))
                                                        : proceeding_label (AMPARO_PROCEEDING (record));

      amparo_record_set_string (shown, label_property, label);
      g_list_store_append (choices, shown);
    }
  return G_LIST_MODEL (choices);
}

/* Every piece of verification evidence of the client's family links, as
 * link_choices() makes them: "none" first, copies labelled by kind and
 * relative in their description. */
static GListModel *
evidence_choices (AmparoStore  *store,
                  AmparoPerson *person)
{
  g_autoptr(GListModel) relatives = amparo_store_list_relatives (store, person);
  GListStore *choices = g_list_store_new (AMPARO_TYPE_EVIDENCE);
  g_autoptr(AmparoRecord) nothing = g_object_new (AMPARO_TYPE_EVIDENCE, NULL);
  gint64 client_id = amparo_record_get_id (AMPARO_RECORD (person));

  amparo_record_set_string (nothing, "description", _("No evidence"));
  g_list_store_append (choices, nothing);
  for (guint i = 0; i < g_list_model_get_n_items (relatives); i++)
    {
      g_autoptr(AmparoRelative) relative = g_list_model_get_item (relatives, i);
      g_autoptr(GListModel) evidence = amparo_store_list_evidence (store,
                                                                   amparo_relative_get_relationship (relative));

      for (guint j = 0; j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(AmparoRecord) item = g_list_model_get_item (evidence, j);
          g_autoptr(AmparoRecord) shown = amparo_record_copy (item);
          g_autofree char *label = evidence_label (store, AMPARO_EVIDENCE (item), client_id);

          amparo_record_set_string (shown, "description", label);
          g_list_store_append (choices, shown);
        }
    }
  return G_LIST_MODEL (choices);
}

/**
 * amparo_document_links_add_rows:
 * @form: a document's Edit form
 * @person: the client the document is of
 *
 * Adds the rows choosing the case, the hearing (or other date) and the
 * family link's evidence the document is about.
 */
void
amparo_document_links_add_rows (AmparoRecordForm *form,
                                AmparoStore      *store,
                                AmparoPerson     *person)
{
  g_autoptr(GListModel) evidence = evidence_choices (store, person);
  g_autoptr(GListModel) proceedings = amparo_store_list_proceedings (store, person);
  g_autoptr(GListModel) events = amparo_store_list_events (store, person);
  g_autoptr(GListModel) cases = link_choices (store, proceedings, AMPARO_TYPE_PROCEEDING, "case-number",
                                              _("No case"));
  g_autoptr(GListModel) dates = link_choices (store, events, AMPARO_TYPE_EVENT, "title",
                                              _("No date"));

  amparo_record_form_add_choice (form, "proceeding-id", _("Case"), cases, "case-number");
  amparo_record_form_add_choice (form, "event-id", _("Hearing or other date"), dates, "title");
  /* Only when there is evidence to choose. */
  if (g_list_model_get_n_items (evidence) > 1)
    amparo_record_form_add_choice (form, "evidence-id", _("Evidence of a family link"), evidence, "description");
}
