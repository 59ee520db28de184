/* hark-merge.h — timed captions without speakers + a speaker-labelled text without times
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge aligns the words of the labelled text with the caption words (hark-align.h) and gives
 * every labelled turn the times of the caption words it covers. A caption word's time is its
 * karaoke time when the captions had word times, otherwise its share of the cue by word position.
 * Cues that span a change of speaker are split there, so every cue has one speaker.
 */
#pragma once

#include <glib.h>

#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

/* Turns whose share of matched words is below this are reported as weak. */
#define HARK_MERGE_WEAK_EVIDENCE 0.5f

typedef struct
{
  const char *speaker; /* display name, as the labelled text spells it */
  const char *text;
} HarkMergeTurn;

typedef struct
{
  guint n_labelled_words; /* words in the speaker-labelled text */
  guint n_timed_words;    /* words in the captions */
  guint n_matched;        /* labelled words that found a caption word */
  double coverage;        /* n_matched / n_labelled_words, 0 when there are no words */
  guint *weak_turns;      /* indices of turns with evidence below HARK_MERGE_WEAK_EVIDENCE */
  guint n_weak_turns;
} HarkMergeReport;

/* Returns a new transcript: one explicit turn per @turns entry (in order, with its text and
 * speaker), the cues of @timed with speakers (split at turn changes), and @timed's chapters, skip
 * segments, media duration and source note. @report may be NULL; clear it with
 * hark_merge_report_clear(). */
HarkTranscript *hark_merge (const HarkTranscript *timed, const HarkMergeTurn *turns, guint n_turns,
                            HarkMergeReport *report);

void hark_merge_report_clear (HarkMergeReport *report);

/* Adds @from's chapters and skip segments to @builder: what a transcript carries besides
 * speech, kept when the speech is rebuilt. */
void hark_merge_copy_chapters_and_segments (HarkTranscriptBuilder *builder,
                                            const HarkTranscript *from);

/* "Michael Kennedy" → "michael-kennedy": the speaker ids Hark writes. */
char *hark_speaker_id_from_name (const char *name);

G_END_DECLS
