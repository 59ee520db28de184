/* hark-segments.h — skippable segments (sponsor reads and the like) and what to do with them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "segments/hark-show-context.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef enum
{
  HARK_SKIP_ACTION_SKIP, /* jump over it automatically, with an Unskip offer */
  HARK_SKIP_ACTION_ASK,  /* offer a Skip button while inside it */
  HARK_SKIP_ACTION_MARK, /* only show it */
  HARK_SKIP_ACTION_OFF,  /* ignore it */
} HarkSkipAction;

const char *hark_skip_action_to_string (HarkSkipAction action);
gboolean hark_skip_action_from_string (const char *name, HarkSkipAction *action);

/* What to do per category. Defaults: sponsor → skip, selfpromo → ask, intro/outro/interaction
 * → mark, the rest → mark. */
typedef struct
{
  HarkSkipAction actions[HARK_N_CATEGORIES];
} HarkSkipPolicy;

void hark_skip_policy_init_default (HarkSkipPolicy *policy);
/* "sponsor=skip" → sets one category; FALSE with @error for anything else. */
gboolean hark_skip_policy_parse_override (HarkSkipPolicy *policy, const char *text,
                                          GError **error);

typedef struct
{
  HarkSegment segment;   /* strings owned by the list */
  HarkSkipAction action; /* after the policy (and the duration check) */
} HarkSegmentEntry;

typedef struct _HarkSegmentList HarkSegmentList;

/* Segments from the sidecars first (hark.json skips, ad chapters, SponsorBlock), detected from
 * the transcript text only when no sidecar marks any. @media_duration_mismatch: the sidecar was
 * made for another cut, so nothing is skipped automatically (SKIP becomes MARK). */
HarkSegmentList *hark_segment_list_collect (HarkTranscript *transcript, const HarkSkipPolicy *policy,
                                            gboolean media_duration_mismatch);
/* The same, the finder knowing who the show is (@show may be NULL): see hark-show-context.h. */
HarkSegmentList *hark_segment_list_collect_for_show (HarkTranscript *transcript,
                                                     const HarkShowContext *show,
                                                     const HarkSkipPolicy *policy,
                                                     gboolean media_duration_mismatch);
void hark_segment_list_free (HarkSegmentList *self);
const HarkSegmentEntry *hark_segment_list_get (const HarkSegmentList *self, guint *n_entries);

/* Total seconds of the entries whose action is SKIP (overlaps counted once). */
double hark_segment_list_get_skip_total (const HarkSegmentList *self);

/* The player's skip ranges (HarkSkipRange) for the entries whose action is SKIP: overlapping
 * and touching entries chained into one range (a jump landing inside the next range would
 * otherwise play its start), each range's id the index of its first entry. */
GArray *hark_segment_list_get_skip_ranges (const HarkSegmentList *self);
/* Where the entries came from: "sidecar" (hark.json, SponsorBlock), "chapters", "detected", or
 * "none" when there are no entries. */
const char *hark_segment_list_get_origin (const HarkSegmentList *self);
/* TRUE when a mismatched sidecar turned automatic skips into marks. */
gboolean hark_segment_list_skipping_disabled (const HarkSegmentList *self);

/* TRUE when a chapter title says the chapter is an ad ("Sponsor", "Ad break",
 * "Sponsored by …"). */
gboolean hark_chapter_title_is_ad (const char *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkSegmentList, hark_segment_list_free)

G_END_DECLS
