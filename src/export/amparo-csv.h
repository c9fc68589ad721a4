/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"
#include "amparo-csv-reader.h"

G_BEGIN_DECLS

/**
 * AmparoCsvRowAction:
 * @AMPARO_CSV_ROW_CREATE: a new person will be created
 * @AMPARO_CSV_ROW_UPDATE: the row matched a person (same A-number or
 *   Amparo ID), who will be updated
 * @AMPARO_CSV_ROW_REJECT: the row will not be imported; see the reason
 * @AMPARO_CSV_ROW_CONFIRM: the row matched a person whose names differ
 *   (often a mistyped A-Number): saved only once a person confirms it
 *   (amparo_csv_import_set_confirmed()); the command line rejects it
 */
typedef enum {
  AMPARO_CSV_ROW_CREATE,
  AMPARO_CSV_ROW_UPDATE,
  AMPARO_CSV_ROW_REJECT,
  AMPARO_CSV_ROW_CONFIRM,
} AmparoCsvRowAction;

/**
 * AmparoCsvProgressFunc:
 * @done: rows done so far
 * @total: all rows
 *
 * Called in the thread doing the work.
 */
typedef void (*AmparoCsvProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/**
 * AmparoCsvImport:
 *
 * A spreadsheet of persons read and checked against the store, row by
 * row, before anything is written: the preview an import dialog shows and
 * the report the command line prints. amparo_csv_import_apply() then
 * writes every accepted row in one transaction.
 */
typedef struct _AmparoCsvImport AmparoCsvImport;

GPtrArray          *amparo_csv_parse                (const char       *text,
                                                     gsize             length,
                                                     GArray          **lines);
char               *amparo_csv_format_persons       (AmparoStore      *store,
                                                     GListModel       *persons,
                                                     gsize            *length);
gboolean            amparo_csv_journal_persons      (AmparoStore      *store,
                                                     GListModel       *persons,
                                                     const char       *destination,
                                                     GError          **error);
gboolean            amparo_csv_write_persons        (AmparoStore      *store,
                                                     GListModel       *persons,
                                                     const char       *path,
                                                     GError          **error);

AmparoCsvImport    *amparo_csv_import_new           (AmparoStore      *store,
                                                     const char       *data,
                                                     gsize             length,
                                                     GError          **error);
AmparoCsvImport    *amparo_csv_import_new_full      (AmparoStore      *store,
                                                     const char       *data,
                                                     gsize             length,
                                                     AmparoCsvEncoding encoding,
                                                     AmparoCsvProgressFunc progress,
                                                     gpointer          progress_data,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
AmparoCsvImport    *amparo_csv_import_new_from_file (AmparoStore      *store,
                                                     const char       *path,
                                                     GError          **error);
void                amparo_csv_import_free          (AmparoCsvImport  *self);
guint               amparo_csv_import_get_n_rows    (AmparoCsvImport  *self);
AmparoCsvRowAction  amparo_csv_import_get_action    (AmparoCsvImport  *self,
                                                     guint             row);
guint               amparo_csv_import_get_line      (AmparoCsvImport  *self,
                                                     guint             row);
const char         *amparo_csv_import_get_reason    (AmparoCsvImport  *self,
                                                     guint             row);
const char         *amparo_csv_import_get_name      (AmparoCsvImport  *self,
                                                     guint             row);
AmparoPerson       *amparo_csv_import_get_person    (AmparoCsvImport  *self,
                                                     guint             row);
guint               amparo_csv_import_count         (AmparoCsvImport  *self,
                                                     AmparoCsvRowAction action);
char               *amparo_csv_import_describe_row  (AmparoCsvImport  *self,
                                                     guint             row);
char               *amparo_csv_import_format_summary (AmparoCsvImport *self);
char               *amparo_csv_import_format_report (AmparoCsvImport  *self);
gboolean            amparo_csv_import_apply         (AmparoCsvImport  *self,
                                                     GError          **error);
gboolean            amparo_csv_import_apply_full    (AmparoCsvImport  *self,
                                                     AmparoCsvProgressFunc progress,
                                                     gpointer          progress_data,
                                                     GCancellable     *cancellable,
                                                     GError          **error);
guint               amparo_csv_import_count_accepted (AmparoCsvImport *self);
guint               amparo_csv_import_get_n_contacts (AmparoCsvImport *self,
                                                     guint             row);
const char         *amparo_csv_import_get_existing_name (AmparoCsvImport *self,
                                                     guint             row);
void                amparo_csv_import_set_confirmed (AmparoCsvImport  *self,
                                                     guint             row,
                                                     gboolean          confirmed);
gboolean            amparo_csv_import_get_confirmed (AmparoCsvImport  *self,
                                                     guint             row);
AmparoCsvEncoding   amparo_csv_import_get_encoding  (AmparoCsvImport  *self);
GBytes             *amparo_csv_import_get_data      (AmparoCsvImport  *self);
void                amparo_csv_import_set_store     (AmparoCsvImport  *self,
                                                     AmparoStore      *store);
const char         *amparo_csv_import_get_encoding_evidence (AmparoCsvImport *self);

int                 amparo_csv_run_export_command   (AmparoStore      *store,
                                                     const char       *path);
int                 amparo_csv_run_import_command   (AmparoStore      *store,
                                                     const char       *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoCsvImport, amparo_csv_import_free)

G_END_DECLS
