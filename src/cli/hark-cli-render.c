/* hark-cli-render.c — `hark-cli render`: what the player would play, into a WAV file
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The samples are the ones the player hands to the device (the same decoder, the same output
 * format: 32-bit float, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS), written as fast as the CPU
 * decodes them.
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "audio/hark-decoder.h"
#include "util/hark-error.h"
#include "util/hark-limits.h"
#include "output/hark-output.h"

#define CHUNK_FRAMES 4096
#define WRITE_BUFFER_SIZE (1 << 20)

static void
put_le16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put_le32 (guint8 *p, guint32 v)
{
  put_le16 (p, v & 0xffff);
  put_le16 (p + 2, v >> 16);
}

/* A WAVE_FORMAT_IEEE_FLOAT header for @frames frames (sizes are patched at the end). */
static void
wav_header (guint8 header[44], guint64 frames)
{
  guint32 bytes = (guint32) MIN (frames * HARK_OUTPUT_CHANNELS * 4, G_MAXUINT32 - 36);

  memcpy (header, "RIFF", 4);
  put_le32 (header + 4, 36 + bytes);
  memcpy (header + 8, "WAVEfmt ", 8);
  put_le32 (header + 16, 16);
  put_le16 (header + 20, 3);
  put_le16 (header + 22, HARK_OUTPUT_CHANNELS);
  put_le32 (header + 24, HARK_OUTPUT_RATE);
  put_le32 (header + 28, HARK_OUTPUT_RATE * HARK_OUTPUT_CHANNELS * 4);
  put_le16 (header + 32, HARK_OUTPUT_CHANNELS * 4);
  put_le16 (header + 34, 32);
  memcpy (header + 36, "data", 4);
  put_le32 (header + 40, bytes);
}

static gboolean
write_all (FILE *out, const void *data, gsize size, const char *path, GError **error)
{
  if (fwrite (data, 1, size, out) == size)
    return TRUE;
  g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Cannot write “%s”: %s."), path,
               g_strerror (errno));
  return FALSE;
}

static gboolean
render (HarkDecoder *decoder, FILE *out, const char *out_path, double end, GError **error)
{
  g_autofree float *buffer = g_new (float, CHUNK_FRAMES * HARK_OUTPUT_CHANNELS);
  guint8 header[44];
  guint64 frames = 0;

  wav_header (header, 0);
  if (!write_all (out, header, sizeof header, out_path, error))
    return FALSE;

  for (;;)
    {
      HarkDecoderChunk chunk;
      gssize n = hark_decoder_read (decoder, buffer, CHUNK_FRAMES, &chunk, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (end >= 0 && chunk.media_start + n * chunk.media_per_frame > end)
        {
          /* The last frame written is the last one that starts before --end. */
          n = MAX (0, (gssize) ceil ((end - chunk.media_start) / chunk.media_per_frame - 1e-9));
          if (!write_all (out, buffer, n * HARK_OUTPUT_CHANNELS * sizeof (float), out_path,
                          error))
            return FALSE;
          frames += n;
          break;
        }
      if (!write_all (out, buffer, n * HARK_OUTPUT_CHANNELS * sizeof (float), out_path, error))
        return FALSE;
      frames += n;
    }

  wav_header (header, frames);
  if (fseek (out, 0, SEEK_SET) == 0 && !write_all (out, header, sizeof header, out_path, error))
    return FALSE;
  return TRUE;
}

/* Where the WAV is written: a temporary file beside @output, renamed over it once complete,
 * so a failed or interrupted render never leaves half a file or destroys what was there. A
 * device or pipe (/dev/null, /dev/stdout) is written directly. */
typedef struct
{
  char *final;     /* the regular file to replace, symlinks resolved */
  char *temporary; /* NULL when writing directly */
} Output;

static mode_t
current_umask (void)
{
  mode_t mask = umask (0);

  umask (mask);
  return mask;
}

static gboolean
output_prepare (Output *o, const char *input, const char *output, GError **error)
{
  struct stat in_st, out_st;

  if (stat (output, &out_st) == 0)
    {
      /* The same file by any name (itself, a symlink, a hard link) would be overwritten while
       * it is read. */
      if (stat (input, &in_st) == 0 && in_st.st_dev == out_st.st_dev
          && in_st.st_ino == out_st.st_ino)
        {
          g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                       _("The output “%s” is the input file itself; choose another name."),
                       output);
          return FALSE;
        }
      if (!S_ISREG (out_st.st_mode))
        {
          o->final = g_strdup (output);
          return TRUE;
        }
      o->final = realpath (output, NULL);
    }
  if (o->final == NULL)
    o->final = g_strdup (output);
  {
    g_autofree char *dir = g_path_get_dirname (o->final);
    g_autofree char *base = g_path_get_basename (o->final);
    g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
    int fd;

    o->temporary = g_build_filename (dir, name, NULL);
    fd = g_mkstemp_full (o->temporary, O_RDWR | O_CLOEXEC, 0666 & ~current_umask ());
    if (fd < 0)
      {
        int saved = errno;

        g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Cannot create “%s”: %s."), output,
                     g_strerror (saved));
        g_clear_pointer (&o->temporary, g_free);
        return FALSE;
      }
    close (fd);
  }
  return TRUE;
}

static gboolean
output_commit (Output *o, gboolean ok, const char *output, GError **error)
{
  if (o->temporary == NULL)
    return ok;
  if (ok && g_rename (o->temporary, o->final) != 0)
    {
      int saved = errno;

      g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Cannot write “%s”: %s."), output,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (o->temporary);
  return ok;
}

static void
output_clear (Output *o)
{
  g_free (o->final);
  g_free (o->temporary);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Output, output_clear)

int
hark_cli_cmd_render (int argc, char **argv)
{
  g_autofree char *output = NULL, *start_text = NULL, *end_text = NULL;
  g_auto (GStrv) skips = NULL;
  g_auto (GStrv) skip_categories = NULL;
  double speed = 1.0, start = 0, end = -1;
  gboolean no_skip = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to OUT.wav", "OUT.wav" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, "Begin at media time T", "T" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text, "Stop at media time T", "T" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, "Playback speed, 0.5 – 3.0 (pitch kept)",
      "X" },
    { "skip", 0, 0, G_OPTION_ARG_STRING_ARRAY, &skips, "Skip media range A-B (repeatable)",
      "A-B" },
    { "no-skip", 0, 0, G_OPTION_ARG_NONE, &no_skip, "Skip nothing at all", NULL },
    { "skip-category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &skip_categories,
      "skip, ask, mark or off for a segment category (default sponsor=skip)", "CAT=ACTION" },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
      g_option_context_new ("FILE -o OUT.wav — write what the player would play");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autoptr (GArray) ranges = NULL;
  g_autofree char *write_buffer = g_malloc (WRITE_BUFFER_SIZE);
  g_auto (Output) target = { 0 };
  FILE *out;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Writes 32-bit float WAV in the output format (48 kHz, "
                                "stereo), exactly the samples playback sends to the device.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("render", "%s", error->message);
  if (argc != 2)
    return hark_cli_usage_error ("render", _("expected exactly one FILE"));
  if (output == NULL)
    return hark_cli_usage_error ("render", _("-o OUT.wav is required"));
  if (!(speed >= HARK_SPEED_MIN && speed <= HARK_SPEED_MAX))
    return hark_cli_usage_error ("render", _("--speed must be between 0.5 and 3.0"));
  if ((start_text && !hark_cli_parse_time_option ("--start", start_text, &start, &error))
      || (end_text && !hark_cli_parse_time_option ("--end", end_text, &end, &error)))
    return hark_cli_usage_error ("render", "%s", error->message);
  if (end_text && end <= start)
    return hark_cli_usage_error ("render", _("--end must come after --start"));
  ranges = hark_cli_skip_ranges_build (argv[1], skips, skip_categories, no_skip, &error);
  if (ranges == NULL)
    return hark_cli_usage_error ("render", "%s", error->message);

  decoder = hark_decoder_open (argv[1], HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, &error);
  if (decoder == NULL)
    return hark_cli_fail (error);
  hark_decoder_set_speed (decoder, speed);
  if ((start > 0 || speed != 1.0) && !hark_decoder_seek (decoder, start, &error))
    return hark_cli_fail (error);
  hark_decoder_set_skip_ranges (decoder, (const HarkSkipRange *) ranges->data, ranges->len);

  if (!output_prepare (&target, argv[1], output, &error))
    return error->code == HARK_ERROR_INVALID_ARGUMENT
               ? hark_cli_usage_error ("render", "%s", error->message)
               : hark_cli_fail (error);
  out = fopen (target.temporary ? target.temporary : output, "wb");
  if (out == NULL)
    {
      int saved = errno;

      g_set_error (&error, HARK_ERROR, HARK_ERROR_IO, _("Cannot create “%s”: %s."), output,
                   g_strerror (saved));
      return hark_cli_fail (error);
    }
  /* A real buffer: with NULL, glibc would use the device's block size (4 KiB for /dev/null). */
  setvbuf (out, write_buffer, _IOFBF, WRITE_BUFFER_SIZE);
  ok = render (decoder, out, output, end, &error);
  if (fclose (out) != 0 && ok)
    {
      int saved = errno;

      g_set_error (&error, HARK_ERROR, HARK_ERROR_IO, _("Cannot write “%s”: %s."), output,
                   g_strerror (saved));
      ok = FALSE;
    }
  ok = output_commit (&target, ok, output, ok ? &error : NULL);
  return ok ? HARK_CLI_EXIT_OK : hark_cli_fail (error);
}
