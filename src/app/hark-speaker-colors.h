/* hark-speaker-colors.h — the colour each speaker gets, the same in the list and the seek bar
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HARK_N_SPEAKER_COLORS 6

/* The GNOME palette colour for @speaker (-1: unknown speaker, a neutral grey), tuned for a light
 * or dark background. */
void hark_speaker_color (int speaker, gboolean dark, GdkRGBA *color);
/* "speaker-0" … : the CSS class that gives a label that colour (see style.css). */
const char *hark_speaker_css_class (int speaker);

G_END_DECLS
