/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoOrganization:
 *
 * The organization itself: name, address, boilerplate and the default
 * media contact.
 *
 * Table `organization`; columns (properties):
 * - `name`
 * - `address`
 * - `about-en`
 * - `about-es`
 * - `website-url`
 * - `media-contact-name`
 * - `media-contact-phone`
 * - `media-contact-email`
 */
#define AMPARO_TYPE_ORGANIZATION (amparo_organization_get_type ())
G_DECLARE_FINAL_TYPE (AmparoOrganization, amparo_organization, AMPARO, ORGANIZATION, AmparoRecord)

AmparoOrganization *amparo_organization_new (void);

AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, name, "name")
AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, address, "address")
AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, about_en, "about-en")
AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, about_es, "about-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, website_url, "website-url")
AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, media_contact_name, "media-contact-name")
AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, media_contact_phone, "media-contact-phone")
AMPARO_RECORD_STRING_ACCESSORS (AmparoOrganization, amparo_organization, media_contact_email, "media-contact-email")

G_END_DECLS
