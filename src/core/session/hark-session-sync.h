/* hark-session-sync.h — a sync job for HarkSession: times from the audio, off the main thread
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recognizing an hour of speech takes minutes, so a worker thread recognizes the audio (or reads
 * the per-episode cache), aligns, re-syncs or generates the transcript, and saves it as the
 * sidecar beside the audio. What the listener added by hand survives: the old transcript's
 * chapters and skips go with the new speech (moved with it when re-synced), and an
 * AUDIO.hark.json the episode was not read from is merged in, or left alone when it does not
 * fit this audio. Progress and the result come back on the session's context.
 */
#pragma once

#include <gio/gio.h>

#include "episode/hark-episode.h"
#include "session/hark-session.h"

G_BEGIN_DECLS

typedef struct
{
  HarkSessionSyncKind kind;
  GError *error;        /* the job failed or was cancelled: nothing else is set */
  HarkEpisode *episode; /* the result, to show */
  char *saved_path;     /* where it was saved, or NULL */
  GError *save_error;   /* why it was not saved */
} HarkSessionSyncResult;

typedef void (*HarkSessionSyncProgressFunc) (double fraction, gpointer user_data);
typedef void (*HarkSessionSyncDoneFunc) (HarkSessionSyncResult *result, gpointer user_data);

/* @source: the transcript shown now (its sources tell which sidecar it was read from);
 * @duration: the audio's. @progress (at most every 100 ms) and @done run on @context, and
 * neither runs once @cancellable is cancelled there. */
void hark_session_sync_job_start (const char *audio_path, double duration,
                                  HarkSessionSyncKind kind, HarkEpisode *source,
                                  GMainContext *context, GCancellable *cancellable,
                                  HarkSessionSyncProgressFunc progress,
                                  HarkSessionSyncDoneFunc done, gpointer user_data);

G_END_DECLS
