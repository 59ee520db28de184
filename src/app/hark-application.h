/* hark-application.h — the Hark application: command line, actions, the window
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actions (also over D-Bus, `gapplication action org.hark.Hark seek 100.0`): play, pause,
 * play-pause, seek (d, seconds), back, forward, next-turn, previous-turn, next-answer (s, speaker),
 * previous-answer (s), slower, faster, set-speed (d), open, preferences, about, quit.
 */
#pragma once

#include <adwaita.h>

#include "hark-window.h"

G_BEGIN_DECLS

#define HARK_TYPE_APPLICATION (hark_application_get_type ())
G_DECLARE_FINAL_TYPE (HarkApplication, hark_application, HARK, APPLICATION, AdwApplication)

/* @flags: G_APPLICATION_DEFAULT_FLAGS for the program; tests add G_APPLICATION_NON_UNIQUE. */
HarkApplication *hark_application_new (GApplicationFlags flags);
/* The main window, created on first use. */
HarkWindow *hark_application_get_window (HarkApplication *self);
/* The one listening session the window and the media controls show. */
HarkSession *hark_application_get_session (HarkApplication *self);

/* Makes the resources and styles available; called by hark_application_new(). */
void hark_application_ensure_resources (void);

G_END_DECLS
