/* test-stream.c — playing an episode while it downloads, from the same bytes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real MP3 (made by ffmpeg for the test) is served slowly by the test server; a decoder on a
 * thread reads it through a HarkMediaSource while HarkHttp downloads it on the main context,
 * as the player does. What it decodes is compared with a decode of the finished file.
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "audio/hark-decoder.h"
#include "audio/hark-player.h"
#include "hark-test-util.h"
#include "net/hark-http.h"
#include "output/hark-output.h"
#include "test-server.h"
#include "util/hark-byte-ranges.h"
#include "util/hark-error.h"

#define SECONDS 60
#define RATE HARK_OUTPUT_RATE
#define CH HARK_OUTPUT_CHANNELS

static char *tmpdir;
static char *mp3_path;
static char *mp3_data;
static gsize mp3_length;

static gboolean
make_mp3 (void)
{
  if (mp3_data != NULL)
    return TRUE;
  tmpdir = hark_test_make_tmpdir ("stream");
  mp3_path = g_build_filename (tmpdir, "source.mp3", NULL);
  if (!hark_test_make_noise_mp3 (mp3_path, 60, 7, 128))
    return FALSE;
  g_assert_true (g_file_get_contents (mp3_path, &mp3_data, &mp3_length, NULL));
  g_assert_cmpuint (mp3_length, >, 900 * 1024);
  return TRUE;
}

/* The whole file decoded the ordinary way, once. */
static float *
reference (gsize *n_frames)
{
  static float *pcm;
  static gsize n;

  if (pcm == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkDecoder) decoder = hark_decoder_open (mp3_path, RATE, CH, &error);
      GArray *all = g_array_new (FALSE, FALSE, sizeof (float));
      float buffer[4096 * CH];
      HarkDecoderChunk chunk;
      gssize got;

      g_assert_no_error (error);
      while ((got = hark_decoder_read (decoder, buffer, 4096, &chunk, &error)) > 0)
        g_array_append_vals (all, buffer, got * CH);
      g_assert_no_error (error);
      n = all->len / CH;
      pcm = (float *) g_array_free (all, FALSE);
    }
  *n_frames = n;
  return pcm;
}

static char *
target (const char *name)
{
  g_autofree char *dir = hark_test_make_tmpdir ("stream-dl");
  return g_build_filename (dir, name, NULL);
}

/* Decodes from @seconds to the end: from the file itself, or with @decoder. */
static GArray *
decode_from (HarkDecoder *decoder, double seconds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) own = NULL;
  GArray *pcm = g_array_new (FALSE, FALSE, sizeof (float));
  float buffer[4096 * CH];
  HarkDecoderChunk chunk;
  gssize got;

  if (decoder == NULL)
    {
      decoder = own = hark_decoder_open (mp3_path, RATE, CH, &error);
      g_assert_no_error (error);
    }
  g_assert_true (hark_decoder_seek (decoder, seconds, &error));
  while ((got = hark_decoder_read (decoder, buffer, 4096, &chunk, &error)) > 0)
    g_array_append_vals (pcm, buffer, got * CH);
  g_assert_no_error (error);
  return pcm;
}

/* A decoder reading the source on its own thread, as the player's decoder thread does. */
typedef struct
{
  HarkMediaSource *source;
  double seek_to;          /* < 0: no seek */
  double seconds;          /* < 0: to the end */
  gint64 started;
  gint64 seek_time;        /* monotonic time of the seek call */
  gint64 first_audio;      /* monotonic time of the first frames */
  HarkMediaSourceProgress at_first_audio;
  HarkMediaSourceProgress at_seek;
  double media_start;      /* of the first chunk read */
  GArray *pcm;
  GError *error;
  gint done;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;
  g_autoptr (HarkDecoder) decoder = hark_decoder_open_source (r->source, NULL, RATE, CH, &r->error);
  float buffer[4096 * CH];
  HarkDecoderChunk chunk;
  gssize got;

  r->pcm = g_array_new (FALSE, FALSE, sizeof (float));
  if (decoder != NULL && r->seek_to >= 0)
    {
      hark_media_source_get_progress (r->source, &r->at_seek);
      r->seek_time = g_get_monotonic_time ();
      hark_decoder_seek (decoder, r->seek_to, &r->error);
    }
  while (decoder != NULL && r->error == NULL
         && (r->seconds < 0 || r->pcm->len < r->seconds * RATE * CH)
         && (got = hark_decoder_read (decoder, buffer, 4096, &chunk, &r->error)) > 0)
    {
      if (r->first_audio == 0)
        {
          r->first_audio = g_get_monotonic_time ();
          hark_media_source_get_progress (r->source, &r->at_first_audio);
          r->media_start = chunk.media_start;
        }
      g_array_append_vals (r->pcm, buffer, got * CH);
    }
  g_atomic_int_set (&r->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

typedef struct
{
  HarkDownloadResult *result;
  GError *error;
  gboolean done;
} Download;

static void
on_downloaded (GObject *object, GAsyncResult *async, gpointer data)
{
  Download *d = data;

  d->result = hark_http_download_to_source_finish (NULL, async, &d->error);
  d->done = TRUE;
}

static void
wait_reader (Reader *r, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * (gint64) 1000;

  while (!g_atomic_int_get (&r->done) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_assert_true (g_atomic_int_get (&r->done));
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->pcm, g_array_unref);
  g_clear_error (&r->error);
}

/* What every streaming case starts from: the test server, a client, the URL of the file on it
 * and where the download goes. */
typedef struct
{
  TestServer *server;
  HarkHttp *http;
  char *url;
  char *path;
} Stream;

static void
stream_init (Stream *s)
{
  s->server = test_server_new ();
  s->http = hark_http_new (NULL);
  s->url = test_server_url (s->server, "/ep.mp3");
  s->path = target ("ep.mp3");
}

static void
stream_clear (Stream *s)
{
  g_clear_pointer (&s->path, g_free);
  g_clear_pointer (&s->url, g_free);
  g_clear_pointer (&s->http, hark_http_free);
  g_clear_pointer (&s->server, test_server_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stream, stream_clear)

/* Downloads the file through @source and decodes it on a reader thread as it arrives, from
 * @seek_to (< 0: the start) for @seconds (< 0: to the end); returns when the reader is done,
 * the download going on. */
static void
stream_play (Stream *s, HarkMediaSource *source, GCancellable *quit, Download *d, Reader *r,
             double seek_to, double seconds, guint timeout_ms)
{
  GThread *thread;

  r->source = source;
  r->seek_to = seek_to;
  r->seconds = seconds;
  r->started = g_get_monotonic_time ();
  hark_http_download_to_source_async (s->http, s->url, s->path, NULL, source, NULL, NULL, quit,
                                      on_downloaded, d);
  thread = g_thread_new ("reader", reader_thread, r);
  wait_reader (r, timeout_ms);
  g_thread_join (thread);
  g_assert_no_error (r->error);
}

static void
assert_same_audio (const float *a, const float *b, gsize n_frames)
{
  double worst = 0;

  for (gsize i = 0; i < n_frames * CH; i++)
    worst = MAX (worst, fabs (a[i] - b[i]));
  g_assert_cmpfloat (worst, <, 1e-6);
}

/* Playback starts long before the download ends, and plays the right samples. */
static void
test_plays_while_downloading (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  g_autofree char *copy = NULL;
  gsize copy_length = 0, ref_frames = 0;
  const float *ref;
  Download d = { 0 };
  Reader r = { 0 };
  gint stop = 0;

  if (!make_mp3 ())
    return;
  stream_init (&s);
  /* 320 KB/s: the 1 MB file takes about three seconds. */
  test_server_add_throttled (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length, "\"s1\"",
                             8 * 1024, 25, 0, &stop);
  source = hark_media_source_new ("ep.mp3");
  stream_play (&s, source, NULL, &d, &r, -1, 5, 10000);
  g_test_message ("first audio after %.0f ms, with %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                  " bytes downloaded",
                  (r.first_audio - r.started) / 1000.0, r.at_first_audio.available,
                  r.at_first_audio.total);
  g_assert_cmpint (r.first_audio - r.started, <, G_USEC_PER_SEC);
  g_assert_false (r.at_first_audio.complete);
  g_assert_cmpuint (r.at_first_audio.total, ==, mp3_length);
  g_assert_cmpuint (r.at_first_audio.available, <, mp3_length / 4);
  g_assert_cmpuint (r.pcm->len / CH, >=, 5 * RATE);
  ref = reference (&ref_frames);
  assert_same_audio ((const float *) r.pcm->data, ref, 5 * RATE);

  test_server_wait (&d.done, 15000);
  g_assert_no_error (d.error);
  g_assert_nonnull (d.result);
  g_assert_true (g_file_get_contents (s.path, &copy, &copy_length, NULL));
  g_assert_cmpmem (copy, copy_length, mp3_data, mp3_length);
  {
    HarkMediaSourceProgress p;
    hark_media_source_get_progress (source, &p);
    g_assert_true (p.complete);
    g_assert_cmpuint (p.available, ==, mp3_length);
  }
  hark_download_result_free (d.result);
  reader_clear (&r);
}

/* A connection that drops mid-way is resumed with a Range request; the decoder reading the
 * stream hears nothing of it and decodes the whole file. */
static void
test_dropped_connection_resumes (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  gsize ref_frames = 0;
  const float *ref;
  Download d = { 0 };
  Reader r = { 0 };
  const char *range;

  if (!make_mp3 ())
    return;
  stream_init (&s);
  test_server_add_throttled (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length, "\"s2\"",
                             32 * 1024, 5, 300 * 1000, NULL);
  source = hark_media_source_new ("ep.mp3");
  stream_play (&s, source, NULL, &d, &r, -1, -1, 20000);
  test_server_wait (&d.done, 15000);
  g_assert_no_error (d.error);
  g_assert_true (d.result->resumed);
  g_assert_cmpuint (s.server->requests, ==, 2);
  range = test_server_request_header (s.server, "/ep.mp3", "Range");
  g_assert_cmpstr (range, ==, "bytes=300000-");
  g_assert_cmpstr (test_server_request_header (s.server, "/ep.mp3", "If-Range"), ==, "\"s2\"");
  ref = reference (&ref_frames);
  g_assert_cmpuint (r.pcm->len / CH, ==, ref_frames);
  assert_same_audio ((const float *) r.pcm->data, ref, ref_frames);
  hark_download_result_free (d.result);
  reader_clear (&r);
}

/* Seeking past what has arrived fetches those bytes next, and plays from the right place: the
 * jump by bytes lands on the packet a linear decode has there (a constant bitrate). */
static void
test_seek_beyond_download (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  Download d = { 0 };
  Reader r = { 0 };

  if (!make_mp3 ())
    return;
  stream_init (&s);
  test_server_add_throttled (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length, "\"s3\"",
                             16 * 1024, 25, 0, NULL);
  source = hark_media_source_new ("ep.mp3");
  stream_play (&s, source, NULL, &d, &r, 45, 2, 20000);
  /* The seek asked for bytes that had not arrived. */
  g_assert_cmpuint (r.at_seek.available, <, mp3_length / 2);
  g_assert_cmpfloat (fabs (r.media_start - 45), <, 0.001);
  g_assert_cmpuint (r.pcm->len / CH, >=, 2 * RATE);
  /* The seek lands where it does in the finished file. */
  {
    g_autoptr (GArray) expected = decode_from (NULL, 45);
    assert_same_audio ((const float *) r.pcm->data, (const float *) expected->data, 2 * RATE);
  }
  test_server_wait (&d.done, 15000);
  g_assert_no_error (d.error);
  hark_download_result_free (d.result);
  reader_clear (&r);
}

static char *
map_path_of (const char *path)
{
  return g_strconcat (path, ".part.ranges", NULL);
}

static void
assert_same_file (const char *path)
{
  g_autofree char *copy = NULL;
  g_autofree char *map = map_path_of (path);
  gsize copy_length = 0;

  g_assert_true (g_file_get_contents (path, &copy, &copy_length, NULL));
  g_assert_cmpmem (copy, copy_length, mp3_data, mp3_length);
  /* The map goes with the .part. */
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
}

/* The offset a "bytes=N-" or "bytes=N-M" header starts at, or -1. */
static gint64
range_start (const char *range)
{
  return g_str_has_prefix (range, "bytes=") ? g_ascii_strtoll (range + 6, NULL, 10) : -1;
}

static void
count_notice (HarkMediaSource *source, gpointer data)
{
  (*(guint *) data)++;
}

/* A seek to 80% of a file served slowly plays within a second: the download asks for that
 * part with a Range request, then goes back to fill the hole, and the file it leaves is the
 * server's, byte for byte. */
static void
test_seek_ahead_fetches_range (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  Download d = { 0 };
  Reader r = { 0 };
  double seek_ms;
  gboolean jumped = FALSE, filled = FALSE;

  if (!make_mp3 ())
    return;
  stream_init (&s);
  /* 160 KB/s: the whole file takes six seconds, the part up to 80% five. */
  test_server_add_throttled (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length, "\"s5\"",
                             8 * 1024, 50, 0, NULL);
  source = hark_media_source_new ("ep.mp3");
  stream_play (&s, source, NULL, &d, &r, 48, 2, 20000);
  seek_ms = (r.first_audio - r.seek_time) / 1000.0;
  g_test_message ("seek to 48 s (80%%) with %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                  " bytes there: first audio after %.0f ms, %" G_GUINT64_FORMAT
                  " bytes held then", r.at_seek.available, mp3_length, seek_ms,
                  r.at_first_audio.held);
  g_assert_cmpuint (r.at_seek.available, <, mp3_length / 2);
  g_assert_cmpfloat (seek_ms, <, 1000);
  /* Played from the range fetched, long before the transfer could have got there. */
  g_assert_cmpuint (r.at_first_audio.available, <, mp3_length * 7 / 10);
  g_assert_cmpfloat (fabs (r.media_start - 48), <, 0.001);
  g_assert_cmpuint (r.pcm->len / CH, >=, 2 * RATE);
  {
    g_autoptr (GArray) expected = decode_from (NULL, 48);
    assert_same_audio ((const float *) r.pcm->data, (const float *) expected->data, 2 * RATE);
  }
  test_server_wait (&d.done, 20000);
  g_assert_no_error (d.error);
  assert_same_file (s.path);
  /* One request jumped ahead (open-ended, with the validator), a later one filled the hole
   * it left, up to the range held. */
  for (guint i = 1; i < s.server->ranges->len; i++)
    {
      const char *range = g_ptr_array_index (s.server->ranges, i);
      gint64 start = range_start (range);

      if (start > (gint64) mp3_length / 2 && g_str_has_suffix (range, "-"))
        jumped = TRUE;
      else if (jumped && start > 0 && start < (gint64) mp3_length / 2
               && !g_str_has_suffix (range, "-"))
        filled = TRUE;
    }
  g_assert_true (jumped);
  g_assert_true (filled);
  g_assert_cmpstr (test_server_request_header (s.server, "/ep.mp3", "If-Range"), ==, "\"s5\"");
  {
    HarkMediaSourceProgress p;
    hark_media_source_get_progress (source, &p);
    g_assert_true (p.complete);
    g_assert_cmpuint (p.available, ==, mp3_length);
  }
  hark_download_result_free (d.result);
  reader_clear (&r);
}

/* A server that answers a Range request with the whole file: the seek waits for the bytes as
 * they come (and still lands right), the source says why, and no other jump is tried. */
static void
test_seek_range_ignored (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  g_autofree char *notice = NULL;
  Download d = { 0 };
  Reader r = { 0 };
  guint notices = 0;

  if (!make_mp3 ())
    return;
  stream_init (&s);
  test_server_add_throttled_full (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length,
                                  "\"s6\"", 16 * 1024, 25, 0, NULL, TEST_RANGE_IGNORE);
  source = hark_media_source_new ("ep.mp3");
  hark_media_source_set_notice_func (source, NULL, count_notice, &notices);
  stream_play (&s, source, NULL, &d, &r, 48, 1, 20000);
  g_assert_cmpfloat (fabs (r.media_start - 48), <, 0.001);
  {
    g_autoptr (GArray) expected = decode_from (NULL, 48);
    assert_same_audio ((const float *) r.pcm->data, (const float *) expected->data, RATE);
  }
  test_server_wait (&d.done, 20000);
  g_assert_no_error (d.error);
  assert_same_file (s.path);
  /* The first request, and the one jump the server refused. */
  g_assert_cmpuint (s.server->requests, ==, 2);
  g_assert_cmpint (range_start (g_ptr_array_index (s.server->ranges, 1)), >, mp3_length / 2);
  notice = hark_media_source_dup_notice (source);
  g_assert_cmpstr (notice, ==, "This server can’t jump ahead; playing as it downloads.");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (notices, ==, 1);
  hark_download_result_free (d.result);
  reader_clear (&r);
}

/* A .part with holes whose file changed on the server (If-Range fails, 200): nothing of the
 * old bytes is read or kept; the new file downloads whole and plays from its start. */
static void
test_if_range_mismatch (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  g_autofree char *part = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *map = NULL;
  g_autofree char *map_text = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *junk = g_malloc (100000);
  gsize ref_frames = 0;
  const float *ref;
  Download d = { 0 };
  Reader r = { 0 };
  FILE *f;

  if (!make_mp3 ())
    return;
  stream_init (&s);
  part = g_strconcat (s.path, ".part", NULL);
  etag = g_strconcat (part, ".etag", NULL);
  map = map_path_of (s.path);
  /* What an earlier run of another version of the file left: two ranges of it. */
  memset (junk, 0x5a, 100000);
  f = g_fopen (part, "wb");
  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (junk, 1, 100000, f), ==, 100000);
  g_assert_cmpint (fseek (f, 600000, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, 100000, f), ==, 100000);
  fclose (f);
  map_text = g_strdup_printf ("hark-ranges 1\ntotal %" G_GSIZE_FORMAT "\n0-100000\n"
                              "600000-700000\n", mp3_length);
  g_assert_true (g_file_set_contents (map, map_text, -1, NULL));
  g_assert_true (g_file_set_contents (etag, "\"old\"", -1, NULL));
  test_server_add_throttled (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length, "\"s7\"",
                             32 * 1024, 10, 0, NULL);
  source = hark_media_source_new ("ep.mp3");
  stream_play (&s, source, NULL, &d, &r, -1, -1, 20000);
  test_server_wait (&d.done, 20000);
  g_assert_no_error (d.error);
  g_assert_true (d.result->restarted);
  /* The first hole, up to the range held, if it is still the same file. */
  g_assert_cmpstr (g_ptr_array_index (s.server->ranges, 0), ==, "bytes=100000-599999");
  g_assert_cmpuint (s.server->requests, ==, 1);
  g_assert_cmpstr (test_server_request_header (s.server, "/ep.mp3", "If-Range"), ==, "\"old\"");
  assert_same_file (s.path);
  ref = reference (&ref_frames);
  g_assert_cmpuint (r.pcm->len / CH, ==, ref_frames);
  assert_same_audio ((const float *) r.pcm->data, ref, ref_frames);
  notice = hark_media_source_dup_notice (source);
  g_assert_cmpstr (notice, ==, "The episode changed on the server; it is downloading again "
                               "from the start.");
  hark_download_result_free (d.result);
  reader_clear (&r);
}

/* Quitting while a seek ahead is downloading keeps both ranges and their map; the next start
 * fetches only the hole between them, and a seek into the far range plays at once. */
static void
test_resume_with_holes (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  g_autoptr (HarkMediaSource) again = NULL;
  g_autoptr (GCancellable) quit = g_cancellable_new ();
  g_autoptr (HarkByteRanges) held = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *map = NULL;
  g_autofree char *text = NULL;
  guint64 total = 0, a0, a1, b0, b1;
  guint first_of_second_run;
  Download d = { 0 }, d2 = { 0 };
  Reader r = { 0 }, r2 = { 0 };

  if (!make_mp3 ())
    return;
  stream_init (&s);
  map = map_path_of (s.path);
  test_server_add_throttled (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length, "\"s8\"",
                             8 * 1024, 50, 0, NULL);
  source = hark_media_source_new ("ep.mp3");
  stream_play (&s, source, quit, &d, &r, 40, 1, 20000);
  /* Quit. */
  g_cancellable_cancel (quit);
  test_server_wait (&d.done, 5000);
  g_assert_error (d.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (map, &text, NULL, NULL));
  held = hark_byte_ranges_parse (text, strlen (text), map, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, mp3_length);
  g_assert_cmpuint (hark_byte_ranges_get_count (held), ==, 2);
  hark_byte_ranges_get (held, 0, &a0, &a1);
  hark_byte_ranges_get (held, 1, &b0, &b1);
  g_test_message ("kept %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT " and %" G_GUINT64_FORMAT
                  "-%" G_GUINT64_FORMAT, a0, a1, b0, b1);
  g_assert_cmpuint (a0, ==, 0);
  g_assert_cmpuint (b0, >, mp3_length / 2);

  /* The next run. */
  first_of_second_run = s.server->ranges->len;
  again = hark_media_source_new ("ep.mp3");
  stream_play (&s, again, NULL, &d2, &r2, 40, 1, 20000);
  g_test_message ("the seek into the range kept played after %.0f ms",
                  (r2.first_audio - r2.seek_time) / 1000.0);
  g_assert_cmpint (r2.first_audio - r2.seek_time, <, G_USEC_PER_SEC);
  {
    g_autoptr (GArray) expected = decode_from (NULL, 40);
    assert_same_audio ((const float *) r2.pcm->data, (const float *) expected->data, RATE);
  }
  test_server_wait (&d2.done, 20000);
  g_assert_no_error (d2.error);
  g_assert_true (d2.result->resumed);
  assert_same_file (s.path);
  /* It went on from the first hole, and nothing held was asked for again. */
  g_assert_cmpint (range_start (g_ptr_array_index (s.server->ranges, first_of_second_run)), ==,
                   (gint64) a1);
  for (guint i = first_of_second_run; i < s.server->ranges->len; i++)
    {
      const char *range = g_ptr_array_index (s.server->ranges, i);
      gint64 start = range_start (range);

      g_assert_cmpint (start, >=, (gint64) a1);
      g_assert_false (start >= (gint64) b0 && start < (gint64) b1);
    }
  hark_download_result_free (d2.result);
  g_clear_error (&d.error);
  reader_clear (&r);
  reader_clear (&r2);
}

/* Seeks in a file that has all arrived land where they land in the file, back to the start
 * too. */
static void
test_seek_in_complete_source (void)
{
  g_autoptr (HarkMediaSource) source = NULL;
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autoptr (GError) error = NULL;
  const double targets[] = { 0, 3.3, 58.7, 0 };

  if (!make_mp3 ())
    return;
  source = hark_media_source_new ("complete");
  hark_media_source_set_file (source, mp3_path, mp3_length, mp3_length);
  hark_media_source_finish (source, NULL);
  decoder = hark_decoder_open_source (source, NULL, RATE, CH, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autoptr (GArray) pcm = decode_from (decoder, targets[t]);
      g_autoptr (GArray) expected = decode_from (NULL, targets[t]);

      g_assert_cmpuint (pcm->len, ==, expected->len);
      assert_same_audio ((const float *) pcm->data, (const float *) expected->data,
                         pcm->len / CH);
    }
  {
    /* Indexed whole when opened complete: the file's exact duration. */
    g_autoptr (HarkDecoder) file = hark_decoder_open (mp3_path, RATE, CH, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (hark_decoder_get_duration (decoder), ==, hark_decoder_get_duration (file));
  }
}

/* A decoder waiting for bytes that do not come is woken by a cancel at once, and a player
 * closing while its decoder waits does not hang. */
static void
test_cancel_while_waiting (void)
{
  g_auto (Stream) s = { 0 };
  g_autoptr (HarkMediaSource) source = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (HarkPlayer) player = NULL;
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autoptr (GError) error = NULL;
  Download d = { 0 };
  gint stop = 0;
  gint64 t0;

  if (!make_mp3 ())
    return;
  stream_init (&s);
  test_server_add_throttled (s.server, "/ep.mp3", "audio/mpeg", mp3_data, mp3_length, "\"s4\"",
                             16 * 1024, 20, 0, &stop);
  source = hark_media_source_new ("ep.mp3");
  hark_http_download_to_source_async (s.http, s.url, s.path, NULL, source, NULL, NULL,
                                      cancellable, on_downloaded, &d);
  {
    /* Open on this thread once enough has arrived to probe without waiting long. */
    HarkMediaSourceProgress p = { 0 };
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (p.available < 128 * 1024 && g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        hark_media_source_get_progress (source, &p);
      }
  }
  decoder = hark_decoder_open_source (source, NULL, RATE, CH, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&stop, 1); /* the server stops sending: the decoder will wait */
  player = hark_player_new (hark_output_null_new (HARK_OUTPUT_NULL_FAST), NULL);
  hark_player_open_decoder (player, g_steal_pointer (&decoder), "ep.mp3");
  hark_player_play (player, &error);
  g_assert_no_error (error);
  {
    gint64 end = g_get_monotonic_time () + 500 * 1000;
    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  }
  t0 = g_get_monotonic_time ();
  hark_player_close (player);
  g_test_message ("closed in %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC / 2);
  {
    /* Only the player's reads stopped: the download and its source go on. */
    HarkMediaSourceProgress p;
    hark_media_source_get_progress (source, &p);
    g_assert_false (p.failed);
  }

  /* A plain read is woken the same way. */
  {
    g_autoptr (HarkMediaSource) other = hark_media_source_new ("other");
    char byte;
    g_autoptr (GError) cancelled = NULL;
    hark_media_source_set_file (other, s.path, 0, 100);
    hark_media_source_cancel (other);
    g_assert_cmpint (hark_media_source_read (other, 0, &byte, 1, TRUE, NULL, &cancelled), ==, -1);
    g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  g_cancellable_cancel (cancellable);
  test_server_wait (&d.done, 5000);
  g_assert_error (d.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    HarkMediaSourceProgress p;
    hark_media_source_get_progress (source, &p);
    g_assert_true (p.failed);
  }
  g_clear_error (&d.error);
}

/* The writer's failure reaches the reader as that error, after the bytes that did arrive. */
static void
test_failure_reaches_reader (void)
{
  g_autoptr (HarkMediaSource) source = hark_media_source_new ("ep.mp3");
  g_autofree char *dir = hark_test_make_tmpdir ("stream-fail");
  g_autofree char *path = g_build_filename (dir, "ep.part", NULL);
  g_autoptr (GError) failure = g_error_new (HARK_ERROR, HARK_ERROR_IO, "http://x/ep.mp3: gone");
  g_autoptr (GError) error = NULL;
  char buffer[16];

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  hark_media_source_set_file (source, path, 4, 10);
  g_assert_cmpint (hark_media_source_read (source, 2, buffer, sizeof buffer, FALSE, NULL, &error), ==, 2);
  g_assert_cmpmem (buffer, 2, "23", 2);
  g_assert_cmpint (hark_media_source_read (source, 4, buffer, sizeof buffer, FALSE, NULL, &error), ==, 0);
  hark_media_source_finish (source, failure);
  g_assert_cmpint (hark_media_source_read (source, 4, buffer, 1, TRUE, NULL, &error), ==, -1);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "http://x/ep.mp3: gone");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stream/plays-while-downloading", test_plays_while_downloading);
  g_test_add_func ("/stream/dropped-connection-resumes", test_dropped_connection_resumes);
  g_test_add_func ("/stream/seek-beyond-download", test_seek_beyond_download);
  g_test_add_func ("/stream/seek-ahead-fetches-range", test_seek_ahead_fetches_range);
  g_test_add_func ("/stream/seek-range-ignored", test_seek_range_ignored);
  g_test_add_func ("/stream/if-range-mismatch", test_if_range_mismatch);
  g_test_add_func ("/stream/resume-with-holes", test_resume_with_holes);
  g_test_add_func ("/stream/seek-in-complete-source", test_seek_in_complete_source);
  g_test_add_func ("/stream/cancel-while-waiting", test_cancel_while_waiting);
  g_test_add_func ("/stream/failure-reaches-reader", test_failure_reaches_reader);
  status = g_test_run ();
  if (tmpdir != NULL)
    hark_test_remove_tree (tmpdir);
  return status;
}
