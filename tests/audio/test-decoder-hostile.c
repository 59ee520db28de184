/* test-decoder-hostile.c — damaged and unusual audio plays through, downmixed, at full length
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file is generated here with ffmpeg or python3, and every figure is checked against
 * what ffmpeg itself decodes from the same file.
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "audio-test-util.h"
#include "audio/hark-decoder.h"
#include "audio/hark-seek-index.h"
#include "hark-test-util.h"
#include "output/hark-output.h"

static char *tmpdir;

/* Runs @argv; FALSE (and the test skipped) when the program is not installed. */
static gboolean
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("ffmpeg or python3 is not installed");
      return FALSE;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return TRUE;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* A 16-bit WAV with @channels channels (no channel mask, so no layout), channel c a sine of
 * 440 + 50·c Hz. */
static char *
make_multichannel_wav (int channels, double seconds)
{
  g_autofree char *name = g_strdup_printf ("ch%d.wav", channels);
  char *path = tmp_path (name);
  g_autofree char *n = g_strdup_printf ("%d", channels);
  g_autofree char *secs = g_strdup_printf ("%g", seconds);
  const char *script =
      "import sys, struct, math\n"
      "path, n, secs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])\n"
      "rate = 48000\n"
      "frames = int(rate * secs)\n"
      "data = bytearray()\n"
      "for i in range(frames):\n"
      "    for c in range(n):\n"
      "        data += struct.pack('<h', int(8000 * math.sin(2 * math.pi * (440 + 50 * c) * i / rate)))\n"
      "fmt = struct.pack('<HHIIHH', 1, n, rate, rate * 2 * n, 2 * n, 16)\n"
      "body = b'WAVE' + b'fmt ' + struct.pack('<I', len(fmt)) + fmt + b'data' + struct.pack('<I', len(data)) + data\n"
      "open(path, 'wb').write(b'RIFF' + struct.pack('<I', len(body)) + body)\n";
  const char *argv[] = { "python3", "-c", script, path, n, secs, NULL };

  if (!run (argv))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static float *
decode_all (const char *path, double speed, gsize *n_frames)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder =
      hark_decoder_open (path, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, &error);

  g_assert_no_error (error);
  g_assert_nonnull (decoder);
  if (speed != 1.0)
    {
      /* As the player and render do: the speed applies from the seek on. */
      hark_decoder_set_speed (decoder, speed);
      g_assert_true (hark_decoder_seek (decoder, 0, &error));
    }
  return audio_test_decode_rest (decoder, n_frames);
}

static double
rms (const float *a, int channel, gsize from, gsize to)
{
  double sum = 0;

  for (gsize i = from; i < to; i++)
    sum += (double) a[2 * i + channel] * a[2 * i + channel];
  return sqrt (sum / MAX (to - from, 1));
}

/* Upward zero crossings per second of one channel over [from, to): the pitch of a sine. */
static double
crossings_per_second (const float *a, int channel, gsize from, gsize to)
{
  int count = 0;

  for (gsize i = from + 1; i < to; i++)
    if (a[2 * (i - 1) + channel] < 0 && a[2 * i + channel] >= 0)
      count++;
  return count / ((double) (to - from) / HARK_OUTPUT_RATE);
}

/* Issue item 1: more than 8 channels crashed (9, 16) or failed (10). */
static void
test_many_channels (void)
{
  static const int counts[] = { 3, 9, 10, 11, 16, 24, 64 };

  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      g_autofree char *path = make_multichannel_wav (counts[k], 1.0);
      g_autofree float *pcm = NULL;
      gsize n = 0;

      if (path == NULL)
        return;
      g_test_message ("%d channels", counts[k]);
      pcm = decode_all (path, 1.0, &n);
      g_assert_cmpint (labs ((long) n - HARK_OUTPUT_RATE), <=, 2);
      /* Both output channels carry sound, and nothing clips. */
      g_assert_cmpfloat (rms (pcm, 0, 0, n), >, 0.02);
      g_assert_cmpfloat (rms (pcm, 1, 0, n), >, 0.02);
      for (gsize i = 0; i < 2 * n; i++)
        g_assert_cmpfloat (fabsf (pcm[i]), <=, 1.0f);
      g_free (pcm);
      /* The speed change (atempo) takes the same layouts. */
      pcm = decode_all (path, 1.5, &n);
      g_assert_cmpint (labs ((long) n - HARK_OUTPUT_RATE * 2 / 3), <=, 2400);
    }

  /* A named 16-channel layout, as in the issue. */
  {
    g_autofree char *path = tmp_path ("hexadecagonal.wav");
    const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                           "sine=frequency=440:duration=2", "-af",
                           "aformat=channel_layouts=hexadecagonal", path, NULL };
    g_autofree float *pcm = NULL;
    gsize n = 0;

    if (!run (argv))
      return;
    pcm = decode_all (path, 1.0, &n);
    g_assert_cmpint (labs ((long) n - 2 * HARK_OUTPUT_RATE), <=, 2);
    g_assert_cmpfloat (rms (pcm, 0, 0, n), >, 0.01);
    g_assert_cmpfloat (rms (pcm, 1, 0, n), >, 0.01);
  }
}

/* A mono source plays at its own level in each ear: the reference copies the one channel to
 * both (ffmpeg's pan filter), not ffmpeg's default -3 dB centre fold-down of `-ac 2`. */
static void
test_mono_level (void)
{
  g_autofree char *path = tmp_path ("mono.wav");
  const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                         "sine=frequency=440:duration=2", "-ac", "1", path, NULL };
  g_autofree float *pcm = NULL;
  g_autofree float *ref = NULL;
  gsize n = 0, n_ref = 0;

  if (!run (argv))
    return;
  pcm = decode_all (path, 1.0, &n);
  ref = audio_test_ffmpeg_decode (path, "pan=stereo|c0=c0|c1=c0", &n_ref);
  if (ref == NULL)
    return;
  for (int c = 0; c < 2; c++)
    {
      double ours = 20 * log10 (rms (pcm, c, 0, MIN (n, n_ref)));
      double theirs = 20 * log10 (rms (ref, c, 0, MIN (n, n_ref)));

      g_test_message ("channel %d: Hark %.2f dBFS, the mono source %.2f dBFS", c, ours, theirs);
      g_assert_cmpfloat (fabs (ours - theirs), <, 0.1);
    }
}

/* Flips @flips random bits past the first eighth of @src (the headers) into @dst. */
static gboolean
damage (const char *src, const char *dst, int seed, int flips)
{
  g_autofree char *s = g_strdup_printf ("%d", seed);
  g_autofree char *f = g_strdup_printf ("%d", flips);
  const char *script = "import random, sys\n"
                       "d = bytearray(open(sys.argv[1], 'rb').read())\n"
                       "random.seed(int(sys.argv[3]))\n"
                       "for k in range(int(sys.argv[4])):\n"
                       "    i = random.randrange(len(d) // 8, len(d))\n"
                       "    d[i] ^= 1 << random.randrange(8)\n"
                       "open(sys.argv[2], 'wb').write(d)\n";
  const char *argv[] = { "python3", "-c", script, src, dst, s, f, NULL };

  return run (argv);
}

/* Issue item 5: one damaged frame stopped FLAC and M4A; now the damage is skipped and the rest
 * plays, as many samples as ffmpeg gives. */
static void
test_damaged_frames (void)
{
  static const char *const codecs[][2] = { { "flac", "flac" }, { "m4a", "aac" } };

  for (guint k = 0; k < G_N_ELEMENTS (codecs); k++)
    {
      g_autofree char *name = g_strconcat ("clean.", codecs[k][0], NULL);
      g_autofree char *clean = tmp_path (name);
      const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                             "sine=frequency=440:duration=20", "-ac", "2", "-c:a", codecs[k][1],
                             clean, NULL };

      if (!run (argv))
        return;
      for (int seed = 1; seed <= 12; seed++)
        {
          g_autofree char *dname = g_strdup_printf ("damaged-%d.%s", seed, codecs[k][0]);
          g_autofree char *damaged = tmp_path (dname);
          g_autoptr (GError) error = NULL;
          g_autoptr (HarkDecoder) decoder = NULL;
          g_autofree float *pcm = NULL;
          g_autofree float *ref = NULL;
          gsize n = 0, n_ref = 0;

          if (!damage (clean, damaged, seed, 10))
            return;
          decoder = hark_decoder_open (damaged, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, &error);
          if (decoder == NULL)
            {
              /* Damage in the headers may make a file unreadable; ffmpeg must agree. */
              g_test_message ("%s: %s", dname, error->message);
              continue;
            }
          pcm = audio_test_decode_rest (decoder, &n);
          ref = audio_test_ffmpeg_decode (damaged, NULL, &n_ref);
          g_test_message ("%s: Hark %.3f s, ffmpeg %.3f s, %" G_GINT64_FORMAT " damaged packets",
                          dname, (double) n / HARK_OUTPUT_RATE, (double) n_ref / HARK_OUTPUT_RATE,
                          hark_decoder_get_damaged_packets (decoder));
          /* Within a frame or two of ffmpeg (AAC frames are 1024 samples, FLAC 4608). */
          g_assert_cmpfloat (fabs ((double) n - (double) n_ref) / HARK_OUTPUT_RATE, <, 0.25);
          /* Damage in the sample tables may make ffmpeg stop early too; otherwise only the
           * damaged frames are missing (about 0.1 s each), not the rest. */
          if (n_ref > 18 * HARK_OUTPUT_RATE)
            g_assert_cmpfloat ((double) n / HARK_OUTPUT_RATE, >, 18.0);
        }
    }
}

/* Issue item 5: a WAV cut short (mid-sample, at 99 %) ends normally, with what is there. */
static void
test_truncated_wav (void)
{
  static const char *const formats[] = { "pcm_s16le", "pcm_s24le", "pcm_f32le", "pcm_u8" };

  for (guint k = 0; k < G_N_ELEMENTS (formats); k++)
    {
      g_autofree char *clean = tmp_path ("whole.wav");
      g_autofree char *cut = tmp_path ("cut.wav");
      const char *argv[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                             "sine=frequency=440:duration=10", "-ac", "2", "-c:a", formats[k],
                             clean, NULL };
      g_autofree char *data = NULL;
      gsize length;

      if (!run (argv))
        return;
      g_assert_true (g_file_get_contents (clean, &data, &length, NULL));
      for (gsize extra = 1; extra <= 7; extra += 2)
        {
          g_autofree float *pcm = NULL;
          gsize n = 0;

          g_assert_true (g_file_set_contents (cut, data, length * 99 / 100 + extra, NULL));
          pcm = decode_all (cut, 1.0, &n);
          g_assert_cmpfloat (fabs ((double) n / HARK_OUTPUT_RATE - 9.9), <, 0.01);
        }
    }
}

/* Issue item 7: a stitched MP3 (an inserted ad at another rate and channel count) plays at full
 * length, each half at its own pitch, on both channels. */
static void
test_stitched_mp3 (void)
{
  static const char *const variants[][6] = {
    /* first rate, channels, frequency, second rate, channels, frequency */
    { "44100", "2", "440", "22050", "1", "880" },
    { "22050", "1", "440", "48000", "2", "880" },
    { "48000", "2", "440", "44100", "2", "880" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (variants); k++)
    {
      const char *const *v = variants[k];
      g_autofree char *a = tmp_path ("part-a.mp3");
      g_autofree char *b = tmp_path ("part-b.mp3");
      g_autofree char *stitched = tmp_path ("stitched.mp3");
      g_autofree char *src_a = g_strdup_printf ("sine=frequency=%s:duration=10", v[2]);
      g_autofree char *src_b = g_strdup_printf ("sine=frequency=%s:duration=10", v[5]);
      const char *make_a[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", src_a,
                               "-ar", v[0], "-ac", v[1], "-c:a", "libmp3lame", a, NULL };
      const char *make_b[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", src_b,
                               "-ar", v[3], "-ac", v[4], "-c:a", "libmp3lame", b, NULL };
      g_autofree char *da = NULL, *db = NULL;
      gsize la, lb;
      GString *joined;
      g_autofree float *pcm = NULL;
      gsize n = 0;
      const gsize rate = HARK_OUTPUT_RATE;

      if (!run (make_a) || !run (make_b))
        return;
      g_assert_true (g_file_get_contents (a, &da, &la, NULL));
      g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
      joined = g_string_new_len (da, la);
      g_string_append_len (joined, db, lb);
      g_assert_true (g_file_set_contents (stitched, joined->str, joined->len, NULL));
      g_string_free (joined, TRUE);

      pcm = decode_all (stitched, 1.0, &n);
      g_test_message ("%s Hz × %s → %s Hz × %s: %.3f s", v[0], v[1], v[3], v[4],
                      (double) n / rate);
      /* Two 10 s halves, plus each encoder's padding. */
      g_assert_cmpfloat (fabs ((double) n / rate - 20.0), <, 0.2);
      for (int c = 0; c < 2; c++)
        {
          double first = crossings_per_second (pcm, c, 2 * rate, 8 * rate);
          double second = crossings_per_second (pcm, c, 12 * rate, 18 * rate);

          g_assert_cmpfloat (fabs (first - g_ascii_strtod (v[2], NULL)), <, 2);
          g_assert_cmpfloat (fabs (second - g_ascii_strtod (v[5], NULL)), <, 2);
          g_assert_cmpfloat (rms (pcm, c, 12 * rate, 18 * rate), >, 0.02);
        }
    }
}

typedef struct
{
  GArray *fractions;
  GCancellable *cancel_at; /* cancelled once a tenth is scanned, when set */
} Progress;

static void
on_progress (double fraction, gpointer data)
{
  Progress *p = data;

  g_array_append_val (p->fractions, fraction);
  if (p->cancel_at != NULL && fraction >= 0.1)
    g_cancellable_cancel (p->cancel_at);
}

/* Hours of MP3 without a table of contents are indexed on open: the scan tells how far it got,
 * rising to 1, and a cancel stops it where it is. */
static void
test_index_progress_and_cancel (void)
{
  g_autofree char *path = tmp_path ("long.mp3");
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Progress p = { fractions, NULL };
  HarkSeekIndex *index;
  HarkDecoder *decoder;
  double last;

  /* 100 MB: 1 h 49 min at 128 kbit/s, a scan of most of a second. */
  if (!hark_test_make_long_mp3 (path, 100))
    return;
  index = hark_seek_index_build (path, -1, on_progress, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (index);
  /* A seek point every quarter second. */
  g_assert_cmpuint (hark_seek_index_get_n_entries (index), >, 6000 * 4);
  hark_seek_index_free (index);
  g_test_message ("%u progress reports", fractions->len);
  /* Some reports on the way, each higher than the last, then 1 when done. */
  g_assert_cmpuint (fractions->len, >=, 2);
  last = 0;
  for (guint i = 0; i < fractions->len; i++)
    {
      double f = g_array_index (fractions, double, i);

      g_assert_cmpfloat (f, >, last);
      g_assert_cmpfloat (f, <=, 1.0);
      last = f;
    }
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <, 0.5);

  /* Cancelled from another thread's point of view (the callback runs on the scanning one):
   * stops within a packet with G_IO_ERROR_CANCELLED, nowhere near the end. */
  g_array_set_size (fractions, 0);
  p.cancel_at = cancellable;
  index = hark_seek_index_build (path, -1, on_progress, &p, cancellable, &error);
  g_assert_null (index);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 0.5);

  /* The decoder passes both on: cancelled before it starts, it opens nothing. */
  decoder = hark_decoder_open_full (path, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, NULL, NULL,
                                    cancellable, &error);
  g_assert_null (decoder);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* Not cancelled, it opens with the whole length. */
  decoder = hark_decoder_open_full (path, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, NULL, NULL,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hark_decoder_get_duration (decoder), >, 6000);
  hark_decoder_free (decoder);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = hark_test_make_tmpdir ("decoder-hostile");
  g_test_add_func ("/decoder-hostile/many-channels", test_many_channels);
  g_test_add_func ("/decoder-hostile/mono-level", test_mono_level);
  g_test_add_func ("/decoder-hostile/damaged-frames", test_damaged_frames);
  g_test_add_func ("/decoder-hostile/truncated-wav", test_truncated_wav);
  g_test_add_func ("/decoder-hostile/stitched-mp3", test_stitched_mp3);
  g_test_add_func ("/decoder-hostile/index-progress-and-cancel", test_index_progress_and_cancel);
  ret = g_test_run ();
  hark_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
