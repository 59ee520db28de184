/* hark-library-context.h — what the library knows about an audio file it downloaded
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file the library downloaded belongs to a show: its feed named the show and the episode and
 * gave their artwork, which the file's own tags often do not. Views ask here by the file's path.
 */
#pragma once

#include "library/hark-library.h"

G_BEGIN_DECLS

typedef struct
{
  char *show_title;    /* NULL until the feed was fetched */
  char *episode_title;
  char *image;         /* the episode's artwork URL, else the show's, or NULL */
  char *show_link;     /* the show's web site as its feed gives it, or NULL */
} HarkLibraryContext;

void hark_library_context_free (HarkLibraryContext *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkLibraryContext, hark_library_context_free)

/* The show and episode of a file the library knows: the episode @key names (a session's resume
 * key, "episode:ROW", as a show's episode opened or streamed from the library has), else the
 * one whose download is at @path (absolute, as the download stored it). NULL: with @error set
 * when the library could not be read, without when it does not know the file. Either may be
 * NULL. */
HarkLibraryContext *hark_library_find_context (HarkLibrary *self, const char *path,
                                               const char *key, GError **error);

G_END_DECLS
