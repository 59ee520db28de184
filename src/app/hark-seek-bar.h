/* hark-seek-bar.h — the episode at a glance: speaker-coloured turns, chapters, shaded segments
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "reading/hark-reading.h"

G_BEGIN_DECLS

#define HARK_TYPE_SEEK_BAR (hark_seek_bar_get_type ())
G_DECLARE_FINAL_TYPE (HarkSeekBar, hark_seek_bar, HARK, SEEK_BAR, GtkWidget)

GtkWidget *hark_seek_bar_new (void);
/* @reading may be NULL (no transcript: a plain bar). */
void hark_seek_bar_set_episode (HarkSeekBar *self, HarkReading *reading, double duration);
void hark_seek_bar_set_position (HarkSeekBar *self, double position);
double hark_seek_bar_get_position (HarkSeekBar *self);
/* What hovering at @time shows: "12:34 · Speaker — first words…". */
char *hark_seek_bar_describe (HarkSeekBar *self, double time);

G_END_DECLS
