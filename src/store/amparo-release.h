/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-enums.h"
#include "amparo-record.h"

G_BEGIN_DECLS

/**
 * AmparoRelease:
 *
 * A press release: English and Spanish versions, dateline, release date or
 * embargo (embargo-until is ISO 8601 with its UTC offset, embargo-timezone
 * the zone it was entered in), status, and its post on the website.
 *
 * Table `releases`; columns (properties):
 * - `title-en`
 * - `title-es`
 * - `body-en`
 * - `body-es`
 * - `dateline`, `dateline-es`: the English dateline and the Spanish one
 * - `release-date`
 * - `embargo-until`
 * - `embargo-timezone`
 * - `status`
 * - `media-contact`
 * - `litigation-id`
 * - `post-id`
 * - `post-url`
 * - `published-at`
 * - `source-guid`
 * - `source-url`
 * - `original-html`
 * - `site-status`: the post's status on the site (`publish`, `future`,
 *   `draft`, `private`, `pending`), as WordPress last reported it
 * - `scheduled-for`: UTC time the site will publish a `future` post
 * - `first-published-at`: UTC time the post first went out; corrections
 *   keep it (`published-at` is the last publication)
 * - `post-modified`: the post's modification time (UTC) the site
 *   confirmed for Amparo's last write
 * - `post-id-es`, `post-url-es`: the Spanish post in two-post mode
 */
#define AMPARO_TYPE_RELEASE (amparo_release_get_type ())
G_DECLARE_FINAL_TYPE (AmparoRelease, amparo_release, AMPARO, RELEASE, AmparoRecord)

AmparoRelease *amparo_release_new (void);

AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, title_en, "title-en")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, title_es, "title-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, body_en, "body-en")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, body_es, "body-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, dateline, "dateline")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, dateline_es, "dateline-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, release_date, "release-date")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, embargo_until, "embargo-until")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, embargo_timezone, "embargo-timezone")
AMPARO_RECORD_ENUM_ACCESSORS (AmparoRelease, amparo_release, status, "status", AmparoReleaseStatus)
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, media_contact, "media-contact")
AMPARO_RECORD_INT64_ACCESSORS (AmparoRelease, amparo_release, litigation_id, "litigation-id")
AMPARO_RECORD_INT64_ACCESSORS (AmparoRelease, amparo_release, post_id, "post-id")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, post_url, "post-url")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, published_at, "published-at")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, source_guid, "source-guid")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, source_url, "source-url")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, original_html, "original-html")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, site_status, "site-status")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, scheduled_for, "scheduled-for")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, first_published_at, "first-published-at")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, post_modified, "post-modified")
AMPARO_RECORD_INT64_ACCESSORS (AmparoRelease, amparo_release, post_id_es, "post-id-es")
AMPARO_RECORD_STRING_ACCESSORS (AmparoRelease, amparo_release, post_url_es, "post-url-es")

G_END_DECLS
