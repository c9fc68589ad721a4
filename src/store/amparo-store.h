/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-enums.h"
#include "amparo-record.h"
#include "amparo-benefit.h"
#include "amparo-contact.h"
#include "amparo-demand.h"
#include "amparo-demand-update.h"
#include "amparo-event.h"
#include "amparo-evidence.h"
#include "amparo-journal-entry.h"
#include "amparo-litigation.h"
#include "amparo-location.h"
#include "amparo-membership.h"
#include "amparo-organization.h"
#include "amparo-person.h"
#include "amparo-proceeding.h"
#include "amparo-relationship.h"
#include "amparo-release.h"
#include "amparo-release-demand.h"
#include "amparo-relative.h"
#include "amparo-field-change.h"
#include "amparo-document.h"  /* documents (#18) */

/* roles (#17) */
#include "amparo-access.h"
#include "amparo-case-restriction.h"
#include "amparo-staff.h"

G_BEGIN_DECLS

/**
 * AmparoStoreError:
 * @AMPARO_STORE_ERROR_FAILED: anything else (the message says what)
 * @AMPARO_STORE_ERROR_CORRUPT: the file is damaged; restore a backup
 * @AMPARO_STORE_ERROR_NEWER_VERSION: written by a newer Amparo; left untouched
 * @AMPARO_STORE_ERROR_NOT_AMPARO: not an Amparo database (or not a database)
 * @AMPARO_STORE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @AMPARO_STORE_ERROR_DISK_FULL: no room left; nothing was half-written
 * @AMPARO_STORE_ERROR_INVALID: a value is not acceptable; see
 *   amparo_store_error_get_field()
 * @AMPARO_STORE_ERROR_DUPLICATE: the value is already used by another live
 *   record (an A-number, a family link); see amparo_store_error_get_field()
 * @AMPARO_STORE_ERROR_NOT_FOUND: no such record
 *
 * Every message is a translated sentence fit to show as is.
 */
typedef enum {
  AMPARO_STORE_ERROR_FAILED,
  AMPARO_STORE_ERROR_CORRUPT,
  AMPARO_STORE_ERROR_NEWER_VERSION,
  AMPARO_STORE_ERROR_NOT_AMPARO,
  AMPARO_STORE_ERROR_READ_ONLY,
  AMPARO_STORE_ERROR_DISK_FULL,
  AMPARO_STORE_ERROR_INVALID,
  AMPARO_STORE_ERROR_DUPLICATE,
  AMPARO_STORE_ERROR_NOT_FOUND,
  /* postgres (#10): someone else saved the record since it was loaded
   * (see amparo_store_error_get_conflict()); the shared server is away. */
  AMPARO_STORE_ERROR_CONFLICT,
  AMPARO_STORE_ERROR_UNREACHABLE,
  /* roles (#17): the staff member's role does not allow it. */
  AMPARO_STORE_ERROR_FORBIDDEN,
} AmparoStoreError;

#define AMPARO_STORE_ERROR (amparo_store_error_quark ())
GQuark      amparo_store_error_quark     (void);

/**
 * amparo_store_error_get_field:
 * @error: an error from the store
 *
 * For %AMPARO_STORE_ERROR_INVALID and %AMPARO_STORE_ERROR_DUPLICATE: the
 * property name of the field at fault (e.g. `"a-number"`, `"birth-date"`),
 * so an editor can put the message under the right row and focus it.
 *
 * Returns: (nullable) (transfer none): the property name, or %NULL
 */
const char *amparo_store_error_get_field (const GError *error);

/**
 * AmparoListScope:
 * @AMPARO_LIST_LIVE: records not in the Trash
 * @AMPARO_LIST_TRASH: records in the Trash, most recently deleted first
 */
typedef enum {
  AMPARO_LIST_LIVE,
  AMPARO_LIST_TRASH,
} AmparoListScope;

/**
 * AmparoPersonSort:
 * @AMPARO_PERSON_SORT_FAMILY_NAMES: by family names, then given names
 * @AMPARO_PERSON_SORT_GIVEN_NAMES: by given names, then family names
 * @AMPARO_PERSON_SORT_INTAKE_DATE: newest intake first
 * @AMPARO_PERSON_SORT_UPDATED: most recently changed first
 */
typedef enum {
  AMPARO_PERSON_SORT_FAMILY_NAMES,
  AMPARO_PERSON_SORT_GIVEN_NAMES,
  AMPARO_PERSON_SORT_INTAKE_DATE,
  AMPARO_PERSON_SORT_UPDATED,
} AmparoPersonSort;

/**
 * AmparoStoreProgressFunc:
 * @fraction: done so far, 0.0 to 1.0
 * @user_data: closure
 *
 * Called in the thread-default main context of the caller.
 */
typedef void (*AmparoStoreProgressFunc) (double   fraction,
                                         gpointer user_data);

/**
 * AmparoStore:
 *
 * The case store: one SQLite file holding every record kind.
 *
 * All functions are called from the main thread. Saves, deletes and
 * restores run in a transaction (joining the caller's, if one is open)
 * that also writes the journal, and emit #AmparoStore::record-changed once
 * committed. Lists are #GListModel s that read lazily and refresh
 * themselves when a record of their kind changes.
 */
#define AMPARO_TYPE_STORE (amparo_store_get_type ())
G_DECLARE_FINAL_TYPE (AmparoStore, amparo_store, AMPARO, STORE, GObject)

/* Opening, transactions */

AmparoStore  *amparo_store_open                 (const char     *path,
                                                 GError        **error);
AmparoStore  *amparo_store_open_server          (const char     *uri,
                                                 const char     *password,
                                                 GError        **error);
gboolean      amparo_store_path_is_server       (const char     *path);
const char   *amparo_store_get_path             (AmparoStore    *self);
int           amparo_store_get_schema_version   (AmparoStore    *self);
char         *amparo_store_default_path         (void);

gboolean      amparo_store_begin                (AmparoStore    *self,
                                                 GError        **error);
gboolean      amparo_store_commit               (AmparoStore    *self,
                                                 GError        **error);
void          amparo_store_rollback             (AmparoStore    *self);

/* Records */

gboolean      amparo_store_validate             (AmparoStore    *self,
                                                 AmparoRecord   *record,
                                                 GError        **error);
gboolean      amparo_store_save                 (AmparoStore    *self,
                                                 AmparoRecord   *record,
                                                 GError        **error);
gboolean      amparo_store_save_many            (AmparoStore    *self,
                                                 GPtrArray      *records,
                                                 AmparoStoreProgressFunc progress,
                                                 gpointer        progress_data,
                                                 GCancellable   *cancellable,
                                                 guint          *failed,
                                                 GError        **error);
gboolean      amparo_store_delete               (AmparoStore    *self,
                                                 AmparoRecord   *record,
                                                 GError        **error);
gboolean      amparo_store_restore              (AmparoStore    *self,
                                                 AmparoRecord   *record,
                                                 GError        **error);
gpointer      amparo_store_get_by_uid           (AmparoStore    *self,
                                                 GType           record_type,
                                                 const char     *uid,
                                                 GError        **error);
gpointer      amparo_store_get_by_id            (AmparoStore    *self,
                                                 GType           record_type,
                                                 gint64          id,
                                                 GError        **error);
gboolean      amparo_store_reload               (AmparoStore    *self,
                                                 AmparoRecord   *record,
                                                 GError        **error);
gint64        amparo_store_count                (AmparoStore    *self,
                                                 GType           record_type,
                                                 AmparoListScope scope);

/* Lists (lazy, self-refreshing) */

GListModel   *amparo_store_list                 (AmparoStore    *self,
                                                 GType           record_type,
                                                 AmparoListScope scope);
GListModel   *amparo_store_list_persons         (AmparoStore    *self,
                                                 AmparoListScope scope,
                                                 AmparoPersonSort sort);
GListModel   *amparo_store_list_upcoming_events (AmparoStore    *self,
                                                 const char     *from_date,
                                                 int             days);

/* A person's record */

AmparoPerson *amparo_store_find_person_by_a_number (AmparoStore *self,
                                                 const char     *a_number,
                                                 GError        **error);
GListModel   *amparo_store_list_relatives       (AmparoStore    *self,
                                                 AmparoPerson   *person);
GListModel   *amparo_store_list_contacts        (AmparoStore    *self,
                                                 AmparoPerson   *person);
GListModel   *amparo_store_list_locations       (AmparoStore    *self,
                                                 AmparoPerson   *person);
AmparoLocation *amparo_store_get_current_location (AmparoStore  *self,
                                                 AmparoPerson   *person);
GListModel   *amparo_store_list_proceedings     (AmparoStore    *self,
                                                 AmparoPerson   *person);
GListModel   *amparo_store_list_events          (AmparoStore    *self,
                                                 AmparoPerson   *person);
GListModel   *amparo_store_list_memberships     (AmparoStore    *self,
                                                 AmparoPerson   *person);
GListModel   *amparo_store_list_benefits        (AmparoStore    *self,
                                                 AmparoMembership *membership);
GListModel   *amparo_store_list_evidence        (AmparoStore    *self,
                                                 AmparoRelationship *relationship);

/* Press releases and demands */

GListModel   *amparo_store_list_release_demands (AmparoStore    *self,
                                                 AmparoRelease  *release);
gboolean      amparo_store_set_release_demands  (AmparoStore    *self,
                                                 AmparoRelease  *release,
                                                 AmparoDemand  **demands,
                                                 guint           n_demands,
                                                 GError        **error);
GListModel   *amparo_store_list_demand_updates  (AmparoStore    *self,
                                                 AmparoDemand   *demand);
GListModel   *amparo_store_list_demand_releases (AmparoStore    *self,
                                                 AmparoDemand   *demand);
AmparoOrganization *amparo_store_get_organization (AmparoStore  *self,
                                                 GError        **error);

/* History and journal */

GListModel   *amparo_store_list_history         (AmparoStore    *self,
                                                 AmparoRecord   *record);
GListModel   *amparo_store_list_client_history  (AmparoStore    *self,
                                                 AmparoPerson   *person);
GListModel   *amparo_store_list_field_history   (AmparoStore    *self,
                                                 AmparoRecord   *record,
                                                 const char     *property);
GListModel   *amparo_store_list_journal         (AmparoStore    *self);
gboolean      amparo_store_log_view             (AmparoStore    *self,
                                                 AmparoRecord   *record,
                                                 GError        **error);
gboolean      amparo_store_log_action           (AmparoStore    *self,
                                                 AmparoJournalAction action,
                                                 AmparoRecord   *record,
                                                 const char     *details,
                                                 GError        **error);

/* The journal, readable (privacy, #17; amparo-store-journal.c) */

/**
 * AmparoJournalQuery:
 * @person_uid: (nullable): only rows about this client's whole record
 * @record_text: (nullable): words of the record's name or title
 * @actor: (nullable): part of a staff account's name
 * @action: an #AmparoJournalAction, or -1 for any
 * @printed: only exports that were printed (with %AMPARO_JOURNAL_ACTION_EXPORT)
 * @since: (nullable): first day, `YYYY-MM-DD` (UTC), inclusive
 * @until: (nullable): last day, `YYYY-MM-DD` (UTC), inclusive
 *
 * Which journal rows to read; start from %AMPARO_JOURNAL_QUERY_INIT.
 */
typedef struct
{
  const char *person_uid;
  const char *record_text;
  const char *actor;
  int         action;
  gboolean    printed;
  const char *since;
  const char *until;
} AmparoJournalQuery;

#define AMPARO_JOURNAL_QUERY_INIT { NULL, NULL, NULL, -1, FALSE, NULL, NULL }

GPtrArray    *amparo_store_query_journal        (AmparoStore    *self,
                                                 const AmparoJournalQuery *query,
                                                 guint           offset,
                                                 guint           limit,
                                                 GError        **error);
const char   *amparo_store_journal_record_label (AmparoJournalEntry *entry);
gboolean      amparo_store_journal_is_print     (AmparoJournalEntry *entry);
GPtrArray    *amparo_store_list_record_views    (AmparoStore    *self,
                                                 AmparoPerson   *person,
                                                 guint           limit,
                                                 GError        **error);
gboolean      amparo_store_export_journal_csv   (AmparoStore    *self,
                                                 const AmparoJournalQuery *query,
                                                 const char     *path,
                                                 guint          *n_rows,
                                                 GError        **error);
/* The idle lock's password, judged by the server (amparo-store-unlock.c) */
gboolean      amparo_store_check_password       (AmparoStore    *self,
                                                 const char     *password,
                                                 GError        **error);

/* Backups and checks */

gboolean      amparo_store_backup_to_file       (AmparoStore    *self,
                                                 const char     *dest,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void          amparo_store_backup_async         (AmparoStore    *self,
                                                 const char     *dest,
                                                 AmparoStoreProgressFunc progress,
                                                 gpointer        progress_data,
                                                 GDestroyNotify  progress_data_free,
                                                 GCancellable   *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
gboolean      amparo_store_backup_finish        (AmparoStore    *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
gboolean      amparo_store_check                (AmparoStore    *self,
                                                 char          **report,
                                                 GError        **error);
gboolean      amparo_store_check_file           (const char     *path,
                                                 char          **report,
                                                 GError        **error);
gboolean      amparo_store_rotate_daily_backups (AmparoStore    *self,
                                                 GError        **error);
char         *amparo_store_get_backup_dir       (AmparoStore    *self);

/* Reliability (#11): work done on another connection to the same store */

void          amparo_store_announce_changed     (AmparoStore    *self,
                                                 AmparoRecord   *record);
guint         amparo_store_get_batch_size       (AmparoStore    *self,
                                                 GType           kind);
gboolean      amparo_store_restore_file         (const char     *backup,
                                                 const char     *db_path,
                                                 char          **kept_as,
                                                 GError        **error);

/* Helpers for editors */

char         *amparo_a_number_normalize         (const char     *text,
                                                 GError        **error);
char         *amparo_a_number_format            (const char     *a_number);
gboolean      amparo_contact_is_stale           (AmparoContact  *contact,
                                                 GDate          *today);

/* postgres (#10): the shared server, revisions and conflicts */

gboolean      amparo_store_is_shared            (AmparoStore    *self);
gboolean      amparo_store_is_server_address    (const char     *location);
void          amparo_store_watch_others         (AmparoStore    *self);
gboolean      amparo_store_error_get_conflict   (const GError   *error,
                                                 AmparoRecord  **theirs,
                                                 char          **who,
                                                 char          **when);
void          amparo_store_take_revision        (AmparoRecord   *record,
                                                 AmparoRecord   *theirs);
gboolean      amparo_store_copy                 (const char     *from,
                                                 const char     *to,
                                                 GError        **error);

/* caserecord (#9): the case record (amparo-store-case.c) */

gboolean      amparo_store_reschedule_event     (AmparoStore    *self,
                                                 AmparoEvent    *event,
                                                 const char     *starts_at,
                                                 AmparoEventSource moved_by,
                                                 GError        **error);
gboolean      amparo_event_needs_outcome        (AmparoEvent    *event,
                                                 const char     *today);
gint64        amparo_store_count_missed_hearings (AmparoStore   *self,
                                                 AmparoPerson   *person);
char         *amparo_store_default_time_zone    (void);
AmparoVerification amparo_store_derive_verification (AmparoStore *self,
                                                 AmparoRelationship *relationship);
int           amparo_store_get_contact_stale_days (void);
gboolean      amparo_contact_is_stale_after     (AmparoContact  *contact,
                                                 int             days);
gint64        amparo_store_count_stale_contacts (AmparoStore    *self,
                                                 AmparoPerson   *person,
                                                 int             days);
GListModel   *amparo_store_list_stale_contacts  (AmparoStore    *self,
                                                 int             days);
gboolean      amparo_store_mark_contact_reached (AmparoStore    *self,
                                                 AmparoContact  *contact,
                                                 GError        **error);
gboolean      amparo_person_has_tracing_consent (AmparoPerson   *person);
char         *amparo_store_describe_eligibility (AmparoStore    *self,
                                                 AmparoMembership *membership);

/* Input rules shared by every caller (newuser, #13): one parser for times
 * of day, every validation problem at once. */

char         *amparo_parse_time                 (const char     *text,
                                                 GError        **error);
char         *amparo_normalize_date_time        (const char     *text,
                                                 GError        **error);
GPtrArray    *amparo_store_validate_all         (AmparoStore    *self,
                                                 AmparoRecord   *record);

/* Release workflow (newuser, #13): every status change, from any caller,
 * passes these rules; amparo_store_save() applies them. */
gboolean      amparo_release_check_status_change (AmparoRelease       *release,
                                                  AmparoReleaseStatus  from,
                                                  AmparoReleaseStatus  to,
                                                  GDateTime           *now,
                                                  GError             **error);
gboolean      amparo_release_check_may_go_out   (AmparoRelease  *release,
                                                 gboolean        scheduled,
                                                 GDateTime      *now,
                                                 GError        **error);
gboolean      amparo_store_apply_release_rules  (AmparoStore    *self,
                                                 AmparoRelease  *release,
                                                 GError        **error);

/* postgres (#10): when the shared server is away */
gboolean      amparo_store_reconnect            (AmparoStore    *self,
                                                 GError        **error);

/* Generated titles in the language shown or printed (newuser, #13). */
char         *amparo_event_dup_title            (AmparoStore    *self,
                                                 AmparoEvent    *event,
                                                 const char     *language);

/* documents (#18): documents in the case file (amparo-store-documents.c) */

/* The largest file one document may be: 50 MB (as people count them,
 * and as g_format_size() shows them). */
#define AMPARO_DOCUMENT_MAX_SIZE (50 * 1000 * 1000)

gboolean      amparo_store_attach_document      (AmparoStore    *self,
                                                 AmparoDocument *document,
                                                 GBytes         *bytes,
                                                 GError        **error);
GBytes       *amparo_store_document_read        (AmparoStore    *self,
                                                 gint64          id,
                                                 char          **content_type,
                                                 GError        **error);
GListModel   *amparo_store_list_documents       (AmparoStore    *self,
                                                 AmparoPerson   *person);
AmparoDocument *amparo_store_find_document_copy (AmparoStore    *self,
                                                 gint64          person_id,
                                                 const char     *sha256);
char         *amparo_store_document_open_copy   (AmparoStore    *self,
                                                 AmparoDocument *document,
                                                 GError        **error);
void          amparo_store_document_remove_copy (const char     *path);
gboolean      amparo_store_export_documents     (AmparoStore    *self,
                                                 AmparoPerson   *person,
                                                 const char     *path,
                                                 guint          *n_exported,
                                                 GError        **error);
char         *amparo_document_sniff_content_type (GBytes        *bytes);

/* roles (#17): staff roles and restricted cases (amparo-store-access.c). */
AmparoStaffRole amparo_store_get_role           (AmparoStore         *self);
gboolean      amparo_store_may                  (AmparoStore         *self,
                                                 GType                record_type,
                                                 AmparoAccessAction   action);
gboolean      amparo_store_may_see_case_notes   (AmparoStore         *self);
char        **amparo_store_get_restriction      (AmparoStore         *self,
                                                 AmparoPerson        *person);
gboolean      amparo_store_set_restriction      (AmparoStore         *self,
                                                 AmparoPerson        *person,
                                                 const char * const  *accounts,
                                                 GError             **error);

G_END_DECLS
