/* hark-turn-row.h — how one row of the transcript looks: a turn, or a compact segment
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hark-row-item.h"

G_BEGIN_DECLS

#define HARK_TYPE_TURN_ROW (hark_turn_row_get_type ())
G_DECLARE_FINAL_TYPE (HarkTurnRow, hark_turn_row, HARK, TURN_ROW, GtkWidget)

/* How many rows exist right now: the list recycles them, so this stays small with any length. */
guint hark_turn_row_get_n_alive (void);

HarkTurnRow *hark_turn_row_new (void);

/* @skipped: for a segment row, whether it was jumped over in this pass. */
void hark_turn_row_bind (HarkTurnRow *self, HarkRowItem *item, const char *query,
                         gboolean skipped);
void hark_turn_row_unbind (HarkTurnRow *self);
HarkRowItem *hark_turn_row_get_item (HarkTurnRow *self);

/* The row being heard: styled, and announced to assistive technologies as "Now playing". The
 * byte range of its text being spoken is emphasised (pass start == end for none). */
void hark_turn_row_set_now_playing (HarkTurnRow *self, gboolean now_playing, gsize cue_start,
                                    gsize cue_end);
/* The byte range of the text marked as the current caption (empty when none). */
void hark_turn_row_get_cue (HarkTurnRow *self, gsize *start, gsize *end);
/* Where the current caption's lines are, top and bottom, in @target's coordinates; FALSE when
 * no caption is marked or the row is not laid out. */
gboolean hark_turn_row_get_cue_span (HarkTurnRow *self, GtkWidget *target, double *top,
                                     double *bottom);
gboolean hark_turn_row_get_now_playing (HarkTurnRow *self);
const char *hark_turn_row_get_segment_label (HarkTurnRow *self);
gboolean hark_turn_row_get_text_shown (HarkTurnRow *self);
void hark_turn_row_set_query (HarkTurnRow *self, const char *query);
/* The text as shown (no markup), for tests and assistive technologies. */
const char *hark_turn_row_get_text (HarkTurnRow *self);

/* The row's context menu (Copy as Quote, Copy Text), as a right click opens it; NULL until
 * first opened. The copies are the "row.copy-quote" and "row.copy-text" actions. */
void hark_turn_row_popup_menu (HarkTurnRow *self);
GtkWidget *hark_turn_row_get_menu (HarkTurnRow *self);

G_END_DECLS
