/* hark-media-open.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio/hark-media-open.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "util/hark-error.h"

/* Stops FFmpeg's reads past a byte position; FFmpeg checks it before every read of the file. */
typedef struct
{
  AVFormatContext *fmt;
  gint64 limit; /* bytes of the file, or -1 */
  gboolean hit;
  gboolean told;
  char *display;
} ReadGuard;

static int
guard_interrupt (void *data)
{
  ReadGuard *guard = data;

  if (guard->limit < 0 || guard->fmt == NULL || guard->fmt->pb == NULL)
    return 0;
  if (guard->fmt->pb->pos <= guard->limit)
    return 0;
  guard->hit = TRUE;
  return 1;
}

static void
guard_free (ReadGuard *guard)
{
  g_free (guard->display);
  g_free (guard);
}

void
hark_media_close_input (AVFormatContext **fmt)
{
  ReadGuard *guard;

  if (fmt == NULL || *fmt == NULL)
    return;
  guard = (*fmt)->interrupt_callback.callback == guard_interrupt
              ? (*fmt)->interrupt_callback.opaque
              : NULL;
  avformat_close_input (fmt);
  if (guard)
    guard_free (guard);
}

int
hark_media_read_frame (AVFormatContext *fmt, AVPacket *pkt)
{
  ReadGuard *guard = fmt->interrupt_callback.callback == guard_interrupt
                         ? fmt->interrupt_callback.opaque
                         : NULL;
  int ret;

  if (guard == NULL)
    return av_read_frame (fmt, pkt);
  guard->hit = FALSE;
  guard->limit = (fmt->pb ? fmt->pb->pos : 0) + HARK_MEDIA_MAX_GAP_BYTES;
  ret = av_read_frame (fmt, pkt);
  guard->limit = -1;
  if (ret < 0 && guard->hit)
    {
      if (!guard->told)
        g_message ("“%s” has more than %d MiB without audio; the rest of it is not read.",
                   guard->display, HARK_MEDIA_MAX_GAP_BYTES / (1024 * 1024));
      guard->told = TRUE;
      /* The interrupted read may have left the demuxer mid-packet: what follows is not
       * trusted, so this is the end. */
      return AVERROR_EOF;
    }
  return ret;
}

/* The size of the ID3v2 tag at the start of @path (header, frames, footer), or 0. */
static gint64
id3v2_tag_size (const char *path)
{
  guint8 h[10];
  FILE *f = g_fopen (path, "rb");
  gsize got;
  gint64 size;

  if (f == NULL)
    return 0;
  got = fread (h, 1, sizeof h, f);
  fclose (f);
  if (got < sizeof h || memcmp (h, "ID3", 3) != 0 || h[3] == 0xff || h[4] == 0xff
      || ((h[6] | h[7] | h[8] | h[9]) & 0x80))
    return 0;
  size = ((gint64) h[6] << 21 | (gint64) h[7] << 14 | (gint64) h[8] << 7 | h[9]) + 10;
  if (h[5] & 0x10)
    size += 10;
  return size;
}

char *
hark_media_error_string (int averror)
{
  char text[AV_ERROR_MAX_STRING_SIZE] = "";

  av_strerror (averror, text, sizeof text);
  return g_strdup (text);
}

static void
quiet_ffmpeg_once (void)
{
  static gsize done = 0;

  /* FFmpeg prints every recoverable decoding problem on stderr; Hark reports failures itself
   * through GError, so only FFmpeg's real errors stay visible (HARK_FFMPEG_LOG=1 shows all). */
  if (g_once_init_enter (&done))
    {
      av_log_set_level (g_getenv ("HARK_FFMPEG_LOG") ? AV_LOG_INFO : AV_LOG_FATAL);
      g_once_init_leave (&done, 1);
    }
}

AVFormatContext *
hark_media_open_input (const char *path, int *stream_index, GError **error)
{
  AVFormatContext *fmt = NULL;
  g_autofree char *display = g_filename_display_name (path);
  AVDictionary *options = NULL;
  ReadGuard *guard;
  gint64 tag_size;
  GStatBuf st;
  int ret;

  quiet_ffmpeg_once ();

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, HARK_ERROR, saved == ENOENT ? HARK_ERROR_NOT_FOUND : HARK_ERROR_IO,
                   _("Cannot open “%s”: %s."), display, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("“%s” is a folder, not an audio file."), display);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      /* A pipe (`cat x.wav | hark-cli probe /dev/stdin`), a FIFO or a device: FFmpeg would
       * block on it or read it once, and playing needs to seek and to open it again. */
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("“%s” is a pipe or a device, not a file: Hark plays files it can seek in "
                     "(save the stream to a file first)."),
                   display);
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("“%s” is empty: there is no audio to play."), display);
      return NULL;
    }

  tag_size = id3v2_tag_size (path);
  if (tag_size > HARK_MEDIA_MAX_TAG_BYTES)
    {
      g_message ("“%s” starts with a %" G_GINT64_FORMAT " MiB tag, more than the %d MiB Hark "
                 "reads; its tags are skipped.",
                 display, tag_size / (1024 * 1024), HARK_MEDIA_MAX_TAG_BYTES / (1024 * 1024));
      av_dict_set_int (&options, "skip_initial_bytes", tag_size, 0);
    }
  fmt = avformat_alloc_context ();
  guard = g_new0 (ReadGuard, 1);
  guard->display = g_strdup (display);
  /* Opening reads the tag (or skips it when too large) and the first packets: bounded. */
  guard->limit = tag_size + HARK_MEDIA_MAX_GAP_BYTES;
  guard->fmt = fmt;
  fmt->interrupt_callback.callback = guard_interrupt;
  fmt->interrupt_callback.opaque = guard;
  {
    /* The file protocol named explicitly: otherwise FFmpeg takes "a:b.opus" for protocol "a". */
    g_autofree char *url = g_strconcat ("file:", path, NULL);

    ret = avformat_open_input (&fmt, url, NULL, &options);
    av_dict_free (&options);
  }
  if (ret < 0)
    {
      g_autofree char *why = hark_media_error_string (ret);

      /* avformat_open_input freed the context on failure, not the guard. */
      guard_free (guard);
      /* The file exists and is not empty, so anything but a read failure means its content is
       * not a format FFmpeg knows (demuxers answer EINVAL as well as INVALIDDATA for that). */
      if (ret == AVERROR (EACCES) || ret == AVERROR (EIO) || ret == AVERROR (EPERM))
        g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Cannot open “%s”: %s."), display, why);
      else
        {
          /* FFmpeg's reason ("Invalid argument", "Invalid data found…") tells a listener
           * nothing more than the sentence does; it stays in the debug log. */
          g_debug ("%s: avformat_open_input: %s", display, why);
          g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                       _("“%s” is not an audio file Hark can read."), display);
        }
      return NULL;
    }
  ret = avformat_find_stream_info (fmt, NULL);
  if (ret < 0)
    {
      g_autofree char *why = hark_media_error_string (ret);

      g_debug ("%s: avformat_find_stream_info: %s", display, why);
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("“%s” looks damaged: its streams cannot be read."), display);
      hark_media_close_input (&fmt);
      return NULL;
    }
  ret = av_find_best_stream (fmt, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
  if (ret < 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("“%s” is not an audio file: it contains no audio Hark can play."), display);
      hark_media_close_input (&fmt);
      return NULL;
    }
  if (fmt->streams[ret]->codecpar->sample_rate <= 0
      || fmt->streams[ret]->codecpar->ch_layout.nb_channels <= 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("“%s” looks damaged: its audio has no sample rate or no channels."), display);
      hark_media_close_input (&fmt);
      return NULL;
    }
  *stream_index = ret;
  guard->limit = -1;
  return fmt;
}
