/* hark-ad-shapes.h — made-up reads, spliced into real conversation
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sponsor finder's window model is fitted on made-up reads (data/ad-training/reads.txt)
 * and checked on others it never saw (tests/segments/spliced-heldback.txt). Both files hold
 * blocks like
 *
 *     [sponsor] a host's story with a spoken domain
 *     host: Every morning I …
 *     host: Go to example dot com slash show.
 *
 * (categories sponsor, selfpromo, outro — housekeeping, never a read — and none: product talk
 * that is conversation), one line a sentence or a cue, "host" and "guest" standing for the
 * conversation's two voices, any other name a voice of its own. A block is spliced into
 * twenty minutes of ep189's conversation (read from the fixtures at run time, never copied).
 */
#pragma once

#include <glib.h>

#include "transcript/hark-transcript.h"

typedef struct
{
  char *name;
  HarkCategory category; /* HARK_CATEGORY_SPONSOR, _SELFPROMO, _OUTRO, or HARK_N_CATEGORIES for none */
  GPtrArray *speakers;   /* char *, one a line */
  GPtrArray *lines;      /* char * */
} HarkAdShape;

/* A cue of the real conversation the shapes are spliced into. */
typedef struct
{
  double start, end;
  char *speaker;
  char *text;
} HarkAdCue;

/* Frees what a HarkAdShape holds (the clear func of the arrays below). */
void hark_ad_shape_clear (gpointer shape);

/* The shapes of @path (HarkAdShape, cleared with the array), or NULL with @error set naming
 * the file and line that is wrong. */
GArray *hark_ad_shapes_load (const char *path, GError **error);

/* ep189's cues between 21:40 and 41:40 (no read in them) from its truth file (HarkAdCue,
 * cleared with the array), or NULL with @error set. */
GArray *hark_ad_conversation_load (const char *truth_path, GError **error);

/* The conversation with @shape's lines spliced in before its cue @at (clamped); the spliced
 * lines' time span in @start/@end. Without @voices no cue says who speaks (as captions). */
HarkTranscript *hark_ad_shape_splice (GArray *conversation, const HarkAdShape *shape, guint at,
                                      gboolean voices, double *start, double *end);
