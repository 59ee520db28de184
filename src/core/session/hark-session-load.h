/* hark-session-load.h — opening an episode off the main thread, for HarkSession
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Probing the audio, reading and merging transcripts, finding segments, reading tags and the
 * cover all read files, some large: a worker thread does them, in two steps, so the audio can
 * play while the transcript is still being read. Results come back on the session's context.
 */
#pragma once

#include <gio/gio.h>

#include "audio/hark-media-source.h"
#include "audio/hark-player.h"
#include "episode/hark-episode.h"
#include "reading/hark-reading.h"
#include "segments/hark-segments.h"

G_BEGIN_DECLS

typedef struct
{
  /* Step one: the audio. */
  char *audio_path;      /* NULL: a transcript alone */
  HarkMediaSource *source; /* the audio's bytes while they download, or NULL */
  HarkDecoder *decoder;  /* NULL when there is no audio or it failed */
  GError *audio_error;
  double duration;       /* -1 without audio */
  char *title;           /* from the tags, or NULL */
  char *artist;
  /* Step two: everything else. episode NULL with sidecar_error when a named sidecar failed. */
  HarkEpisode *episode;
  HarkSegmentList *segments;
  HarkReading *reading;
  GError *sidecar_error;
  char *art_url;
  HarkShowContext *show; /* who the show is: the feed's and the tags' names and links */
} HarkSessionLoad;

typedef void (*HarkSessionLoadFunc) (HarkSessionLoad *load, gboolean audio_step,
                                     gpointer user_data);
/* How far opening the audio got (0 to 1), while a file without a table of contents is
 * scanned for its seek points. */
typedef void (*HarkSessionLoadProgressFunc) (double fraction, gpointer user_data);

/* Starts the worker. @func runs on @context twice (audio step, then the rest) unless
 * @cancellable is cancelled first; a failed audio open ends after the audio step. Cancelling
 * also stops a long scan of the audio on the worker (it ends without calling back).
 * @progress (may be NULL) runs on @context too, never after @cancellable is cancelled. With
 * @source, the audio is read from it (cancelling @cancellable stops a wait for its bytes) and
 * @audio_path only names the episode: where its sidecars are and where it will be; tags and
 * cover are read from @audio_path only when the download is complete. */
void hark_session_load_start (const char *audio_path, HarkMediaSource *source,
                              const char *const *sidecars, const HarkShowContext *show,
                              const HarkSkipPolicy *policy, GMainContext *context,
                              GCancellable *cancellable, HarkSessionLoadFunc func,
                              HarkSessionLoadProgressFunc progress, gpointer user_data);

/* How many workers are still running, in this process. A cancelled one stops at its next check
 * (within a packet while indexing the audio); tests watch this fall to 0. */
guint hark_session_load_get_n_running (void);

/* Segments and reading order for @episode under @policy, the finder knowing @show (may be
 * NULL). */
void hark_session_load_segments (HarkEpisode *episode, const HarkShowContext *show,
                                 const HarkSkipPolicy *policy,
                                 HarkSegmentList **segments, HarkReading **reading);

G_END_DECLS
