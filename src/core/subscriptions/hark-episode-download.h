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

/* Deletes what downloading @what (an episode's number or id) wrote: the audio, or its .part,
 * and the transcripts, chapters and speakers saved beside it. The episode stays in the
 * library, with its place, as not downloaded. A file that cannot be deleted is an error and
 * leaves the state as it was. */
gboolean hark_episode_download_delete (HarkLibrary *library, const char *what, GError **error);

/* Playing an episode while it downloads. Runs on the thread-default main context. */
typedef struct _HarkEpisodeStream HarkEpisodeStream;

typedef void (*HarkEpisodeStreamDoneFunc) (HarkEpisodeStream *stream, const GError *error,
                                           gpointer user_data);

/* Fetches the sidecars of @what (an episode's number or id) beside where its audio goes, then
 * starts downloading the audio into a HarkMediaSource (hark_episode_stream_get_source()) to
 * give to hark_session_open_stream(); completes once the audio has begun, so the session finds
 * the transcript and chapters when it opens. With @keep the audio goes where
 * hark_episode_download_run() puts it and the library records the download (an interrupted
 * one resumes later); without, it goes to hark_episode_stream_cache_dir() and everything is
 * deleted when the stream is freed (listening without downloading). @progress runs on the
 * main context while the audio downloads, until the stream is freed; @progress_destroy frees
 * @progress_data then (or at once when starting fails). */
void hark_episode_stream_start_async (HarkHttp *http, HarkLibrary *library, const char *what,
                                      const char *root, gboolean keep,
                                      HarkDownloadProgressFunc progress, gpointer progress_data,
                                      GDestroyNotify progress_destroy, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
HarkEpisodeStream *hark_episode_stream_start_finish (GAsyncResult *result, GError **error);
/* The same, running the thread-default main context until the audio has begun: for
 * command-line tools. */
HarkEpisodeStream *hark_episode_stream_start (HarkHttp *http, HarkLibrary *library,
                                              const char *what, const char *root,
                                              gboolean keep, HarkDownloadProgressFunc progress,
                                              gpointer progress_data, GError **error);
/* @func runs once when the download ends (@error NULL: complete). */
void hark_episode_stream_set_done_func (HarkEpisodeStream *stream,
                                        HarkEpisodeStreamDoneFunc func, gpointer user_data);
HarkMediaSource *hark_episode_stream_get_source (HarkEpisodeStream *stream);
/* The audio path (where the file is when complete), sidecars written and their warnings. */
const HarkEpisodeDownload *hark_episode_stream_get_download (HarkEpisodeStream *stream);
const HarkShowEpisode *hark_episode_stream_get_episode (HarkEpisodeStream *stream);
/* The episode's row in the library. */
gint64 hark_episode_stream_get_row (HarkEpisodeStream *stream);
/* The latest progress of the audio's download (zeros before the first). */
void hark_episode_stream_get_progress (HarkEpisodeStream *stream, HarkDownloadProgress *progress);
/* Whether the download ended, and with which error (NULL: complete). */
gboolean hark_episode_stream_is_finished (HarkEpisodeStream *stream, const GError **error);
/* Stops a download under way (its .part kept and recorded when kept). */
void hark_episode_stream_free (HarkEpisodeStream *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkEpisodeStream, hark_episode_stream_free)

/* Where streams not kept are written while they play. */
char *hark_episode_stream_cache_dir (void);

G_END_DECLS
