/* hark-speakers-popover.h — who speaks, how often and how long; choosing one to jump between
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

#define HARK_TYPE_SPEAKERS_POPOVER (hark_speakers_popover_get_type ())
G_DECLARE_FINAL_TYPE (HarkSpeakersPopover, hark_speakers_popover, HARK, SPEAKERS_POPOVER,
                      GtkPopover)

/* Choosing a row activates win.choose-speaker with the speaker's index. */
GtkWidget *hark_speakers_popover_new (void);
/* @transcript may be NULL. */
void hark_speakers_popover_set_transcript (HarkSpeakersPopover *self, HarkTranscript *transcript);
void hark_speakers_popover_set_chosen (HarkSpeakersPopover *self, int speaker);

G_END_DECLS
