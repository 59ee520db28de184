/* hark-window-private.h — what the window's files share, and accessors for the UI tests
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is split by what it does: hark-window.c (the session's events, opening, the
 * commands), hark-window-actions.c (win.* actions and shortcuts), hark-window-search.c (Ctrl+F),
 * hark-window-recent.c (the episodes listened to last), hark-window-drop.c (dropped files),
 * hark-window-header.c (title, sources, chapters menu), hark-window-sync.c (times from the audio:
 * Synchronize with Audio, Generate Transcript); HarkTranscriptView draws the list.
 * Nothing outside src/app/ and tests/ includes this header.
 */
#pragma once

#include "hark-library-view.h"
#include "hark-player-bar.h"
#include "hark-speakers-popover.h"
#include "hark-text-size.h"
#include "hark-transcript-view.h"
#include "hark-window.h"
#include "hark-window-sync.h"

G_BEGIN_DECLS

struct _HarkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkToggleButton *search_button;
  GtkMenuButton *chapters_button;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *search_count;
  GtkStack *stack;
  GtkListBox *recent_list;
  guint n_recent;
  GtkSpinner *spinner;
  GtkLabel *loading_label;
  GtkProgressBar *loading_progress;
  GtkWidget *loading_cancel;
  HarkTranscriptView *transcript_view;
  GtkRevealer *back_to_now_revealer;
  GtkRevealer *skip_revealer;
  AdwButtonContent *skip_content;
  HarkPlayerBar *player_bar;
  HarkSpeakersPopover *speakers_popover;
  HarkLibraryView *library_view;

  GSettings *settings;
  HarkSession *session; /* the application's: this window is one view of it */
  guint listener;
  guint open_id;          /* the deferred open (see open_deferred()) */
  char *pending_audio;
  char **pending_sidecars;
  HarkEpisodeStream *pending_stream; /* a show's episode to open while it downloads */
  gint64 pending_episode;            /* a show's episode on disk (pending_audio), or 0 */
  gboolean play_on_open;             /* the listener pressed Play: it plays once open */
  HarkReading *reading; /* the session's, NULL without a transcript */
  double duration;

  int chosen_speaker;     /* for Alt+N / Alt+P and the filter, or -1 */
  gboolean filter_speaker;
  guint clock_id;         /* the wake-up for the next change shown, while playing */
  double clock_last;      /* the position at that wake-up's scheduling, -1 after a stop */
  guint clock_stalls;     /* wake-ups in a row that found the clock not yet moving */
  GArray *boundaries;     /* double: when the highlight can change (hark-window-clock.c) */

  GArray *search_matches; /* HarkReadingMatch */
  char *search_query;
  int search_index;

  HarkTextSize *text_size;
  char *art_url;                 /* the cover shown, or NULL */
  GCancellable *art_cancellable; /* reading it */
  GtkFileChooserNative *transcript_chooser;
  GtkRevealer *filter_revealer;  /* the "Only <speaker>" chip */
  AdwButtonContent *filter_content;

  char *last_toast;
  char *banner_text;

  HarkWindowSync *sync; /* hark-window-sync.c */
};


/* hark-window.c */
void hark_window_show_toast (HarkWindow *self, const char *title, const char *button,
                             const char *action);
void hark_window_show_banner (HarkWindow *self, const char *text);
void hark_window_set_following (HarkWindow *self, gboolean following);
void hark_window_choose_speaker (HarkWindow *self, int speaker);
void hark_window_update_now (HarkWindow *self);

/* hark-window-actions.c */
void hark_window_class_add_actions (GtkWidgetClass *widget_class);
void hark_window_setup_shortcuts (HarkWindow *self);

/* hark-window-clock.c */
void hark_window_clock_set_reading (HarkWindow *self);
void hark_window_clock_schedule (HarkWindow *self);
void hark_window_clock_stop (HarkWindow *self);

/* hark-window-sleep.c */
void hark_window_setup_sleep (HarkWindow *self);
void hark_window_sync_sleep (HarkWindow *self);

/* hark-window-context.c */
void hark_window_show_context (HarkWindow *self);
void hark_window_show_chapter (HarkWindow *self);
void hark_window_clear_context (HarkWindow *self);
void hark_window_set_has_transcript (HarkWindow *self, gboolean has_transcript);

/* hark-window-keys.c */
void hark_window_setup_keys (HarkWindow *self);

/* hark-window-search.c */
void hark_window_class_add_search (GtkWidgetClass *widget_class);
void hark_window_setup_search (HarkWindow *self);

/* hark-window-drop.c */
void hark_window_setup_drop (HarkWindow *self);
void hark_window_class_add_drop (GtkWidgetClass *widget_class);
/* Object data set while a transcript the listener chose is being read into the session. */
#define HARK_WINDOW_ADDING_TRANSCRIPT "hark-adding-transcript"
void hark_window_add_transcript (HarkWindow *self, const char *path);

/* hark-window-header.c */
char *hark_window_describe_sources (HarkEpisode *episode);
void hark_window_build_chapters_menu (HarkWindow *self);

/* hark-window-recent.c */
void hark_window_class_add_recent (GtkWidgetClass *widget_class);
void hark_window_fill_recent (HarkWindow *self);
char *hark_window_describe_place (double position, double duration);

/* hark-window-library.c */
void hark_window_setup_library (HarkWindow *self);
void hark_window_show_library (HarkWindow *self);

/* For the UI tests. */

static inline HarkLibraryView *
hark_window_get_library_view (HarkWindow *self)
{
  return self->library_view;
}

static inline HarkReading *
hark_window_get_reading (HarkWindow *self)
{
  return self->reading;
}

/* The row of the reading order being heard, or -1. */
static inline int
hark_window_get_current_row (HarkWindow *self)
{
  return hark_transcript_view_get_current_row (self->transcript_view);
}

/* The row the list selects (what assistive technologies see as current), or -1. */
static inline int
hark_window_get_selected_row (HarkWindow *self)
{
  return hark_transcript_view_get_selected_row (self->transcript_view);
}

/* The widget showing @row, when it is realised in the list. */
static inline HarkTurnRow *
hark_window_get_row_widget (HarkWindow *self, int row)
{
  return hark_transcript_view_get_row_widget (self->transcript_view, row);
}

/* The search matches (HarkReadingMatch), NULL without a search. */
static inline GArray *
hark_window_get_search_matches (HarkWindow *self)
{
  return self->search_matches;
}

/* The row of the match being looked at, or -1. */
static inline int
hark_window_get_search_row (HarkWindow *self)
{
  return hark_transcript_view_get_match_row (self->transcript_view);
}

static inline gboolean
hark_window_get_following (HarkWindow *self)
{
  return hark_transcript_view_get_following (self->transcript_view);
}

static inline const char *
hark_window_get_last_toast (HarkWindow *self)
{
  return self->last_toast;
}

/* The banner's text, NULL when it is hidden. */
static inline const char *
hark_window_get_banner (HarkWindow *self)
{
  return self->banner_text;
}

static inline GtkListView *
hark_window_get_list_view (HarkWindow *self)
{
  return hark_transcript_view_get_list_view (self->transcript_view);
}

static inline GtkScrolledWindow *
hark_window_get_scroller (HarkWindow *self)
{
  return hark_transcript_view_get_scroller (self->transcript_view);
}

/* How many recent episodes the empty window offers. */
static inline guint
hark_window_get_n_recent (HarkWindow *self)
{
  return self->n_recent;
}

static inline HarkPlayer *
hark_window_get_player (HarkWindow *self)
{
  return hark_session_get_player (self->session);
}

G_END_DECLS
