/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The kinds and statuses of docs/architecture.md. Each value is stored in the
 * database as its nick (`orr-shelter`), never its number, so values can be
 * added anywhere in a list; each has a translated label for the UI.
 */

/* Sex of a person as recorded at intake. */
typedef enum {
  AMPARO_SEX_UNKNOWN,
  AMPARO_SEX_FEMALE,
  AMPARO_SEX_MALE,
  AMPARO_SEX_OTHER,
} AmparoSex;

#define AMPARO_TYPE_SEX (amparo_sex_get_type ())
GType       amparo_sex_get_type  (void) G_GNUC_CONST;
const char *amparo_sex_get_label (AmparoSex value);

/* Where a person stands with the organization. */
typedef enum {
  AMPARO_CLIENT_STATUS_PROSPECTIVE,
  AMPARO_CLIENT_STATUS_ACTIVE,
  AMPARO_CLIENT_STATUS_CLOSED,
  AMPARO_CLIENT_STATUS_NOT_CLIENT,
} AmparoClientStatus;

#define AMPARO_TYPE_CLIENT_STATUS (amparo_client_status_get_type ())
GType       amparo_client_status_get_type  (void) G_GNUC_CONST;
const char *amparo_client_status_get_label (AmparoClientStatus value);

/* How a person (or their relative) can be reached. */
typedef enum {
  AMPARO_CONTACT_KIND_PHONE,
  AMPARO_CONTACT_KIND_WHATSAPP,
  AMPARO_CONTACT_KIND_EMAIL,
  AMPARO_CONTACT_KIND_ADDRESS,
  AMPARO_CONTACT_KIND_OTHER,
} AmparoContactKind;

#define AMPARO_TYPE_CONTACT_KIND (amparo_contact_kind_get_type ())
GType       amparo_contact_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_contact_kind_get_label (AmparoContactKind value);

/* Where a person is or was. */
typedef enum {
  AMPARO_LOCATION_KIND_UNKNOWN,
  AMPARO_LOCATION_KIND_ORR_SHELTER,
  AMPARO_LOCATION_KIND_ICE_DETENTION,
  AMPARO_LOCATION_KIND_CBP_CUSTODY,
  AMPARO_LOCATION_KIND_SPONSOR_HOME,
  AMPARO_LOCATION_KIND_SHELTER_MEXICO,
  AMPARO_LOCATION_KIND_DEPORTED,
  AMPARO_LOCATION_KIND_OTHER,
} AmparoLocationKind;

#define AMPARO_TYPE_LOCATION_KIND (amparo_location_kind_get_type ())
GType       amparo_location_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_location_kind_get_label (AmparoLocationKind value);

/* What the relative is to the person. */
typedef enum {
  AMPARO_RELATIONSHIP_KIND_PARENT,
  AMPARO_RELATIONSHIP_KIND_CHILD,
  AMPARO_RELATIONSHIP_KIND_SIBLING,
  AMPARO_RELATIONSHIP_KIND_GRANDPARENT,
  AMPARO_RELATIONSHIP_KIND_GRANDCHILD,
  AMPARO_RELATIONSHIP_KIND_GUARDIAN,
  AMPARO_RELATIONSHIP_KIND_WARD,
  AMPARO_RELATIONSHIP_KIND_SPONSOR,
  AMPARO_RELATIONSHIP_KIND_SPONSORED,
  AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE,
} AmparoRelationshipKind;

#define AMPARO_TYPE_RELATIONSHIP_KIND (amparo_relationship_kind_get_type ())
GType       amparo_relationship_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_relationship_kind_get_label (AmparoRelationshipKind value);

/* How a family relationship was verified. */
typedef enum {
  AMPARO_VERIFICATION_CLAIMED,
  AMPARO_VERIFICATION_DOCUMENTED,
  AMPARO_VERIFICATION_DNA,
  AMPARO_VERIFICATION_AGENCY_VERIFIED,
} AmparoVerification;

#define AMPARO_TYPE_VERIFICATION (amparo_verification_get_type ())
GType       amparo_verification_get_type  (void) G_GNUC_CONST;
const char *amparo_verification_get_label (AmparoVerification value);

/* Where a separated family stands. */
typedef enum {
  AMPARO_REUNIFICATION_NOT_SEPARATED,
  AMPARO_REUNIFICATION_SEPARATED,
  AMPARO_REUNIFICATION_LOCATED,
  AMPARO_REUNIFICATION_IN_CONTACT,
  AMPARO_REUNIFICATION_PLANNED,
  AMPARO_REUNIFICATION_REUNIFIED,
  AMPARO_REUNIFICATION_DECLINED,
  AMPARO_REUNIFICATION_UNKNOWN,
} AmparoReunificationStatus;

#define AMPARO_TYPE_REUNIFICATION_STATUS (amparo_reunification_status_get_type ())
GType       amparo_reunification_status_get_type  (void) G_GNUC_CONST;
const char *amparo_reunification_status_get_label (AmparoReunificationStatus value);

/* Evidence offered for a family relationship. */
typedef enum {
  AMPARO_EVIDENCE_KIND_DOCUMENT,
  AMPARO_EVIDENCE_KIND_ACCOUNTS_AGREE,
  AMPARO_EVIDENCE_KIND_ACCOUNTS_DIFFER,
  AMPARO_EVIDENCE_KIND_DNA,
  AMPARO_EVIDENCE_KIND_AGENCY,
  AMPARO_EVIDENCE_KIND_OTHER,
} AmparoEvidenceKind;

#define AMPARO_TYPE_EVIDENCE_KIND (amparo_evidence_kind_get_type ())
GType       amparo_evidence_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_evidence_kind_get_label (AmparoEvidenceKind value);

/* The kind of immigration matter. */
typedef enum {
  AMPARO_PROCEEDING_KIND_REMOVAL,
  AMPARO_PROCEEDING_KIND_AFFIRMATIVE_ASYLUM,
  AMPARO_PROCEEDING_KIND_DEFENSIVE_ASYLUM,
  AMPARO_PROCEEDING_KIND_CREDIBLE_FEAR,
  AMPARO_PROCEEDING_KIND_SIJS,
  AMPARO_PROCEEDING_KIND_T_VISA,
  AMPARO_PROCEEDING_KIND_U_VISA,
  AMPARO_PROCEEDING_KIND_TPS,
  AMPARO_PROCEEDING_KIND_PAROLE,
  AMPARO_PROCEEDING_KIND_OTHER,
  AMPARO_PROCEEDING_KIND_WITHHOLDING_CAT,
  AMPARO_PROCEEDING_KIND_REASONABLE_FEAR,
  AMPARO_PROCEEDING_KIND_SIJS_STATE_COURT,
  AMPARO_PROCEEDING_KIND_SIJS_USCIS,
  AMPARO_PROCEEDING_KIND_ADJUSTMENT,
} AmparoProceedingKind;

#define AMPARO_TYPE_PROCEEDING_KIND (amparo_proceeding_kind_get_type ())
GType       amparo_proceeding_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_proceeding_kind_get_label (AmparoProceedingKind value);

/* Where a proceeding stands. */
typedef enum {
  AMPARO_PROCEEDING_STATUS_OPEN,
  AMPARO_PROCEEDING_STATUS_PENDING_DECISION,
  AMPARO_PROCEEDING_STATUS_DECIDED,
  AMPARO_PROCEEDING_STATUS_APPEALED,
  AMPARO_PROCEEDING_STATUS_CLOSED,
} AmparoProceedingStatus;

#define AMPARO_TYPE_PROCEEDING_STATUS (amparo_proceeding_status_get_type ())
GType       amparo_proceeding_status_get_type  (void) G_GNUC_CONST;
const char *amparo_proceeding_status_get_label (AmparoProceedingStatus value);

/* The kind of dated event. */
typedef enum {
  AMPARO_EVENT_KIND_HEARING,
  AMPARO_EVENT_KIND_INTERVIEW,
  AMPARO_EVENT_KIND_FILING_DEADLINE,
  AMPARO_EVENT_KIND_APPEAL_DEADLINE,
  AMPARO_EVENT_KIND_CHECK_IN,
  AMPARO_EVENT_KIND_BENEFIT_END,
  AMPARO_EVENT_KIND_OTHER,
} AmparoEventKind;

#define AMPARO_TYPE_EVENT_KIND (amparo_event_kind_get_type ())
GType       amparo_event_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_event_kind_get_label (AmparoEventKind value);

/* Where an event's date came from. */
typedef enum {
  AMPARO_EVENT_SOURCE_MANUAL,
  AMPARO_EVENT_SOURCE_COURT_NOTICE,
  AMPARO_EVENT_SOURCE_EOIR_STATUS,
  AMPARO_EVENT_SOURCE_COMPUTED,
  AMPARO_EVENT_SOURCE_USCIS_NOTICE,
} AmparoEventSource;

#define AMPARO_TYPE_EVENT_SOURCE (amparo_event_source_get_type ())
GType       amparo_event_source_get_type  (void) G_GNUC_CONST;
const char *amparo_event_source_get_label (AmparoEventSource value);

/* Where an impact case stands. */
typedef enum {
  AMPARO_LITIGATION_STATUS_ACTIVE,
  AMPARO_LITIGATION_STATUS_SETTLED,
  AMPARO_LITIGATION_STATUS_DECIDED,
  AMPARO_LITIGATION_STATUS_CLOSED,
} AmparoLitigationStatus;

#define AMPARO_TYPE_LITIGATION_STATUS (amparo_litigation_status_get_type ())
GType       amparo_litigation_status_get_type  (void) G_GNUC_CONST;
const char *amparo_litigation_status_get_label (AmparoLitigationStatus value);

/* Where a class member's claim stands. */
typedef enum {
  AMPARO_CLAIM_STATUS_NOT_FILED,
  AMPARO_CLAIM_STATUS_PENDING,
  AMPARO_CLAIM_STATUS_APPROVED,
  AMPARO_CLAIM_STATUS_DENIED,
} AmparoClaimStatus;

#define AMPARO_TYPE_CLAIM_STATUS (amparo_claim_status_get_type ())
GType       amparo_claim_status_get_type  (void) G_GNUC_CONST;
const char *amparo_claim_status_get_label (AmparoClaimStatus value);

/* A settlement benefit. */
typedef enum {
  AMPARO_BENEFIT_KIND_HOUSING,
  AMPARO_BENEFIT_KIND_MEDICAL,
  AMPARO_BENEFIT_KIND_MENTAL_HEALTH,
  AMPARO_BENEFIT_KIND_OTHER,
} AmparoBenefitKind;

#define AMPARO_TYPE_BENEFIT_KIND (amparo_benefit_kind_get_type ())
GType       amparo_benefit_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_benefit_kind_get_label (AmparoBenefitKind value);

/* Where a press release stands. */
typedef enum {
  AMPARO_RELEASE_STATUS_DRAFT,
  AMPARO_RELEASE_STATUS_IN_REVIEW,
  AMPARO_RELEASE_STATUS_APPROVED,
  AMPARO_RELEASE_STATUS_PUBLISHED,
  AMPARO_RELEASE_STATUS_WITHDRAWN,
} AmparoReleaseStatus;

#define AMPARO_TYPE_RELEASE_STATUS (amparo_release_status_get_type ())
GType       amparo_release_status_get_type  (void) G_GNUC_CONST;
const char *amparo_release_status_get_label (AmparoReleaseStatus value);

/* To whom a demand is addressed. */
typedef enum {
  AMPARO_DEMAND_TARGET_PRESIDENT,
  AMPARO_DEMAND_TARGET_DHS,
  AMPARO_DEMAND_TARGET_ICE,
  AMPARO_DEMAND_TARGET_CBP,
  AMPARO_DEMAND_TARGET_CONGRESS,
  AMPARO_DEMAND_TARGET_GOVERNOR,
  AMPARO_DEMAND_TARGET_OTHER,
} AmparoDemandTarget;

#define AMPARO_TYPE_DEMAND_TARGET (amparo_demand_target_get_type ())
GType       amparo_demand_target_get_type  (void) G_GNUC_CONST;
const char *amparo_demand_target_get_label (AmparoDemandTarget value);

/* What became of a demand. */
typedef enum {
  AMPARO_DEMAND_STATUS_OPEN,
  AMPARO_DEMAND_STATUS_PARTIALLY_MET,
  AMPARO_DEMAND_STATUS_MET,
  AMPARO_DEMAND_STATUS_REJECTED,
  AMPARO_DEMAND_STATUS_WITHDRAWN,
} AmparoDemandStatus;

#define AMPARO_TYPE_DEMAND_STATUS (amparo_demand_status_get_type ())
GType       amparo_demand_status_get_type  (void) G_GNUC_CONST;
const char *amparo_demand_status_get_label (AmparoDemandStatus value);

/* What a journal row records. */
typedef enum {
  AMPARO_JOURNAL_ACTION_INSERT,
  AMPARO_JOURNAL_ACTION_UPDATE,
  AMPARO_JOURNAL_ACTION_DELETE,
  AMPARO_JOURNAL_ACTION_RESTORE,
  AMPARO_JOURNAL_ACTION_VIEW,
  AMPARO_JOURNAL_ACTION_EXPORT,
  AMPARO_JOURNAL_ACTION_PUBLISH,
} AmparoJournalAction;

#define AMPARO_TYPE_JOURNAL_ACTION (amparo_journal_action_get_type ())
GType       amparo_journal_action_get_type  (void) G_GNUC_CONST;
const char *amparo_journal_action_get_label (AmparoJournalAction value);

/* caserecord (#9): what became of a dated event. */
typedef enum {
  AMPARO_EVENT_STATUS_SCHEDULED,
  AMPARO_EVENT_STATUS_HELD,
  AMPARO_EVENT_STATUS_MISSED,
  AMPARO_EVENT_STATUS_CANCELLED,
} AmparoEventStatus;

#define AMPARO_TYPE_EVENT_STATUS (amparo_event_status_get_type ())
GType       amparo_event_status_get_type  (void) G_GNUC_CONST;
const char *amparo_event_status_get_label (AmparoEventStatus value);

const char *amparo_enum_get_label (GType enum_type,
                                   int   value);

/* Reports (#16): the role of an adverse party in a client's case. */
typedef enum {
  AMPARO_ADVERSE_ROLE_ACCUSED_PARENT,
  AMPARO_ADVERSE_ROLE_TRAFFICKER,
  AMPARO_ADVERSE_ROLE_SPONSOR_UNDER_INVESTIGATION,
  AMPARO_ADVERSE_ROLE_ABUSER,
  AMPARO_ADVERSE_ROLE_EMPLOYER,
  AMPARO_ADVERSE_ROLE_OTHER,
} AmparoAdverseRole;

#define AMPARO_TYPE_ADVERSE_ROLE (amparo_adverse_role_get_type ())
GType       amparo_adverse_role_get_type  (void) G_GNUC_CONST;
const char *amparo_adverse_role_get_label (AmparoAdverseRole value);

/* Reports (#16): what was decided about a possible conflict of interest. */
typedef enum {
  AMPARO_CONFLICT_DECISION_CLEARED,
  AMPARO_CONFLICT_DECISION_DECLINED,
  AMPARO_CONFLICT_DECISION_WAIVED,
} AmparoConflictDecisionKind;

#define AMPARO_TYPE_CONFLICT_DECISION_KIND (amparo_conflict_decision_kind_get_type ())
GType       amparo_conflict_decision_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_conflict_decision_kind_get_label (AmparoConflictDecisionKind value);

/* documents (#18): what a document in the case file is. */
typedef enum {
  AMPARO_DOCUMENT_KIND_HEARING_NOTICE,
  AMPARO_DOCUMENT_KIND_BIRTH_CERTIFICATE,
  AMPARO_DOCUMENT_KIND_IDENTITY_DOCUMENT,
  AMPARO_DOCUMENT_KIND_DNA_RESULT,
  AMPARO_DOCUMENT_KIND_COURT_ORDER,
  AMPARO_DOCUMENT_KIND_APPLICATION,
  AMPARO_DOCUMENT_KIND_CORRESPONDENCE,
  AMPARO_DOCUMENT_KIND_PHOTO,
  AMPARO_DOCUMENT_KIND_OTHER,
} AmparoDocumentKind;

#define AMPARO_TYPE_DOCUMENT_KIND (amparo_document_kind_get_type ())
GType       amparo_document_kind_get_type  (void) G_GNUC_CONST;
const char *amparo_document_kind_get_label (AmparoDocumentKind value);

G_END_DECLS
