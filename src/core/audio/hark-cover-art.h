/* hark-cover-art.h — the episode's cover, as a file the desktop can show
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Media controls take a URI for artwork (MPRIS mpris:artUrl), but podcasts carry their cover
 * inside the file (an ID3 APIC frame, an MP4 covr atom, a FLAC or Vorbis picture). This copies
 * it once into the cache. An image saved beside the episode (EPISODE.jpg, cover.jpg,
 * folder.jpg, also .png) is used as it is.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file:// URI of the cover of @audio_path, or NULL when it has none (@error unset) or it
 * cannot be read (@error set). Embedded covers are written to @cache_dir (NULL:
 * $XDG_CACHE_HOME/hark/covers) under a name derived from the file's path, size and time, so
 * calling it again is cheap. */
char *hark_cover_art_extract (const char *audio_path, const char *cache_dir, GError **error);

G_END_DECLS
