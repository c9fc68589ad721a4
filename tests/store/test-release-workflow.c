/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "store-test-util.h"

/* The release workflow lives in the store: whatever asks for a status
 * change (Mark as Published, the publish dialog, a script) gets the same
 * answer, and an approved text cannot change without a new review. */

static AmparoRelease *
add_release (StoreFixture *fixture,
             const char   *embargo)
{
  g_autoptr(GError) error = NULL;
  AmparoRelease *release = amparo_release_new ();

  amparo_release_set_title_en (release, "Court orders reunification");
  amparo_release_set_body_en (release, "Families must be reunited.");
  amparo_release_set_embargo_until (release, embargo);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
  g_assert_no_error (error);
  return release;
}

static void
change_status (StoreFixture        *fixture,
               AmparoRelease       *release,
               AmparoReleaseStatus  status,
               gboolean             allowed)
{
  g_autoptr(GError) error = NULL;
  AmparoReleaseStatus before = amparo_release_get_status (release);

  amparo_release_set_status (release, status);
  if (allowed)
    {
      g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
  g_assert_error (error, AMPARO_STORE_ERROR, AMPARO_STORE_ERROR_INVALID);
  g_assert_cmpstr (amparo_store_error_get_field (error), ==, "status");
  amparo_release_set_status (release, before);
}

static AmparoReleaseStatus
stored_status (StoreFixture  *fixture,
               AmparoRelease *release)
{
  g_autoptr(AmparoRelease) stored = amparo_store_get_by_id (fixture->store, AMPARO_TYPE_RELEASE,
                                                            amparo_record_get_id (AMPARO_RECORD (release)),
                                                            NULL);
  return amparo_release_get_status (stored);
}

static void
test_steps (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(AmparoRelease) release = add_release (fixture, NULL);

  change_status (fixture, release, AMPARO_RELEASE_STATUS_PUBLISHED, FALSE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_APPROVED, FALSE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_IN_REVIEW, TRUE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_PUBLISHED, FALSE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_APPROVED, TRUE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_PUBLISHED, TRUE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_DRAFT, FALSE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_WITHDRAWN, TRUE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_PUBLISHED, FALSE);
  g_assert_cmpint (stored_status (fixture, release), ==, AMPARO_RELEASE_STATUS_WITHDRAWN);
}

/* Marking as published waits for the embargo, as publishing does. */
static void
test_embargo (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) after = g_date_time_add_days (now, 3);
  g_autofree char *embargo = g_date_time_format_iso8601 (later);
  g_autoptr(AmparoRelease) release = add_release (fixture, embargo);
  g_autoptr(GError) error = NULL;

  change_status (fixture, release, AMPARO_RELEASE_STATUS_IN_REVIEW, TRUE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_APPROVED, TRUE);
  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_PUBLISHED);
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
  g_assert_nonnull (strstr (error->message, "embargo"));
  g_assert_cmpint (stored_status (fixture, release), ==, AMPARO_RELEASE_STATUS_APPROVED);

  g_assert_true (amparo_release_check_status_change (release, AMPARO_RELEASE_STATUS_APPROVED,
                                                     AMPARO_RELEASE_STATUS_PUBLISHED, after, NULL));
}

/* New text in an approved release sends it back for review, and it
 * cannot be published with text nobody approved. */
static void
test_edit_after_approval (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(AmparoRelease) release = add_release (fixture, NULL);
  g_autoptr(GError) error = NULL;

  change_status (fixture, release, AMPARO_RELEASE_STATUS_IN_REVIEW, TRUE);
  change_status (fixture, release, AMPARO_RELEASE_STATUS_APPROVED, TRUE);

  amparo_release_set_body_en (release, "Families must be reunited. Now.");
  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_PUBLISHED);
  g_assert_false (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
  g_assert_cmpint (stored_status (fixture, release), ==, AMPARO_RELEASE_STATUS_APPROVED);
  g_clear_error (&error);

  amparo_release_set_status (release, AMPARO_RELEASE_STATUS_APPROVED);
  g_assert_true (amparo_store_save (fixture->store, AMPARO_RECORD (release), &error));
  g_assert_no_error (error);
  g_assert_cmpint (amparo_release_get_status (release), ==, AMPARO_RELEASE_STATUS_IN_REVIEW);
  g_assert_cmpint (stored_status (fixture, release), ==, AMPARO_RELEASE_STATUS_IN_REVIEW);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST ("/store/release-workflow/steps", test_steps);
  STORE_TEST ("/store/release-workflow/embargo", test_embargo);
  STORE_TEST ("/store/release-workflow/edit-after-approval", test_edit_after_approval);
  return g_test_run ();
}
