/* test-subscriptions.c — subscribe and refresh against the local server, and their commands
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "feeds/hark-opml.h"
#include "hark-test-util.h"
#include "subscriptions/hark-subscriptions.h"
#include "test-cli-run.h"
#include "test-server.h"
#include "util/hark-error.h"

static const char *feed =
  "<rss><channel><title>Local Show</title><link>https://local.example/</link>"
  "<item><guid>1</guid><title>One</title><pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate>"
  "<enclosure url=\"/media/1.mp3\" type=\"audio/mpeg\" length=\"3\"/></item></channel></rss>";

static HarkLibrary *
open_temp (const char *name, char **path_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hark_test_make_tmpdir (name);
  char *path = g_build_filename (dir, "library.db", NULL);
  HarkLibrary *library = hark_library_open (path, &error);
  g_assert_no_error (error);
  if (path_out)
    *path_out = path;
  else
    g_free (path);
  return library;
}

static GPtrArray *
refresh_all (HarkHttp *http, HarkLibrary *library)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) shows = hark_library_list_shows (library, &error);
  GPtrArray *results;

  g_assert_no_error (error);
  results = hark_subscriptions_refresh_sync (http, library, shows, NULL, NULL, &error);
  g_assert_no_error (error);
  return results;
}

static void
test_subscribe_then_not_modified (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("sub-304", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *media = test_server_url (server, "/media/1.mp3");
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  guint n = 0;
  gint64 id;
  HarkRefreshResult *r;

  test_server_add_conditional (server, "/feed", "\"x\"", "Tue, 01 Dec 2026 07:00:00 GMT", feed);
  id = hark_subscriptions_subscribe (http, library, url, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  episodes = hark_library_list_show_episodes (library, id, &error);
  g_assert_cmpstr (((HarkShowEpisode *) g_ptr_array_index (episodes, 0))->enclosure_url, ==, media);
  /* Subscribing twice is refused. */
  g_assert_cmpint (hark_subscriptions_subscribe (http, library, url, NULL, &error), ==, 0);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  results = refresh_all (http, library);
  r = g_ptr_array_index (results, 0);
  g_assert_no_error (r->error);
  g_assert_true (r->not_modified);
  g_assert_cmpstr (test_server_request_header (server, "/feed", "If-None-Match"), ==, "\"x\"");
  g_assert_cmpstr (test_server_request_header (server, "/feed", "If-Modified-Since"), ==,
                   "Tue, 01 Dec 2026 07:00:00 GMT");
}

static void
test_moves (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("sub-moves", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *permanent = test_server_url (server, "/permanent");
  g_autofree char *temporary = test_server_url (server, "/temporary");
  g_autofree char *announced = test_server_url (server, "/announced");
  g_autofree char *target = test_server_url (server, "/target");
  g_autofree char *announcing = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GPtrArray) shows = NULL;

  announcing = g_strdup_printf ("<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                                "<channel><title>Announcing</title><itunes:new-feed-url>%s/announced-new"
                                "</itunes:new-feed-url><item><guid>z</guid></item></channel></rss>",
                                server->base);
  test_server_add_body (server, "/target", 200, "application/rss+xml", feed, -1);
  test_server_add_redirect (server, "/permanent", 301, "/target");
  test_server_add_redirect (server, "/temporary", 302, "/target");
  test_server_add_body (server, "/announced", 200, "application/rss+xml", announcing, -1);
  hark_library_add_show (library, permanent, NULL);
  hark_library_add_show (library, temporary, NULL);
  hark_library_add_show (library, announced, NULL);
  results = refresh_all (http, library);
  for (guint i = 0; i < results->len; i++)
    g_assert_no_error (((HarkRefreshResult *) g_ptr_array_index (results, i))->error);
  shows = hark_library_list_shows (library, NULL);
  {
    g_autoptr (HarkShow) a = hark_library_find_show (library, target, NULL);
    g_autoptr (HarkShow) b = hark_library_find_show (library, temporary, NULL);
    g_autofree char *new_url = g_strconcat (server->base, "/announced-new", NULL);
    g_autoptr (HarkShow) c = hark_library_find_show (library, new_url, NULL);
    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_nonnull (c);
    g_assert_cmpstr (c->title, ==, "Announcing");
  }
}

static void
test_one_failure_does_not_stop_others (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("sub-fail", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *good = test_server_url (server, "/good");
  g_autofree char *gone = test_server_url (server, "/gone");
  g_autofree char *html = test_server_url (server, "/html");
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  guint failures = 0;

  test_server_add_body (server, "/good", 200, "application/rss+xml", feed, -1);
  test_server_add_body (server, "/html", 200, "text/html", "<html><body>hi</body></html>", -1);
  hark_library_add_show (library, good, NULL);
  hark_library_add_show (library, gone, NULL);
  hark_library_add_show (library, html, NULL);
  results = refresh_all (http, library);
  for (guint i = 0; i < results->len; i++)
    failures += ((HarkRefreshResult *) g_ptr_array_index (results, i))->error != NULL;
  g_assert_cmpuint (failures, ==, 2);
  {
    g_autoptr (HarkShow) show = hark_library_find_show (library, gone, NULL);
    g_assert_nonnull (strstr (show->last_error, "HTTP 404"));
  }
  {
    g_autoptr (HarkShow) show = hark_library_find_show (library, good, NULL);
    g_assert_cmpuint (show->n_episodes, ==, 1);
    g_assert_null (show->last_error);
  }
  /* Subscribing to something that is not a feed keeps nothing. */
  {
    g_autofree char *page = g_strconcat (html, "?again", NULL);
    g_autoptr (HarkShow) kept = NULL;
    g_assert_cmpint (hark_subscriptions_subscribe (http, library, page, NULL, &error), ==, 0);
    g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, "not a podcast feed"));
    g_clear_error (&error);
    kept = hark_library_find_show (library, page, NULL);
    g_assert_null (kept);
  }
}

static void
test_older_pages (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("sub-pages", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *url = test_server_url (server, "/paged");
  const char *page1 =
    "<rss xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Paged</title>"
    "<atom:link rel=\"next\" href=\"/paged-2\"/>"
    "<item><guid>new</guid><title>New</title></item></channel></rss>";
  const char *page2 =
    "<rss><channel><title>Paged (page 2)</title>"
    "<item><guid>old</guid><title>Old</title></item></channel></rss>";
  g_autoptr (HarkShow) show = NULL;
  g_autoptr (HarkShow) after = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  guint n_new = 0;
  gint64 id;

  test_server_add_body (server, "/paged", 200, "application/rss+xml", page1, -1);
  test_server_add_body (server, "/paged-2", 200, "application/rss+xml", page2, -1);
  id = hark_subscriptions_subscribe (http, library, url, NULL, &error);
  g_assert_no_error (error);
  show = hark_library_find_show (library, url, &error);
  g_assert_nonnull (show->next_page);
  g_assert_true (hark_subscriptions_load_older (http, library, show, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 1);
  episodes = hark_library_list_show_episodes (library, id, &error);
  g_assert_cmpuint (episodes->len, ==, 2);
  for (guint i = 0; i < episodes->len; i++)
    g_assert_true (((HarkShowEpisode *) g_ptr_array_index (episodes, i))->in_feed);
  after = hark_library_find_show (library, url, &error);
  g_assert_cmpstr (after->title, ==, "Paged");
  g_assert_null (after->next_page);
  g_assert_false (hark_subscriptions_load_older (http, library, after, NULL, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
}

static void
test_opml_round_trip (void)
{
  const char *opml =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"1.0\"><head><title>gPodder</title></head><body>\n"
    "<outline text=\"Cat\"><outline title=\"A &amp; B\" text=\"ab\" type=\"rss\" xmlUrl=\"https://a.example/feed?x=1&amp;y=2\"/></outline>\n"
    "<outline text=\"C\" xmlurl=\"https://c.example/rss\" htmlUrl=\"https://c.example/\"/>\n"
    "<outline text=\"dup\" xmlUrl=\"https://c.example/rss\"/>\n"
    "<outline text=\"local\" xmlUrl=\"file:///etc/passwd\"/>\n"
    "</body></opml>";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) outlines = hark_opml_parse (opml, strlen (opml), "subs.opml", &error);
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *written = NULL;
  HarkOpmlOutline *o;

  g_assert_no_error (error);
  g_assert_cmpuint (outlines->len, ==, 2);
  o = g_ptr_array_index (outlines, 0);
  g_assert_cmpstr (o->url, ==, "https://a.example/feed?x=1&y=2");
  g_assert_cmpstr (o->title, ==, "A & B");
  o = g_ptr_array_index (outlines, 1);
  g_assert_cmpstr (o->title, ==, "C");
  g_assert_cmpstr (o->link, ==, "https://c.example/");
  written = hark_opml_write (outlines, "Mine");
  again = hark_opml_parse (written, strlen (written), "out.opml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpstr (((HarkOpmlOutline *) g_ptr_array_index (again, 0))->url, ==,
                   "https://a.example/feed?x=1&y=2");
  g_clear_pointer (&again, g_ptr_array_unref);
  g_clear_pointer (&written, g_free);

  /* A C1 control (mojibake, but valid XML) and a line break written as a reference come back as
   * they were, not as Windows-1252 letters or a space. */
  {
    const char *odd = "<opml><body><outline text=\"t&#10;u\" "
                      "xmlUrl=\"https://o.example/\xc2\x9c\xc3\x91&#9;x\"/></body></opml>";
    g_autoptr (GPtrArray) first = hark_opml_parse (odd, strlen (odd), "odd.opml", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (first->len, ==, 1);
    o = g_ptr_array_index (first, 0);
    g_assert_cmpstr (o->url, ==, "https://o.example/\xc2\x9c\xc3\x91\tx");
    g_assert_cmpstr (o->title, ==, "t\nu");
    written = hark_opml_write (first, "Odd & <ends>");
    again = hark_opml_parse (written, strlen (written), "odd-out.opml", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 1);
    g_assert_cmpstr (((HarkOpmlOutline *) g_ptr_array_index (again, 0))->url, ==, o->url);
    g_assert_cmpstr (((HarkOpmlOutline *) g_ptr_array_index (again, 0))->title, ==, o->title);
  }
  g_assert_null (hark_opml_parse ("<rss/>", 6, "x", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_null (hark_opml_parse ("<!DOCTYPE o [<!ENTITY a \"b\">]><opml/>", 37, "x", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
}

/* The commands, as a listener types them, while the test server answers them. */
static void
run_cli (const char *const *args, TestCliRun *run)
{
  test_cli_run (NULL, args, 20000, run);
}

static void
test_commands (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *dir = hark_test_make_tmpdir ("sub-cli");
  g_autofree char *lib = g_build_filename (dir, "a.db", NULL);
  g_autofree char *lib2 = g_build_filename (dir, "b.db", NULL);
  g_autofree char *opml = g_build_filename (dir, "out.opml", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  TestCliRun run = { 0 };

  test_server_add_conditional (server, "/feed", "\"x\"", "Tue, 01 Dec 2026 07:00:00 GMT", feed);
  {
    const char *args[] = { "subscribe", url, "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Local Show"));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "shows", "--library", lib, "--format", "json", NULL };
    JsonObject *show;
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
    show = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
    g_assert_cmpstr (json_object_get_string_member (show, "title"), ==, "Local Show");
    g_assert_cmpint (json_object_get_int_member (show, "episodes"), ==, 1);
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "episodes", "Local", "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "2026-12-01"));
    g_assert_nonnull (strstr (run.out, "One"));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "refresh", "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "not modified"));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "episodes", "No Such Show", "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "No Such Show"));
    test_cli_run_clear (&run);
  }
  {
    g_autofree char *downloads = g_build_filename (dir, "downloads", NULL);
    g_autofree char *expected = g_build_filename (downloads, "Local Show", "2026-12-01 One.mp3", NULL);
    const char *args[] = { "download", "1", "--library", lib, "--dir", downloads, NULL };
    g_autofree char *bytes = g_malloc0 (40000);
    memset (bytes, 'a', 40000);
    test_server_add_file (server, "/media/1.mp3", "audio/mpeg", bytes, 40000, "\"m\"",
                          TEST_RANGE_HONOUR);
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, expected));
    g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "episodes", "Local Show", "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_nonnull (strstr (run.out, "[downloaded]"));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "opml", "export", "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, url));
    g_assert_true (g_file_set_contents (opml, run.out, -1, NULL));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "opml", "import", opml, "--library", lib2, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "1 subscriptions imported"));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "shows", "--library", lib2, NULL };
    run_cli (args, &run);
    g_assert_nonnull (strstr (run.out, "Local Show"));
    test_cli_run_clear (&run);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_add_func ("/subscriptions/subscribe-then-304", test_subscribe_then_not_modified);
  g_test_add_func ("/subscriptions/moves", test_moves);
  g_test_add_func ("/subscriptions/one-failure", test_one_failure_does_not_stop_others);
  g_test_add_func ("/subscriptions/older-pages", test_older_pages);
  g_test_add_func ("/subscriptions/opml", test_opml_round_trip);
  g_test_add_func ("/subscriptions/commands", test_commands);
  return g_test_run ();
}
