/* hark-cue-blocks.h — the block structure WebVTT and SubRip share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both formats are blocks of lines: an optional identifier, a "START --> END" timing line, the
 * cue text, a blank line. Real files drop the blank line, the identifier, or damage the timing
 * line; this finds the cues anyway and says what it had to skip.
 */
#pragma once

#include "formats/hark-sidecar-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char *text; /* not terminated */
  gsize length;
  guint number; /* from 1 */
} HarkLine;

/* The lines of a normalised text (HarkLine), sized once. */
GArray *hark_lines_split (const char *text);
gboolean hark_line_has_arrow (const HarkLine *line);
gboolean hark_line_is_blank (const HarkLine *line, gboolean spaces_are_blank);

typedef struct
{
  gboolean allow_negative;    /* SRT: times before zero are cut, not refused */
  gboolean spaces_are_blank;  /* SRT: a line of spaces ends a cue; in WebVTT it is cue text */
  const char *timing_example; /* "00:00:01.000 --> 00:00:04.000", for messages */
} HarkCueSyntax;

typedef struct
{
  double start;
  double end;       /* >= start */
  guint first_text; /* index of the first text line */
  guint n_text;     /* how many text lines */
} HarkCueBlock;

/* Reads the block starting at the non-blank line @lines[*index] and moves *index past it. TRUE
 * when it was a cue (in @block); FALSE when it was not, after a warning in @context. */
gboolean hark_cue_block_read (const HarkLine *lines, guint n, guint *index,
                              const HarkCueSyntax *syntax, HarkSidecarContext *context,
                              HarkCueBlock *block);

G_END_DECLS
