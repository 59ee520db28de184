/* test-feed-fetch.c — `hark-cli feed URL` against the local server
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "test-cli-run.h"
#include "test-server.h"

/* hark-cli while the test server answers it. */
static void
run_cli (const char *const *args, TestCliRun *run)
{
  test_cli_run (NULL, args, 20000, run);
}

static void
test_feed_url (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *url = test_server_url (server, "/old");
  g_autofree char *final = test_server_url (server, "/shows/feed.xml");
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *feed =
    "<rss><channel><title>Served</title><item><guid>1</guid>"
    "<enclosure url=\"../media/1.mp3\" type=\"audio/mpeg\" length=\"5\"/></item></channel></rss>";
  const char *args[] = { "feed", url, "--format", "json", NULL };
  TestCliRun run = { 0 };
  JsonObject *root, *episode;
  g_autofree char *expected = test_server_url (server, "/media/1.mp3");

  /* Compressed, after a redirect: links resolve against where the feed really is. */
  test_server_add_redirect (server, "/old", 301, "/shows/feed.xml");
  test_server_add_gzip (server, "/shows/feed.xml", feed);
  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Served");
  episode = json_array_get_object_element (json_object_get_array_member (root, "episodes"), 0);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (episode, "enclosure"), "url"), ==, expected);
  test_cli_run_clear (&run);

  /* A feed served as text/html is still a feed: the content decides, not the type. */
  {
    g_autofree char *typed = test_server_url (server, "/typed");
    const char *typed_args[] = { "feed", typed, NULL };
    TestCliRun typed_run = { 0 };
    test_server_add_body (server, "/typed", 200, "text/html", feed, -1);
    run_cli (typed_args, &typed_run);
    g_assert_cmpint (typed_run.status, ==, 0);
    g_assert_nonnull (strstr (typed_run.out, "\"Served\""));
    test_cli_run_clear (&typed_run);
  }
  (void) final;
}

static void
test_feed_url_errors (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *missing = test_server_url (server, "/missing");
  g_autofree char *page = test_server_url (server, "/page");

  test_server_add_body (server, "/page", 200, "text/html",
                        "<!DOCTYPE html><html><body>Not here</body></html>", -1);
  {
    const char *args[] = { "feed", missing, NULL };
    TestCliRun run = { 0 };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, missing));
    g_assert_nonnull (strstr (run.err, "HTTP 404"));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "feed", page, NULL };
    TestCliRun run = { 0 };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, page));
    g_assert_nonnull (strstr (run.err, "not a podcast feed"));
    test_cli_run_clear (&run);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_add_func ("/feed-fetch/url", test_feed_url);
  g_test_add_func ("/feed-fetch/errors", test_feed_url_errors);
  return g_test_run ();
}
