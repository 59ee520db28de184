/* hark-transcript-view.h — the transcript as a list that follows the audio
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a HarkReading (turns with skippable segments in place) in a GtkListView: the row being
 * heard is highlighted and selected (what assistive technologies see as current), the caption
 * being spoken is underlined in it, and the list scrolls to keep it at a comfortable reading
 * height. Scrolling by hand pauses following ("following" turns FALSE) until it is turned on
 * again. Search matches are highlighted in every row, the one being looked at marked.
 */
#pragma once

#include <gtk/gtk.h>

#include "hark-turn-row.h"
#include "reading/hark-reading.h"
#include "session/hark-session.h"

G_BEGIN_DECLS

#define HARK_TYPE_TRANSCRIPT_VIEW (hark_transcript_view_get_type ())
G_DECLARE_FINAL_TYPE (HarkTranscriptView, hark_transcript_view, HARK, TRANSCRIPT_VIEW, GtkWidget)

/* Where the view learns which segments were skipped (not taken; must outlive the view). */
void hark_transcript_view_set_session (HarkTranscriptView *self, HarkSession *session);
/* What to show (NULL: nothing); the row being heard is forgotten until the next show_time(). */
void hark_transcript_view_set_reading (HarkTranscriptView *self, HarkReading *reading);
/* Only @speaker's turns (-1: everyone). */
void hark_transcript_view_set_speaker_filter (HarkTranscriptView *self, int speaker);
/* The audio is at @position: highlight (and follow) the row and caption there. */
void hark_transcript_view_show_time (HarkTranscriptView *self, double position);
void hark_transcript_view_set_following (HarkTranscriptView *self, gboolean following);
gboolean hark_transcript_view_get_following (HarkTranscriptView *self);
/* Highlights @query in every row (NULL: none). */
void hark_transcript_view_set_query (HarkTranscriptView *self, const char *query);
/* Marks @row as the match being looked at and brings it into view, or clears the mark (-1). */
void hark_transcript_view_show_match (HarkTranscriptView *self, int row);
/* The row's segment was just skipped: redraw it as such. */
void hark_transcript_view_refresh_row (HarkTranscriptView *self, int row);
/* FALSE when the speaker filter hides @row. */
void hark_transcript_view_focus_now (HarkTranscriptView *self);
gboolean hark_transcript_view_is_shown (HarkTranscriptView *self, int row);

int hark_transcript_view_get_current_row (HarkTranscriptView *self);
int hark_transcript_view_get_selected_row (HarkTranscriptView *self);
int hark_transcript_view_get_match_row (HarkTranscriptView *self);
/* The widget showing @row, when it is realised in the list. */
HarkTurnRow *hark_transcript_view_get_row_widget (HarkTranscriptView *self, int row);
GtkListView *hark_transcript_view_get_list_view (HarkTranscriptView *self);
GtkScrolledWindow *hark_transcript_view_get_scroller (HarkTranscriptView *self);

G_END_DECLS
