/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "amparo-store.h"
#include "amparo-store-private.h"
#include "amparo-store-internal.h"
#include "amparo-query-model.h"
#include "amparo-record-private.h"
#include "amparo-store-case-private.h"

/* Business rules run on save (benefit end dates) and record helpers. */

/* A membership owes its benefits: one per term of its litigation, each
 * ending `months` after the start, each end a dated event on the agenda. */
static gboolean
sync_benefits (AmparoStore       *self,
               AmparoMembership  *membership,
               GError           **error);

gboolean
amparo_store_run_rules_after_save (AmparoStore   *self,
                                   AmparoRecord  *record,
                                   GError       **error)
{
  /* caserecord (#9): verification from evidence */
  if (!amparo_store_case_after_save (self, record, error))
    return FALSE;
  if (AMPARO_IS_MEMBERSHIP (record))
    return sync_benefits (self, AMPARO_MEMBERSHIP (record), error);
  return TRUE;
}

static const char *
benefit_end_title (AmparoBenefitKind kind)
{
  switch (kind)
    {
    case AMPARO_BENEFIT_KIND_HOUSING: return _("Housing support ends");
    case AMPARO_BENEFIT_KIND_MEDICAL: return _("Medical support ends");
    case AMPARO_BENEFIT_KIND_MENTAL_HEALTH: return _("Mental health support ends");
    case AMPARO_BENEFIT_KIND_OTHER:
    default:
      return _("Benefit ends");
    }
}

static gboolean
sync_one_benefit (AmparoStore       *self,
                  AmparoMembership  *membership,
                  AmparoBenefitKind  kind,
                  int                months,
                  GError           **error)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_BENEFIT_KIND);
  const char *start = amparo_membership_get_benefits_start (membership);
  g_autofree char *end = amparo_date_add_months (start, months);
  g_autoptr(AmparoBenefit) benefit = NULL;
  g_autoptr(AmparoEvent) event = NULL;

  benefit = amparo_store_find_one (self, AMPARO_TYPE_BENEFIT,
                      "membership_id = ? AND kind = ? AND deleted_at IS NULL",
                      amparo_record_get_id (AMPARO_RECORD (membership)),
                      g_enum_get_value (enum_class, kind)->value_nick);
  if (benefit == NULL)
    {
      benefit = amparo_benefit_new ();
      amparo_benefit_set_membership_id (benefit, amparo_record_get_id (AMPARO_RECORD (membership)));
      amparo_benefit_set_kind (benefit, kind);
    }
  amparo_benefit_set_months (benefit, months);
  amparo_benefit_set_starts_on (benefit, start);
  amparo_benefit_set_ends_on (benefit, end);
  if (!amparo_store_save_in_transaction (self, AMPARO_RECORD (benefit), error))
    return FALSE;

  event = amparo_store_find_one (self, AMPARO_TYPE_EVENT, "benefit_id = ? AND deleted_at IS NULL",
                    amparo_record_get_id (AMPARO_RECORD (benefit)), NULL);
  if (event == NULL)
    {
      event = amparo_event_new ();
      amparo_event_set_benefit_id (event, amparo_record_get_id (AMPARO_RECORD (benefit)));
      amparo_event_set_kind (event, AMPARO_EVENT_KIND_BENEFIT_END);
      amparo_event_set_source (event, AMPARO_EVENT_SOURCE_COMPUTED);
      amparo_event_set_title (event, benefit_end_title (kind));
    }
  amparo_event_set_person_id (event, amparo_membership_get_person_id (membership));
  amparo_event_set_starts_at (event, end);
  return amparo_store_save_in_transaction (self, AMPARO_RECORD (event), error);
}

static gboolean
sync_benefits (AmparoStore       *self,
               AmparoMembership  *membership,
               GError           **error)
{
  g_autoptr(AmparoLitigation) litigation = NULL;
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (AMPARO_TYPE_BENEFIT_KIND);
  g_auto(GStrv) terms = NULL;

  /* Without a start date nothing can be computed; earlier benefits stay.
   * caserecord (#9): a member outside the class gets no end dates. */
  if (amparo_membership_get_benefits_start (membership) == NULL
      || !amparo_membership_get_eligible (membership))
    return TRUE;

  litigation = amparo_store_get_by_id (self, AMPARO_TYPE_LITIGATION,
                                       amparo_membership_get_litigation_id (membership), error);
  if (litigation == NULL)
    return FALSE;
  if (amparo_litigation_get_benefit_terms (litigation) == NULL)
    return TRUE;

  terms = g_strsplit (amparo_litigation_get_benefit_terms (litigation), "\n", -1);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (terms[i]), "=", 2);
      GEnumValue *kind;
      guint64 months;

      if (g_strv_length (parts) != 2)
        continue;
      kind = g_enum_get_value_by_nick (enum_class, g_strstrip (parts[0]));
      if (kind == NULL ||
          !g_ascii_string_to_unsigned (g_strstrip (parts[1]), 10, 1, 1200, &months, NULL))
        continue;
      if (!sync_one_benefit (self, membership, kind->value, (int) months, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * amparo_a_number_normalize:
 * @text: (nullable): an A-number as typed: `A-123-456-789`, `A 12345678`,
 *   `123456789`…
 *
 * Returns: (transfer full) (nullable): the 9 digits (8-digit numbers get a
 *   leading 0), or %NULL for empty input (no error) or invalid input
 *   (@error set, field `a-number`)
 */
char *
amparo_a_number_normalize (const char  *text,
                           GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return NULL;
  if (*p == 'A' || *p == 'a')
    p++;

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '-' && *p != ' ' && *p != '.')
        break;
    }

  if (*p != '\0' || (digits->len != 8 && digits->len != 9))
    {
      g_set_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID,
                   _("An A-Number has 8 or 9 digits, for example A-123-456-789."));
      if (error)
        amparo_store_error_set_field (*error, "a-number");
      return NULL;
    }
  if (digits->len == 8)
    g_string_prepend_c (digits, '0');
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * amparo_a_number_format:
 * @a_number: (nullable): 9 digits as stored
 *
 * Returns: (transfer full) (nullable): `A-012-345-678` for display
 */
char *
amparo_a_number_format (const char *a_number)
{
  if (a_number == NULL || strlen (a_number) != 9)
    return g_strdup (a_number);
  return g_strdup_printf ("A-%.3s-%.3s-%.3s", a_number, a_number + 3, a_number + 6);
}

/**
 * amparo_contact_is_stale:
 * @today: (nullable): the day to compare with, %NULL for today
 *
 * A contact not verified in the last 90 days may have gone stale and
 * should be called again before it is needed.
 *
 * Returns: whether the contact needs verifying
 */
gboolean
amparo_contact_is_stale (AmparoContact *contact,
                         GDate         *today)
{
  GDate verified, now;

  g_return_val_if_fail (AMPARO_IS_CONTACT (contact), TRUE);

  if (!amparo_parse_date (amparo_contact_get_last_verified (contact), &verified))
    return TRUE;
  if (today != NULL)
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }
  return g_date_days_between (&verified, &now) > 90;
}
