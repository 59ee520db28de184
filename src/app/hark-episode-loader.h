/* hark-episode-loader.h — reading, merging and scanning an episode off the main thread
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "episode/hark-episode.h"
#include "reading/hark-reading.h"
#include "segments/hark-segments.h"

G_BEGIN_DECLS

typedef struct
{
  HarkEpisode *episode;
  HarkSegmentList *segments;
  HarkReading *reading;
  char *title;       /* from the audio's tags, or NULL */
  char *artist;      /* the show or author, or NULL */
  char *art_url;     /* the cover as a file:// URI, or NULL */
} HarkLoadedEpisode;

void hark_loaded_episode_free (HarkLoadedEpisode *loaded);

/* Collects the segments under @policy and builds the reading order: the part that a policy
 * change redoes. Cheap enough for the main thread. */
void hark_loaded_episode_apply_policy (HarkLoadedEpisode *loaded, const HarkSkipPolicy *policy);

/* Loads in a worker thread (parsing, merging and detection can take a while on long episodes).
 * @audio_path may be NULL when only sidecars are given. */
void hark_episode_loader_load_async (const char *audio_path, const char *const *sidecars,
                                     double media_duration, const HarkSkipPolicy *policy,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data);
HarkLoadedEpisode *hark_episode_loader_load_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkLoadedEpisode, hark_loaded_episode_free)

G_END_DECLS
