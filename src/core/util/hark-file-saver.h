/* hark-file-saver.h — one small file kept up to date from a worker thread
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A download's map of the ranges it holds is saved every second while bytes arrive, and a
 * save that survives a crash is a rename after an fsync: on a disk busy with the download
 * itself that can take far longer than a frame. The saver takes the newest contents and
 * writes them on a worker, at most one write in flight, so a newer text is never overwritten
 * by an older one and a backlog folds into one write. Before the file is removed or written
 * by its owner directly, hark_file_saver_drain() waits for the write in flight (one at most).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HarkFileSaver HarkFileSaver;

/* Saves to @path, each time whole or not at all (a new file renamed over the old). */
HarkFileSaver *hark_file_saver_new (const char *path);
/* Drops the caller's reference; a write in flight finishes on its own. */
void hark_file_saver_unref (HarkFileSaver *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkFileSaver, hark_file_saver_unref)

/* Queues @text (copied) as the file's next contents and returns at once. */
void hark_file_saver_save (HarkFileSaver *self, const char *text);
/* Waits until nothing is queued or being written; a queued text is dropped, not written, when
 * @discard. */
void hark_file_saver_drain (HarkFileSaver *self, gboolean discard);
/* How many writes have finished, and the last one's error (NULL when it succeeded), for tests
 * and logs. */
guint hark_file_saver_get_n_written (HarkFileSaver *self, char **last_error);

G_END_DECLS
