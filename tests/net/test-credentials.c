/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "amparo-credentials.h"

/* Runs under run-with-keyring.sh: a private session bus and keyring. */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *password;
  GError   *error;
} Outcome;

static void
wait_done (Outcome *outcome)
{
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = amparo_credentials_store_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
on_looked_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Outcome *outcome = user_data;

  outcome->password = amparo_credentials_lookup_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
on_cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = amparo_credentials_clear_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static char *
lookup (const char *site,
        const char *user)
{
  Outcome outcome = { 0, };

  amparo_credentials_lookup_async (site, user, NULL, on_looked_up_cb, &outcome);
  wait_done (&outcome);
  g_assert_no_error (outcome.error);
  return outcome.password;
}

static void
test_round_trip (void)
{
  Outcome outcome = { 0, };
  g_autofree char *found = NULL;
  g_autofree char *other_user = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *gone = NULL;

  amparo_credentials_store_async ("https://press.example.org/", "editor",
                                  "abcd EFGH 1234 ijkl", NULL, on_stored_cb, &outcome);
  wait_done (&outcome);
  if (outcome.error != NULL)
    {
      g_test_skip_printf ("no usable Secret Service here: %s", outcome.error->message);
      g_clear_error (&outcome.error);
      return;
    }
  g_assert_true (outcome.ok);

  /* The trailing slash does not make another site. */
  found = lookup ("https://press.example.org", "editor");
  g_assert_cmpstr (found, ==, "abcd EFGH 1234 ijkl");
  other_user = lookup ("https://press.example.org", "author");
  g_assert_null (other_user);

  memset (&outcome, 0, sizeof outcome);
  amparo_credentials_store_async ("https://press.example.org", "editor", "new one",
                                  NULL, on_stored_cb, &outcome);
  wait_done (&outcome);
  g_assert_no_error (outcome.error);
  replaced = lookup ("https://press.example.org/", "editor");
  g_assert_cmpstr (replaced, ==, "new one");

  memset (&outcome, 0, sizeof outcome);
  amparo_credentials_clear_async ("https://press.example.org", "editor", NULL,
                                  on_cleared_cb, &outcome);
  wait_done (&outcome);
  g_assert_no_error (outcome.error);
  gone = lookup ("https://press.example.org", "editor");
  g_assert_null (gone);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/credentials/round-trip", test_round_trip);

  return g_test_run ();
}
