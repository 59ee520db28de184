/* hark-discovery.h — finding the sidecars that sit beside an audio file
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For DIR/episode.mp3 a sidecar is DIR/episode[.LANG][.QUALIFIER].EXT, compared without regard
 * to case: EXT is one hark_sidecar_is_candidate() accepts (vtt, srt, json, txt, md, …); LANG a language tag ("en", "pt-BR", "zh-Hant");
 * QUALIFIER one of hark, transcript, chapters, captions, subtitles, subs, timestamps, speakers,
 * sponsorblock, skips, segments (in either order with LANG). Anything else beside the audio
 * ("episode.truth.json", "episode.mp3") is not a sidecar.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *path;
  char *language;  /* as written ("pt-BR"), or NULL */
  char *qualifier; /* lower case ("transcript"), or NULL */
  char *extension; /* lower case: "vtt", "srt", "json", "txt", "md", … */
  char *reason;    /* "found beside the audio as ep189.en.vtt" */
  int rank;        /* lower is preferred among sidecars of the same role */
} HarkDiscoveredFile;

void hark_discovered_file_free (HarkDiscoveredFile *file);

/* The sidecars beside @audio_path, best first: Hark's own sidecar, then timed transcripts
 * (Podcasting 2.0 JSON, WebVTT, SRT, other JSON, text), then labelled texts, chapters and skip
 * lists; without a language suffix first, then in a language the user reads, then the others.
 * An empty array when there are none; fails only
 * when the folder cannot be listed. */
GPtrArray *hark_discovery_find (const char *audio_path, GError **error);

/* Whether @name (a base name) is a sidecar of media whose base name without extension is
 * @stem. Fills @file's language, qualifier, extension and rank when it is (path and reason are
 * left alone). */
gboolean hark_discovery_match (const char *stem, const char *name, HarkDiscoveredFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkDiscoveredFile, hark_discovered_file_free)

G_END_DECLS
