/* hark-app-settings.h — the window's preferences (org.hark.Hark), with defaults when the schema
 * is not installed
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running from a build tree without GSETTINGS_SCHEMA_DIR must not abort, so every getter takes a
 * GSettings that may be NULL and then answers the schema's default.
 */
#pragma once

#include <gio/gio.h>

#include "segments/hark-segments.h"

G_BEGIN_DECLS

/* NULL (after a message saying so) when the schema is not installed. */
GSettings *hark_app_settings_new (void);

int hark_app_settings_get_int (GSettings *settings, const char *key, int fallback);
double hark_app_settings_get_double (GSettings *settings, const char *key, double fallback);
gboolean hark_app_settings_get_boolean (GSettings *settings, const char *key, gboolean fallback);

/* category-policy over the defaults; unknown categories or actions are ignored. */
void hark_app_settings_get_policy (GSettings *settings, HarkSkipPolicy *policy);
void hark_app_settings_set_action (GSettings *settings, HarkCategory category,
                                   HarkSkipAction action);

void hark_app_settings_get_window (GSettings *settings, int *width, int *height);
void hark_app_settings_save_window (GSettings *settings, int width, int height,
                                    gboolean maximized);

G_END_DECLS
