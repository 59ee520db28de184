/* test-subscriptions-async.c — what the window calls: subscribe and download on the main loop
 * without blocking it, cancellable, and OPML in and out of the library
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hark-test-util.h"
#include "subscriptions/hark-episode-download.h"
#include "subscriptions/hark-show-artwork.h"
#include "subscriptions/hark-subscriptions-opml.h"
#include "subscriptions/hark-subscriptions.h"
#include "test-server.h"
#include "util/hark-error.h"

static HarkLibrary *
open_temp (const char *name, char **dir_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hark_test_make_tmpdir (name);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  HarkLibrary *library = hark_library_open (path, &error);

  g_assert_no_error (error);
  if (dir_out)
    *dir_out = g_steal_pointer (&dir);
  return library;
}

static guint
count_shows (HarkLibrary *library)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) shows = hark_library_list_shows (library, &error);
  g_assert_no_error (error);
  return shows->len;
}

static void
test_normalize_url (void)
{
  static const struct
  {
    const char *in, *out;
  } good[] = {
    { "https://example.com/feed.xml", "https://example.com/feed.xml" },
    { "  http://example.com/rss \n", "http://example.com/rss" },
    { "example.com/feed", "https://example.com/feed" },
    { "feed://example.com/feed", "https://example.com/feed" },
    { "feed:https://example.com/a", "https://example.com/a" },
    { "podcast://example.com/p", "https://example.com/p" },
    { "itpc://example.com/p", "https://example.com/p" },
  };
  static const char *const bad[] = { "", "   ", "ftp://example.com/feed", "file:///etc/passwd",
                                     "https://", "exa mple.com/feed", "javascript:alert(1)" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *url = hark_subscriptions_normalize_url (good[i].in, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *url = hark_subscriptions_normalize_url (bad[i], &error);
      g_assert_null (url);
      g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (error->message);
    }
}

typedef struct
{
  GAsyncResult *result;
  guint ticks;
} Wait;

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  ((Wait *) data)->result = g_object_ref (result);
}

static gboolean
on_tick (gpointer data)
{
  ((Wait *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the call completes, counting 10 ms ticks meanwhile. */
static void
wait_for (Wait *wait)
{
  guint id = g_timeout_add (10, on_tick, wait);
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static const char *feed =
  "<rss><channel><title>Async Show</title>"
  "<item><guid>1</guid><title>One</title><pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate>"
  "<enclosure url=\"/media/1.mp3\" type=\"audio/mpeg\" length=\"3\"/></item>"
  "<item><guid>2</guid><title>Two</title><pubDate>Wed, 02 Dec 2026 07:00:00 GMT</pubDate>"
  "<enclosure url=\"/media/2.mp3\" type=\"audio/mpeg\" length=\"3\"/></item></channel></rss>";

static void
test_subscribe_does_not_block (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("async-subscribe", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *url = test_server_url (server, "/feed");
  Wait wait = { 0 };
  guint n = 0;
  gint64 id;

  test_server_add_delayed (server, "/feed", 300, feed);
  hark_subscriptions_subscribe_async (http, library, url, NULL, on_done, &wait);
  wait_for (&wait);
  id = hark_subscriptions_subscribe_finish (wait.result, &n, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n, ==, 2);
  /* The loop kept turning while the server took its time. */
  g_assert_cmpuint (wait.ticks, >=, 10);

  /* Twice is refused, by the show's name. */
  hark_subscriptions_subscribe_async (http, library, url, NULL, on_done, &wait);
  wait_for (&wait);
  g_assert_cmpint (hark_subscriptions_subscribe_finish (wait.result, NULL, &error), ==, 0);
  g_clear_object (&wait.result);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "Async Show"));
  g_assert_cmpuint (count_shows (library), ==, 1);
}

static void
test_subscribe_failures_not_kept (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("async-subscribe-fail", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  static const char *const paths[] = { "/missing", "/page" };

  test_server_add_body (server, "/page", 200, "text/html",
                        "<!DOCTYPE html><html><body>Not a feed</body></html>", -1);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *url = test_server_url (server, paths[i]);
      Wait wait = { 0 };

      hark_subscriptions_subscribe_async (http, library, url, NULL, on_done, &wait);
      wait_for (&wait);
      g_assert_cmpint (hark_subscriptions_subscribe_finish (wait.result, NULL, &error), ==, 0);
      g_clear_object (&wait.result);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", paths[i], error->message);
      /* The message names the address so the listener knows which one failed. */
      g_assert_nonnull (strstr (error->message, paths[i]));
      g_assert_cmpuint (count_shows (library), ==, 0);
    }
}

static gboolean
cancel_now (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_subscribe_cancelled (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("async-subscribe-cancel", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *url = test_server_url (server, "/slow");
  Wait wait = { 0 };

  test_server_add_delayed (server, "/slow", 3000, feed);
  g_timeout_add (100, cancel_now, cancellable);
  hark_subscriptions_subscribe_async (http, library, url, cancellable, on_done, &wait);
  wait_for (&wait);
  g_assert_cmpint (hark_subscriptions_subscribe_finish (wait.result, NULL, &error), ==, 0);
  g_clear_object (&wait.result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (wait.ticks, <, 200);
  g_assert_cmpuint (count_shows (library), ==, 0);
}

typedef struct
{
  GCancellable *cancellable;
  guint calls;
  guint64 last_bytes;
} Progress;

static void
on_progress (const HarkDownloadProgress *progress, gpointer data)
{
  Progress *p = data;
  p->calls++;
  p->last_bytes = progress->bytes;
  if (p->cancellable)
    g_cancellable_cancel (p->cancellable);
}

static void
test_download_cancel_then_finish (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *dir = NULL;
  g_autoptr (HarkLibrary) library = open_temp ("async-download", &dir);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkEpisodeDownload) download = NULL;
  g_autoptr (HarkShowEpisode) episode = NULL;
  g_autofree char *root = g_build_filename (dir, "podcasts", NULL);
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *audio = g_malloc (200000);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Progress progress = { cancellable, 0, 0 };
  Wait wait = { 0 };

  /* The stalling answer starts with "<rss>": the whole file does too, so resuming or
   * restarting both end with the right bytes. */
  memset (audio, 0x55, 200000);
  memcpy (audio, "<rss>", 5);
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  test_server_add_stalling (server, "/media/2.mp3", 5000);
  g_assert_cmpint (hark_subscriptions_subscribe (http, library, url, NULL, &error), >, 0);
  g_assert_no_error (error);

  hark_episode_download_async (http, library, "2", root, on_progress, &progress, cancellable,
                               on_done, &wait);
  wait_for (&wait);
  g_assert_null (hark_episode_download_finish (wait.result, &error));
  g_clear_object (&wait.result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (wait.ticks, <, 200); /* well before the stall ends */
  episode = hark_library_find_show_episode (library, "2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (episode->download_state, ==, HARK_DOWNLOAD_PARTIAL);
  g_assert_true (g_str_has_suffix (episode->download_path, ".part"));
  g_assert_true (g_file_test (episode->download_path, G_FILE_TEST_EXISTS));

  soup_server_remove_handler (server->server, "/media/2.mp3");
  test_server_add_file (server, "/media/2.mp3", "audio/mpeg", audio, 200000, "\"two\"",
                        TEST_RANGE_HONOUR);
  progress.cancellable = NULL;
  hark_episode_download_async (http, library, "2", root, on_progress, &progress, NULL, on_done,
                               &wait);
  wait_for (&wait);
  download = hark_episode_download_finish (wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (download->audio_path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 200000);
  g_assert_true (memcmp (contents, audio, length) == 0);
  g_assert_cmpuint (progress.last_bytes, ==, 200000);
  g_clear_pointer (&episode, hark_show_episode_free);
  episode = hark_library_find_show_episode (library, "2", &error);
  g_assert_cmpint (episode->download_state, ==, HARK_DOWNLOAD_DONE);
  g_assert_cmpstr (episode->download_path, ==, download->audio_path);
}

static void
test_opml_in_and_out (void)
{
  g_autoptr (HarkLibrary) library = open_temp ("async-opml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) shows = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *text = NULL;
  static const char *opml =
    "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Mine</title></head><body>"
    "<outline text=\"News\"><outline type=\"rss\" text=\"A\" xmlUrl=\"https://a.example/feed\"/>"
    "</outline><outline type=\"rss\" text=\"B &amp; C\" xmlUrl=\"https://b.example/rss\"/>"
    "</body></opml>";

  shows = hark_subscriptions_import_opml (library, opml, strlen (opml), "mine.opml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shows->len, ==, 2);
  g_assert_cmpuint (count_shows (library), ==, 2);
  /* Importing again lists the same shows and adds none. */
  again = hark_subscriptions_import_opml (library, opml, strlen (opml), "mine.opml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpuint (count_shows (library), ==, 2);

  text = hark_subscriptions_export_opml (library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "xmlUrl=\"https://a.example/feed\""));
  g_assert_nonnull (strstr (text, "xmlUrl=\"https://b.example/rss\""));

  g_assert_null (hark_subscriptions_import_opml (library, "<html><body/></html>", 20, "page.html",
                                                 &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "page.html"));
}

/* The episodes of a list each get their own transcripts and persons (the statements reading
 * them are prepared once for the whole list). */
static void
test_list_details (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkLibrary) library = open_temp ("async-details", NULL);
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  g_autofree char *url = test_server_url (server, "/feed");
  static const char *rich =
    "<rss xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>D</title>"
    "<item><guid>c</guid><title>C</title><pubDate>Thu, 03 Dec 2026 07:00:00 GMT</pubDate>"
    "<podcast:transcript url=\"https://x.example/c.vtt\" type=\"text/vtt\"/>"
    "<podcast:transcript url=\"https://x.example/c.srt\" type=\"application/x-subrip\"/>"
    "<podcast:person role=\"host\">Cy</podcast:person></item>"
    "<item><guid>b</guid><title>B</title><pubDate>Wed, 02 Dec 2026 07:00:00 GMT</pubDate></item>"
    "<item><guid>a</guid><title>A</title><pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate>"
    "<podcast:transcript url=\"https://x.example/a.json\" type=\"application/json\"/>"
    "<podcast:person>Ann</podcast:person><podcast:person>Al</podcast:person></item>"
    "</channel></rss>";
  const HarkShowEpisode *e;
  gint64 id;

  test_server_add_body (server, "/feed", 200, "application/rss+xml", rich, -1);
  id = hark_subscriptions_subscribe (http, library, url, NULL, &error);
  g_assert_no_error (error);
  episodes = hark_library_list_show_episodes (library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (episodes->len, ==, 3);
  e = g_ptr_array_index (episodes, 0);
  g_assert_cmpstr (e->title, ==, "C");
  g_assert_cmpuint (e->transcripts->len, ==, 2);
  g_assert_cmpstr (((HarkFeedTranscript *) g_ptr_array_index (e->transcripts, 1))->url, ==,
                   "https://x.example/c.srt");
  g_assert_cmpuint (e->persons->len, ==, 1);
  e = g_ptr_array_index (episodes, 1);
  g_assert_cmpuint (e->transcripts->len, ==, 0);
  g_assert_cmpuint (e->persons->len, ==, 0);
  e = g_ptr_array_index (episodes, 2);
  g_assert_cmpuint (e->transcripts->len, ==, 1);
  g_assert_cmpstr (((HarkFeedTranscript *) g_ptr_array_index (e->transcripts, 0))->url, ==,
                   "https://x.example/a.json");
  g_assert_cmpuint (e->persons->len, ==, 2);
  g_assert_cmpstr (((HarkFeedPerson *) g_ptr_array_index (e->persons, 1))->name, ==, "Al");
}

static void
test_artwork_cached (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
                                'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15,
                                0xc4, 0x89 };
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hark_test_make_tmpdir ("async-artwork");
  g_autofree char *url = test_server_url (server, "/art.png");
  g_autofree char *page = test_server_url (server, "/art.png.html");
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint requests;
  Wait wait = { 0 };

  /* Served as text/html on purpose: the bytes decide, not the header. */
  test_server_add_body (server, "/art.png", 200, "text/html", (const char *) png, sizeof png);
  test_server_add_body (server, "/art.png.html", 200, "image/png",
                        "<!DOCTYPE html><html>Not Found</html>", -1);

  hark_show_artwork_fetch_async (http, url, dir, NULL, on_done, &wait);
  wait_for (&wait);
  path = hark_show_artwork_fetch_finish (wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, png, sizeof png);
  requests = server->requests;

  /* From the cache the second time: no request. */
  hark_show_artwork_fetch_async (http, url, dir, NULL, on_done, &wait);
  wait_for (&wait);
  again = hark_show_artwork_fetch_finish (wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, path);
  g_assert_cmpuint (server->requests, ==, requests);

  /* An error page is not an image, and nothing is cached for it. */
  hark_show_artwork_fetch_async (http, page, dir, NULL, on_done, &wait);
  wait_for (&wait);
  g_assert_null (hark_show_artwork_fetch_finish (wait.result, &error));
  g_clear_object (&wait.result);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_clear_pointer (&path, g_free);
  path = hark_show_artwork_cache_path (page, dir);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/subscriptions-async/normalize-url", test_normalize_url);
  g_test_add_func ("/subscriptions-async/subscribe-does-not-block", test_subscribe_does_not_block);
  g_test_add_func ("/subscriptions-async/subscribe-failures-not-kept",
                   test_subscribe_failures_not_kept);
  g_test_add_func ("/subscriptions-async/subscribe-cancelled", test_subscribe_cancelled);
  g_test_add_func ("/subscriptions-async/download-cancel-then-finish",
                   test_download_cancel_then_finish);
  g_test_add_func ("/subscriptions-async/opml", test_opml_in_and_out);
  g_test_add_func ("/subscriptions-async/artwork-cached", test_artwork_cached);
  g_test_add_func ("/subscriptions-async/list-details", test_list_details);
  return g_test_run ();
}
