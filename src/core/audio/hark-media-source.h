/* hark-media-source.h — the bytes of an episode that is still arriving, read as they come
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A download writes a file, from its start or (after a seek ahead) in ranges with holes between
 * them; a decoder reads the same file through this source (hark_decoder_open_source()) while
 * it grows. The writer tells the source which file holds the bytes and which are there; a read
 * of a byte not there yet tells the writer (the want func) and waits — on the decoder's
 * thread, never the audio callback's — until it arrives, the writer finishes or fails, or the
 * source is cancelled. The source knows nothing of HTTP: net/hark-http.h fills one
 * (hark_http_download_to_source_async()), and anything else that writes a file could.
 *
 * Thread-safe: the writer calls from its thread (the main loop), readers from theirs.
 * Reference counted: the decoder and the writer each hold one.
 */
#pragma once

#include <gio/gio.h>

#include "util/hark-byte-ranges.h"

G_BEGIN_DECLS

typedef struct _HarkMediaSource HarkMediaSource;

/* @name: what messages call the episode (a title or a URL). */
HarkMediaSource *hark_media_source_new (const char *name);
HarkMediaSource *hark_media_source_ref (HarkMediaSource *self);
void hark_media_source_unref (HarkMediaSource *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkMediaSource, hark_media_source_unref)

const char *hark_media_source_get_name (HarkMediaSource *self);

/* Writer side. */

/* The bytes are in @path from offset 0 (a new file, or the same one renamed: readers reopen
 * it). @available bytes of it are written; @total is the full size, 0 when unknown. Setting a
 * smaller @available (a download that had to start over) is allowed. */
void hark_media_source_set_file (HarkMediaSource *self, const char *path, guint64 available,
                                 guint64 total);
/* @available bytes from offset 0 are in the file now. Wakes waiting readers. */
void hark_media_source_set_available (HarkMediaSource *self, guint64 available);
/* A file with holes (a download that jumped ahead): the bytes of @held (copied) are in @path;
 * readers reopen it. */
void hark_media_source_set_ranges (HarkMediaSource *self, const char *path,
                                   const HarkByteRanges *held, guint64 total);
/* The bytes [@start, @end) are in the file now. Wakes waiting readers. */
void hark_media_source_add_range (HarkMediaSource *self, guint64 start, guint64 end);

typedef void (*HarkMediaSourceFunc) (HarkMediaSource *self, gpointer user_data);
/* @func runs on @context whenever a read starts waiting at an offset not there yet (the writer
 * may fetch that part first: hark_media_source_get_wanted()). NULL @func stops it; a call
 * already posted then does nothing. */
void hark_media_source_set_want_func (HarkMediaSource *self, GMainContext *context,
                                      HarkMediaSourceFunc func, gpointer user_data);
/* The offset the latest read still waiting wants, or G_MAXUINT64 when none waits. */
guint64 hark_media_source_get_wanted (HarkMediaSource *self);

/* A sentence for the listener about how the bytes come (a server that cannot jump ahead, say),
 * NULL to clear. The notice func (set by a view, run on its context) hears of each change. */
void hark_media_source_set_notice (HarkMediaSource *self, const char *notice);
char *hark_media_source_dup_notice (HarkMediaSource *self);
void hark_media_source_set_notice_func (HarkMediaSource *self, GMainContext *context,
                                        HarkMediaSourceFunc func, gpointer user_data);
/* No more bytes will come: @error NULL means the file is complete (its size is then the
 * total), else readers past the available bytes fail with a copy of @error. */
void hark_media_source_finish (HarkMediaSource *self, const GError *error);

/* Reader side. */

/* Reads up to @length bytes at @offset into @buffer, waiting while they have not arrived.
 * Returns the bytes read (> 0), 0 at the end of the complete file, -1 with @error when the
 * writer failed (its error), @cancellable or the source was cancelled (G_IO_ERROR_CANCELLED)
 * or the file could not be read. With @wait FALSE a read of bytes not there yet returns 0 at
 * once. Cancelling @cancellable (from any thread) wakes this read only: the player's decoder
 * stops so, and another decoder may read the same source later. */
gssize hark_media_source_read (HarkMediaSource *self, guint64 offset, void *buffer,
                               gsize length, gboolean wait, GCancellable *cancellable,
                               GError **error);
/* Wakes every waiting read and makes this and later ones fail with G_IO_ERROR_CANCELLED, for
 * every reader: the source is given up. */
void hark_media_source_cancel (HarkMediaSource *self);

/* For views: how far the bytes are. Any pointer may be NULL. */
typedef struct
{
  guint64 available; /* bytes from the start that can be read now */
  guint64 held;      /* bytes in the file, holes left out (>= available) */
  guint64 total;     /* full size, 0 when unknown */
  gboolean complete; /* every byte is there */
  gboolean failed;   /* the writer gave up: nothing past available will come */
} HarkMediaSourceProgress;

void hark_media_source_get_progress (HarkMediaSource *self, HarkMediaSourceProgress *progress);

G_END_DECLS
