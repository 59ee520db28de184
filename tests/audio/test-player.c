/* test-player.c — the player on the null output: what it plays, its events, its clock, pause,
 * seek, skip, speed, volume, a device that dies
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "audio-test-util.h"
#include "util/hark-error.h"
#include "output/hark-output.h"
#include "audio/hark-player.h"
#include "hark-test-util.h"

#define RATE HARK_OUTPUT_RATE
#define CH HARK_OUTPUT_CHANNELS

typedef struct
{
  HarkPlayer *player;
  HarkOutput *output; /* owned by the player */
  GArray *events;     /* HarkPlayerEvent, error pointers cleared */
  GError *error;      /* the last ERROR event's */
  char *path;
} Fixture;

static void
on_event (HarkPlayer *player, const HarkPlayerEvent *event, gpointer data)
{
  Fixture *f = data;
  HarkPlayerEvent copy = *event;

  copy.error = NULL;
  g_array_append_val (f->events, copy);
  if (event->type == HARK_PLAYER_EVENT_ERROR)
    {
      g_clear_error (&f->error);
      f->error = g_error_copy (event->error);
    }
}

static void
setup (Fixture *f, HarkOutputNullPace pace, const char *codec)
{
  g_autofree char *name = g_strdup_printf ("ep189/excerpt-linode.%s", codec);

  f->path = hark_test_fixture (name);
  if (f->path == NULL)
    return;
  f->output = hark_output_null_new (pace);
  f->player = hark_player_new (f->output, NULL);
  f->events = g_array_new (FALSE, FALSE, sizeof (HarkPlayerEvent));
  hark_player_set_event_func (f->player, on_event, f, NULL);
}

static void
teardown (Fixture *f)
{
  g_clear_pointer (&f->player, hark_player_free);
  g_clear_pointer (&f->events, g_array_unref);
  g_clear_error (&f->error);
  g_clear_pointer (&f->path, g_free);
}

static gboolean
wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the default context for @seconds. */
static void
run_for (double seconds)
{
  gboolean done = FALSE;

  g_timeout_add ((guint) (seconds * 1000), wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static const HarkPlayerEvent *
find_event (Fixture *f, HarkPlayerEventType type)
{
  for (guint i = 0; i < f->events->len; i++)
    if (g_array_index (f->events, HarkPlayerEvent, i).type == type)
      return &g_array_index (f->events, HarkPlayerEvent, i);
  return NULL;
}

/* Runs until an event of @type came (failing after @timeout seconds). */
static const HarkPlayerEvent *
wait_event (Fixture *f, HarkPlayerEventType type, double timeout)
{
  gint64 until = g_get_monotonic_time () + timeout * G_USEC_PER_SEC;

  while (find_event (f, type) == NULL)
    {
      if (g_get_monotonic_time () > until)
        g_error ("no event of type %d within %.0f s", type, timeout);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return find_event (f, type);
}

static float *
decode_from (const char *path, double start, gsize *n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder = hark_decoder_open (path, RATE, CH, &error);

  g_assert_no_error (error);
  if (start > 0)
    g_assert_true (hark_decoder_seek (decoder, start, &error));
  return audio_test_decode_rest (decoder, n);
}

static void
open_and_play (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (hark_player_open (f->player, f->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hark_player_get_state (f->player), ==, HARK_PLAYER_STATE_PAUSED);
  g_assert_true (hark_player_play (f->player, &error));
  g_assert_no_error (error);
}

/* Played as fast as possible, the device receives exactly what the decoder renders, and the
 * events come in order: paused, playing, ended + end. */
static void
test_plays_what_renders (void)
{
  Fixture f = { 0 };
  g_autofree float *played = NULL, *rendered = NULL;
  gsize n_played = 0, n_rendered = 0;

  setup (&f, HARK_OUTPUT_NULL_FAST, "opus");
  if (f.path == NULL)
    return;
  hark_output_null_set_capture (f.output, TRUE);
  open_and_play (&f);
  wait_event (&f, HARK_PLAYER_EVENT_END, 60);

  played = hark_output_null_take_captured (f.output, &n_played);
  rendered = decode_from (f.path, 0, &n_rendered);
  g_assert_cmpuint (n_played, ==, n_rendered);
  g_assert_cmpfloat (audio_test_max_diff (played, rendered, n_rendered), ==, 0);

  g_assert_cmpuint (f.events->len, >=, 4);
  g_assert_cmpint (g_array_index (f.events, HarkPlayerEvent, 0).state, ==,
                   HARK_PLAYER_STATE_PAUSED);
  g_assert_cmpint (g_array_index (f.events, HarkPlayerEvent, 1).state, ==,
                   HARK_PLAYER_STATE_PLAYING);
  g_assert_cmpint (hark_player_get_state (f.player), ==, HARK_PLAYER_STATE_ENDED);
  g_assert_cmpfloat (hark_player_get_position (f.player), ==,
                     hark_player_get_duration (f.player));
  teardown (&f);
}

/* A 16-bit mono WAV of @seconds at the output rate: a 440 Hz tone at half scale. */
static char *
write_mono_wav (const char *dir, double seconds, gint16 **samples_out, gsize *n_out)
{
  gsize n = (gsize) (seconds * RATE);
  g_autofree gint16 *samples = g_new (gint16, n);
  guint8 header[44] = "RIFF....WAVEfmt ";
  g_autoptr (GByteArray) file = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "mono.wav", NULL);
  guint32 v;

  for (gsize i = 0; i < n; i++)
    samples[i] = (gint16) lrint (16384 * sin (2 * G_PI * 440 * (double) i / RATE));
#define PUT32(off, x) (v = GUINT32_TO_LE (x), memcpy (header + (off), &v, 4))
#define PUT16(off, x) (header[off] = (x) & 0xff, header[(off) + 1] = ((x) >> 8) & 0xff)
  PUT32 (4, 36 + n * 2);
  PUT32 (16, 16);
  PUT16 (20, 1);
  PUT16 (22, 1); /* one channel */
  PUT32 (24, RATE);
  PUT32 (28, RATE * 2);
  PUT16 (32, 2);
  PUT16 (34, 16);
  memcpy (header + 36, "data", 4);
  PUT32 (40, n * 2);
#undef PUT32
#undef PUT16
  g_byte_array_append (file, header, sizeof header);
  g_byte_array_append (file, (guint8 *) samples, n * 2);
  g_assert_true (g_file_set_contents (path, (const char *) file->data, file->len, &error));
  g_assert_no_error (error);
  *samples_out = g_steal_pointer (&samples);
  *n_out = n;
  return path;
}

/* A mono episode reaches the device at its own level in both ears, as ffmpeg and mpv play it
 * (each channel carries the one channel unchanged), not 3 dB down as a stereo fold-down would
 * give: each output sample equals the source's. */
static void
test_mono_level (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = hark_test_make_tmpdir ("player-mono");
  g_autofree gint16 *source = NULL;
  g_autofree float *played = NULL;
  gsize n_source = 0, n_played = 0;
  double sum_source = 0, sum[CH] = { 0 }, max_diff = 0;

  f.path = write_mono_wav (dir, 2.0, &source, &n_source);
  f.output = hark_output_null_new (HARK_OUTPUT_NULL_FAST);
  f.player = hark_player_new (f.output, NULL);
  f.events = g_array_new (FALSE, FALSE, sizeof (HarkPlayerEvent));
  hark_player_set_event_func (f.player, on_event, &f, NULL);
  hark_output_null_set_capture (f.output, TRUE);
  open_and_play (&f);
  wait_event (&f, HARK_PLAYER_EVENT_END, 30);
  played = hark_output_null_take_captured (f.output, &n_played);
  g_assert_cmpuint (n_played, ==, n_source);

  for (gsize i = 0; i < n_source; i++)
    {
      double x = source[i] / 32768.0;

      sum_source += x * x;
      for (int c = 0; c < CH; c++)
        {
          sum[c] += (double) played[i * CH + c] * played[i * CH + c];
          max_diff = MAX (max_diff, fabs (played[i * CH + c] - x));
        }
    }
  for (int c = 0; c < CH; c++)
    {
      double ours = 10 * log10 (sum[c] / n_source), theirs = 10 * log10 (sum_source / n_source);

      g_test_message ("channel %d: played %.3f dBFS, the mono source %.3f dBFS", c, ours, theirs);
      g_assert_cmpfloat (fabs (ours - theirs), <, 0.01);
    }
  g_assert_cmpfloat (max_diff, <, 1e-4);
  teardown (&f);
  hark_test_remove_tree (dir);
}

/* Skip ranges and volume reach the device; a skip event names the range. */
static void
test_skip_and_volume (void)
{
  Fixture f = { 0 };
  g_autofree float *played = NULL, *rendered = NULL;
  gsize n_played = 0, n_rendered = 0;
  const HarkSkipRange range = { 100.0, 130.5, 42 };
  const HarkPlayerEvent *skip;

  setup (&f, HARK_OUTPUT_NULL_FAST, "flac");
  if (f.path == NULL)
    return;
  hark_output_null_set_capture (f.output, TRUE);
  g_assert_true (hark_player_open (f.player, f.path, NULL));
  hark_player_set_skip_ranges (f.player, &range, 1);
  hark_player_set_volume (f.player, 0.5);
  g_assert_true (hark_player_play (f.player, NULL));
  wait_event (&f, HARK_PLAYER_EVENT_END, 60);

  skip = find_event (&f, HARK_PLAYER_EVENT_SKIP);
  g_assert_nonnull (skip);
  g_assert_cmpuint (skip->range.id, ==, 42);
  g_assert_cmpfloat (skip->range.start, ==, 100.0);

  played = hark_output_null_take_captured (f.output, &n_played);
  rendered = decode_from (f.path, 0, &n_rendered);
  g_assert_cmpfloat (fabs ((double) (n_rendered - n_played) / RATE - 30.5), <, 0.010);
  for (gsize i = 0; i < 90 * RATE * CH; i++)
    g_assert_cmpfloat (fabsf (played[i] - 0.5f * rendered[i]), <, 1e-6);
  teardown (&f);
}

/* Unskip is a seek to a range's very first sample: that plays the range. Starting from 0 is
 * no such seek: a pre-roll range at 0 is still skipped. */
static void
test_seek_to_range_start_plays_it (void)
{
  Fixture f = { 0 };
  g_autofree float *played = NULL;
  gsize n_played = 0;
  const HarkSkipRange ranges[] = { { 0.0, 5.0, 1 }, { 100.0, 130.5, 2 } };
  const HarkPlayerEvent *skip;

  setup (&f, HARK_OUTPUT_NULL_FAST, "flac");
  if (f.path == NULL)
    return;
  hark_output_null_set_capture (f.output, TRUE);
  g_assert_true (hark_player_open (f.player, f.path, NULL));
  hark_player_set_skip_ranges (f.player, ranges, G_N_ELEMENTS (ranges));
  hark_player_seek (f.player, 100.0);
  g_assert_true (hark_player_play (f.player, NULL));
  wait_event (&f, HARK_PLAYER_EVENT_END, 60);
  g_assert_null (find_event (&f, HARK_PLAYER_EVENT_SKIP));
  played = hark_output_null_take_captured (f.output, &n_played);
  g_assert_cmpfloat (fabs ((double) n_played / RATE - (hark_player_get_duration (f.player) - 100.0)),
                     <, 0.010);
  teardown (&f);

  setup (&f, HARK_OUTPUT_NULL_FAST, "flac");
  g_assert_true (hark_player_open (f.player, f.path, NULL));
  hark_player_set_skip_ranges (f.player, ranges, 1);
  hark_player_seek (f.player, 0.0);
  g_assert_true (hark_player_play (f.player, NULL));
  skip = wait_event (&f, HARK_PLAYER_EVENT_SKIP, 60);
  g_assert_cmpuint (skip->range.id, ==, 1);
  teardown (&f);
}

/* At speed 2 the device gets half as many frames (±50 ms). */
static void
test_speed (void)
{
  Fixture f = { 0 };
  g_autofree float *played = NULL;
  gsize n_played = 0;

  setup (&f, HARK_OUTPUT_NULL_FAST, "m4a");
  if (f.path == NULL)
    return;
  hark_output_null_set_capture (f.output, TRUE);
  hark_player_set_speed (f.player, 2.0);
  open_and_play (&f);
  wait_event (&f, HARK_PLAYER_EVENT_END, 60);
  played = hark_output_null_take_captured (f.output, &n_played);
  g_assert_cmpfloat (fabs ((double) n_played / RATE - hark_player_get_duration (f.player) / 2),
                     <, 0.050);
  teardown (&f);
}

/* In real time, the position follows the frames the device took, minus its latency, within
 * 20 ms, through a seek and a skipped range; it holds still while paused. */
static void
test_clock (void)
{
  Fixture f = { 0 };
  const HarkSkipRange range = { 12.0, 20.0, 1 };
  double worst = 0;
  guint used = 0;

  setup (&f, HARK_OUTPUT_NULL_REAL_TIME, "opus");
  if (f.path == NULL)
    return;
  g_assert_true (hark_player_open (f.player, f.path, NULL));
  hark_player_set_skip_ranges (f.player, &range, 1);
  hark_player_seek (f.player, 10.0);
  g_assert_cmpfloat (hark_player_get_position (f.player), ==, 10.0);
  g_assert_true (hark_player_play (f.player, NULL));
  wait_event (&f, HARK_PLAYER_EVENT_SEEKED, 5);

  run_for (0.3);
  for (int i = 0; i < 40; i++)
    {
      double pos, expected, heard_audio;
      guint64 audio, pulled;
      double heard;

      run_for (0.05 + g_test_rand_double_range (0, 0.05));
      /* The null device's own account: of the frames it pulled, those not yet heard are the
       * latest ones, all audio once playing is steady. */
      audio = hark_output_null_get_audio_frames_pulled (f.output);
      pulled = hark_output_null_get_frames_pulled (f.output);
      heard = hark_output_null_get_frames_heard (f.output);
      pos = hark_player_get_position (f.player);
      if (audio != hark_output_null_get_audio_frames_pulled (f.output))
        continue; /* a period was pulled between the reads */
      heard_audio = (double) audio - ((double) pulled - heard);
      expected = 10.0 + heard_audio / RATE;
      if (expected >= 12.0)
        expected += 8.0; /* the skipped range */
      if (fabs (expected - 12.0) < 0.02 || fabs (expected - 20.0) < 0.02)
        continue; /* right at the jump, which side is a matter of one frame */
      worst = MAX (worst, fabs (pos - expected));
      used++;
    }
  g_test_message ("worst clock error %.2f ms over %u readings", worst * 1000, used);
  g_assert_cmpuint (used, >=, 20);
  g_assert_cmpfloat (worst, <, 0.020);
  g_assert_cmpfloat (hark_player_get_position (f.player), >, 20.0);
  g_assert_nonnull (find_event (&f, HARK_PLAYER_EVENT_SKIP));

  {
    double paused_at;

    hark_player_pause (f.player);
    run_for (0.1);
    paused_at = hark_player_get_position (f.player);
    run_for (0.3);
    g_assert_cmpfloat (hark_player_get_position (f.player), ==, paused_at);
    g_assert_true (hark_player_play (f.player, NULL));
    run_for (0.3);
    g_assert_cmpfloat (hark_player_get_position (f.player), >, paused_at + 0.15);
    g_assert_cmpfloat (hark_player_get_position (f.player), <, paused_at + 0.45);
  }
  teardown (&f);
}

/* The device dies mid-play: an error event, state ERROR, the position kept; play() resumes
 * from there once a device works again. */
static void
test_device_fails (void)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  double kept;

  setup (&f, HARK_OUTPUT_NULL_REAL_TIME, "mp3");
  if (f.path == NULL)
    return;
  g_assert_true (hark_player_open (f.player, f.path, NULL));
  hark_player_seek (f.player, 200.0);
  hark_output_null_fail_after (f.output, RATE / 2);
  g_assert_true (hark_player_play (f.player, NULL));
  wait_event (&f, HARK_PLAYER_EVENT_ERROR, 10);

  g_assert_error (f.error, HARK_ERROR, HARK_ERROR_DEVICE);
  g_assert_cmpint (hark_player_get_state (f.player), ==, HARK_PLAYER_STATE_ERROR);
  kept = hark_player_get_position (f.player);
  g_assert_cmpfloat (kept, >, 200.2);
  g_assert_cmpfloat (kept, <, 200.6);

  /* Still broken: play() says so. */
  g_assert_false (hark_player_play (f.player, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_DEVICE);
  g_clear_error (&error);
  g_assert_cmpfloat (hark_player_get_position (f.player), ==, kept);

  /* Repaired: on from the same place. */
  hark_output_null_fail_after (f.output, 0);
  g_array_set_size (f.events, 0);
  g_assert_true (hark_player_play (f.player, &error));
  g_assert_no_error (error);
  run_for (0.5);
  g_assert_cmpfloat (hark_player_get_position (f.player), >, kept + 0.2);
  g_assert_cmpfloat (hark_player_get_position (f.player), <, kept + 0.6);
  teardown (&f);
}

/* Playing with nothing about to fall due (no skip queued, the end far away), the player wakes
 * its thread about once a second to look for a dead device, not five times a second in case
 * the decoder queued something: the decoder wakes it when it does. Counted as iterations of the
 * default context, each a wake-up. */
static void
test_quiet_while_playing (void)
{
  Fixture f = { 0 };
  gboolean done = FALSE;
  guint wakes = 0;

  setup (&f, HARK_OUTPUT_NULL_REAL_TIME, "mp3");
  if (f.path == NULL)
    return;
  g_assert_true (hark_player_open (f.player, f.path, NULL));
  hark_player_seek (f.player, 100.0);
  g_assert_true (hark_player_play (f.player, NULL));
  wait_event (&f, HARK_PLAYER_EVENT_SEEKED, 10);
  run_for (0.5);

  g_timeout_add (4000, wake, &done);
  while (!done)
    {
      g_main_context_iteration (NULL, TRUE);
      wakes++;
    }
  g_test_message ("%u wake-ups in 4 s of play", wakes);
  g_assert_cmpint (hark_player_get_state (f.player), ==, HARK_PLAYER_STATE_PLAYING);
  /* A whole-second timer fires 0.75 to 1.75 s apart: at most 6 in 4 s, and the timer here. */
  g_assert_cmpuint (wakes, <=, 8);
  teardown (&f);
}

/* Bad files fail in open() with the decoder's errors; the player stays empty and usable. */
static void
test_open_errors (void)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = NULL;

  setup (&f, HARK_OUTPUT_NULL_FAST, "opus");
  if (f.path == NULL)
    return;
  missing = g_strconcat (f.path, ".missing", NULL);
  g_assert_false (hark_player_open (f.player, missing, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (hark_player_get_state (f.player), ==, HARK_PLAYER_STATE_EMPTY);
  g_assert_false (hark_player_play (f.player, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  hark_player_seek (f.player, 10);
  hark_player_pause (f.player);
  g_assert_cmpfloat (hark_player_get_position (f.player), ==, 0);
  open_and_play (&f);
  hark_player_close (f.player);
  g_assert_cmpint (hark_player_get_state (f.player), ==, HARK_PLAYER_STATE_EMPTY);
  teardown (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/player/plays-what-renders", test_plays_what_renders);
  g_test_add_func ("/player/skip-and-volume", test_skip_and_volume);
  g_test_add_func ("/player/mono-level", test_mono_level);
  g_test_add_func ("/player/seek-to-range-start", test_seek_to_range_start_plays_it);
  g_test_add_func ("/player/speed", test_speed);
  g_test_add_func ("/player/clock", test_clock);
  g_test_add_func ("/player/device-fails", test_device_fails);
  g_test_add_func ("/player/quiet-while-playing", test_quiet_while_playing);
  g_test_add_func ("/player/open-errors", test_open_errors);
  return g_test_run ();
}
