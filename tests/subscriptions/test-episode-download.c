/* test-episode-download.c — a show's episode with its sidecars, and `hark-cli download`
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "episode/hark-discovery.h"
#include "formats/hark-sidecar.h"
#include "hark-test-util.h"
#include "subscriptions/hark-episode-download.h"
#include "subscriptions/hark-subscriptions.h"
#include "test-server.h"
#include "util/hark-error.h"

static HarkFeedTranscript *
transcript (const char *type, const char *language)
{
  HarkFeedTranscript *t = g_new0 (HarkFeedTranscript, 1);
  t->url = g_strdup ("https://x.example/t");
  t->type = g_strdup (type);
  t->language = g_strdup (language);
  return t;
}

static void
test_pick_transcript (void)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_transcript_free);

  g_assert_cmpint (hark_episode_download_pick_transcript (list, "en"), ==, -1);
  g_ptr_array_add (list, transcript ("text/html", "en"));
  g_assert_cmpint (hark_episode_download_pick_transcript (list, "en"), ==, 0);
  /* HTML's <cite> and <time> carry what plain text does not. */
  g_ptr_array_add (list, transcript ("text/plain", "en"));
  g_assert_cmpint (hark_episode_download_pick_transcript (list, "en"), ==, 0);
  g_ptr_array_add (list, transcript ("application/x-subrip", "fr"));
  g_ptr_array_add (list, transcript ("text/vtt", "en-US"));
  /* Timed captions beat text; the show's language beats another among equals. */
  g_assert_cmpint (hark_episode_download_pick_transcript (list, "en"), ==, 3);
  g_assert_cmpint (hark_episode_download_pick_transcript (list, "fr"), ==, 2);
  g_ptr_array_add (list, transcript ("application/json", NULL));
  g_assert_cmpint (hark_episode_download_pick_transcript (list, "en"), ==, 4);
  g_ptr_array_remove_index (list, 4);
  g_ptr_array_remove_index (list, 3);
  /* TTML is timed captions too. */
  g_ptr_array_add (list, transcript ("application/ttml+xml", "en"));
  g_assert_cmpint (hark_episode_download_pick_transcript (list, "en"), ==, 3);
}

static void
test_download_with_sidecars (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hark_test_make_tmpdir ("episode-download");
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *root = g_build_filename (dir, "podcasts", NULL);
  g_autoptr (HarkLibrary) library = hark_library_open (db, &error);
  g_autofree char *feed = g_strdup_printf (
    "<rss xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel>"
    "<title>My/Show</title><language>en</language>"
    "<item><guid>e1</guid><title>Ep: One?</title><pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate>"
    "<enclosure url=\"%1$s/audio/one.MP3?track=1\" type=\"audio/mpeg\" length=\"4000\"/>"
    "<podcast:transcript url=\"%1$s/t.vtt\" type=\"text/vtt\" language=\"en\"/>"
    "<podcast:transcript url=\"%1$s/t.json\" type=\"application/json\" language=\"en\"/>"
    "<podcast:transcript url=\"%1$s/t.fr.srt\" type=\"application/x-subrip\" language=\"fr\"/>"
    "<podcast:transcript url=\"%1$s/missing.vtt\" type=\"text/vtt\" language=\"de\"/>"
    "<podcast:chapters url=\"%1$s/c.json\" type=\"application/json+chapters\"/>"
    "</item></channel></rss>", server->base);
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *audio = g_malloc0 (4000);
  g_autoptr (HarkEpisodeDownload) download = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  HarkShowEpisode *episode;
  gint64 show;

  g_assert_no_error (error);
  memset (audio, 0x55, 4000);
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  test_server_add_file (server, "/audio/one.MP3", "audio/mpeg", audio, 4000, "\"au\"",
                        TEST_RANGE_HONOUR);
  test_server_add_body (server, "/t.vtt", 200, "text/vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", -1);
  test_server_add_body (server, "/t.json", 200, "application/json",
                        "{\"version\":\"1.0.0\",\"segments\":[{\"speaker\":\"Ann\",\"startTime\":0,"
                        "\"endTime\":1,\"body\":\"Hi\"}]}", -1);
  test_server_add_body (server, "/t.fr.srt", 200, "application/x-subrip",
                        "1\n00:00:00,000 --> 00:00:01,000\nSalut\n", -1);
  test_server_add_body (server, "/c.json", 200, "application/json+chapters",
                        "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Start\"}]}", -1);
  show = hark_subscriptions_subscribe (http, library, url, NULL, &error);
  g_assert_no_error (error);
  episodes = hark_library_list_show_episodes (library, show, &error);
  episode = g_ptr_array_index (episodes, 0);

  download = hark_episode_download_run (http, library, episode->episode_id, root, NULL, NULL,
                                        &error);
  g_assert_no_error (error);
  {
    g_autofree char *expected = g_build_filename (root, "My Show", "2026-12-01 Ep One.mp3", NULL);
    g_assert_cmpstr (download->audio_path, ==, expected);
  }
  g_assert_true (g_file_test (download->audio_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (download->sidecars->len, ==, 4);
  g_assert_cmpuint (download->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (download->warnings, 0), "missing.vtt"));

  /* Discovery finds them, the JSON with speakers first; the others stay available. */
  found = hark_discovery_find (download->audio_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("found %s", ((HarkDiscoveredFile *) g_ptr_array_index (found, i))->path);
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_true (g_str_has_suffix (((HarkDiscoveredFile *) g_ptr_array_index (found, 0))->path,
                                   "Ep One.transcript.json"));
  {
    g_autoptr (HarkShowEpisode) again = hark_library_find_show_episode (library,
                                                                        episode->episode_id, &error);
    g_assert_cmpint (again->download_state, ==, HARK_DOWNLOAD_DONE);
    g_assert_cmpstr (again->download_path, ==, download->audio_path);
    g_assert_false (again->is_new);
  }

  /* Delete Download: the audio and every sidecar written go; the folder keeps anything else,
   * and the episode stays, not downloaded. */
  {
    g_autofree char *folder = g_path_get_dirname (download->audio_path);
    g_autofree char *other = g_build_filename (folder, "2026-12-01 Ep One.mine.txt", NULL);
    g_autoptr (HarkShowEpisode) after = NULL;

    g_assert_true (g_file_set_contents (other, "keep me", -1, NULL));
    g_assert_true (hark_episode_download_delete (library, episode->episode_id, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (download->audio_path, G_FILE_TEST_EXISTS));
    for (guint i = 0; i < download->sidecars->len; i++)
      g_assert_false (g_file_test (g_ptr_array_index (download->sidecars, i), G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
    after = hark_library_find_show_episode (library, episode->episode_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (after->download_state, ==, HARK_DOWNLOAD_NONE);
    g_assert_null (after->download_path);
    /* Twice is no error: there is nothing left to delete. */
    g_assert_true (hark_episode_download_delete (library, episode->episode_id, &error));
    g_assert_no_error (error);
  }
}

/* A show that publishes only a @type transcript: it is saved beside the audio as
 * "….transcript.@extension", found as its transcript and read as @format with its speakers and
 * times (Ann's "Hello & welcome." at 0, Bo's at 7 s). */
static void
check_download_transcript (const char *type, const char *body, const char *extension,
                           HarkSidecarFormat format)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hark_test_make_tmpdir ("episode-download-html");
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *root = g_build_filename (dir, "podcasts", NULL);
  g_autoptr (HarkLibrary) library = hark_library_open (db, &error);
  g_autofree char *feed = g_strdup_printf (
    "<rss xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel>"
    "<title>Garden</title><language>en</language>"
    "<item><guid>g1</guid><title>Tomatoes</title>"
    "<enclosure url=\"%1$s/a.mp3\" type=\"audio/mpeg\" length=\"2000\"/>"
    "<podcast:transcript url=\"%1$s/t\" type=\"%2$s\" language=\"en\"/>"
    "</item></channel></rss>", server->base, type);
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *audio = g_malloc0 (2000);
  g_autoptr (HarkEpisodeDownload) download = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  HarkSidecarInfo info;
  const HarkDiscoveredFile *file;
  guint n_cues;
  const HarkCue *cues;
  gint64 show;

  g_assert_no_error (error);
  memset (audio, 0x55, 2000);
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  test_server_add_file (server, "/a.mp3", "audio/mpeg", audio, 2000, "\"a\"", TEST_RANGE_HONOUR);
  g_autofree char *suffix = g_strdup_printf ("Tomatoes.transcript.%s", extension);

  test_server_add_body (server, "/t", 200, type, body, -1);
  show = hark_subscriptions_subscribe (http, library, url, NULL, &error);
  g_assert_no_error (error);
  episodes = hark_library_list_show_episodes (library, show, &error);
  g_assert_no_error (error);
  download = hark_episode_download_run (
      http, library, ((HarkShowEpisode *) g_ptr_array_index (episodes, 0))->episode_id, root, NULL,
      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (download->sidecars->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (download->sidecars, 0),
                                   suffix));

  found = hark_discovery_find (download->audio_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  file = g_ptr_array_index (found, 0);
  t = hark_sidecar_read (file->path, HARK_SIDECAR_FORMAT_AUTO, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, format);
  cues = hark_transcript_get_cues (t, &n_cues);
  g_assert_cmpuint (n_cues, ==, 2);
  g_assert_cmpstr (cues[0].text, ==, "Hello & welcome.");
  g_assert_cmpfloat_with_epsilon (cues[1].start, 7.0, 1e-9);
  g_assert_cmpstr (hark_transcript_get_speaker (t, (guint) cues[1].speaker)->name, ==, "Bo");
}

static void
test_download_html_transcript (void)
{
  check_download_transcript ("text/html",
                             "<cite>Ann:</cite>\n<time>0:00</time>\n<p>Hello &amp; welcome.</p>\n"
                             "<cite>Bo:</cite>\n<time>0:07</time>\n<p>Thanks.</p>\n",
                             "html", HARK_SIDECAR_FORMAT_HTML);
}

static void
test_download_ttml_transcript (void)
{
  check_download_transcript ("application/ttml+xml",
                             "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\" "
                             "xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"><body><div>\n"
                             "<p begin=\"0s\" end=\"5s\" ttm:agent=\"Ann\">Hello &amp; "
                             "welcome.</p>\n<p begin=\"7s\" end=\"9s\" ttm:agent=\"Bo\">"
                             "Thanks.</p>\n</div></body></tt>\n",
                             "ttml", HARK_SIDECAR_FORMAT_TTML);
}

static void
test_no_enclosure (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hark_test_make_tmpdir ("episode-download-none");
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr (HarkLibrary) library = hark_library_open (db, &error);
  g_autofree char *url = test_server_url (server, "/feed");

  test_server_add_body (server, "/feed", 200, "application/rss+xml",
                        "<rss><channel><title>T</title><item><guid>p</guid><title>Post</title>"
                        "</item></channel></rss>", -1);
  g_assert_cmpint (hark_subscriptions_subscribe (http, library, url, NULL, &error), >, 0);
  g_assert_null (hark_episode_download_run (http, library, "1", dir, NULL, NULL, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "no audio"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_add_func ("/episode-download/pick-transcript", test_pick_transcript);
  g_test_add_func ("/episode-download/html-transcript", test_download_html_transcript);
  g_test_add_func ("/episode-download/ttml-transcript", test_download_ttml_transcript);
  g_test_add_func ("/episode-download/with-sidecars", test_download_with_sidecars);
  g_test_add_func ("/episode-download/no-enclosure", test_no_enclosure);
  return g_test_run ();
}
