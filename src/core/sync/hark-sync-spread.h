/* hark-sync-spread.h — times for words the recognizer did not confirm
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between two anchored words lie words the recognizer missed or misheard. They are spoken in
 * that gap, at a pace that follows their length in characters, and never during a pause the
 * audio shows: the gap is spread over its sounding parts only. A word right after a pause
 * therefore starts where the sound starts again, which is where turns and sentences begin.
 */
#pragma once

#include "speech/hark-speech.h"

G_BEGIN_DECLS

typedef struct
{
  double start;
  double end;
  guint weight; /* characters + 1 */
} HarkSpreadWord;

/* Gives @words (spoken in order within [@from, @to]) times, skipping the pauses in @pauses
 * (sorted, as hark_speech_get_pauses() returns them). */
void hark_sync_spread (HarkSpreadWord *words, guint n_words, double from, double to,
                       const HarkSpeechPause *pauses, guint n_pauses);

/* Where a turn estimated to start at @estimate most likely begins: the end of the pause nearest
 * to @estimate (0 when the estimate falls inside it) among those ending in [@lo, @hi] and at
 * most @max_distance away, or @estimate when there is none. */
double hark_sync_snap_to_onset (double estimate, double lo, double hi, double max_distance,
                                const HarkSpeechPause *pauses, guint n_pauses);

G_END_DECLS
