/* hark-word-cues.h — words with times, grouped into sentence-sized cues
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Word-level Podcasting 2.0 files and speech services give one item per word. A cue per word
 * would make a list no one can read, and one cue per speaker turn a highlight that sits still
 * for minutes: words are grouped into cues that end at a sentence's end, a speaker change or a
 * pause, and each cue keeps its words' times.
 */
#pragma once

#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef struct
{
  double start, end;
  const char *text;
  int speaker; /* a builder speaker index, or -1 */
} HarkTimedWord;

/* Adds @words (@n of them, in time order) to @builder as cues with their word times. */
void hark_word_cues_add (HarkTranscriptBuilder *builder, const HarkTimedWord *words, guint n);

/* Adds the times of @words (@n of them) to the cue added last; punctuation given a word of its
 * own joins its neighbour ("Hi" "," becomes "Hi,"), as in the cues' text. */
void hark_word_cues_add_times (HarkTranscriptBuilder *builder, const HarkTimedWord *words,
                               guint n);

G_END_DECLS
