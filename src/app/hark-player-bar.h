/* hark-player-bar.h — transport, seek bar, times, speed, volume and the speaker jump buttons
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hark-seek-bar.h"

G_BEGIN_DECLS

#define HARK_TYPE_PLAYER_BAR (hark_player_bar_get_type ())
G_DECLARE_FINAL_TYPE (HarkPlayerBar, hark_player_bar, HARK, PLAYER_BAR, GtkBox)

HarkSeekBar *hark_player_bar_get_seek_bar (HarkPlayerBar *self);
GtkAdjustment *hark_player_bar_get_volume (HarkPlayerBar *self);
GtkMenuButton *hark_player_bar_get_speaker_button (HarkPlayerBar *self);

void hark_player_bar_set_playing (HarkPlayerBar *self, gboolean playing);
void hark_player_bar_set_times (HarkPlayerBar *self, double position, double duration);
void hark_player_bar_set_speed (HarkPlayerBar *self, double speed);
void hark_player_bar_set_skip_seconds (HarkPlayerBar *self, int back, int forward);
/* NULL: no speaker chosen yet. */
void hark_player_bar_set_speaker (HarkPlayerBar *self, const char *name);
/* FALSE: the speaker menu and the previous/next-answer buttons are insensitive. */
void hark_player_bar_set_has_transcript (HarkPlayerBar *self, gboolean has_transcript);
/* The chapter being played, shown above the seek bar; NULL or "" hides it. */
void hark_player_bar_set_chapter (HarkPlayerBar *self, const char *title);
/* The episode's cover art beside the chapter; NULL hides it. */
void hark_player_bar_set_art (HarkPlayerBar *self, GdkPaintable *art);
GdkPaintable *hark_player_bar_get_art (HarkPlayerBar *self);
const char *hark_player_bar_get_chapter (HarkPlayerBar *self);

G_END_DECLS
