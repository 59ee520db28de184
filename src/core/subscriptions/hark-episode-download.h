/* hark-episode-download.h — a show's episode to disk, with its transcripts and chapters
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audio goes to ROOT/SHOW/DATE TITLE.EXT through a resumable .part file; the feed's
 * transcripts and chapters are saved beside it under the names sidecar discovery looks for,
 * the best transcript (timed with speakers, then timed captions, then plain text; the show's
 * language first) as EPISODE.transcript.EXT, without a language suffix so discovery ranks it
 * first, the others kept as EPISODE.LANG.transcript.EXT (or .captions, .subtitles). A sidecar that cannot be fetched is a warning, not a failed download.
 */
#pragma once

#include "library/hark-library-shows.h"
#include "net/hark-http.h"

G_BEGIN_DECLS

typedef struct
{
  char *audio_path;
  GPtrArray *sidecars; /* char * paths written beside the audio */
  GPtrArray *warnings; /* char *, sidecars that could not be fetched */
  gboolean resumed;
} HarkEpisodeDownload;

void hark_episode_download_free (HarkEpisodeDownload *download);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkEpisodeDownload, hark_episode_download_free)

/* Where Hark keeps downloaded episodes unless told otherwise. */
char *hark_episode_download_default_root (void);

/* The audio's path for @episode of @show under @root (folders not created). */
char *hark_episode_download_path (const HarkShow *show, const HarkShowEpisode *episode,
                                  const char *root);

/* The transcript of @transcripts (HarkFeedTranscript *) to open first for a show in
 * @language (may be NULL): index, or -1 for none. */
int hark_episode_download_pick_transcript (GPtrArray *transcripts, const char *language);

/* Downloads @what (an episode's number or id) and its sidecars on @http, recording progress in
 * the library so an interrupted or cancelled download resumes from its .part file next time.
 * A cancel once the audio is in keeps the audio (the remaining sidecars are skipped). */
void hark_episode_download_async (HarkHttp *http, HarkLibrary *library, const char *what,
                                  const char *root, HarkDownloadProgressFunc progress,
                                  gpointer progress_data, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
HarkEpisodeDownload *hark_episode_download_finish (GAsyncResult *result, GError **error);

/* The same, running the thread-default main context until done: for command-line tools. */
HarkEpisodeDownload *hark_episode_download_run (HarkHttp *http, HarkLibrary *library,
                                                const char *what, const char *root,
                                                HarkDownloadProgressFunc progress,
                                                gpointer progress_data, GError **error);

G_END_DECLS
