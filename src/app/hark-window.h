/* hark-window.h — the main window: the transcript read along with the player
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows core state and sends core commands: which turn is current comes from the
 * reading order (hark-reading.h), what to skip from the segment list, the clock from the player.
 * Signals: "episode-shown" once an episode's transcript (or its absence) is on screen, with a
 * boolean saying whether loading worked.
 */
#pragma once

#include <adwaita.h>

#include "audio/hark-player.h"
#include "reading/hark-reading.h"
#include "session/hark-session.h"

G_BEGIN_DECLS

#define HARK_TYPE_WINDOW (hark_window_get_type ())
G_DECLARE_FINAL_TYPE (HarkWindow, hark_window, HARK, WINDOW, AdwApplicationWindow)

/* A view of @session (the application's, which outlives the window): it subscribes to the
 * session's events and sends it the listener's commands. */
HarkWindow *hark_window_new (GtkApplication *application, HarkSession *session);
/* A message that stays until dismissed (the library could not be opened, say). */
void hark_window_show_lasting_message (HarkWindow *self, const char *message);

/* Opens @audio_path (may be NULL when @sidecars name a transcript to read without audio) with
 * the sidecars the user named (NULL-terminated, may be NULL: discovered beside the audio). */
void hark_window_open (HarkWindow *self, const char *audio_path, const char *const *sidecars);
/* A show's episode on disk, its place kept under the episode's library key; it plays once open
 * (the listener pressed Play). */
void hark_window_open_episode (HarkWindow *self, const char *audio_path, gint64 episode_row);
/* A show's episode that plays, once open, while it downloads; the window (then its session)
 * owns @stream. */
void hark_window_open_stream (HarkWindow *self, HarkEpisodeStream *stream);
gboolean hark_window_is_loading (HarkWindow *self);

/* Commands, as the actions, buttons and shortcuts send them. */
void hark_window_play (HarkWindow *self);
void hark_window_pause (HarkWindow *self);
void hark_window_play_pause (HarkWindow *self);
void hark_window_seek (HarkWindow *self, double seconds);
void hark_window_skip_by (HarkWindow *self, double delta);
void hark_window_next_turn (HarkWindow *self, int direction);
/* @speaker: a name or id; NULL means the chosen speaker. */
void hark_window_next_answer (HarkWindow *self, const char *speaker, int direction);
void hark_window_set_speed (HarkWindow *self, double speed);
void hark_window_change_speed (HarkWindow *self, int steps);
void hark_window_unskip (HarkWindow *self);
void hark_window_search (HarkWindow *self, const char *query);

/* The session this window shows. */
HarkSession *hark_window_get_session (HarkWindow *self);
/* Media seconds as the window shows them (the session's clock: a seek shows its target). */
double hark_window_get_position (HarkWindow *self);
/* Test-only accessors are in hark-window-private.h. */

G_END_DECLS
