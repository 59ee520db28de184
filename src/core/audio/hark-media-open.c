/* hark-media-open.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio/hark-media-open.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "util/hark-error.h"

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
  GStatBuf st;
  int ret;

  quiet_ffmpeg_once ();

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, HARK_ERROR, saved == ENOENT ? HARK_ERROR_NOT_FOUND : HARK_ERROR_IO,
                   "Cannot open “%s”: %s.", display, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   "“%s” is a folder, not an audio file.", display);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      /* A pipe (`cat x.wav | hark-cli probe /dev/stdin`), a FIFO or a device: FFmpeg would
       * block on it or read it once, and playing needs to seek and to open it again. */
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   "“%s” is a pipe or a device, not a file: Hark plays files it can seek in "
                   "(save the stream to a file first).",
                   display);
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   "“%s” is empty: there is no audio to play.", display);
      return NULL;
    }

  {
    /* The file protocol named explicitly: otherwise FFmpeg takes "a:b.opus" for protocol "a". */
    g_autofree char *url = g_strconcat ("file:", path, NULL);

    ret = avformat_open_input (&fmt, url, NULL, NULL);
  }
  if (ret < 0)
    {
      g_autofree char *why = hark_media_error_string (ret);

      /* The file exists and is not empty, so anything but a read failure means its content is
       * not a format FFmpeg knows (demuxers answer EINVAL as well as INVALIDDATA for that). */
      if (ret == AVERROR (EACCES) || ret == AVERROR (EIO) || ret == AVERROR (EPERM))
        g_set_error (error, HARK_ERROR, HARK_ERROR_IO, "Cannot open “%s”: %s.", display, why);
      else
        g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                     "“%s” is not an audio file Hark can read (%s).", display, why);
      return NULL;
    }
  ret = avformat_find_stream_info (fmt, NULL);
  if (ret < 0)
    {
      g_autofree char *why = hark_media_error_string (ret);

      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   "“%s” looks damaged: its streams cannot be read (%s).", display, why);
      avformat_close_input (&fmt);
      return NULL;
    }
  ret = av_find_best_stream (fmt, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0);
  if (ret < 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   "“%s” is not an audio file: it contains no audio Hark can play.", display);
      avformat_close_input (&fmt);
      return NULL;
    }
  if (fmt->streams[ret]->codecpar->sample_rate <= 0
      || fmt->streams[ret]->codecpar->ch_layout.nb_channels <= 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   "“%s” looks damaged: its audio has no sample rate or no channels.", display);
      avformat_close_input (&fmt);
      return NULL;
    }
  *stream_index = ret;
  return fmt;
}
