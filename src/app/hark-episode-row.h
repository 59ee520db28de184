/* hark-episode-row.h — one episode of a show: title, date, length, state, and its buttons
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons send library.download, library.stop-download and library.play with the
 * episode's row number; the library view that holds the row answers them.
 */
#pragma once

#include <adwaita.h>

#include "hark-library-item.h"

G_BEGIN_DECLS

#define HARK_TYPE_EPISODE_ROW (hark_episode_row_get_type ())
G_DECLARE_FINAL_TYPE (HarkEpisodeRow, hark_episode_row, HARK, EPISODE_ROW, GtkWidget)

GtkWidget *hark_episode_row_new (void);
void hark_episode_row_set_item (HarkEpisodeRow *self, HarkLibraryItem *item);
HarkLibraryItem *hark_episode_row_get_item (HarkEpisodeRow *self);

/* For tests: the details line ("1 Dec 2026 · 42 min · Played") and the badges shown, joined
 * with ", " ("New, Transcript, Downloaded"). */
const char *hark_episode_row_get_details (HarkEpisodeRow *self);
char *hark_episode_row_describe_badges (HarkEpisodeRow *self);
GtkProgressBar *hark_episode_row_get_progress (HarkEpisodeRow *self);
GtkWidget *hark_episode_row_get_delete_button (HarkEpisodeRow *self);

/* "1 h 05 min", "42 min", "50 s": a length to read, not a clock. */
char *hark_episode_row_format_length (double seconds);
/* "12.5 MB of 48.0 MB · 1.2 MB/s" (what is known of it), or NULL before the first byte. */
char *hark_episode_row_format_progress (const HarkDownloadProgress *progress);
/* What the download's progress bar says, or NULL when it is hidden or says nothing. */
const char *hark_episode_row_get_progress_text (HarkEpisodeRow *self);

G_END_DECLS
