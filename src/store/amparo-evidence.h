/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoEvidence:
 *
 * One entry of a relationship's verification log: a document, whether the
 * accounts of child and adult agree, a DNA result, who verified it and
 * when.
 *
 * Table `relationship_evidence`; columns (properties):
 * - `relationship-id`
 * - `kind`
 * - `description`
 * - `verified-by`
 * - `verified-on`
 */
#define AMPARO_TYPE_EVIDENCE (amparo_evidence_get_type ())
G_DECLARE_FINAL_TYPE (AmparoEvidence, amparo_evidence, AMPARO, EVIDENCE, AmparoRecord)

AmparoEvidence *amparo_evidence_new (void);

AMPARO_RECORD_INT64_ACCESSORS (AmparoEvidence, amparo_evidence, relationship_id, "relationship-id")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoEvidence, amparo_evidence, kind, "kind", AmparoEvidenceKind)
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvidence, amparo_evidence, description, "description")
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvidence, amparo_evidence, verified_by, "verified-by")
AMPARO_RECORD_STRING_ACCESSORS (AmparoEvidence, amparo_evidence, verified_on, "verified-on")

G_END_DECLS
