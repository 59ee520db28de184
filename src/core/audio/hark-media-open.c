/* hark-media-open.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio/hark-media-open.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "util/hark-error.h"

#define SOURCE_IO_BUFFER (32 * 1024)
/* How much of a stream still arriving FFmpeg may analyse after its headers. */
#define SOURCE_PROBE_BYTES (32 * 1024)

/* FFmpeg's view of a HarkMediaSource: a read position and the last failure, for messages. */
typedef struct
{
  HarkMediaSource *source;
  gint64 pos;
  GError *error;
  gboolean seekable_at_open;
  GCancellable *cancellable; /* stops a wait for bytes */
} SourceIO;

/* Stops FFmpeg's reads past a byte position; FFmpeg checks it before every read of the file. */
typedef struct
{
  AVFormatContext *fmt;
  gint64 limit; /* bytes of the file, or -1 */
  gboolean hit;
  gboolean told;
  char *display;
  /* Reading through a HarkMediaSource instead of FFmpeg's file protocol. */
  AVIOContext *io;
  SourceIO *source_io;
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
source_io_free (SourceIO *sio)
{
  hark_media_source_unref (sio->source);
  g_clear_object (&sio->cancellable);
  g_clear_error (&sio->error);
  g_free (sio);
}

static void
guard_free (ReadGuard *guard)
{
  if (guard->io != NULL)
    {
      av_freep (&guard->io->buffer);
      avio_context_free (&guard->io);
    }
  if (guard->source_io != NULL)
    source_io_free (guard->source_io);
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

/* The size of the ID3v2 tag whose 10-byte header is @h (header, frames, footer), or 0. */
static gint64
id3v2_tag_size_of (const guint8 *h)
{
  gint64 size;

  if (memcmp (h, "ID3", 3) != 0 || h[3] == 0xff || h[4] == 0xff
      || ((h[6] | h[7] | h[8] | h[9]) & 0x80))
    return 0;
  size = ((gint64) h[6] << 21 | (gint64) h[7] << 14 | (gint64) h[8] << 7 | h[9]) + 10;
  if (h[5] & 0x10)
    size += 10;
  return size;
}

/* The same for the file at @path. */
static gint64
id3v2_tag_size (const char *path)
{
  guint8 h[10];
  FILE *f = g_fopen (path, "rb");
  gsize got;

  if (f == NULL)
    return 0;
  got = fread (h, 1, sizeof h, f);
  fclose (f);
  return got < sizeof h ? 0 : id3v2_tag_size_of (h);
}

static int
source_io_read (void *opaque, uint8_t *buf, int size)
{
  SourceIO *sio = opaque;
  gssize got;

  g_clear_error (&sio->error);
  got = hark_media_source_read (sio->source, (guint64) sio->pos, buf, (gsize) size, TRUE,
                                sio->cancellable, &sio->error);
  if (got == 0)
    return AVERROR_EOF;
  if (got < 0)
    return g_error_matches (sio->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? AVERROR_EXIT
                                                                          : AVERROR (EIO);
  sio->pos += got;
  return (int) got;
}

static int64_t
source_io_seek (void *opaque, int64_t offset, int whence)
{
  SourceIO *sio = opaque;
  HarkMediaSourceProgress progress;
  gint64 pos;

  hark_media_source_get_progress (sio->source, &progress);
  whence &= ~AVSEEK_FORCE;
  switch (whence)
    {
    case AVSEEK_SIZE:
      return progress.total > 0 ? (int64_t) progress.total : AVERROR (ENOSYS);
    case SEEK_SET:
      pos = offset;
      break;
    case SEEK_CUR:
      pos = sio->pos + offset;
      break;
    case SEEK_END:
      if (progress.total == 0)
        return AVERROR (ENOSYS);
      pos = (gint64) progress.total + offset;
      break;
    default:
      return AVERROR (EINVAL);
    }
  if (pos < 0)
    return AVERROR (EINVAL);
  sio->pos = pos;
  return pos;
}

static gboolean
source_io_seekable_at_open (SourceIO *sio)
{
  return sio->seekable_at_open;
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

/* Opens @url, or reads through @source_io when given (taken), up to the chosen stream. */
static AVFormatContext *
open_common (const char *url, SourceIO *source_io, const char *display, gint64 tag_size,
             int *stream_index, GError **error)
{
  AVFormatContext *fmt = NULL;
  AVDictionary *options = NULL;
  ReadGuard *guard;
  int ret;

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
  if (source_io != NULL)
    {
      guard->source_io = source_io;
      guard->io = avio_alloc_context (av_malloc (SOURCE_IO_BUFFER), SOURCE_IO_BUFFER, 0,
                                      source_io, source_io_read, NULL, source_io_seek);
      /* While opening, the bytes look like a live stream: demuxers then do not look for tags
       * at the end of a file that has not arrived (MP3's ID3v1 and APE tags). Seeking is
       * turned on once the stream is open. */
      guard->io->seekable = source_io_seekable_at_open (source_io) ? AVIO_SEEKABLE_NORMAL : 0;
      fmt->pb = guard->io;
      fmt->flags |= AVFMT_FLAG_CUSTOM_IO;
    }
  /* Bytes still arriving come at the network's pace: FFmpeg's analysis of up to 5 MB or five
   * seconds (it reads that much 16-bit PCM) would be waited for before anything is heard. The
   * headers and the first packets say what a stream is. */
  if (source_io != NULL)
    {
      fmt->probesize = SOURCE_PROBE_BYTES;
      fmt->max_analyze_duration = AV_TIME_BASE;
    }
  ret = avformat_open_input (&fmt, url, NULL, &options);
  av_dict_free (&options);
  if (ret < 0)
    {
      g_autofree char *why = hark_media_error_string (ret);

      /* avformat_open_input freed the context on failure, not the guard. */
      if (source_io != NULL && source_io->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&source_io->error));
          guard_free (guard);
          return NULL;
        }
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

      if (source_io != NULL && source_io->error != NULL)
        g_propagate_error (error, g_steal_pointer (&source_io->error));
      else
        {
          g_debug ("%s: avformat_find_stream_info: %s", display, why);
          g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                       _("“%s” looks damaged: its streams cannot be read."), display);
        }
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
  if (guard->io != NULL)
    guard->io->seekable = AVIO_SEEKABLE_NORMAL;
  return fmt;
}

AVFormatContext *
hark_media_open_input (const char *path, int *stream_index, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);
  /* The file protocol named explicitly: otherwise FFmpeg takes "a:b.opus" for protocol "a". */
  g_autofree char *url = g_strconcat ("file:", path, NULL);
  gint64 tag_size;
  GStatBuf st;

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
  return open_common (url, NULL, display, tag_size, stream_index, error);
}

static SourceIO *
source_io_new (HarkMediaSource *source, GCancellable *cancellable)
{
  SourceIO *sio = g_new0 (SourceIO, 1);

  sio->source = hark_media_source_ref (source);
  sio->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  return sio;
}

AVFormatContext *
hark_media_open_source (HarkMediaSource *source, GCancellable *cancellable, int *stream_index,
                        GError **error)
{
  const char *display = hark_media_source_get_name (source);
  GError *local = NULL;
  AVFormatContext *fmt;
  SourceIO *sio;
  guint8 head[10];
  gint64 tag_size = 0;
  gssize got;

  quiet_ffmpeg_once ();

  got = hark_media_source_read (source, 0, head, sizeof head, TRUE, cancellable, error);
  if (got < 0)
    return NULL;
  if (got == 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("“%s” is empty: there is no audio to play."), display);
      return NULL;
    }
  if (got == sizeof head)
    tag_size = id3v2_tag_size_of (head);
  sio = source_io_new (source, cancellable);
  fmt = open_common ("", sio, display, tag_size, stream_index, &local);
  if (fmt == NULL && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && local->domain == HARK_ERROR && local->code != HARK_ERROR_IO)
    {
      HarkMediaSourceProgress progress;

      /* Some files need their end to be opened (an MP4 whose index comes last): as a file
       * that can seek, the open waits for that part to arrive. */
      hark_media_source_get_progress (source, &progress);
      if (!progress.complete && !progress.failed)
        {
          g_clear_error (&local);
          sio = source_io_new (source, cancellable);
          sio->seekable_at_open = TRUE;
          fmt = open_common ("", sio, display, tag_size, stream_index, &local);
        }
    }
  if (fmt == NULL)
    g_propagate_error (error, local);
  return fmt;
}
