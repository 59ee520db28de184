/* hark-speaker-colors.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-speaker-colors.h"

/* GNOME HIG palette: blue, orange, green, purple, red, brown; the "3" shades read on white,
 * the "2"/"1" shades on the dark background. Keep in step with ui/style.css. */
static const char *const light[HARK_N_SPEAKER_COLORS] = {
  "#1c71d8", "#c64600", "#26a269", "#813d9c", "#c01c28", "#865e3c",
};
static const char *const dark[HARK_N_SPEAKER_COLORS] = {
  "#62a0ea", "#ffa348", "#57e389", "#c061cb", "#f66151", "#cdab8f",
};
static const char *const classes[HARK_N_SPEAKER_COLORS] = {
  "speaker-0", "speaker-1", "speaker-2", "speaker-3", "speaker-4", "speaker-5",
};

void
hark_speaker_color (int speaker, gboolean dark_background, GdkRGBA *color)
{
  if (speaker < 0)
    {
      gdk_rgba_parse (color, dark_background ? "#9a9996" : "#77767b");
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
