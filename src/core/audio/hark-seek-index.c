/* hark-seek-index.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio/hark-seek-index.h"

#include <libavformat/avformat.h>

#include "util/hark-error.h"
#include "audio/hark-media-open.h"

#define ENTRY_SPACING_SECONDS 0.25
/* Progress is told this often at most: often enough for a bar to move smoothly. */
#define PROGRESS_INTERVAL_US (50 * 1000)

typedef struct
{
  gint64 pos;
  gint64 pts;
} Entry;

struct _HarkSeekIndex
{
  GArray *entries;
  gint64 start;
  gint64 end;
  /* Built as far as needed, from a source still arriving: the scan's own demuxer and state. */
  AVFormatContext *fmt;
  AVPacket *pkt;
  int stream_index;
  gint64 spacing;
  gint64 next_entry;
  gint64 pts;
  gboolean first;
  gboolean complete;
};

void
hark_seek_index_free (HarkSeekIndex *self)
{
  if (self == NULL)
    return;
  av_packet_free (&self->pkt);
  hark_media_close_input (&self->fmt);
  g_array_unref (self->entries);
  g_free (self);
}

/* Reads one packet into the index. FALSE at the end (or a failure: the index ends there). */
static gboolean
scan_packet (HarkSeekIndex *self)
{
  if (hark_media_read_frame (self->fmt, self->pkt) < 0)
    {
      self->end = self->pts;
      self->complete = TRUE;
      return FALSE;
    }
  if (self->pkt->stream_index == self->stream_index)
    {
      if (self->first)
        {
          /* Timestamps count from the first packet's, as a linear read would. */
          self->pts = self->pkt->pts != AV_NOPTS_VALUE ? self->pkt->pts : 0;
          self->start = self->pts;
          self->first = FALSE;
        }
      if (self->pkt->pos >= 0 && self->pts >= self->next_entry)
        {
          Entry e = { self->pkt->pos, self->pts };

          g_array_append_val (self->entries, e);
          self->next_entry = self->pts + self->spacing;
        }
      self->pts += self->pkt->duration;
      self->end = self->pts;
    }
  av_packet_unref (self->pkt);
  return TRUE;
}

HarkSeekIndex *
hark_seek_index_new_incremental (HarkMediaSource *source, GCancellable *cancellable,
                                 int stream_index, GError **error)
{
  g_autoptr (HarkSeekIndex) self = g_new0 (HarkSeekIndex, 1);
  int chosen = -1;

  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->fmt = hark_media_open_source (source, cancellable, &chosen, error);
  if (self->fmt == NULL)
    return NULL;
  if (stream_index < 0 || (guint) stream_index >= self->fmt->nb_streams)
    stream_index = chosen;
  self->stream_index = stream_index;
  self->spacing = av_rescale_q (llround (ENTRY_SPACING_SECONDS * 1000), (AVRational){ 1, 1000 },
                                self->fmt->streams[stream_index]->time_base);
  self->next_entry = G_MININT64;
  self->first = TRUE;
  self->pkt = av_packet_alloc ();
  /* The first packet gives the start. */
  while (self->first && scan_packet (self))
    ;
  return g_steal_pointer (&self);
}

void
hark_seek_index_extend_to (HarkSeekIndex *self, gint64 pts)
{
  if (self->fmt == NULL)
    return;
  /* One entry past @pts, so the lookup's entry is the right one and not merely the last. */
  while (!self->complete && (self->first || self->pts <= pts + self->spacing))
    scan_packet (self);
}

gboolean
hark_seek_index_is_complete (HarkSeekIndex *self)
{
  return self->complete;
}

/* The share of the file the demuxer has read. */
static double
fraction_read (AVFormatContext *fmt, gint64 size)
{
  if (fmt->pb == NULL || size <= 0)
    return 0;
  return CLAMP ((double) avio_tell (fmt->pb) / size, 0.0, 1.0);
}

HarkSeekIndex *
hark_seek_index_build (const char *path, int stream_index, HarkSeekIndexProgress progress,
                       gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_autoptr (HarkSeekIndex) self = g_new0 (HarkSeekIndex, 1);
  AVFormatContext *fmt = NULL;
  AVPacket *pkt = NULL;
  gint64 spacing, next_entry = G_MININT64, pts = 0;
  gboolean first = TRUE;
  int chosen = -1;
  gint64 size, last_told = g_get_monotonic_time ();
  double told = 0;

  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  fmt = hark_media_open_input (path, &chosen, error);
  if (fmt == NULL)
    return NULL;
  if (stream_index < 0 || (guint) stream_index >= fmt->nb_streams)
    stream_index = chosen;

  spacing = av_rescale_q (llround (ENTRY_SPACING_SECONDS * 1000), (AVRational){ 1, 1000 },
                          fmt->streams[stream_index]->time_base);
  size = fmt->pb != NULL ? avio_size (fmt->pb) : -1;
  pkt = av_packet_alloc ();
  while (hark_media_read_frame (fmt, pkt) >= 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          av_packet_free (&pkt);
          hark_media_close_input (&fmt);
          return NULL;
        }
      if (progress != NULL && g_get_monotonic_time () - last_told >= PROGRESS_INTERVAL_US)
        {
          double fraction = fraction_read (fmt, size);

          /* Never backwards: the demuxer's buffer may have been read ahead of a packet. And
           * never 1 on the way, even when the last bytes are already buffered: 1 is said once,
           * when the index is complete. */
          fraction = MIN (fraction, 0.999);
          if (fraction > told)
            {
              told = fraction;
              progress (fraction, user_data);
            }
          last_told = g_get_monotonic_time ();
        }
      if (pkt->stream_index == stream_index)
        {
          if (first)
            {
              /* Timestamps count from the first packet's, as a linear read would. */
              pts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : 0;
              self->start = pts;
              first = FALSE;
            }
          if (pkt->pos >= 0 && pts >= next_entry)
            {
              Entry e = { pkt->pos, pts };

              g_array_append_val (self->entries, e);
              next_entry = pts + spacing;
            }
          pts += pkt->duration;
        }
      av_packet_unref (pkt);
    }
  self->end = pts;
  self->complete = TRUE;
  av_packet_free (&pkt);
  hark_media_close_input (&fmt);
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&self);
}

gboolean
hark_seek_index_lookup (HarkSeekIndex *self, gint64 pts, gint64 *pos, gint64 *entry_pts)
{
  guint lo = 0, hi = self->entries->len;

  if (hi == 0)
    return FALSE;
  /* Last entry with entry.pts <= pts (or the first one when pts is before it). */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->entries, Entry, mid).pts <= pts)
        lo = mid;
      else
        hi = mid;
    }
  *pos = g_array_index (self->entries, Entry, lo).pos;
  *entry_pts = g_array_index (self->entries, Entry, lo).pts;
  return TRUE;
}

gint64
hark_seek_index_get_start (HarkSeekIndex *self)
{
  return self->start;
}

gint64
hark_seek_index_get_end (HarkSeekIndex *self)
{
  return self->end;
}

guint
hark_seek_index_get_n_entries (HarkSeekIndex *self)
{
  return self->entries->len;
}
