/* fuzz-decoder.c — libFuzzer target: damaged audio through Hark's decoder
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fuzzed bytes live in a memory file (memfd), opened by path like any episode, so they go
 * through the same probing, demuxing, decoding, format conversion, skips, speed change and
 * seeks as playback; then again as an episode half downloaded, with a hole, as a stream
 * plays it. Decoding fails or plays: it never crashes, hangs or runs away.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "audio/hark-decoder.h"
#include "audio/hark-media-source.h"
#include "output/hark-output.h"

/* Enough to pass several packets, damage, format changes and a skip; no more, so each input
 * stays fast. */
#define MAX_OUTPUT_SECONDS 2

static gsize
read_some (HarkDecoder *decoder, float *buffer, gsize max_frames)
{
  gsize total = 0;
  HarkDecoderChunk chunk;

  while (total < max_frames)
    {
      g_autoptr (GError) error = NULL;
      gssize n = hark_decoder_read (decoder, buffer, 1024, &chunk, &error);

      if (n < 0)
        {
          g_assert_nonnull (error);
          break;
        }
      if (n == 0)
        break;
      for (gssize i = 0; i < n * HARK_OUTPUT_CHANNELS; i++)
        g_assert_false (isnan (buffer[i]));
      g_assert_false (isnan (chunk.media_start));
      total += n;
    }
  return total;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  int fd = memfd_create ("fuzz-audio", MFD_CLOEXEC);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autofree float *buffer = g_new (float, 1024 * HARK_OUTPUT_CHANNELS);
  const gsize max_frames = MAX_OUTPUT_SECONDS * HARK_OUTPUT_RATE;
  HarkSkipRange skip = { 0 };
  double duration;

  g_assert_cmpint (fd, >=, 0);
  if (size > 0)
    g_assert_cmpint (write (fd, data, size), ==, (gssize) size);
  path = g_strdup_printf ("/proc/self/fd/%d", fd);

  decoder = hark_decoder_open (path, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, &error);
  if (decoder == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      close (fd);
      return 0;
    }
  duration = hark_decoder_get_duration (decoder);
  g_assert_false (isnan (duration));
  g_assert_cmpfloat (duration, >=, 0);
  g_assert_cmpint (hark_decoder_get_channels (decoder), >, 0);

  /* The last bytes choose a skip range and a speed, so the fuzzer reaches those paths too. */
  if (size >= 2)
    {
      skip.start = data[size - 1] / 100.0;
      skip.end = skip.start + data[size - 2] / 200.0;
      hark_decoder_set_skip_ranges (decoder, &skip, 1);
    }
  read_some (decoder, buffer, max_frames / 2);

  if (size >= 3 && (data[size - 3] & 1))
    hark_decoder_set_speed (decoder, 0.5 + (data[size - 3] >> 1) / 50.0);
  if (hark_decoder_seek (decoder, duration / 2, &error))
    read_some (decoder, buffer, max_frames / 4);
  g_clear_error (&error);
  if (hark_decoder_seek (decoder, 0, &error))
    read_some (decoder, buffer, max_frames / 4);
  g_clear_error (&error);

  g_clear_pointer (&decoder, hark_decoder_free);

  /* The same bytes half downloaded, with a hole: a seek far ahead jumps by bytes into the
   * part at the end (the download failed, so reads in the hole fail instead of waiting). */
  if (size >= 64)
    {
      g_autoptr (HarkMediaSource) source = hark_media_source_new ("fuzz");
      g_autoptr (HarkByteRanges) held = hark_byte_ranges_new ();
      g_autoptr (GError) failed = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "gone");

      hark_byte_ranges_add (held, 0, size / 2);
      hark_byte_ranges_add (held, size - size / 4, size);
      hark_media_source_set_ranges (source, path, held, size);
      hark_media_source_finish (source, failed);
      decoder = hark_decoder_open_source (source, NULL, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS,
                                          &error);
      if (decoder != NULL)
        {
          duration = hark_decoder_get_duration (decoder);
          read_some (decoder, buffer, max_frames / 4);
          if (isfinite (duration) && hark_decoder_seek (decoder, duration * 0.85, &error))
            read_some (decoder, buffer, max_frames / 4);
        }
      g_clear_error (&error);
      g_clear_pointer (&decoder, hark_decoder_free);
    }
  close (fd);
  return 0;
}
