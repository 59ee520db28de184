/* hark-sync-text.h — times for a transcript that has none, from the audio itself
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of a speaker-labelled text are aligned with the recognized words (hark-align.h):
 * every word the recognizer confirmed takes its time, the words between are spread over the
 * sound between those anchors (hark-sync-spread.h), and a turn whose first word was not
 * confirmed starts where the sound resumes after the nearest pause. Every turn gets a start, an
 * end and a confidence (the share of its words the recognizer confirmed); every sentence becomes
 * a cue with the turn's speaker. The text itself is never changed: only when it was said.
 */
#pragma once

#include "speech/hark-speech.h"
#include "transcript/hark-merge.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

/* Turns whose confidence is below this are reported (and shown) as uncertain. */
#define HARK_SYNC_WEAK_CONFIDENCE 0.3f

typedef struct
{
  guint n_text_words;   /* words in the text */
  guint n_speech_words; /* words recognized in the audio */
  guint n_matched;      /* text words that found a recognized word */
  double coverage;      /* n_matched / n_text_words */
  guint n_weak_turns;   /* turns with confidence below HARK_SYNC_WEAK_CONFIDENCE */
} HarkSyncReport;

/* A new transcript: one turn per @turns entry with its speaker, text, times and confidence (in
 * HarkTurn.evidence), one cue per sentence, the media duration of @speech. */
HarkTranscript *hark_sync_text (HarkSpeech *speech, const HarkMergeTurn *turns, guint n_turns,
                                HarkSyncReport *report);

/* TRUE when @t has turns but no cue and no time: a speaker-labelled text, which
 * hark_sync_transcript() can time. */
gboolean hark_sync_is_untimed (const HarkTranscript *t);
/* hark_sync_text() on the turns of @untimed, each with its speaker's name. */
HarkTranscript *hark_sync_transcript (HarkSpeech *speech, const HarkTranscript *untimed,
                                      HarkSyncReport *report);

G_END_DECLS
