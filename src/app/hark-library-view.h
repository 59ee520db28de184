/* hark-library-view.h — the library: shows, a show's episodes, subscribing, downloading
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pages in an AdwLeaflet that never unfolds (a navigation stack that fits 360 px): the
 * shows, then one show's episodes. Everything network goes through one HarkHttp on the main
 * loop (subscribe, refresh, download with progress and stop); the library is the session's.
 * Actions live in the "library" group: add-show, import-opml, export-opml, refresh-all,
 * stop-refresh, refresh-show, load-older, unsubscribe, back, now-playing, and download,
 * stop-download and play with an episode's row number.
 *
 * Signals: "open-episode" (path, row) when a downloaded episode is to be played, "open-stream"
 * (a HarkEpisodeStream the handler owns) when one plays while it downloads, "now-playing" to
 * go back to the episode playing.
 */
#pragma once

#include <adwaita.h>

#include "hark-subscribe-dialog.h"
#include "library/hark-library.h"

G_BEGIN_DECLS

#define HARK_TYPE_LIBRARY_VIEW (hark_library_view_get_type ())
G_DECLARE_FINAL_TYPE (HarkLibraryView, hark_library_view, HARK, LIBRARY_VIEW, AdwBin)

GtkWidget *hark_library_view_new (void);
/* @library (may be NULL: the view then offers nothing) must outlive the view. */
void hark_library_view_set_library (HarkLibraryView *self, HarkLibrary *library);
/* Reads the shows (and the open show's episodes) again from the library. */
void hark_library_view_reload (HarkLibraryView *self);
gboolean hark_library_view_has_shows (HarkLibraryView *self);
/* Whether an episode is open to go back to (the "Now Playing" button). */
void hark_library_view_set_can_return (HarkLibraryView *self, gboolean can_return);

/* Opens the "Add Show" dialog (and returns it, for tests). */
HarkSubscribeDialog *hark_library_view_add_show (HarkLibraryView *self);
/* Subscribes to every feed of an OPML file and refreshes them (what Import runs once a file
 * is chosen); writes the subscriptions to @file as OPML (what Export runs). */
void hark_library_view_import_file (HarkLibraryView *self, GFile *file);
void hark_library_view_export_file (HarkLibraryView *self, GFile *file);
/* Shows the episodes of @show_id. */
void hark_library_view_open_show (HarkLibraryView *self, gint64 show_id);

/* For tests. */
GListModel *hark_library_view_get_shows (HarkLibraryView *self);    /* HarkLibraryItem */
GListModel *hark_library_view_get_episodes (HarkLibraryView *self); /* HarkLibraryItem */
GtkListView *hark_library_view_get_shows_list (HarkLibraryView *self);
GtkListView *hark_library_view_get_episodes_list (HarkLibraryView *self);
gint64 hark_library_view_get_show_id (HarkLibraryView *self); /* 0 on the shows page */
const char *hark_library_view_get_last_message (HarkLibraryView *self);
gboolean hark_library_view_is_refreshing (HarkLibraryView *self);
/* An older page of the open show is loading ("load-older"). */
gboolean hark_library_view_is_loading_older (HarkLibraryView *self);
/* What the open show's header says under its title. */
const char *hark_library_view_get_show_subtitle (HarkLibraryView *self);
guint hark_library_view_get_n_downloads (HarkLibraryView *self);

G_END_DECLS
