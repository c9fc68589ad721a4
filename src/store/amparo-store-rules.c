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

/* Benefit end titles are generated where they are shown, in the language
 * they are shown or printed in (a Spanish notice from an English UI), so
 * they are kept here in both languages rather than stored or passed
 * through gettext, which translates into one language per process. */
static const char *
benefit_end_title (AmparoBenefitKind  kind,
                   const char        *language)
{
  static const char * const en[] = {
    [AMPARO_BENEFIT_KIND_HOUSING] = "Housing support ends",
    [AMPARO_BENEFIT_KIND_MEDICAL] = "Medical support ends",
    [AMPARO_BENEFIT_KIND_MENTAL_HEALTH] = "Mental health support ends",
    [AMPARO_BENEFIT_KIND_OTHER] = "Benefit ends",
  };
  static const char * const es[] = {
    [AMPARO_BENEFIT_KIND_HOUSING] = "Fin del apoyo de vivienda",
    [AMPARO_BENEFIT_KIND_MEDICAL] = "Fin del apoyo médico",
    [AMPARO_BENEFIT_KIND_MENTAL_HEALTH] = "Fin del apoyo de salud mental",
    [AMPARO_BENEFIT_KIND_OTHER] = "Fin del beneficio",
  };
  gboolean spanish = language != NULL && g_str_has_prefix (language, "es");

  if ((guint) kind >= G_N_ELEMENTS (en))
    kind = AMPARO_BENEFIT_KIND_OTHER;
  return spanish ? es[kind] : en[kind];
}

/**
 * amparo_event_dup_title:
 * @event: an event
 * @language: "en" or "es": the language it is shown or printed in
 *
 * The title to show for @event: what staff typed, or for a computed
 * benefit end the benefit's name in @language ("Fin del apoyo de
 * vivienda"), never a title stored in whatever language was on screen
 * when the store computed it.
 *
 * Returns: (transfer full) (nullable): the title
 */
char *
amparo_event_dup_title (AmparoStore *self,
                        AmparoEvent *event,
                        const char  *language)
{
  g_autoptr(AmparoBenefit) benefit = NULL;

  g_return_val_if_fail (AMPARO_IS_EVENT (event), NULL);

  if (amparo_event_get_source (event) != AMPARO_EVENT_SOURCE_COMPUTED ||
      amparo_event_get_kind (event) != AMPARO_EVENT_KIND_BENEFIT_END)
    return g_strdup (amparo_event_get_title (event));
  if (self != NULL && amparo_event_get_benefit_id (event) > 0)
    benefit = amparo_store_get_by_id (self, AMPARO_TYPE_BENEFIT, amparo_event_get_benefit_id (event), NULL);
  return g_strdup (benefit_end_title (benefit != NULL ? amparo_benefit_get_kind (benefit)
                                                      : AMPARO_BENEFIT_KIND_OTHER,
                                      language));
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
      /* No stored title: amparo_event_dup_title() names it per language. */
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

/* Release workflow (newuser, #13): the one place that says which status
 * changes are allowed. The store applies it on every save of a release,
 * so the Press page, the publish dialog, the command line and anything
 * later all follow the same rules; pages use it to offer only what will
 * be accepted. */

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID, message);
  if (error != NULL)
    amparo_store_error_set_field (*error, "status");
  return FALSE;
}

static gboolean
check_embargo_passed (AmparoRelease  *release,
                      GDateTime      *now,
                      GError        **error)
{
  const char *embargo = amparo_release_get_embargo_until (release);
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) clock_now = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (embargo == NULL || *embargo == '\0')
    return TRUE;
  until = g_date_time_new_from_iso8601 (embargo, NULL);
  if (until == NULL)
    return refuse (error, _("The embargo time of this release cannot be read. Correct it before publishing."));
  if (now == NULL)
    now = clock_now = g_date_time_new_now_utc ();
  if (g_date_time_compare (now, until) >= 0)
    return TRUE;
  shown = g_date_time_format (until, "%Y-%m-%d %H:%M %:z");
  message = g_strdup_printf (_("This release is under embargo until %s. It cannot be published before then."),
                             shown);
  return refuse (error, message);
}

static gboolean
has_words (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

static gboolean
check_approved (AmparoReleaseStatus   status,
                GError              **error)
{
  if (status == AMPARO_RELEASE_STATUS_WITHDRAWN)
    return refuse (error, _("This release was withdrawn, so it cannot be published."));
  if (status != AMPARO_RELEASE_STATUS_APPROVED)
    return refuse (error, _("This release is not approved yet. Approve it before publishing it."));
  return TRUE;
}

/**
 * amparo_release_check_status_change:
 * @release: the release, with the text it would have
 * @from: the status it has now (as stored)
 * @to: the status asked for
 * @now: (nullable): the current time, %NULL for the clock's
 * @error: %AMPARO_STORE_ERROR_INVALID (field `status`) with the reason
 *
 * Draft → In review → Approved → Published, one step at a time; back to
 * Draft from any step before publication; Withdrawn from Approved or
 * Published, and from Withdrawn back to Draft. Publishing also waits for
 * the embargo.
 *
 * Returns: whether @release may go from @from to @to now
 */
gboolean
amparo_release_check_status_change (AmparoRelease        *release,
                                    AmparoReleaseStatus   from,
                                    AmparoReleaseStatus   to,
                                    GDateTime            *now,
                                    GError              **error)
{
  g_return_val_if_fail (AMPARO_IS_RELEASE (release), FALSE);

  if (from == to)
    return TRUE;
  switch (to)
    {
    case AMPARO_RELEASE_STATUS_DRAFT:
      if (from == AMPARO_RELEASE_STATUS_PUBLISHED)
        return refuse (error, _("A published release cannot go back to draft. Correct it, or withdraw it."));
      return TRUE;
    case AMPARO_RELEASE_STATUS_IN_REVIEW:
      if (from != AMPARO_RELEASE_STATUS_DRAFT && from != AMPARO_RELEASE_STATUS_APPROVED)
        return refuse (error, _("Only a draft can be sent for review."));
      return TRUE;
    case AMPARO_RELEASE_STATUS_APPROVED:
      if (from != AMPARO_RELEASE_STATUS_IN_REVIEW)
        return refuse (error, _("Only a release in review can be approved. Send it for review first."));
      return TRUE;
    case AMPARO_RELEASE_STATUS_PUBLISHED:
      return check_approved (from, error) && check_embargo_passed (release, now, error);
    case AMPARO_RELEASE_STATUS_WITHDRAWN:
      if (from != AMPARO_RELEASE_STATUS_APPROVED && from != AMPARO_RELEASE_STATUS_PUBLISHED)
        return refuse (error, _("Only an approved or published release can be withdrawn."));
      return TRUE;
    default:
      return refuse (error, _("This status is not known."));
    }
}

/* What reviewers approve: changing any of these after approval means the
 * approval no longer covers the text. */
static const char * const reviewed_fields[] = {
  "title-en", "title-es", "body-en", "body-es", "dateline", "dateline-es", "release-date",
  "embargo-until", "embargo-timezone", "media-contact",
};

static gboolean
text_changed (AmparoRelease *stored,
              AmparoRelease *release)
{
  for (guint i = 0; i < G_N_ELEMENTS (reviewed_fields); i++)
    if (g_strcmp0 (amparo_record_get_string (AMPARO_RECORD (stored), reviewed_fields[i]),
                   amparo_record_get_string (AMPARO_RECORD (release), reviewed_fields[i])) != 0)
      return TRUE;
  return FALSE;
}

/**
 * amparo_store_apply_release_rules:
 * @release: a release about to be saved
 *
 * Compares @release with its stored version: a status change must pass
 * amparo_release_check_status_change(), and new text in an approved
 * release sends it back to In review.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing changed
 */
gboolean
amparo_store_apply_release_rules (AmparoStore    *self,
                                  AmparoRelease  *release,
                                  GError        **error)
{
  g_autoptr(AmparoRelease) stored = NULL;
  AmparoReleaseStatus from, to;

  if (amparo_record_get_id (AMPARO_RECORD (release)) <= 0)
    return TRUE;
  stored = amparo_store_get_by_id (self, AMPARO_TYPE_RELEASE,
                                   amparo_record_get_id (AMPARO_RECORD (release)), NULL);
  if (stored == NULL)
    return TRUE;
  from = amparo_release_get_status (stored);
  to = amparo_release_get_status (release);
  if (from == AMPARO_RELEASE_STATUS_APPROVED && text_changed (stored, release))
    {
      /* What goes out must be what was approved. */
      if (to == AMPARO_RELEASE_STATUS_PUBLISHED)
        return refuse (error, _("The text changed after it was approved. Save it and have it reviewed again before publishing."));
      if (to == AMPARO_RELEASE_STATUS_APPROVED)
        {
          amparo_release_set_status (release, AMPARO_RELEASE_STATUS_IN_REVIEW);
          return TRUE;
        }
    }
  return amparo_release_check_status_change (release, from, to, NULL, error);
}

/**
 * amparo_release_check_may_go_out:
 * @release: a release as it would be sent
 * @scheduled: whether it goes out as a scheduled post, which the site
 *   itself holds until the embargo ends
 * @now: (nullable): the current time, %NULL for the clock's
 * @error: %AMPARO_STORE_ERROR_INVALID with the reason
 *
 * The rule for sending a release to the website, from the same pieces as
 * the status workflow: approved (or already published, for a
 * correction), with English text, and past its embargo unless the site
 * is to hold it.
 *
 * Returns: whether @release may be sent now
 */
gboolean
amparo_release_check_may_go_out (AmparoRelease  *release,
                                 gboolean        scheduled,
                                 GDateTime      *now,
                                 GError        **error)
{
  const char *embargo;
  g_autoptr(GDateTime) until = NULL;

  g_return_val_if_fail (AMPARO_IS_RELEASE (release), FALSE);

  if (amparo_release_get_status (release) != AMPARO_RELEASE_STATUS_PUBLISHED &&
      !check_approved (amparo_release_get_status (release), error))
    return FALSE;
  if (!has_words (amparo_release_get_title_en (release)) ||
      !has_words (amparo_release_get_body_en (release)))
    return refuse (error, _("This release has no English title or text yet."));
  embargo = amparo_release_get_embargo_until (release);
  if (scheduled && has_words (embargo) &&
      (until = g_date_time_new_from_iso8601 (embargo, NULL)) == NULL)
    return refuse (error, _("The embargo time of this release cannot be read. Correct it before publishing."));
  return scheduled || check_embargo_passed (release, now, error);
}
