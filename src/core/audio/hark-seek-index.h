/* hark-seek-index.h — exact seek points for files whose container has none (VBR MP3, ADTS)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FFmpeg seeks such files by guessing a byte offset from the bitrate and then guesses the
 * timestamp, so a player lands seconds away from where it says it is. The index reads every
 * packet header once (no decoding), adds up the packet durations, and keeps a byte offset with
 * its true timestamp every quarter second: memory stays small for hours of audio.
 */
#pragma once

#include <gio/gio.h>

#include "audio/hark-media-source.h"

G_BEGIN_DECLS

typedef struct _HarkSeekIndex HarkSeekIndex;

/* Told, on the scanning thread, the share of the file scanned so far (0 to 1, rising), at most
 * about every 50 ms and once at 1 when done. */
typedef void (*HarkSeekIndexProgress) (double fraction, gpointer user_data);

/* Scans @stream_index of @path with a separate demuxer. Hours of audio take seconds (every
 * packet header is read): @progress (may be NULL) hears how far it got, and cancelling
 * @cancellable (may be NULL) from any thread stops it within a packet, failing with
 * G_IO_ERROR_CANCELLED. */
HarkSeekIndex *hark_seek_index_build (const char *path, int stream_index,
                                      HarkSeekIndexProgress progress, gpointer user_data,
                                      GCancellable *cancellable, GError **error);
void hark_seek_index_free (HarkSeekIndex *self);

/* For bytes still arriving: an index that scans @source (its own demuxer) only as far as
 * hark_seek_index_extend_to() asks, waiting for the bytes it needs. Cancelling @cancellable
 * stops a wait; the index then ends where it got. */
HarkSeekIndex *hark_seek_index_new_incremental (HarkMediaSource *source,
                                                GCancellable *cancellable, int stream_index,
                                                GError **error);
/* Scans until the index knows the packet at @pts (or the end). */
void hark_seek_index_extend_to (HarkSeekIndex *self, gint64 pts);
/* Whether the index covers the whole file (always, for a built one); get_end() is then the
 * true end. */
gboolean hark_seek_index_is_complete (HarkSeekIndex *self);

/* The last entry at or before @pts (in the stream's time base): its byte offset and the true
 * timestamp of the packet starting there. FALSE when the index is empty. */
gboolean hark_seek_index_lookup (HarkSeekIndex *self, gint64 pts, gint64 *pos,
                                 gint64 *entry_pts);
/* Timestamp of the first packet and the end of the last one (first + all durations). */
gint64 hark_seek_index_get_start (HarkSeekIndex *self);
gint64 hark_seek_index_get_end (HarkSeekIndex *self);
guint hark_seek_index_get_n_entries (HarkSeekIndex *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkSeekIndex, hark_seek_index_free)

G_END_DECLS
