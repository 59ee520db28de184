/* test-play-episode.c — `hark-cli play EPISODE`: subscribed, then played while it downloads
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The local server serves a feed whose episode is a real MP3 (made by ffmpeg for the test)
 * sent slowly, with a transcript and chapters. hark-cli plays it on the null device in real
 * time; its events show playback under way before the download ended.
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "hark-test-util.h"
#include "util/hark-byte-ranges.h"
#include "test-cli-run.h"
#include "test-server.h"

static const char *vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Speaker 1>Hello there.\n\n"
                         "00:00:04.000 --> 00:00:08.000\n<v Speaker 2>Hi.\n";
static const char *chapters = "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,"
                              "\"title\":\"Start\"},{\"startTime\":4,\"title\":\"Later\"}]}";

/* hark-cli with its first-sound trace on, while the test server answers it. */
static void
run_cli (const char *const *args, TestCliRun *run)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);

  g_subprocess_launcher_setenv (launcher, "HARK_CLI_TRACE", "1", TRUE);
  test_cli_run (launcher, args, 60000, run);
}

/* The first event named @name in @out (JSON lines), or NULL. */
static JsonObject *
find_event (JsonParser *parser, const char *out, const char *name)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      JsonObject *o;

      if (lines[i][0] != '{' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
        continue;
      o = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member_with_default (o, "event", ""), name) == 0)
        return o;
    }
  return NULL;
}

static void
test_play_episode_while_downloading (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *dir = hark_test_make_tmpdir ("play-episode");
  g_autofree char *lib = g_build_filename (dir, "library.db", NULL);
  g_autofree char *downloads = g_build_filename (dir, "downloads", NULL);
  g_autofree char *mp3 = g_build_filename (dir, "made.mp3", NULL);
  g_autofree char *feed_url = test_server_url (server, "/feed");
  g_autofree char *audio = NULL;
  g_autofree char *feed = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize length = 0;
  gint64 pressed;
  TestCliRun run = { 0 };
  JsonObject *o;

  if (!hark_test_make_noise_mp3 (mp3, 8, 3, 64))
    return;
  g_assert_true (g_file_get_contents (mp3, &audio, &length, NULL));
  feed = g_strdup_printf (
      "<rss xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel>"
      "<title>Stream Show</title><link>https://stream.example/</link>"
      "<item><guid>s1</guid><title>Streamed</title>"
      "<pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate>"
      "<enclosure url=\"/media/s1.mp3\" type=\"audio/mpeg\" length=\"%" G_GSIZE_FORMAT "\"/>"
      "<podcast:transcript url=\"/media/s1.vtt\" type=\"text/vtt\"/>"
      "<podcast:chapters url=\"/media/s1.json\" type=\"application/json+chapters\"/>"
      "<podcast:person role=\"host\">Ada Lovelace</podcast:person>"
      "</item></channel></rss>",
      length);
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  test_server_add_body (server, "/media/s1.vtt", 200, "text/vtt", vtt, -1);
  test_server_add_body (server, "/media/s1.json", 200, "application/json+chapters", chapters, -1);
  /* 20 KB/s: the 64 KB episode takes about three seconds of its eight to arrive. */
  test_server_add_throttled (server, "/media/s1.mp3", "audio/mpeg", audio, length, "\"p1\"",
                             2 * 1024, 100, 0, NULL);
  {
    const char *args[] = { "subscribe", feed_url, "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "play", "1", "--library", lib, "--dir", downloads, "--device", "null",
                           "--events", NULL };
    g_autofree char *expected = g_build_filename (downloads, "Stream Show",
                                                  "2026-12-01 Streamed.mp3", NULL);
    g_autofree char *stem = g_build_filename (downloads, "Stream Show", "2026-12-01 Streamed",
                                              NULL);
    g_autofree char *transcript = g_strconcat (stem, ".transcript.vtt", NULL);
    g_autofree char *chapter_file = g_strconcat (stem, ".chapters.json", NULL);
    g_autofree char *persons_file = g_strconcat (stem, ".persons.json", NULL);
    g_autofree char *copy = NULL;
    gsize copy_length = 0;
    double at_download;

    pressed = g_get_monotonic_time ();
    run_cli (args, &run);
    g_test_message ("stderr: %s", run.err);
    g_assert_cmpint (run.status, ==, 0);
    /* The trace's time is the same monotonic clock as this process's. */
    o = find_event (parser, run.out, "trace");
    g_assert_nonnull (o);
    g_test_message ("first audible %.0f ms after starting hark-cli play",
                    (json_object_get_int_member (o, "first_audible_us") - pressed) / 1000.0);
    o = find_event (parser, run.out, "download");
    g_assert_nonnull (o);
    g_assert_true (json_object_get_boolean_member (o, "complete"));
    g_assert_cmpint (json_object_get_int_member (o, "bytes"), ==, length);
    at_download = json_object_get_double_member (o, "pos");
    g_test_message ("the download ended %.2f s into the episode", at_download);
    /* Playing started before the download ended, however slow the machine: waiting for the
     * whole file would put the end of the download at the episode's start. */
    g_assert_cmpfloat (at_download, >, 0.2);
    /* Playing was well under way when the last byte came. */
    g_assert_cmpfloat (at_download, >, 1.0);
    g_assert_nonnull (find_event (parser, run.out, "end"));
    g_assert_true (g_file_get_contents (expected, &copy, &copy_length, NULL));
    g_assert_cmpmem (copy, copy_length, audio, length);
    g_assert_true (g_file_test (transcript, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (chapter_file, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (persons_file, G_FILE_TEST_IS_REGULAR));
    test_cli_run_clear (&run);
  }
  {
    /* Now it is downloaded: the episode list says so, and it plays from the file. */
    const char *args[] = { "episodes", "Stream Show", "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_nonnull (strstr (run.out, "[downloaded]"));
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "play", "No such episode", "--library", lib, "--device", "null", NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "No such episode"));
    test_cli_run_clear (&run);
  }
  hark_test_remove_tree (dir);
}

/* `hark-cli play EPISODE --start T` at 80% of an episode served slowly: the part there is
 * fetched first, so the first sound comes about as soon as from the start; quitting at the
 * end leaves the .part with its map of ranges for the next run. */
static void
test_play_episode_from_80_percent (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *dir = hark_test_make_tmpdir ("play-episode-seek");
  g_autofree char *lib = g_build_filename (dir, "library.db", NULL);
  g_autofree char *downloads = g_build_filename (dir, "downloads", NULL);
  g_autofree char *mp3 = g_build_filename (dir, "made.mp3", NULL);
  g_autofree char *feed_url = test_server_url (server, "/feed");
  g_autofree char *audio = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *map_text = NULL;
  g_autoptr (HarkByteRanges) held = NULL;
  guint64 total = 0;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  gint64 pressed;
  TestCliRun run = { 0 };
  JsonObject *o;

  if (!hark_test_make_noise_mp3 (mp3, 20, 5, 128))
    return;
  g_assert_true (g_file_get_contents (mp3, &audio, &length, NULL));
  feed = g_strdup_printf (
      "<rss><channel><title>Seek Show</title><link>https://seek.example/</link>"
      "<item><guid>k1</guid><title>Long</title>"
      "<pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate>"
      "<enclosure url=\"/media/k1.mp3\" type=\"audio/mpeg\" length=\"%" G_GSIZE_FORMAT "\"/>"
      "</item></channel></rss>",
      length);
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  /* 20 KB/s: the 320 KB episode would take 13 s to reach 80%. */
  test_server_add_throttled (server, "/media/k1.mp3", "audio/mpeg", audio, length, "\"k1\"",
                             2 * 1024, 100, 0, NULL);
  {
    const char *args[] = { "subscribe", feed_url, "--library", lib, NULL };
    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    test_cli_run_clear (&run);
  }
  {
    const char *args[] = { "play", "1", "--library", lib, "--dir", downloads, "--device", "null",
                           "--start", "16", "--events", NULL };
    g_autofree char *part = g_build_filename (downloads, "Seek Show", "2026-12-01 Long.mp3.part",
                                              NULL);
    g_autofree char *map = g_strconcat (part, ".ranges", NULL);
    double first_ms;

    pressed = g_get_monotonic_time ();
    run_cli (args, &run);
    g_test_message ("stderr: %s", run.err);
    g_assert_cmpint (run.status, ==, 0);
    o = find_event (parser, run.out, "trace");
    g_assert_nonnull (o);
    first_ms = (json_object_get_int_member (o, "first_audible_us") - pressed) / 1000.0;
    g_test_message ("first audible at %.2f s, %.0f ms after starting hark-cli play --start 16",
                    json_object_get_double_member (o, "pos"), first_ms);
    g_assert_cmpfloat (json_object_get_double_member (o, "pos"), >=, 15.9);
    /* Reaching 80% in order would take 13 s: a third of that leaves room for a loaded
     * machine and still fails if the range there is not fetched first. */
    g_assert_cmpfloat (first_ms, <, 4500);
    g_assert_nonnull (find_event (parser, run.out, "end"));
    /* It ended long before the hole could fill: the next run continues from the map. */
    g_assert_true (g_file_test (part, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_get_contents (map, &map_text, NULL, NULL));
    g_test_message ("kept: %s", map_text);
    held = hark_byte_ranges_parse (map_text, strlen (map_text), map, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (total, ==, length);
    g_assert_cmpuint (hark_byte_ranges_get_count (held), >=, 2);
    test_cli_run_clear (&run);
  }
  {
    /* `hark-cli download` finishes it: only the holes are fetched, and the file is the
     * server's. */
    const char *args[] = { "download", "1", "--library", lib, "--dir", downloads, NULL };
    g_autofree char *expected = g_build_filename (downloads, "Seek Show", "2026-12-01 Long.mp3",
                                                  NULL);
    g_autofree char *copy = NULL;
    gsize copy_length = 0;
    guint first = server->ranges->len;

    run_cli (args, &run);
    g_test_message ("stderr: %s", run.err);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (expected, &copy, &copy_length, NULL));
    g_assert_cmpmem (copy, copy_length, audio, length);
    g_assert_cmpuint (server->ranges->len, >, first);
    for (guint i = first; i < server->ranges->len; i++)
      {
        const char *range = g_ptr_array_index (server->ranges, i);

        guint64 from = g_ascii_strtoull (range + 6, NULL, 10);

        g_test_message ("resumed with Range: %s", range);
        /* Not from the start, and not from inside a range kept. */
        g_assert_true (g_str_has_prefix (range, "bytes="));
        g_assert_cmpuint (from, >, 0);
        g_assert_cmpuint (hark_byte_ranges_end_of (held, from), ==, from);
      }
    test_cli_run_clear (&run);
  }
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/play-episode/while-downloading", test_play_episode_while_downloading);
  g_test_add_func ("/play-episode/from-80-percent", test_play_episode_from_80_percent);
  return g_test_run ();
}
