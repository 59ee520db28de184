/* audio-test-util.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio-test-util.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include <libavformat/avformat.h>

#include "output/hark-output.h"

const char *const audio_test_codecs[] = { "mp3", "m4a", "ogg", "opus", "flac", "wav", NULL };

/* Channels of the first audio stream, read with libavformat directly (0 when unknown). */
static int
source_channels (const char *path)
{
  AVFormatContext *format = NULL;
  int channels = 0;

  if (avformat_open_input (&format, path, NULL, NULL) < 0)
    return 0;
  if (avformat_find_stream_info (format, NULL) >= 0)
    for (unsigned i = 0; i < format->nb_streams; i++)
      if (format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
        {
          channels = format->streams[i]->codecpar->ch_layout.nb_channels;
          break;
        }
  avformat_close_input (&format);
  return channels;
}

float *
audio_test_ffmpeg_decode (const char *path, const char *filter, gsize *n_frames)
{
  g_autofree char *mono_filter = NULL;
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  gsize len = 0;
  int status = 0;
  g_autofree char *rate = g_strdup_printf ("%d", HARK_OUTPUT_RATE);
  g_autofree char *channels = g_strdup_printf ("%d", HARK_OUTPUT_CHANNELS);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (ffmpeg == NULL)
    {
      g_test_skip ("ffmpeg is not installed: it makes the reference decode");
      return NULL;
    }
  g_ptr_array_add (argv, ffmpeg);
  g_ptr_array_add (argv, "-v");
  g_ptr_array_add (argv, "error");
  g_ptr_array_add (argv, "-i");
  g_ptr_array_add (argv, (char *) path);
  /* Hark plays a mono source at its own level in both ears; ffmpeg's -ac 2 would fold it in as
   * a centre channel at -3 dB. */
  if (source_channels (path) == 1)
    filter = mono_filter = g_strjoin (",", filter ? filter : "anull", "pan=stereo|c0=c0|c1=c0",
                                      NULL);
  if (filter)
    {
      g_ptr_array_add (argv, "-af");
      g_ptr_array_add (argv, (char *) filter);
    }
  g_ptr_array_add (argv, "-ar");
  g_ptr_array_add (argv, rate);
  g_ptr_array_add (argv, "-ac");
  g_ptr_array_add (argv, channels);
  g_ptr_array_add (argv, "-f");
  g_ptr_array_add (argv, "f32le");
  g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char *const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &bytes, NULL, &error);
  g_assert_no_error (error);
  status = g_subprocess_get_exit_status (proc);
  g_assert_cmpint (status, ==, 0);
  out = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  *n_frames = len / (sizeof (float) * HARK_OUTPUT_CHANNELS);
  return (float *) g_steal_pointer (&out);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

float *
audio_test_read_wav (const char *path, gsize *n_frames)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  const guint8 *p;
  gsize len = 0, bytes;
  float *samples;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >=, 44);
  p = (const guint8 *) data;
  g_assert_cmpmem (p, 4, "RIFF", 4);
  g_assert_cmpmem (p + 8, 8, "WAVEfmt ", 8);
  g_assert_cmpuint (p[20] | p[21] << 8, ==, 3); /* IEEE float */
  g_assert_cmpuint (p[22] | p[23] << 8, ==, HARK_OUTPUT_CHANNELS);
  g_assert_cmpuint (le32 (p + 24), ==, HARK_OUTPUT_RATE);
  g_assert_cmpmem (p + 36, 4, "data", 4);
  bytes = le32 (p + 40);
  g_assert_cmpuint (bytes, ==, len - 44);
  *n_frames = bytes / (sizeof (float) * HARK_OUTPUT_CHANNELS);
  samples = g_new (float, MAX (*n_frames, 1) * HARK_OUTPUT_CHANNELS);
  memcpy (samples, p + 44, *n_frames * sizeof (float) * HARK_OUTPUT_CHANNELS);
  return samples;
}

float *
audio_test_decode_rest (HarkDecoder *decoder, gsize *n_frames)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (float));
  float buffer[4096 * HARK_OUTPUT_CHANNELS];

  for (;;)
    {
      HarkDecoderChunk chunk;
      g_autoptr (GError) error = NULL;
      gssize n = hark_decoder_read (decoder, buffer, 4096, &chunk, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        break;
      g_array_append_vals (all, buffer, n * HARK_OUTPUT_CHANNELS);
    }
  *n_frames = all->len / HARK_OUTPUT_CHANNELS;
  return (float *) g_array_free (g_steal_pointer (&all), FALSE);
}

double
audio_test_max_diff (const float *a, const float *b, gsize n_frames)
{
  double worst = 0;

  for (gsize i = 0; i < n_frames * HARK_OUTPUT_CHANNELS; i++)
    worst = MAX (worst, fabs ((double) a[i] - b[i]));
  return worst;
}

double
audio_test_snr (const float *a, const float *b, gsize n_frames)
{
  double signal = 0, noise = 0;

  for (gsize i = 0; i < n_frames * HARK_OUTPUT_CHANNELS; i++)
    {
      signal += (double) b[i] * b[i];
      noise += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
    }
  if (noise == 0)
    return INFINITY;
  return 10 * log10 (MAX (signal, 1e-20) / noise);
}

double
audio_test_max_step (const float *a, gsize from, gsize to)
{
  double worst = 0;

  for (gsize i = MAX (from, 1); i < to; i++)
    for (int c = 0; c < HARK_OUTPUT_CHANNELS; c++)
      worst = MAX (worst, fabs ((double) a[i * HARK_OUTPUT_CHANNELS + c]
                                - a[(i - 1) * HARK_OUTPUT_CHANNELS + c]));
  return worst;
}

int
audio_test_run_cli (const char *const *argv, char **out, char **err)
{
  const char *build = g_getenv ("HARK_BUILD_DIR");
  g_autofree char *cli = g_build_filename (build, "src", "cli", "hark-cli", NULL);
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (build);
  g_ptr_array_add (args, cli);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_newv ((const char *const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}
