/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoReleaseDemand:
 *
 * A release states a demand as its item number.
 *
 * Table `release_demands`; columns (properties):
 * - `release-id`
 * - `demand-id`
 * - `number`
 */
#define AMPARO_TYPE_RELEASE_DEMAND (amparo_release_demand_get_type ())
G_DECLARE_FINAL_TYPE (AmparoReleaseDemand, amparo_release_demand, AMPARO, RELEASE_DEMAND, AmparoRecord)

AmparoReleaseDemand *amparo_release_demand_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoReleaseDemand, amparo_release_demand, release_id, "release-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoReleaseDemand, amparo_release_demand, demand_id, "demand-id")
AMPARO_RECORD_INT_ACCESSORS (AmparoReleaseDemand, amparo_release_demand, number, "number")

G_END_DECLS
