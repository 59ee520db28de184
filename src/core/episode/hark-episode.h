/* hark-episode.h — everything Hark knows about one audio file: its transcript, where it came from
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading finds the sidecars beside the audio (or takes the ones the user named), reads them,
 * merges captions with a speaker-labelled text when needed, and reports what it used and why.
 * A missing or broken sidecar is a warning, not an error: playback works without a transcript.
 */
#pragma once

#include <glib.h>

#include "transcript/hark-merge.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef struct
{
  char *path;
  char *role;   /* "timed", "speakers", "chapters", "skips", "hark", "persons" */
  char *format; /* "webvtt", "srt", "podcasting2-json", "whisper-json", "hark-json", … */
  char *reason; /* why it was used: "found beside the audio as ep189.vtt", "given on the command line" */
} HarkSidecarUse;

typedef struct _HarkEpisode HarkEpisode;

/* @audio_path may be NULL when only sidecars are given. @sidecars (NULL-terminated, may be NULL)
 * win over discovery. @media_duration is the audio's duration when known (< 0 otherwise), used
 * to detect a sidecar made for another cut. Fails only when an explicitly named sidecar cannot
 * be read at all. */
HarkEpisode *hark_episode_load (const char *audio_path, const char *const *sidecars,
                                double media_duration, GError **error);
/* An episode whose transcript was made from the audio itself (synchronized or generated), not
 * read: @transcript (taken) fits this audio, so it is never "for another cut". The one source
 * listed is @path (where it was saved, or the audio when it was not) with @format and @reason. */
HarkEpisode *hark_episode_new_made (const char *audio_path, HarkTranscript *transcript,
                                    const char *path, const char *format, const char *reason);
HarkEpisode *hark_episode_ref (HarkEpisode *self);
void hark_episode_unref (HarkEpisode *self);

const char *hark_episode_get_audio_path (HarkEpisode *self);
/* Never NULL; empty when there is no transcript. */
HarkTranscript *hark_episode_get_transcript (HarkEpisode *self);
/* HarkSidecarUse, in the order they were applied. */
const GPtrArray *hark_episode_get_sources (HarkEpisode *self);
/* Human sentences, "file:line:column: what was expected" for parse problems. */
const char *const *hark_episode_get_warnings (HarkEpisode *self);
/* Share of the speaker-labelled words that found a timed word (0..1), or < 0 without a merge. */
double hark_episode_get_merge_coverage (HarkEpisode *self);
/* TRUE when a sidecar says it was made for media of another length (> 1 s difference). */
gboolean hark_episode_has_duration_mismatch (HarkEpisode *self);
/* Sidecars found beside the audio but not used (role "unused"), each with the reason why. */
const GPtrArray *hark_episode_get_unused (HarkEpisode *self);
/* What the merge matched and which turns have weak evidence, or NULL without a merge. */
const HarkMergeReport *hark_episode_get_merge_report (HarkEpisode *self);

/* Where Hark's own sidecar for @audio_path goes: beside it, AUDIO-without-extension.hark.json. */
char *hark_episode_sidecar_path_for (const char *audio_path);

/* What to save over @previous, the AUDIO.hark.json already there (perhaps edited by hand):
 * @fresh's speech, @fresh's chapters or else @previous's, and @fresh's skips plus those of
 * @previous that @fresh does not have. Regenerating the sidecar from new captions then keeps
 * the chapters and skips someone added. */
HarkTranscript *hark_episode_keep_edits (HarkTranscript *fresh, HarkTranscript *previous);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkEpisode, hark_episode_unref)

G_END_DECLS
