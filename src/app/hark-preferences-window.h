/* hark-preferences-window.h — the user-facing settings
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HARK_TYPE_PREFERENCES_WINDOW (hark_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HarkPreferencesWindow, hark_preferences_window, HARK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* @settings may be NULL (schema not installed): the rows then show the defaults, insensitive. */
GtkWidget *hark_preferences_window_new (GtkWindow *parent, GSettings *settings);

G_END_DECLS
