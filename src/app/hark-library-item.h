/* hark-library-item.h — a show or one of its episodes, as a list model item
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wraps the library's rows for the list views, with what only the window knows: whether the
 * episode was heard (from the resume entries) and a download's progress. "changed" tells the
 * row showing it to redraw.
 */
#pragma once

#include <gtk/gtk.h>

#include "library/hark-library-shows.h"
#include "net/hark-http.h"

G_BEGIN_DECLS

#define HARK_TYPE_LIBRARY_ITEM (hark_library_item_get_type ())
G_DECLARE_FINAL_TYPE (HarkLibraryItem, hark_library_item, HARK, LIBRARY_ITEM, GObject)

typedef enum
{
  HARK_PLAY_STATE_UNPLAYED,
  HARK_PLAY_STATE_IN_PROGRESS,
  HARK_PLAY_STATE_PLAYED,
} HarkPlayState;

/* Takes ownership of @show. */
HarkLibraryItem *hark_library_item_new_show (HarkShow *show);
/* Takes ownership of @episode. */
HarkLibraryItem *hark_library_item_new_episode (HarkShowEpisode *episode);

/* NULL when the item is the other kind. */
const HarkShow *hark_library_item_get_show (HarkLibraryItem *self);
const HarkShowEpisode *hark_library_item_get_episode (HarkLibraryItem *self);
/* Replaces the episode (after a download changed it), taking ownership. */
void hark_library_item_set_episode (HarkLibraryItem *self, HarkShowEpisode *episode);

HarkPlayState hark_library_item_get_play_state (HarkLibraryItem *self, double *position);
void hark_library_item_set_play_state (HarkLibraryItem *self, HarkPlayState state, double position);

/* A download running now: @fraction in 0..1, or -1 when the size is unknown. */
gboolean hark_library_item_get_downloading (HarkLibraryItem *self, double *fraction);
void hark_library_item_set_downloading (HarkLibraryItem *self, gboolean downloading,
                                        double fraction);
/* The download running now, as its progress events tell it (bytes, total, rate). */
void hark_library_item_set_download_progress (HarkLibraryItem *self,
                                              const HarkDownloadProgress *progress);
const HarkDownloadProgress *hark_library_item_get_download_progress (HarkLibraryItem *self);

/* The show's artwork once loaded, or NULL. */
GdkPaintable *hark_library_item_get_artwork (HarkLibraryItem *self);
void hark_library_item_set_artwork (HarkLibraryItem *self, GdkPaintable *artwork);

G_END_DECLS
