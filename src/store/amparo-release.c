/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-store"

#include "config.h"

#include "amparo-release.h"
#include "amparo-record-private.h"

struct _AmparoRelease
{
  AmparoRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AmparoRelease, amparo_release, AMPARO_TYPE_RECORD)

static void
amparo_release_class_init (AmparoReleaseClass *klass)
{
  AmparoRecordClass *record_class = AMPARO_RECORD_CLASS (klass);

  record_class->table_name = "releases";
  record_class->default_order = "release_date DESC, id DESC";

  amparo_record_class_add_string (record_class, "title-en");
  amparo_record_class_add_string (record_class, "title-es");
  amparo_record_class_add_string (record_class, "body-en");
  amparo_record_class_add_string (record_class, "body-es");
  amparo_record_class_add_string (record_class, "dateline");
  /* 0011-newuser.sql: the Spanish text's own dateline (LOS ÁNGELES). */
  amparo_record_class_add_string (record_class, "dateline-es");
  amparo_record_class_add_string (record_class, "release-date");
  amparo_record_class_add_string (record_class, "embargo-until");
  amparo_record_class_add_string (record_class, "embargo-timezone");
  amparo_record_class_add_enum (record_class, "status", AMPARO_TYPE_RELEASE_STATUS, AMPARO_RELEASE_STATUS_DRAFT);
  amparo_record_class_add_string (record_class, "media-contact");
  amparo_record_class_add_int64 (record_class, "litigation-id");
  amparo_record_class_add_int64 (record_class, "post-id");
  amparo_record_class_add_string (record_class, "post-url");
  amparo_record_class_add_string (record_class, "published-at");
  amparo_record_class_add_string (record_class, "source-guid");
  amparo_record_class_add_string (record_class, "source-url");
  amparo_record_class_add_string (record_class, "original-html");
  /* 0007-web.sql: the post as the site reports it. */
  amparo_record_class_add_string (record_class, "site-status");
  amparo_record_class_add_string (record_class, "scheduled-for");
  amparo_record_class_add_string (record_class, "first-published-at");
  amparo_record_class_add_string (record_class, "post-modified");
  amparo_record_class_add_int64 (record_class, "post-id-es");
  amparo_record_class_add_string (record_class, "post-url-es");
}

static void
amparo_release_init (AmparoRelease *self)
{
}

/**
 * amparo_release_new:
 *
 * Returns: (transfer full): a new, unsaved record
 */
AmparoRelease *
amparo_release_new (void)
{
  return g_object_new (AMPARO_TYPE_RELEASE, NULL);
}
