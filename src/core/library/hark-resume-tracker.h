/* hark-resume-tracker.h — continue where you stopped: ties a HarkPlayer to the HarkLibrary
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves the position and speed on pause, after a seek, at the end, on close, and every
 * HARK_LIBRARY_SAVE_INTERVAL seconds while playing, so a crash or a kill -9 loses at most that
 * much; on opening, seeks to where the episode was left (a few seconds earlier after a long
 * break, see hark_library_entry_get_resume_position()) at the speed it was played at.
 *
 * A front end's whole part (main thread):
 *    tracker = hark_resume_tracker_new (library, player);  // library may be NULL: no-op
 *    hark_resume_tracker_set_error_func (tracker, show_banner, window, NULL);
 *    … after hark_player_open () succeeded:
 *    hark_resume_tracker_episode_opened (tracker, title, rewind_on_resume, default_speed);
 *    … in the player's event function: hark_resume_tracker_handle_event (tracker, event);
 *    … before hark_player_close () or quitting: hark_resume_tracker_episode_closing (tracker);
 *    hark_resume_tracker_free (tracker);
 *
 * A failing library (corrupt, disk full, unwritable) is reported through the error function,
 * once until a save succeeds again, and never stops or delays playback.
 */
#pragma once

#include <glib.h>

#include "library/hark-library.h"
#include "audio/hark-player.h"

G_BEGIN_DECLS

typedef struct _HarkResumeTracker HarkResumeTracker;

typedef void (*HarkResumeTrackerErrorFunc) (const GError *error, gpointer user_data);

/* @library may be NULL (it could not be opened): then nothing is remembered. Neither the
 * library nor the player is owned; both must outlive the HarkResumeTracker. */
HarkResumeTracker *hark_resume_tracker_new (HarkLibrary *library, HarkPlayer *player);
void hark_resume_tracker_free (HarkResumeTracker *self);

void hark_resume_tracker_set_error_func (HarkResumeTracker *self,
                                         HarkResumeTrackerErrorFunc func, gpointer user_data,
                                         GDestroyNotify destroy);

/* Call after hark_player_open() succeeded. Recognises the episode, and when it was played
 * before seeks to where it was left and restores its speed; otherwise sets @default_speed.
 * Returns the position it continued at, or a negative number for a new episode (or no
 * library). @title (may be NULL) is kept for the recent list. */
double hark_resume_tracker_episode_opened (HarkResumeTracker *self, const char *title,
                                           gboolean rewind, double default_speed);

/* The same for an episode known by @key rather than by its content (NULL: by its content): an
 * episode of a show still downloading, whose file is not all there, is known by
 * hark_library_episode_key(). When @key has no entry yet and the file is whole, the entry of
 * its content continues. */
double hark_resume_tracker_episode_opened_as (HarkResumeTracker *self, const char *key,
                                              const char *title, gboolean rewind,
                                              double default_speed);

/* The tags are often read after the episode opened: the title kept for the recent list from
 * then on (may be NULL). */
void hark_resume_tracker_set_title (HarkResumeTracker *self, const char *title);

/* Saves now; call before closing the episode or quitting. */
void hark_resume_tracker_episode_closing (HarkResumeTracker *self);

/* Forward every player event: pauses, seeks and the end are saved, and the periodic save
 * runs only while playing. */
void hark_resume_tracker_handle_event (HarkResumeTracker *self, const HarkPlayerEvent *event);

/* The episode's key in the library, or NULL when none is open or it could not be read. */
const char *hark_resume_tracker_get_key (HarkResumeTracker *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkResumeTracker, hark_resume_tracker_free)

G_END_DECLS
