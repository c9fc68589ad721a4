/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoDemandUpdate:
 *
 * A dated change of a demand's status, with a note in English and Spanish
 * and a source.
 *
 * Table `demand_updates`; columns (properties):
 * - `demand-id`
 * - `update-date`
 * - `status`
 * - `note-en`
 * - `note-es`
 * - `source-url`
 */
#define AMPARO_TYPE_DEMAND_UPDATE (amparo_demand_update_get_type ())
G_DECLARE_FINAL_TYPE (AmparoDemandUpdate, amparo_demand_update, AMPARO, DEMAND_UPDATE, AmparoRecord)

AmparoDemandUpdate *amparo_demand_update_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoDemandUpdate, amparo_demand_update, demand_id, "demand-id")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemandUpdate, amparo_demand_update, update_date, "update-date")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoDemandUpdate, amparo_demand_update, status, "status", AmparoDemandStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemandUpdate, amparo_demand_update, note_en, "note-en")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemandUpdate, amparo_demand_update, note_es, "note-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemandUpdate, amparo_demand_update, source_url, "source-url")

G_END_DECLS
