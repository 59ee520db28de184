/* hark-ad-segmenter.h — deciding where reads are, over the whole episode at once
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three states per sentence: the show itself, a sponsor read, the show's own promotion. Each
 * sentence scores each state from its evidence (a small table of weights); staying in a read
 * costs a little per second, and entering or leaving one costs a fixed penalty. The best path
 * (Viterbi) decides spans as a whole: a read's quiet middle is kept because leaving and coming
 * back costs more than it, and a lone hit in conversation is not worth the entry.
 */
#pragma once

#include "segments/hark-ad-evidence.h"

G_BEGIN_DECLS

typedef enum
{
  HARK_AD_STATE_SHOW,
  HARK_AD_STATE_SPONSOR,
  HARK_AD_STATE_SELF,
  HARK_AD_N_STATES
} HarkAdState;

/* How much one sentence's evidence speaks for @state, its length not counted. */
double hark_ad_sentence_evidence (const HarkAdSentence *sentence, HarkAdState state);

/* How much one sentence's evidence speaks for @state (0 for the show itself), less what its
 * length costs inside a read. */
double hark_ad_sentence_score (const HarkAdSentence *sentence, HarkAdState state);

/* Fills @states (n entries) with the best path over @sentences. */
void hark_ad_segment (const HarkAdSentence *sentences, guint n, HarkAdState *states);

G_END_DECLS
