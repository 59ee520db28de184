/* hark-sponsor-detector.h — finding sponsor reads and self-promotion in transcript text
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are about how reads are worded ("this episode is brought to you by", promo URLs,
 * "promo code", money offers), never about one show or one sponsor.
 */
#pragma once

#include <glib.h>

#include "segments/hark-show-context.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef struct
{
  double start;
  double end;
  HarkCategory category; /* HARK_CATEGORY_SPONSOR or HARK_CATEGORY_SELFPROMO */
  char *started_by;      /* the evidence that opened it, a human sentence */
  char *carried_by;      /* what kept the read going ("promo URL “x.com/y”, offer “$5”") */
  char *ended_by;        /* why it stopped where it did */
  /* Where its first sentence starts and its last ends, before the edges went to the cues'
   * edges around them: a neighbouring read of another kind may begin in the same cue. */
  double said_start;
  double said_end;
} HarkDetection;

/* Returns HarkDetection entries sorted by start (free with g_array_unref). Works on the cues,
 * or on the turns when the transcript has no cues. */
GArray *hark_sponsor_detect (const HarkTranscript *transcript);
/* The same, knowing who the show is (@context may be NULL): a read for the show's own site or
 * name is its promotion, one for a site that is not the show's a sponsor's. What the episode
 * itself says of the show ("welcome to X", "our website x.com") is always listened to. */
GArray *hark_sponsor_detect_with_context (const HarkTranscript *transcript,
                                          const HarkShowContext *context);

/* The transcript's sentences (HarkAdSentence, from segments/hark-ad-evidence.h) with their
 * evidence, as the finder sees them: for tools/hark-ad-fit. Their text points into *@doc
 * (set; free it after them). */
GArray *hark_sponsor_sentences (const HarkTranscript *transcript, GString **doc);

/* Frees the strings of a HarkDetection (a GArray clear func). */
void hark_detection_clear (gpointer detection);

/* "started_by; carried_by; ended_by" in one sentence for HarkSegment.evidence. */
char *hark_detection_describe (const HarkDetection *detection);

G_END_DECLS
