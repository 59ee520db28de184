/* hark-cue-text.h — a turn's words with the caption being heard tinted behind them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The current caption moves every few seconds. Marking it with Pango attributes in the label's
 * text makes the label shape and measure its whole paragraph again, and the list measure its
 * row, each time (a few milliseconds for a long turn). This widget holds the label and draws
 * the caption's tint and underline as a layer of its own behind it, from the lines the label
 * has already laid out: moving the caption only redraws.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HARK_TYPE_CUE_TEXT (hark_cue_text_get_type ())
G_DECLARE_FINAL_TYPE (HarkCueText, hark_cue_text, HARK, CUE_TEXT, GtkWidget)

/* The label it holds: its one child (a GtkLabel given in a template, or one made for it). */
GtkLabel *hark_cue_text_get_label (HarkCueText *self);

/* Tints the bytes [@start, @end) of the label's text (as gtk_label_get_text() gives it); none
 * when @end <= @start. Only redraws. */
void hark_cue_text_set_range (HarkCueText *self, gsize start, gsize end);
void hark_cue_text_get_range (HarkCueText *self, gsize *start, gsize *end);

/* The tinted rectangles as drawn, in the widget's coordinates (graphene_rect_t), for tests. */
GArray *hark_cue_text_get_rects (HarkCueText *self);

G_END_DECLS
