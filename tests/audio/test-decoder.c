/* test-decoder.c — the decoder against ffmpeg on the real excerpt in six codecs: full decode,
 * random exact seeks, speed, skip ranges
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "audio-test-util.h"
#include "output/hark-output.h"
#include "hark-test-util.h"

#define RATE HARK_OUTPUT_RATE
#define CH HARK_OUTPUT_CHANNELS

static char *
excerpt (const char *codec)
{
  g_autofree char *name = g_strdup_printf ("ep189/excerpt-linode.%s", codec);

  return hark_test_fixture (name);
}

static HarkDecoder *
open_decoder (const char *path)
{
  g_autoptr (GError) error = NULL;
  HarkDecoder *decoder = hark_decoder_open (path, RATE, CH, &error);

  g_assert_no_error (error);
  g_assert_nonnull (decoder);
  return decoder;
}

/* Decoded length and every sample agree with ffmpeg's decode to the same format. */
static void
test_matches_ffmpeg (gconstpointer data)
{
  g_autofree char *path = excerpt (data);
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autofree float *ours = NULL, *ref = NULL;
  gsize n_ours = 0, n_ref = 0;

  if (path == NULL)
    return;
  ref = audio_test_ffmpeg_decode (path, NULL, &n_ref);
  if (ref == NULL)
    return;
  decoder = open_decoder (path);
  ours = audio_test_decode_rest (decoder, &n_ours);

  g_assert_cmpuint (n_ours, ==, n_ref);
  g_assert_cmpfloat (audio_test_max_diff (ours, ref, n_ref), <, 1e-5);
  /* The duration the decoder announces is what it decodes (±1 ms). */
  /* The announced duration is what decodes, within one MP3 frame (an MP3 without an encoder
   * tag does not say how many samples its decoder drops at the start). */
  g_assert_cmpfloat (fabs (hark_decoder_get_duration (decoder) - (double) n_ours / RATE), <,
                     0.030);
}

/* What a seek played agrees with the linear decode at that time. Lossless codecs and MP3 give
 * the very same samples. AAC, Vorbis and Opus do not, even with a perfect seek: their decoders
 * fill some bands with pseudo-random noise whose generator state depends on everything decoded
 * before. There the check is that the audio is best aligned at the seek's offset (±1 ms). */
static void
check_window (const char *codec, const char *what, double t, const float *window,
              const float *linear, gsize at, gsize n_linear)
{
  gboolean exact = g_str_equal (codec, "flac") || g_str_equal (codec, "wav")
                   || g_str_equal (codec, "mp3");
  double snr = audio_test_snr (window, linear + at * CH, 4800);
  double best = -INFINITY;
  int best_lag = 0;
  const int max_lag = RATE / 200; /* 5 ms */

  if (exact)
    {
      if (snr < 60)
        g_error ("%s %.6f s: only %.1f dB like the linear decode there", what, t, snr);
      return;
    }
  if (audio_test_max_step (linear, at, at + 4800) < 0.01)
    {
      /* Near silence tells nothing about alignment; it must stay near silence. */
      g_assert_cmpfloat (audio_test_max_diff (window, linear + at * CH, 4800), <, 0.02);
      return;
    }
  for (int lag = -max_lag; lag <= max_lag; lag++)
    {
      double s;

      if ((gssize) at + lag < 0 || at + lag + 4800 > n_linear)
        continue;
      s = audio_test_snr (window, linear + (at + lag) * CH, 4800);
      if (s > best)
        {
          best = s;
          best_lag = lag;
        }
    }
  if (ABS (best_lag) > RATE / 1000 || snr < 3)
    g_error ("%s %.6f s: best aligned %d frames away (%.1f dB; %.1f dB where expected)", what,
             t, best_lag, best, snr);
}

/* 30 random seeks each play the same samples as the linear decode at that time. */
static void
test_random_seeks (gconstpointer data)
{
  g_autofree char *path = excerpt (data);
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autofree float *linear = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (189);
  float buffer[4800 * CH];
  gsize n_linear = 0;

  if (path == NULL)
    return;
  decoder = open_decoder (path);
  linear = audio_test_decode_rest (decoder, &n_linear);
  g_assert_cmpuint (n_linear, >, 10 * RATE);

  for (int i = 0; i < 30; i++)
    {
      /* Whole milliseconds and odd fractions, including the very start. */
      double t = i == 0 ? 0.0 : g_rand_double_range (rand, 0, (double) n_linear / RATE - 1.0);
      gsize at = (gsize) llround (t * RATE), got = 0;
      g_autoptr (GError) error = NULL;

      g_assert_true (hark_decoder_seek (decoder, t, &error));
      g_assert_no_error (error);
      while (got < 4800)
        {
          HarkDecoderChunk chunk;
          gssize n = hark_decoder_read (decoder, buffer + got * CH, 4800 - got, &chunk, &error);

          g_assert_no_error (error);
          g_assert_cmpint (n, >, 0);
          if (got == 0)
            g_assert_cmpfloat (fabs (chunk.media_start - t), <, 1e-6);
          got += n;
        }
      check_window (data, "seek to", t, buffer, linear, at, n_linear);
    }
}

static float *
render (const char *path, const char *const *extra, gsize *n_frames)
{
  g_autofree char *dir = hark_test_make_tmpdir ("render");
  g_autofree char *out = g_build_filename (dir, "out.wav", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  float *samples;
  int status;

  g_ptr_array_add (argv, "render");
  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, out);
  /* Only the ranges a test asks for: not the sponsor read the excerpt's sidecars describe. */
  g_ptr_array_add (argv, "--skip-category");
  g_ptr_array_add (argv, "sponsor=mark");
  for (guint i = 0; extra && extra[i]; i++)
    g_ptr_array_add (argv, (char *) extra[i]);
  g_ptr_array_add (argv, NULL);
  status = audio_test_run_cli ((const char *const *) argv->pdata, NULL, &err);
  if (status != 0)
    g_error ("hark-cli render failed (%d): %s", status, err);
  samples = audio_test_read_wav (out, n_frames);
  hark_test_remove_tree (dir);
  return samples;
}

/* --speed 1.5 renders to duration / 1.5 (±50 ms). */
static void
test_speed (gconstpointer data)
{
  g_autofree char *path = excerpt (data);
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autofree float *fast = NULL;
  const char *args[] = { "--speed", "1.5", NULL };
  gsize n = 0;
  double want;

  if (path == NULL)
    return;
  decoder = open_decoder (path);
  want = hark_decoder_get_duration (decoder) / 1.5;
  fast = render (path, args, &n);
  g_assert_cmpfloat (fabs ((double) n / RATE - want), <, 0.050);
  /* Not silence: atempo kept the audio. */
  g_assert_cmpfloat (audio_test_max_step (fast, 0, n), >, 0.01);
}

/* --skip removes exactly the range (±10 ms): what is before it is the linear decode, what
 * follows is the linear decode from the range's end, and the seam has no spike. */
static void
test_skip (gconstpointer data)
{
  g_autofree char *path = excerpt (data);
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autofree float *linear = NULL, *cut = NULL;
  const char *args[] = { "--skip", "93.5-146.25", NULL };
  gsize n_linear = 0, n_cut = 0, a = 93.5 * RATE, b = 146.25 * RATE, fade = 0.005 * RATE;
  gsize removed;
  double seam, signal;

  if (path == NULL)
    return;
  decoder = open_decoder (path);
  linear = audio_test_decode_rest (decoder, &n_linear);
  cut = render (path, args, &n_cut);

  removed = n_linear - n_cut;
  g_assert_cmpfloat (fabs ((double) removed - (b - a)), <, 0.010 * RATE);
  /* Untouched before the fade-out. */
  g_assert_cmpfloat (audio_test_max_diff (cut, linear, a - fade - 64), <, 1e-5);
  /* After the fade-in and the resampler's few samples of memory, the linear decode from b. */
  check_window (data, "after the jump to", 146.25, cut + (a + fade + 64) * CH, linear,
                a + removed + fade + 64, n_linear);
  /* No discontinuity: around the seam, neighbouring samples differ no more than the loudest
   * step of the audio itself near the range. */
  seam = audio_test_max_step (cut, a - 2 * fade, a + 2 * fade);
  signal = MAX (audio_test_max_step (linear, a - RATE, a + RATE),
                audio_test_max_step (linear, b - RATE, b + RATE));
  g_assert_cmpfloat (seam, <=, signal + 1e-6);
}

/* --start and --end cut the linear decode at the exact frames. */
static void
test_start_end (void)
{
  g_autofree char *path = excerpt ("flac");
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autofree float *linear = NULL, *part = NULL;
  const char *args[] = { "--start", "1:00.25", "--end", "75.5", NULL };
  gsize n_linear = 0, n_part = 0;

  if (path == NULL)
    return;
  decoder = open_decoder (path);
  linear = audio_test_decode_rest (decoder, &n_linear);
  part = render (path, args, &n_part);
  g_assert_cmpuint (n_part, ==, (gsize) ((75.5 - 60.25) * RATE));
  g_assert_cmpfloat (audio_test_max_diff (part, linear + (gsize) (60.25 * RATE) * CH, n_part),
                     <, 1e-5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; audio_test_codecs[i]; i++)
    {
      const char *codec = audio_test_codecs[i];
      g_autofree char *a = g_strdup_printf ("/decoder/%s/matches-ffmpeg", codec);
      g_autofree char *b = g_strdup_printf ("/decoder/%s/random-seeks", codec);
      g_autofree char *c = g_strdup_printf ("/decoder/%s/speed", codec);
      g_autofree char *d = g_strdup_printf ("/decoder/%s/skip", codec);

      g_test_add_data_func (a, codec, test_matches_ffmpeg);
      g_test_add_data_func (b, codec, test_random_seeks);
      g_test_add_data_func (c, codec, test_speed);
      g_test_add_data_func (d, codec, test_skip);
    }
  g_test_add_func ("/decoder/start-end", test_start_end);
  return g_test_run ();
}
