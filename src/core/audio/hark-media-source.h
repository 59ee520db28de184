/* hark-media-source.h — the bytes of an episode that is still arriving, read as they come
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A download writes a file from its start; a decoder reads the same file through this source
 * (hark_decoder_open_source()) while it grows. The writer tells the source which file holds
 * the bytes and how many are there; a read past them waits — on the decoder's thread, never
 * the audio callback's — until they arrive, the writer finishes or fails, or the source is
 * cancelled. The source knows nothing of HTTP: net/hark-http.h fills one
 * (hark_http_download_to_source_async()), and anything else that writes a file could.
 *
 * Thread-safe: the writer calls from its thread (the main loop), readers from theirs.
 * Reference counted: the decoder and the writer each hold one.
 */
#pragma once

#include <gio/gio.h>

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
  guint64 total;     /* full size, 0 when unknown */
  gboolean complete; /* every byte is there */
  gboolean failed;   /* the writer gave up: nothing past available will come */
} HarkMediaSourceProgress;

void hark_media_source_get_progress (HarkMediaSource *self, HarkMediaSourceProgress *progress);

G_END_DECLS
