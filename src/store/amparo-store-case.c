/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amparo-store.h"
#include "amparo-store-case-private.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-query-model.h"

/*
 * The case record (issue #9): what becomes of hearings, how a family link
 * is verified, when a contact needs calling again, who may be traced.
 * Rules that a save must meet live in amparo_store_case_validate(), rules
 * that follow from a save in amparo_store_case_after_save(); both run
 * inside the save's transaction, so a failure leaves nothing half done.
 */

#define DEFAULT_STALE_DAYS 90
#define SETTINGS_SCHEMA "io.github.amparo.Amparo"

static gboolean
fail (GError     **error,
      const char  *field,
      const char  *message)
{
  GError *local = g_error_new_literal (AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID, message);

  amparo_store_error_set_field (local, field);
  g_propagate_error (error, local);
  return FALSE;
}

static void
get_today (GDate *date)
{
  amparo_store_today (date);
}

static char *
format_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* Empty, or a real day; *date is cleared when empty. */
static gboolean
check_date (AmparoRecord  *record,
            const char    *property,
            GDate         *date,
            GError       **error)
{
  const char *text = amparo_record_get_string (record, property);
  g_autofree char *message = NULL;

  g_date_clear (date, 1);
  if (text == NULL || amparo_parse_date (text, date))
    return TRUE;
  message = g_strdup_printf (_("“%s” is not a date. Enter it as year-month-day, for example 2021-02-03."), text);
  return fail (error, property, message);
}

static gboolean
check_not_future (AmparoRecord  *record,
                  const char    *property,
                  GError       **error)
{
  GDate date, today;

  if (!check_date (record, property, &date, error))
    return FALSE;
  get_today (&today);
  if (g_date_valid (&date) && g_date_compare (&date, &today) > 0)
    return fail (error, property, _("This date is in the future. Enter the day it happened."));
  return TRUE;
}

/**
 * amparo_store_default_time_zone:
 *
 * The zone a new event's time is in unless staff choose the court's:
 * the machine's (the organization keeps none of its own yet).
 *
 * Returns: (transfer full): an IANA name such as `America/Los_Angeles`
 */
char *
amparo_store_default_time_zone (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  const char *name = g_time_zone_get_identifier (zone);

  /* "Local" (no /etc/localtime) is no IANA name: fall back to UTC. */
  if (name == NULL || strchr (name, '/') == NULL)
    return g_strdup (g_getenv ("TZ") != NULL && strchr (g_getenv ("TZ"), '/') ? g_getenv ("TZ") : "UTC");
  return g_strdup (name);
}

static gboolean
is_time_zone (const char *name)
{
  g_autoptr(GTimeZone) zone = NULL;

  if (g_str_equal (name, "UTC"))
    return TRUE;
  /* g_time_zone_new_identifier() answers NULL for names it cannot load. */
  zone = g_time_zone_new_identifier (name);
  return zone != NULL;
}

/* "done" is what older code, the Agenda's query and exports read: a date
 * held or cancelled is done; a missed one is not, so it stays on the
 * Agenda, flagged, until someone deals with it. A date ticked done the
 * old way counts as held. */
static gboolean
status_is_done (AmparoEventStatus status)
{
  return status == AMPARO_EVENT_STATUS_HELD || status == AMPARO_EVENT_STATUS_CANCELLED;
}

static void
sync_done (AmparoStore *self,
           AmparoEvent *event)
{
  g_autoptr(AmparoEvent) stored = NULL;
  gint64 id = amparo_record_get_id (AMPARO_RECORD (event));
  AmparoEventStatus status = amparo_event_get_status (event);

  if (id > 0)
    stored = amparo_store_get_by_id (self, AMPARO_TYPE_EVENT, id, NULL);
  if (stored != NULL && amparo_event_get_status (stored) == status
      && amparo_event_get_done (stored) != amparo_event_get_done (event))
    amparo_event_set_status (event, amparo_event_get_done (event) ? AMPARO_EVENT_STATUS_HELD
                                                                 : AMPARO_EVENT_STATUS_SCHEDULED);
  else if (stored == NULL && status == AMPARO_EVENT_STATUS_SCHEDULED)
    amparo_event_set_status (event, amparo_event_get_done (event) ? AMPARO_EVENT_STATUS_HELD
                                                                 : AMPARO_EVENT_STATUS_SCHEDULED);
  else
    amparo_event_set_done (event, status_is_done (status));
}

static gboolean
validate_event (AmparoStore  *self,
                AmparoEvent  *event,
                GError      **error)
{
  AmparoEventStatus status = amparo_event_get_status (event);
  const char *zone = amparo_event_get_time_zone (event);
  GDate day, today;

  if (zone == NULL)
    {
      g_autofree char *fallback = amparo_store_default_time_zone ();
      amparo_event_set_time_zone (event, fallback);
    }
  else if (!is_time_zone (zone))
    return fail (error, "time-zone",
                 _("This is not a time zone. Enter a name such as America/Los_Angeles."));

  /* A date can be missed only once its day has come (a deadline met
   * early is fine: it was done). */
  get_today (&today);
  if (status == AMPARO_EVENT_STATUS_MISSED
      && amparo_parse_date (amparo_event_get_starts_at (event), &day)
      && g_date_compare (&day, &today) > 0)
    return fail (error, "status",
                 _("This date has not come yet, so it cannot have been missed. Reschedule it instead."));

  sync_done (self, event);
  return TRUE;
}

static gboolean
validate_proceeding (AmparoProceeding  *proceeding,
                     GError           **error)
{
  AmparoRecord *record = AMPARO_RECORD (proceeding);
  AmparoProceedingStatus status = amparo_proceeding_get_status (proceeding);
  GDate opened, outcome;

  if (!check_date (record, "opened-on", &opened, error) ||
      !check_not_future (record, "outcome-date", error) ||
      !check_date (record, "outcome-date", &outcome, error))
    return FALSE;
  if (g_date_valid (&opened) && g_date_valid (&outcome) && g_date_compare (&outcome, &opened) < 0)
    return fail (error, "outcome-date", _("The outcome date is before the day the proceeding opened."));
  if ((status == AMPARO_PROCEEDING_STATUS_DECIDED || status == AMPARO_PROCEEDING_STATUS_CLOSED)
      && amparo_proceeding_get_outcome (proceeding) == NULL)
    return fail (error, "outcome",
                 _("Write the outcome (for example “Asylum granted”) before closing the proceeding."));
  if (amparo_proceeding_get_outcome (proceeding) != NULL && !g_date_valid (&outcome))
    return fail (error, "outcome-date", _("Enter the date of the outcome."));
  return TRUE;
}

/* The status-date follows each change of status unless staff set it;
 * ticking "Separated" means the family is separated until told more. */
static void
normalize_relationship (AmparoStore        *self,
                        AmparoRelationship *relationship)
{
  g_autoptr(AmparoRelationship) stored = NULL;
  gint64 id = amparo_record_get_id (AMPARO_RECORD (relationship));

  if (amparo_relationship_get_separated (relationship)
      && amparo_relationship_get_reunification_status (relationship) == AMPARO_REUNIFICATION_NOT_SEPARATED)
    amparo_relationship_set_reunification_status (relationship, AMPARO_REUNIFICATION_SEPARATED);

  if (id > 0)
    stored = amparo_store_get_by_id (self, AMPARO_TYPE_RELATIONSHIP, id, NULL);
  if (stored != NULL
      && amparo_relationship_get_reunification_status (stored) != amparo_relationship_get_reunification_status (relationship)
      && g_strcmp0 (amparo_relationship_get_status_date (stored), amparo_relationship_get_status_date (relationship)) == 0)
    {
      GDate today;
      g_autofree char *text = NULL;

      get_today (&today);
      text = format_iso (&today);
      amparo_relationship_set_status_date (relationship, text);
    }
}

static gboolean
validate_person (AmparoPerson  *person,
                 GError       **error)
{
  AmparoRecord *record = AMPARO_RECORD (person);

  if (!check_not_future (record, "tracing-consent-on", error))
    return FALSE;
  if (amparo_person_get_tracing_consent_on (person) != NULL
      && amparo_person_get_tracing_consent_by (person) == NULL)
    return fail (error, "tracing-consent-by",
                 _("Enter who gave the consent: the person, a parent, a guardian…"));
  if (amparo_person_get_tracing_consent_by (person) != NULL
      && amparo_person_get_tracing_consent_on (person) == NULL)
    return fail (error, "tracing-consent-on", _("Enter the day the consent was given."));
  return TRUE;
}

static gboolean
validate_evidence (AmparoEvidence  *evidence,
                   GError         **error)
{
  if (!check_not_future (AMPARO_RECORD (evidence), "verified-on", error))
    return FALSE;
  if (amparo_evidence_get_kind (evidence) == AMPARO_EVIDENCE_KIND_OTHER
      && amparo_evidence_get_description (evidence) == NULL)
    return fail (error, "description", _("Describe the evidence."));
  return TRUE;
}

gboolean
amparo_store_case_validate (AmparoStore   *self,
                            AmparoRecord  *record,
                            GError       **error)
{
  if (AMPARO_IS_EVENT (record))
    return validate_event (self, AMPARO_EVENT (record), error);
  if (AMPARO_IS_PROCEEDING (record))
    return validate_proceeding (AMPARO_PROCEEDING (record), error);
  if (AMPARO_IS_RELATIONSHIP (record))
    normalize_relationship (self, AMPARO_RELATIONSHIP (record));
  if (AMPARO_IS_PERSON (record))
    return validate_person (AMPARO_PERSON (record), error);
  if (AMPARO_IS_EVIDENCE (record))
    return validate_evidence (AMPARO_EVIDENCE (record), error);
  if (AMPARO_IS_CONTACT (record))
    return check_not_future (record, "last-verified", error);
  return TRUE;
}

/**
 * amparo_store_derive_verification:
 * @relationship: a saved relationship
 *
 * How a family link stands verified, from its evidence log rather than
 * from a choice: a DNA test, then an agency's verification, then a
 * document or the consistent accounts of child and adult; with none of
 * these it is only claimed.
 *
 * Returns: the verification the evidence supports
 */
AmparoVerification
amparo_store_derive_verification (AmparoStore        *self,
                                  AmparoRelationship *relationship)
{
  g_autoptr(GListModel) evidence = amparo_store_list_evidence (self, relationship);
  gboolean dna = FALSE, agency = FALSE, documented = FALSE;
  guint n = g_list_model_get_n_items (evidence);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmparoEvidence) item = g_list_model_get_item (evidence, i);

      switch (amparo_evidence_get_kind (item))
        {
        case AMPARO_EVIDENCE_KIND_DNA: dna = TRUE; break;
        case AMPARO_EVIDENCE_KIND_AGENCY: agency = TRUE; break;
        case AMPARO_EVIDENCE_KIND_DOCUMENT:
        case AMPARO_EVIDENCE_KIND_ACCOUNTS_AGREE: documented = TRUE; break;
        case AMPARO_EVIDENCE_KIND_ACCOUNTS_DIFFER:
        case AMPARO_EVIDENCE_KIND_OTHER:
        default:
          break;
        }
    }
  if (dna)
    return AMPARO_VERIFICATION_DNA;
  if (agency)
    return AMPARO_VERIFICATION_AGENCY_VERIFIED;
  if (documented)
    return AMPARO_VERIFICATION_DOCUMENTED;
  return AMPARO_VERIFICATION_CLAIMED;
}

static gboolean
sync_verification (AmparoStore     *self,
                   AmparoEvidence  *evidence,
                   GError         **error)
{
  g_autoptr(AmparoRelationship) relationship =
    amparo_store_get_by_id (self, AMPARO_TYPE_RELATIONSHIP,
                            amparo_evidence_get_relationship_id (evidence), NULL);
  AmparoVerification derived;

  if (relationship == NULL)
    return TRUE;
  derived = amparo_store_derive_verification (self, relationship);
  if (derived == amparo_relationship_get_verification (relationship))
    return TRUE;
  amparo_relationship_set_verification (relationship, derived);
  return amparo_store_save_in_transaction (self, AMPARO_RECORD (relationship), error);
}

gboolean
amparo_store_case_after_save (AmparoStore   *self,
                              AmparoRecord  *record,
                              GError       **error)
{
  if (AMPARO_IS_EVIDENCE (record))
    return sync_verification (self, AMPARO_EVIDENCE (record), error);
  return TRUE;
}

/**
 * amparo_store_reschedule_event:
 * @event: a saved event
 * @starts_at: the new `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
 * @moved_by: who moved it (a court notice, the EOIR line…)
 *
 * Moves @event to a new date, keeping the one it had in `moved-from`, so
 * the page can say "moved from 5 Dec by court notice". A rescheduled
 * event is scheduled again, whatever was marked before.
 *
 * Returns: whether it was saved; @event is unchanged otherwise
 */
gboolean
amparo_store_reschedule_event (AmparoStore        *self,
                               AmparoEvent        *event,
                               const char         *starts_at,
                               AmparoEventSource   moved_by,
                               GError            **error)
{
  g_autoptr(AmparoEvent) copy = NULL;

  g_return_val_if_fail (AMPARO_IS_STORE (self), FALSE);
  g_return_val_if_fail (AMPARO_IS_EVENT (event), FALSE);

  if (starts_at == NULL || *starts_at == '\0')
    return fail (error, "starts-at", _("Enter the new date."));
  if (g_strcmp0 (starts_at, amparo_event_get_starts_at (event)) == 0)
    return fail (error, "starts-at", _("This is the date it already has. Enter the new date."));

  copy = AMPARO_EVENT (amparo_record_copy (AMPARO_RECORD (event)));
  amparo_event_set_moved_from (copy, amparo_event_get_starts_at (event));
  amparo_event_set_moved_by (copy, moved_by);
  amparo_event_set_starts_at (copy, starts_at);
  amparo_event_set_status (copy, AMPARO_EVENT_STATUS_SCHEDULED);
  if (!amparo_store_save (self, AMPARO_RECORD (copy), error))
    return FALSE;
  return amparo_store_reload (self, AMPARO_RECORD (event), error);
}

/**
 * amparo_event_needs_outcome:
 * @today: (nullable): `YYYY-MM-DD`, %NULL for today
 *
 * A date that has passed while still "scheduled": nobody has recorded
 * whether it was held, missed or cancelled. The Agenda shows it as
 * "needs outcome", not as overdue forever.
 */
gboolean
amparo_event_needs_outcome (AmparoEvent *event,
                            const char  *today)
{
  GDate day, now;

  g_return_val_if_fail (AMPARO_IS_EVENT (event), FALSE);

  if (amparo_event_get_status (event) != AMPARO_EVENT_STATUS_SCHEDULED
      || amparo_event_get_kind (event) == AMPARO_EVENT_KIND_BENEFIT_END
      || !amparo_parse_date (amparo_event_get_starts_at (event), &day))
    return FALSE;
  if (today == NULL || !amparo_parse_date (today, &now))
    get_today (&now);
  return g_date_compare (&day, &now) < 0;
}

/**
 * amparo_store_count_missed_hearings:
 * @person: a saved person
 *
 * Missed hearings and interviews can mean an in-absentia removal order:
 * the client page and the Agenda flag them until dealt with.
 */
gint64
amparo_store_count_missed_hearings (AmparoStore  *self,
                                    AmparoPerson *person)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_record_get_id (AMPARO_RECORD (person)));
  const char *params[] = { id, NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), 0);
  return amparo_store_count_where (self, AMPARO_TYPE_EVENT,
                                   "deleted_at IS NULL AND person_id = ? AND status = 'missed'"
                                   " AND kind IN ('hearing', 'interview')",
                                   params, NULL);
}

/**
 * amparo_store_get_contact_stale_days:
 *
 * After how many days without a call a contact counts as stale: the
 * `contact-stale-days` setting, 90 where no settings are installed.
 */
int
amparo_store_get_contact_stale_days (void)
{
  /* Looked up once: every client-list row asks. */
  static GSettings *settings;
  static gsize looked_up;

  if (g_once_init_enter (&looked_up))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "contact-stale-days"))
        settings = g_settings_new (SETTINGS_SCHEMA);
      g_once_init_leave (&looked_up, 1);
    }
  return settings != NULL ? g_settings_get_int (settings, "contact-stale-days") : DEFAULT_STALE_DAYS;
}

/* "last_verified IS NULL OR last_verified < cutoff" for contacts. */
static char *
stale_cutoff (int days)
{
  GDate today;

  get_today (&today);
  g_date_subtract_days (&today, (guint) MAX (days, 0));
  return format_iso (&today);
}

/**
 * amparo_contact_is_stale_after:
 * @days: the age after which a contact is stale
 *
 * Returns: whether @contact was never verified or not within @days
 */
gboolean
amparo_contact_is_stale_after (AmparoContact *contact,
                               int            days)
{
  g_autofree char *cutoff = stale_cutoff (days);
  const char *verified = amparo_contact_get_last_verified (contact);

  return verified == NULL || strcmp (verified, cutoff) < 0;
}

/**
 * amparo_store_count_stale_contacts:
 * @person: a saved person
 * @days: the age after which a contact is stale
 *
 * For the client list's badge and the client page's flag.
 */
gint64
amparo_store_count_stale_contacts (AmparoStore  *self,
                                   AmparoPerson *person,
                                   int           days)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, amparo_record_get_id (AMPARO_RECORD (person)));
  g_autofree char *cutoff = stale_cutoff (days);
  const char *params[] = { id, cutoff, NULL };

  g_return_val_if_fail (AMPARO_IS_STORE (self), 0);
  return amparo_store_count_where (self, AMPARO_TYPE_CONTACT,
                                   "deleted_at IS NULL AND person_id = ?"
                                   " AND (last_verified IS NULL OR last_verified < ?)",
                                   params, NULL);
}

/**
 * amparo_store_list_stale_contacts:
 * @days: the age after which a contact is stale
 *
 * The "contacts to re-verify" list: every live client's contacts not
 * verified within @days, the longest unverified first.
 *
 * Returns: (transfer full): a lazy #GListModel of #AmparoContact
 */
GListModel *
amparo_store_list_stale_contacts (AmparoStore *self,
                                  int          days)
{
  g_autofree char *cutoff = stale_cutoff (days);
  const char *params[] = { cutoff, NULL };
  const char *order_by[] = { "last_verified IS NOT NULL", "last_verified", "id", NULL };
  const char *where = "deleted_at IS NULL AND (last_verified IS NULL OR last_verified < ?1)"
                      " AND person_id IN (SELECT id FROM persons WHERE deleted_at IS NULL)";

  g_return_val_if_fail (AMPARO_IS_STORE (self), NULL);
  /* The query model pages on both engines (postgres #10). */
  return G_LIST_MODEL (amparo_query_model_new (self, AMPARO_TYPE_CONTACT, where, params, order_by));
}

/**
 * amparo_store_mark_contact_reached:
 * @contact: a saved contact
 *
 * "Reached today": sets its last-verified date to today and saves.
 */
gboolean
amparo_store_mark_contact_reached (AmparoStore    *self,
                                   AmparoContact  *contact,
                                   GError        **error)
{
  GDate today;
  g_autofree char *text = NULL;

  get_today (&today);
  text = format_iso (&today);
  amparo_contact_set_last_verified (contact, text);
  return amparo_store_save (self, AMPARO_RECORD (contact), error);
}

/**
 * amparo_person_has_tracing_consent:
 *
 * Returns: whether who consented to family tracing, and when, is recorded
 */
gboolean
amparo_person_has_tracing_consent (AmparoPerson *person)
{
  return amparo_person_get_tracing_consent_by (person) != NULL
         && amparo_person_get_tracing_consent_on (person) != NULL;
}

/**
 * amparo_store_describe_eligibility:
 * @membership: a membership with its litigation and separation date set
 *
 * Why a person is, or is not, in a class, in words a case worker can
 * read out: "Separated 3 Mar 2018, within the class period 2017-01-20 to
 * 2021-01-20: eligible."
 *
 * Returns: (transfer full): a translated sentence
 */
char *
amparo_store_describe_eligibility (AmparoStore      *self,
                                   AmparoMembership *membership)
{
  g_autoptr(AmparoLitigation) litigation = NULL;
  const char *separation = amparo_membership_get_separation_date (membership);
  const char *from, *until;
  GDate date, from_date, until_date;

  litigation = amparo_store_get_by_id (self, AMPARO_TYPE_LITIGATION,
                                       amparo_membership_get_litigation_id (membership), NULL);
  if (litigation == NULL)
    return g_strdup (_("Choose the case to check eligibility."));
  from = amparo_litigation_get_class_from (litigation);
  until = amparo_litigation_get_class_until (litigation);
  if (from == NULL && until == NULL)
    return g_strdup (_("This case defines no class period: every person added is a member."));
  if (!amparo_parse_date (separation, &date))
    /* Translators: %s and %s are dates, 2017-01-20 */
    return g_strdup_printf (_("Not eligible yet: enter the separation date. The class covers separations from %s to %s."),
                            from ? from : "…", until ? until : "…");
  if (amparo_parse_date (from, &from_date) && g_date_compare (&date, &from_date) < 0)
    return g_strdup_printf (_("Not eligible: separated on %s, before the class period began (%s)."), separation, from);
  if (amparo_parse_date (until, &until_date) && g_date_compare (&date, &until_date) > 0)
    return g_strdup_printf (_("Not eligible: separated on %s, after the class period ended (%s)."), separation, until);
  return g_strdup_printf (_("Eligible: separated on %s, within the class period %s to %s."),
                          separation, from ? from : "…", until ? until : "…");
}
