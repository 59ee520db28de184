/* test-session-stream.c — a show's episode played while it downloads keeps its place
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The local server sends a WAV episode slowly. The session plays it through
 * hark_session_open_stream(), is told to go on from 6 s and closes before the download is
 * done; the next stream of the same episode (its file still incomplete, so it has no content
 * key) continues there, and so does the finished file opened as the show's episode.
 */
#include <math.h>
#include <string.h>

#include "hark-test-util.h"
#include "output/hark-output.h"
#include "session/hark-session.h"
#include "subscriptions/hark-episode-download.h"
#include "subscriptions/hark-subscriptions.h"
#include "test-server.h"

#define RATE 16000
#define SECONDS 30

static GBytes *
make_wav (void)
{
  guint n = SECONDS * RATE;
  g_autofree gint16 *samples = g_new (gint16, n);
  guint8 header[44] = "RIFF....WAVEfmt ";
  GByteArray *file = g_byte_array_new ();
  guint32 v;

  for (guint i = 0; i < n; i++)
    samples[i] = (gint16) (5000 * sin (2 * G_PI * 440 * i / RATE));
#define PUT32(off, x) (v = GUINT32_TO_LE (x), memcpy (header + (off), &v, 4))
#define PUT16(off, x) (header[off] = (x) & 0xff, header[(off) + 1] = ((x) >> 8) & 0xff)
  PUT32 (4, 36 + n * 2);
  PUT32 (16, 16);
  PUT16 (20, 1);
  PUT16 (22, 1);
  PUT32 (24, RATE);
  PUT32 (28, RATE * 2);
  PUT16 (32, 2);
  PUT16 (34, 16);
  memcpy (header + 36, "data", 4);
  PUT32 (40, n * 2);
  g_byte_array_append (file, header, sizeof header);
  g_byte_array_append (file, (guint8 *) samples, n * 2);
  return g_byte_array_free_to_bytes (file);
}

typedef struct
{
  gboolean opened;
  gboolean failed;
} Seen;

static void
on_event (HarkSession *session, const HarkSessionEvent *event, gpointer data)
{
  Seen *seen = data;

  if (event->type == HARK_SESSION_EVENT_OPENED)
    seen->opened = TRUE;
  if (event->type == HARK_SESSION_EVENT_ERROR)
    {
      g_test_message ("session error: %s", event->error ? event->error->message : "?");
      seen->failed = TRUE;
    }
}

static void
wait_opened (HarkSession *session, Seen *seen)
{
  test_server_wait (&seen->opened, 20000);
  g_assert_false (seen->failed);
  g_assert_true (seen->opened);
  seen->opened = FALSE;
}

static void
test_stream_keeps_place (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *dir = hark_test_make_tmpdir ("session-stream");
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *root = g_build_filename (dir, "downloads", NULL);
  g_autofree char *feed = NULL;
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;
  g_autoptr (GBytes) wav = make_wav ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkLibraryEntry) entry = NULL;
  g_autoptr (HarkShowEpisode) episode = NULL;
  g_autoptr (GError) error = NULL;
  HarkEpisodeStream *stream;
  HarkMediaSourceProgress progress;
  HarkSession *session;
  gint stop = 0;
  Seen seen = { 0 };
  char *audio_path;
  gint64 show;

  feed = g_strdup_printf ("<rss><channel><title>Kept</title><item><guid>k1</guid>"
                          "<title>Place</title><enclosure url=\"/media/k1.wav\" "
                          "type=\"audio/wav\" length=\"%" G_GSIZE_FORMAT "\"/></item>"
                          "</channel></rss>",
                          g_bytes_get_size (wav));
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  /* 64 kB/s, twice real time: the 30 s episode takes about 15 s to arrive. */
  test_server_add_throttled (server, "/media/k1.wav", "audio/wav", g_bytes_get_data (wav, NULL),
                             g_bytes_get_size (wav), "\"k1\"", 6400, 100, 0, &stop);
  library = hark_library_open (db, &error);
  g_assert_no_error (error);
  show = hark_subscriptions_subscribe (http, library, url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (show, >, 0);

  {
    g_autoptr (GPtrArray) episodes = hark_library_list_show_episodes (library, show, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (episodes->len, ==, 1);
    what = g_strdup_printf ("%" G_GINT64_FORMAT,
                            ((HarkShowEpisode *) g_ptr_array_index (episodes, 0))->row);
  }
  session = hark_session_new (hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME), library, NULL);
  hark_session_add_listener (session, on_event, &seen, NULL);
  stream = hark_episode_stream_start (http, library, what, root, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  hark_session_open_stream (session, stream);
  wait_opened (session, &seen);
  g_assert_true (hark_session_get_stream (session) == stream);
  g_assert_true (hark_session_get_download_progress (session, &progress));
  g_assert_false (progress.complete);
  /* A new episode: it starts at the start. */
  g_assert_cmpfloat (hark_session_get_position (session), <, 0.5);
  g_assert_true (hark_session_seek (session, 6.0));
  key = hark_library_episode_key (hark_episode_stream_get_row (stream));
  /* The session frees the stream. */
  hark_session_close (session);

  entry = hark_library_lookup (library, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpfloat_with_epsilon (entry->position, 6.0, 0.3);
  g_clear_pointer (&entry, hark_library_entry_free);

  /* Closing stopped the kept download: its part waits, and the next stream continues it. */
  episode = hark_library_find_show_episode (library, what, &error);
  g_assert_no_error (error);
  g_assert_cmpint (episode->download_state, ==, HARK_DOWNLOAD_PARTIAL);
  stream = hark_episode_stream_start (http, library, what, root, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  hark_session_open_stream (session, stream);
  wait_opened (session, &seen);
  g_assert_cmpfloat_with_epsilon (hark_session_get_position (session), 6.0, 0.3);

  /* Once it is all there, the file opened as the show's episode goes on from the same place. */
  hark_session_seek (session, 9.0);
  {
    gboolean done = FALSE;
    while (!done)
      {
        test_server_wait (&done, 200);
        hark_session_get_download_progress (session, &progress);
        done = progress.complete || progress.failed;
      }
  }
  g_assert_false (progress.failed);
  audio_path = g_strdup (hark_episode_stream_get_download (stream)->audio_path);
  hark_session_close (session);
  g_assert_true (g_file_test (audio_path, G_FILE_TEST_IS_REGULAR));
  hark_session_open_episode (session, audio_path, episode->row);
  wait_opened (session, &seen);
  g_assert_cmpfloat_with_epsilon (hark_session_get_position (session), 9.0, 0.3);
  hark_session_free (session);
  g_free (audio_path);
  hark_test_remove_tree (dir);
}

typedef struct
{
  HarkSession *session;
  double past;
} Past;

static gboolean
past_position (gpointer data)
{
  Past *p = data;

  return hark_session_get_position (p->session) > p->past;
}

static void
on_changed (HarkSession *session, const HarkSessionEvent *event, gpointer data)
{
  if (event->type == HARK_SESSION_EVENT_CHANGED
      && hark_session_get_snapshot (session)->stream_notice != NULL)
    *(gboolean *) data = TRUE;
}

/* Runs the default context until @until(@data) or @timeout_ms; whether it came true. */
static gboolean
wait_for (GSourceFunc until, gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * (gint64) 1000;

  while (!until (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  return until (data);
}

static gboolean
is_flag (gpointer data)
{
  return *(gboolean *) data;
}

/* A seek to 80% of a stream plays on from there within two seconds when the server honours
 * Range; when it does not, the snapshot says so and the seek waits for the bytes. */
static void
test_stream_seek_ahead (gconstpointer data)
{
  gboolean honour = GPOINTER_TO_INT (data);
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *dir = hark_test_make_tmpdir ("session-stream-seek");
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *root = g_build_filename (dir, "downloads", NULL);
  g_autofree char *feed = NULL;
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *what = NULL;
  g_autoptr (GBytes) wav = make_wav ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  HarkEpisodeStream *stream;
  HarkMediaSourceProgress progress;
  HarkSession *session;
  Seen seen = { 0 };
  gboolean noticed = FALSE;
  Past past;
  gint64 seeked;
  gint64 show;

  feed = g_strdup_printf ("<rss><channel><title>Far</title><item><guid>f1</guid>"
                          "<title>Ahead</title><enclosure url=\"/media/f1.wav\" "
                          "type=\"audio/wav\" length=\"%" G_GSIZE_FORMAT "\"/></item>"
                          "</channel></rss>",
                          g_bytes_get_size (wav));
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  /* 64 kB/s: 80% of the episode is twelve seconds away. */
  test_server_add_throttled_full (server, "/media/f1.wav", "audio/wav",
                                  g_bytes_get_data (wav, NULL), g_bytes_get_size (wav), "\"f1\"",
                                  6400, 100, 0, NULL,
                                  honour ? TEST_RANGE_HONOUR : TEST_RANGE_IGNORE);
  library = hark_library_open (db, &error);
  g_assert_no_error (error);
  show = hark_subscriptions_subscribe (http, library, url, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) episodes = hark_library_list_show_episodes (library, show, &error);
    g_assert_no_error (error);
    what = g_strdup_printf ("%" G_GINT64_FORMAT,
                            ((HarkShowEpisode *) g_ptr_array_index (episodes, 0))->row);
  }
  session = hark_session_new (hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME), library, NULL);
  hark_session_add_listener (session, on_event, &seen, NULL);
  hark_session_add_listener (session, on_changed, &noticed, NULL);
  stream = hark_episode_stream_start (http, library, what, root, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  hark_session_open_stream (session, stream);
  wait_opened (session, &seen);
  hark_session_play (session);
  seeked = g_get_monotonic_time ();
  g_assert_true (hark_session_seek (session, SECONDS * 0.8));
  past.session = session;
  past.past = SECONDS * 0.8 + 0.3;
  if (honour)
    {
      g_assert_true (wait_for (past_position, &past, 5000));
      g_test_message ("playing on from 80%% %.0f ms after the seek",
                      (g_get_monotonic_time () - seeked) / 1000.0);
      g_assert_cmpint (g_get_monotonic_time () - seeked, <, 2 * G_USEC_PER_SEC);
      g_assert_true (hark_session_get_download_progress (session, &progress));
      g_assert_false (progress.complete);
      g_assert_null (hark_session_get_snapshot (session)->stream_notice);
    }
  else
    {
      g_assert_true (wait_for (is_flag, &noticed, 5000));
      g_assert_cmpstr (hark_session_get_snapshot (session)->stream_notice, ==,
                       "This server can’t jump ahead; playing as it downloads.");
      /* It plays there once the bytes come. */
      g_assert_true (wait_for (past_position, &past, 20000));
    }
  g_assert_false (seen.failed);
  hark_session_close (session);
  g_assert_null (hark_session_get_snapshot (session)->stream_notice);
  hark_session_free (session);
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/session/stream/keeps-place", test_stream_keeps_place);
  g_test_add_data_func ("/session/stream/seek-ahead", GINT_TO_POINTER (TRUE),
                        test_stream_seek_ahead);
  g_test_add_data_func ("/session/stream/seek-ahead-range-ignored", GINT_TO_POINTER (FALSE),
                        test_stream_seek_ahead);
  return g_test_run ();
}
