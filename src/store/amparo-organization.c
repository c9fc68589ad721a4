/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-organization.h"
#include "amparo-record-private.h"

struct _AmparoOrganization
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoOrganization, amparo_organization, AMPARO_TYPE_RECORD)

static void
amparo_organization_class_init (AmparoOrganizationClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "organization";
  record_class->default_order = "id";

  amparo_record_class_add_string (record_class, "name");
  amparo_record_class_add_string (record_class, "address");
  amparo_record_class_add_string (record_class, "about-en");
  amparo_record_class_add_string (record_class, "about-es");
  amparo_record_class_add_string (record_class, "website-url");
  amparo_record_class_add_string (record_class, "media-contact-name");
  amparo_record_class_add_string (record_class, "media-contact-phone");
  amparo_record_class_add_string (record_class, "media-contact-email");
}

static void
amparo_organization_init (AmparoOrganization *self)
{
}

/**
 * amparo_organization_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoOrganization *
amparo_organization_new (void)
{
  return g_object_new (AMPARO_TYPE_ORGANIZATION, NULL);
}
