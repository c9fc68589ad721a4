/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include <glib/gi18n.h>

#include "amparo-enums.h"

G_DEFINE_ENUM_TYPE (AmparoSex, amparo_sex,
  G_DEFINE_ENUM_VALUE (AMPARO_SEX_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (AMPARO_SEX_FEMALE, "female"),
  G_DEFINE_ENUM_VALUE (AMPARO_SEX_MALE, "male"),
  G_DEFINE_ENUM_VALUE (AMPARO_SEX_OTHER, "other"))

const char *
amparo_sex_get_label (AmparoSex value)
{
  static const char * const labels[] = {
    NC_("sex", "Not recorded"),
    NC_("sex", "Female"),
    NC_("sex", "Male"),
    NC_("sex", "Other"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "sex", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoClientStatus, amparo_client_status,
  G_DEFINE_ENUM_VALUE (AMPARO_CLIENT_STATUS_PROSPECTIVE, "prospective"),
  G_DEFINE_ENUM_VALUE (AMPARO_CLIENT_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (AMPARO_CLIENT_STATUS_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (AMPARO_CLIENT_STATUS_NOT_CLIENT, "not-client"))

const char *
amparo_client_status_get_label (AmparoClientStatus value)
{
  static const char * const labels[] = {
    NC_("client status", "Prospective client"),
    NC_("client status", "Active client"),
    NC_("client status", "Closed case"),
    NC_("client status", "Not a client"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "client status", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoContactKind, amparo_contact_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_CONTACT_KIND_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (AMPARO_CONTACT_KIND_WHATSAPP, "whatsapp"),
  G_DEFINE_ENUM_VALUE (AMPARO_CONTACT_KIND_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (AMPARO_CONTACT_KIND_ADDRESS, "address"),
  G_DEFINE_ENUM_VALUE (AMPARO_CONTACT_KIND_OTHER, "other"))

const char *
amparo_contact_kind_get_label (AmparoContactKind value)
{
  static const char * const labels[] = {
    NC_("contact kind", "Phone"),
    NC_("contact kind", "WhatsApp"),
    NC_("contact kind", "Email"),
    NC_("contact kind", "Address"),
    NC_("contact kind", "Other contact"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "contact kind", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoLocationKind, amparo_location_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_ORR_SHELTER, "orr-shelter"),
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_ICE_DETENTION, "ice-detention"),
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_CBP_CUSTODY, "cbp-custody"),
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_SPONSOR_HOME, "sponsor-home"),
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_SHELTER_MEXICO, "shelter-mexico"),
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_DEPORTED, "deported"),
  G_DEFINE_ENUM_VALUE (AMPARO_LOCATION_KIND_OTHER, "other"))

const char *
amparo_location_kind_get_label (AmparoLocationKind value)
{
  static const char * const labels[] = {
    NC_("location kind", "Whereabouts unknown"),
    NC_("location kind", "ORR shelter"),
    NC_("location kind", "ICE detention"),
    NC_("location kind", "CBP custody"),
    NC_("location kind", "Sponsor or family home"),
    NC_("location kind", "Shelter in Mexico"),
    NC_("location kind", "Deported to country"),
    NC_("location kind", "Other place"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "location kind", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoRelationshipKind, amparo_relationship_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_PARENT, "parent"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_CHILD, "child"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_SIBLING, "sibling"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_GRANDPARENT, "grandparent"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_GRANDCHILD, "grandchild"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_GUARDIAN, "guardian"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_WARD, "ward"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_SPONSOR, "sponsor"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_SPONSORED, "sponsored"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELATIONSHIP_KIND_OTHER_RELATIVE, "other-relative"))

const char *
amparo_relationship_kind_get_label (AmparoRelationshipKind value)
{
  static const char * const labels[] = {
    NC_("relationship kind", "Parent"),
    NC_("relationship kind", "Child"),
    NC_("relationship kind", "Sibling"),
    NC_("relationship kind", "Grandparent"),
    NC_("relationship kind", "Grandchild"),
    NC_("relationship kind", "Guardian"),
    NC_("relationship kind", "Under guardianship"),
    NC_("relationship kind", "Sponsor"),
    NC_("relationship kind", "Sponsored person"),
    NC_("relationship kind", "Other relative"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "relationship kind", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoVerification, amparo_verification,
  G_DEFINE_ENUM_VALUE (AMPARO_VERIFICATION_CLAIMED, "claimed"),
  G_DEFINE_ENUM_VALUE (AMPARO_VERIFICATION_DOCUMENTED, "documented"),
  G_DEFINE_ENUM_VALUE (AMPARO_VERIFICATION_DNA, "dna"),
  G_DEFINE_ENUM_VALUE (AMPARO_VERIFICATION_AGENCY_VERIFIED, "agency-verified"))

const char *
amparo_verification_get_label (AmparoVerification value)
{
  static const char * const labels[] = {
    NC_("verification", "Claimed"),
    NC_("verification", "Documented"),
    NC_("verification", "DNA test"),
    NC_("verification", "Verified by agency"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "verification", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoReunificationStatus, amparo_reunification_status,
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_NOT_SEPARATED, "not-separated"),
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_SEPARATED, "separated"),
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_LOCATED, "located"),
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_IN_CONTACT, "in-contact"),
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_REUNIFIED, "reunified"),
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (AMPARO_REUNIFICATION_UNKNOWN, "unknown"))

const char *
amparo_reunification_status_get_label (AmparoReunificationStatus value)
{
  static const char * const labels[] = {
    NC_("reunification status", "Not separated"),
    NC_("reunification status", "Separated"),
    NC_("reunification status", "Located"),
    NC_("reunification status", "In contact"),
    NC_("reunification status", "Reunification planned"),
    NC_("reunification status", "Reunified"),
    NC_("reunification status", "Reunification declined"),
    NC_("reunification status", "Unknown"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "reunification status", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoEvidenceKind, amparo_evidence_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_EVIDENCE_KIND_DOCUMENT, "document"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVIDENCE_KIND_ACCOUNTS_AGREE, "accounts-agree"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVIDENCE_KIND_ACCOUNTS_DIFFER, "accounts-differ"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVIDENCE_KIND_DNA, "dna"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVIDENCE_KIND_AGENCY, "agency"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVIDENCE_KIND_OTHER, "other"))

const char *
amparo_evidence_kind_get_label (AmparoEvidenceKind value)
{
  static const char * const labels[] = {
    NC_("evidence kind", "Document"),
    NC_("evidence kind", "Accounts of child and adult agree"),
    NC_("evidence kind", "Accounts of child and adult differ"),
    NC_("evidence kind", "DNA result"),
    NC_("evidence kind", "Agency verification"),
    NC_("evidence kind", "Other evidence"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "evidence kind", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoProceedingKind, amparo_proceeding_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_REMOVAL, "removal"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_AFFIRMATIVE_ASYLUM, "affirmative-asylum"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_DEFENSIVE_ASYLUM, "defensive-asylum"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_CREDIBLE_FEAR, "credible-fear"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_SIJS, "sijs"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_T_VISA, "t-visa"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_U_VISA, "u-visa"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_TPS, "tps"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_PAROLE, "parole"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_WITHHOLDING_CAT, "withholding-cat"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_REASONABLE_FEAR, "reasonable-fear"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_SIJS_STATE_COURT, "sijs-state-court"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_SIJS_USCIS, "sijs-uscis"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_KIND_ADJUSTMENT, "adjustment"))

const char *
amparo_proceeding_kind_get_label (AmparoProceedingKind value)
{
  static const char * const labels[] = {
    NC_("proceeding kind", "Removal proceedings"),
    NC_("proceeding kind", "Affirmative asylum"),
    NC_("proceeding kind", "Defensive asylum"),
    NC_("proceeding kind", "Credible fear interview"),
    NC_("proceeding kind", "Special Immigrant Juvenile Status"),
    NC_("proceeding kind", "T visa"),
    NC_("proceeding kind", "U visa"),
    NC_("proceeding kind", "Temporary Protected Status"),
    NC_("proceeding kind", "Parole"),
    NC_("proceeding kind", "Other matter"),
    NC_("proceeding kind", "Withholding of removal / CAT"),
    NC_("proceeding kind", "Reasonable fear interview"),
    NC_("proceeding kind", "SIJS: state court findings"),
    NC_("proceeding kind", "SIJS: USCIS petition"),
    NC_("proceeding kind", "Adjustment of status"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "proceeding kind", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoProceedingStatus, amparo_proceeding_status,
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_STATUS_PENDING_DECISION, "pending-decision"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_STATUS_DECIDED, "decided"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_STATUS_APPEALED, "appealed"),
  G_DEFINE_ENUM_VALUE (AMPARO_PROCEEDING_STATUS_CLOSED, "closed"))

const char *
amparo_proceeding_status_get_label (AmparoProceedingStatus value)
{
  static const char * const labels[] = {
    NC_("proceeding status", "Open"),
    NC_("proceeding status", "Pending decision"),
    NC_("proceeding status", "Decided"),
    NC_("proceeding status", "On appeal"),
    NC_("proceeding status", "Closed"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "proceeding status", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoEventKind, amparo_event_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_KIND_HEARING, "hearing"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_KIND_INTERVIEW, "interview"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_KIND_FILING_DEADLINE, "filing-deadline"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_KIND_APPEAL_DEADLINE, "appeal-deadline"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_KIND_CHECK_IN, "check-in"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_KIND_BENEFIT_END, "benefit-end"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_KIND_OTHER, "other"))

const char *
amparo_event_kind_get_label (AmparoEventKind value)
{
  static const char * const labels[] = {
    NC_("event kind", "Hearing"),
    NC_("event kind", "Interview"),
    NC_("event kind", "Filing deadline"),
    NC_("event kind", "Appeal deadline"),
    NC_("event kind", "Check-in"),
    NC_("event kind", "Benefit ends"),
    NC_("event kind", "Other event"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "event kind", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoEventSource, amparo_event_source,
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_SOURCE_MANUAL, "manual"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_SOURCE_COURT_NOTICE, "court-notice"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_SOURCE_EOIR_STATUS, "eoir-status"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_SOURCE_COMPUTED, "computed"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_SOURCE_USCIS_NOTICE, "uscis-notice"))

const char *
amparo_event_source_get_label (AmparoEventSource value)
{
  static const char * const labels[] = {
    NC_("event source", "Entered by staff"),
    NC_("event source", "Court notice"),
    NC_("event source", "EOIR case status"),
    NC_("event source", "Computed by Amparo"),
    NC_("event source", "USCIS notice"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "event source", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoLitigationStatus, amparo_litigation_status,
  G_DEFINE_ENUM_VALUE (AMPARO_LITIGATION_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (AMPARO_LITIGATION_STATUS_SETTLED, "settled"),
  G_DEFINE_ENUM_VALUE (AMPARO_LITIGATION_STATUS_DECIDED, "decided"),
  G_DEFINE_ENUM_VALUE (AMPARO_LITIGATION_STATUS_CLOSED, "closed"))

const char *
amparo_litigation_status_get_label (AmparoLitigationStatus value)
{
  static const char * const labels[] = {
    NC_("litigation status", "Active"),
    NC_("litigation status", "Settled"),
    NC_("litigation status", "Decided"),
    NC_("litigation status", "Closed"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "litigation status", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoClaimStatus, amparo_claim_status,
  G_DEFINE_ENUM_VALUE (AMPARO_CLAIM_STATUS_NOT_FILED, "not-filed"),
  G_DEFINE_ENUM_VALUE (AMPARO_CLAIM_STATUS_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (AMPARO_CLAIM_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (AMPARO_CLAIM_STATUS_DENIED, "denied"))

const char *
amparo_claim_status_get_label (AmparoClaimStatus value)
{
  static const char * const labels[] = {
    NC_("claim status", "Not filed"),
    NC_("claim status", "Pending"),
    NC_("claim status", "Approved"),
    NC_("claim status", "Denied"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "claim status", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoBenefitKind, amparo_benefit_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_BENEFIT_KIND_HOUSING, "housing"),
  G_DEFINE_ENUM_VALUE (AMPARO_BENEFIT_KIND_MEDICAL, "medical"),
  G_DEFINE_ENUM_VALUE (AMPARO_BENEFIT_KIND_MENTAL_HEALTH, "mental-health"),
  G_DEFINE_ENUM_VALUE (AMPARO_BENEFIT_KIND_OTHER, "other"))

const char *
amparo_benefit_kind_get_label (AmparoBenefitKind value)
{
  static const char * const labels[] = {
    NC_("benefit kind", "Housing support"),
    NC_("benefit kind", "Medical support"),
    NC_("benefit kind", "Mental health support"),
    NC_("benefit kind", "Other benefit"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "benefit kind", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoReleaseStatus, amparo_release_status,
  G_DEFINE_ENUM_VALUE (AMPARO_RELEASE_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELEASE_STATUS_IN_REVIEW, "in-review"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELEASE_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELEASE_STATUS_PUBLISHED, "published"),
  G_DEFINE_ENUM_VALUE (AMPARO_RELEASE_STATUS_WITHDRAWN, "withdrawn"))

const char *
amparo_release_status_get_label (AmparoReleaseStatus value)
{
  static const char * const labels[] = {
    NC_("release status", "Draft"),
    NC_("release status", "In review"),
    NC_("release status", "Approved"),
    NC_("release status", "Published"),
    NC_("release status", "Withdrawn"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "release status", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoDemandTarget, amparo_demand_target,
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_TARGET_PRESIDENT, "president"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_TARGET_DHS, "dhs"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_TARGET_ICE, "ice"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_TARGET_CBP, "cbp"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_TARGET_CONGRESS, "congress"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_TARGET_GOVERNOR, "governor"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_TARGET_OTHER, "other"))

const char *
amparo_demand_target_get_label (AmparoDemandTarget value)
{
  static const char * const labels[] = {
    NC_("demand target", "The President"),
    NC_("demand target", "DHS"),
    NC_("demand target", "ICE"),
    NC_("demand target", "CBP"),
    NC_("demand target", "Congress"),
    NC_("demand target", "The Governor"),
    NC_("demand target", "Other"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "demand target", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoDemandStatus, amparo_demand_status,
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_STATUS_PARTIALLY_MET, "partially-met"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_STATUS_MET, "met"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_STATUS_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (AMPARO_DEMAND_STATUS_WITHDRAWN, "withdrawn"))

const char *
amparo_demand_status_get_label (AmparoDemandStatus value)
{
  static const char * const labels[] = {
    NC_("demand status", "Open"),
    NC_("demand status", "Partially met"),
    NC_("demand status", "Met"),
    NC_("demand status", "Rejected"),
    NC_("demand status", "Withdrawn"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "demand status", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoJournalAction, amparo_journal_action,
  G_DEFINE_ENUM_VALUE (AMPARO_JOURNAL_ACTION_INSERT, "insert"),
  G_DEFINE_ENUM_VALUE (AMPARO_JOURNAL_ACTION_UPDATE, "update"),
  G_DEFINE_ENUM_VALUE (AMPARO_JOURNAL_ACTION_DELETE, "delete"),
  G_DEFINE_ENUM_VALUE (AMPARO_JOURNAL_ACTION_RESTORE, "restore"),
  G_DEFINE_ENUM_VALUE (AMPARO_JOURNAL_ACTION_VIEW, "view"),
  G_DEFINE_ENUM_VALUE (AMPARO_JOURNAL_ACTION_EXPORT, "export"),
  G_DEFINE_ENUM_VALUE (AMPARO_JOURNAL_ACTION_PUBLISH, "publish"))

const char *
amparo_journal_action_get_label (AmparoJournalAction value)
{
  static const char * const labels[] = {
    NC_("journal action", "Created"),
    NC_("journal action", "Changed"),
    NC_("journal action", "Moved to Trash"),
    NC_("journal action", "Restored"),
    NC_("journal action", "Viewed"),
    NC_("journal action", "Exported"),
    NC_("journal action", "Published"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "journal action", labels[value]);
}

/**
 * amparo_enum_get_label:
 * @enum_type: one of the enum types above
 * @value: a value of it
 *
 * The translated label of any of the store's enums, for drop-downs that
 * are built from the enum type alone.
 *
 * Returns: (transfer none): the label
 */
const char *
amparo_enum_get_label (GType enum_type,
                       int   value)
{
  if (enum_type == AMPARO_TYPE_SEX)
    return amparo_sex_get_label (value);
  if (enum_type == AMPARO_TYPE_CLIENT_STATUS)
    return amparo_client_status_get_label (value);
  if (enum_type == AMPARO_TYPE_CONTACT_KIND)
    return amparo_contact_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_LOCATION_KIND)
    return amparo_location_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_RELATIONSHIP_KIND)
    return amparo_relationship_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_VERIFICATION)
    return amparo_verification_get_label (value);
  if (enum_type == AMPARO_TYPE_REUNIFICATION_STATUS)
    return amparo_reunification_status_get_label (value);
  if (enum_type == AMPARO_TYPE_EVIDENCE_KIND)
    return amparo_evidence_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_PROCEEDING_KIND)
    return amparo_proceeding_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_PROCEEDING_STATUS)
    return amparo_proceeding_status_get_label (value);
  if (enum_type == AMPARO_TYPE_EVENT_KIND)
    return amparo_event_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_EVENT_SOURCE)
    return amparo_event_source_get_label (value);
  if (enum_type == AMPARO_TYPE_EVENT_STATUS)
    return amparo_event_status_get_label (value);
  if (enum_type == AMPARO_TYPE_LITIGATION_STATUS)
    return amparo_litigation_status_get_label (value);
  if (enum_type == AMPARO_TYPE_CLAIM_STATUS)
    return amparo_claim_status_get_label (value);
  if (enum_type == AMPARO_TYPE_BENEFIT_KIND)
    return amparo_benefit_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_RELEASE_STATUS)
    return amparo_release_status_get_label (value);
  if (enum_type == AMPARO_TYPE_DEMAND_TARGET)
    return amparo_demand_target_get_label (value);
  if (enum_type == AMPARO_TYPE_DEMAND_STATUS)
    return amparo_demand_status_get_label (value);
  if (enum_type == AMPARO_TYPE_JOURNAL_ACTION)
    return amparo_journal_action_get_label (value);
  /* Reports (#16) */
  if (enum_type == AMPARO_TYPE_ADVERSE_ROLE)
    return amparo_adverse_role_get_label (value);
  if (enum_type == AMPARO_TYPE_CONFLICT_DECISION_KIND)
    return amparo_conflict_decision_kind_get_label (value);
  if (enum_type == AMPARO_TYPE_DOCUMENT_KIND)  /* documents (#18) */
    return amparo_document_kind_get_label (value);
  g_return_val_if_reached ("");
}

/* Reports (#16): adverse parties and conflict decisions. */

G_DEFINE_ENUM_TYPE (AmparoAdverseRole, amparo_adverse_role,
  G_DEFINE_ENUM_VALUE (AMPARO_ADVERSE_ROLE_ACCUSED_PARENT, "accused-parent"),
  G_DEFINE_ENUM_VALUE (AMPARO_ADVERSE_ROLE_TRAFFICKER, "trafficker"),
  G_DEFINE_ENUM_VALUE (AMPARO_ADVERSE_ROLE_SPONSOR_UNDER_INVESTIGATION, "sponsor-under-investigation"),
  G_DEFINE_ENUM_VALUE (AMPARO_ADVERSE_ROLE_ABUSER, "abuser"),
  G_DEFINE_ENUM_VALUE (AMPARO_ADVERSE_ROLE_EMPLOYER, "employer"),
  G_DEFINE_ENUM_VALUE (AMPARO_ADVERSE_ROLE_OTHER, "other"))

const char *
amparo_adverse_role_get_label (AmparoAdverseRole value)
{
  static const char * const labels[] = {
    NC_("adverse role", "Parent accused of abuse or neglect"),
    NC_("adverse role", "Trafficker"),
    NC_("adverse role", "Sponsor under investigation"),
    NC_("adverse role", "Abuser"),
    NC_("adverse role", "Employer"),
    NC_("adverse role", "Other adverse party"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "adverse role", labels[value]);
}

G_DEFINE_ENUM_TYPE (AmparoConflictDecisionKind, amparo_conflict_decision_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_CONFLICT_DECISION_CLEARED, "cleared"),
  G_DEFINE_ENUM_VALUE (AMPARO_CONFLICT_DECISION_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (AMPARO_CONFLICT_DECISION_WAIVED, "waived"))

const char *
amparo_conflict_decision_kind_get_label (AmparoConflictDecisionKind value)
{
  static const char * const labels[] = {
    NC_("conflict decision", "Cleared: no conflict"),
    NC_("conflict decision", "Declined: the organization cannot take the case"),
    NC_("conflict decision", "Waived with informed consent"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "conflict decision", labels[value]);
}

/* caserecord (#9) */
G_DEFINE_ENUM_TYPE (AmparoEventStatus, amparo_event_status,
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_STATUS_SCHEDULED, "scheduled"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_STATUS_HELD, "held"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_STATUS_MISSED, "missed"),
  G_DEFINE_ENUM_VALUE (AMPARO_EVENT_STATUS_CANCELLED, "cancelled"))

const char *
amparo_event_status_get_label (AmparoEventStatus value)
{
  static const char * const labels[] = {
    NC_("event status", "Scheduled"),
    NC_("event status", "Held"),
    NC_("event status", "Missed"),
    NC_("event status", "Cancelled"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "event status", labels[value]);
}

/* documents (#18) */
G_DEFINE_ENUM_TYPE (AmparoDocumentKind, amparo_document_kind,
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_HEARING_NOTICE, "hearing-notice"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_BIRTH_CERTIFICATE, "birth-certificate"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_IDENTITY_DOCUMENT, "identity-document"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_DNA_RESULT, "dna-result"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_COURT_ORDER, "court-order"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_APPLICATION, "application"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_CORRESPONDENCE, "correspondence"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_PHOTO, "photo"),
  G_DEFINE_ENUM_VALUE (AMPARO_DOCUMENT_KIND_OTHER, "other"))

const char *
amparo_document_kind_get_label (AmparoDocumentKind value)
{
  static const char * const labels[] = {
    NC_("document kind", "Hearing notice"),
    NC_("document kind", "Birth certificate"),
    NC_("document kind", "Identity document"),
    NC_("document kind", "DNA result"),
    NC_("document kind", "Court order"),
    NC_("document kind", "Application or form"),
    NC_("document kind", "Correspondence"),
    NC_("document kind", "Photo"),
    NC_("document kind", "Other document"),
  };

  g_return_val_if_fail ((guint) value < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "document kind", labels[value]);
}
