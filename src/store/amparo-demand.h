/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoDemand:
 *
 * A policy demand, tracked over time.
 *
 * Table `demands`; columns (properties):
 * - `title-en`
 * - `title-es`
 * - `text-en`
 * - `text-es`
 * - `target`
 * - `target-detail`
 * - `status`
 * - `first-stated`
 * - `notes`
 */
#define AMPARO_TYPE_DEMAND (amparo_demand_get_type ())
G_DECLARE_FINAL_TYPE (AmparoDemand, amparo_demand, AMPARO, DEMAND, AmparoRecord)

AmparoDemand *amparo_demand_new (void);

AMPARO_RECORD_STRING_ACCESSORS (AmparoDemand, amparo_demand, title_en, "title-en")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemand, amparo_demand, title_es, "title-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemand, amparo_demand, text_en, "text-en")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemand, amparo_demand, text_es, "text-es")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoDemand, amparo_demand, target, "target", AmparoDemandTarget)
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemand, amparo_demand, target_detail, "target-detail")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoDemand, amparo_demand, status, "status", AmparoDemandStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemand, amparo_demand, first_stated, "first-stated")
AMPARO_RECORD_STRING_ACCESSORS (AmparoDemand, amparo_demand, notes, "notes")

G_END_DECLS
