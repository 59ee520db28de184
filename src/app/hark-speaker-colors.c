/* hark-speaker-colors.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-speaker-colors.h"

/* GNOME HIG hues: blue, orange, green, purple, red, brown, in shades dark (light theme) or light
 * (dark theme) enough for 4.5:1 against both the page and the current turn's tinted background.
 * Keep in step with ui/style.css and ui/style-dark.css (tests/ui/test-look checks both). */
static const char *const light[HARK_N_SPEAKER_COLORS] = {
  "#1a5fb4", "#a33d00", "#176b41", "#613583", "#a51d2d", "#63452c",
};
static const char *const dark[HARK_N_SPEAKER_COLORS] = {
  "#99c1f1", "#ffa348", "#57e389", "#dc8add", "#ff938c", "#cdab8f",
};
static const char *const classes[HARK_N_SPEAKER_COLORS] = {
  "speaker-0", "speaker-1", "speaker-2", "speaker-3", "speaker-4", "speaker-5",
};

void
hark_speaker_color (int speaker, gboolean dark_background, GdkRGBA *color)
{
  if (speaker < 0)
    {
      gdk_rgba_parse (color, dark_background ? "#c0bfbc" : "#5e5c64");
      return;
    }
  gdk_rgba_parse (color, (dark_background ? dark : light)[speaker % HARK_N_SPEAKER_COLORS]);
}

const char *
hark_speaker_css_class (int speaker)
{
  if (speaker < 0)
    return "speaker-unknown";
  return classes[speaker % HARK_N_SPEAKER_COLORS];
}
