/* hark-text-size.h — the transcript's text size: larger, smaller, normal, remembered
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the transcript scales (the controls keep the desktop's size, which the desktop's own
 * large-text setting already changes). The size is a step on a fixed ladder of scales, kept in
 * the "transcript-text-scale" setting, and applied through one style provider on the display, so
 * every row, bound or not, follows it at once.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HARK_TEXT_SCALE_MIN 0.7
#define HARK_TEXT_SCALE_MAX 2.0

#define HARK_TYPE_TEXT_SIZE (hark_text_size_get_type ())
G_DECLARE_FINAL_TYPE (HarkTextSize, hark_text_size, HARK, TEXT_SIZE, GObject)

/* @settings may be NULL (no schema: the size is not remembered). Applies the saved size. */
HarkTextSize *hark_text_size_new (GSettings *settings);

/* One step larger (> 0), smaller (< 0), or back to normal (0). */
void hark_text_size_step (HarkTextSize *self, int direction);
double hark_text_size_get_scale (HarkTextSize *self);

/* Adds "text-larger", "text-smaller" and "text-normal" to @map, bound to this size. */
void hark_text_size_add_actions (HarkTextSize *self, GActionMap *map);

G_END_DECLS
