/* hark-resync.h — a timed transcript made for another cut, moved onto this audio
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The transcript's words (at their cue's pace, or their own times when it has them) are aligned
 * with the recognized words; the pairs give a piecewise time map (hark-time-map.h), and every
 * cue, word, turn, chapter and skip is moved by it. A cue keeps the offset its own recognized
 * words agree on when they do, which puts cues next to an edit on the right side of it; cues in
 * a stretch the audio no longer has are dropped. The result says it is for this audio (its media
 * duration is the audio's), so its skips apply again.
 */
#pragma once

#include "speech/hark-speech.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean duration_mismatch; /* the transcript said it was made for media of another length */
  guint n_matched;            /* transcript words paired with recognized words */
  guint n_pieces;             /* stretches with their own offset (1 when nothing moved apart) */
  guint n_removed_cues;       /* cues whose speech the audio no longer has */
} HarkResyncReport;

/* TRUE when @t says it was made for media whose length differs from @audio_duration by more
 * than a second: a transcript for another cut. */
gboolean hark_resync_is_needed (const HarkTranscript *t, double audio_duration);

/* A new transcript moved onto @speech's audio. With too few words to pair, @t's times are kept
 * (n_pieces is 0). */
HarkTranscript *hark_resync (HarkSpeech *speech, const HarkTranscript *t, HarkResyncReport *report);

G_END_DECLS
