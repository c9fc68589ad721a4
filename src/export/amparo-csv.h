/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoCsvRowAction:
 * @AMPARO_CSV_ROW_CREATE: a new person will be created
 * @AMPARO_CSV_ROW_UPDATE: the row matched a person (same A-number or
 *   Amparo ID), who will be updated
 * @AMPARO_CSV_ROW_REJECT: the row will not be imported; see the reason
 */
typedef enum {
  AMPARO_CSV_ROW_CREATE,
  AMPARO_CSV_ROW_UPDATE,
  AMPARO_CSV_ROW_REJECT,
} AmparoCsvRowAction;

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
char               *amparo_csv_format_persons       (GListModel       *persons,
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

int                 amparo_csv_run_export_command   (AmparoStore      *store,
                                                     const char       *path);
int                 amparo_csv_run_import_command   (AmparoStore      *store,
                                                     const char       *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoCsvImport, amparo_csv_import_free)

G_END_DECLS
