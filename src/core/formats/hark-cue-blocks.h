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
#include "text/hark-text-utils.h"

G_BEGIN_DECLS

typedef struct
{
  const char *text; /* not terminated */
  gsize length;
  guint number; /* from 1 */
} HarkLine;

/* The lines of a normalised text, split as a reader asks for them and forgotten once it has
 * released them: a reader holds the block it is reading, not a line table of the whole file
 * (24 bytes a line: 1.5 GB for 64 MiB of empty lines). */
typedef struct
{
  GArray *window; /* HarkLine: lines base, base + 1, … */
  guint base;
  HarkLineReader reader;
  gboolean done;
} HarkLines;

void hark_lines_init (HarkLines *lines, const char *text);
void hark_lines_clear (HarkLines *lines);
/* Line @index (from 0), or NULL past the last one. Never ask for a released line. The pointer
 * stays valid until a later line is asked for; lines asked for before are contiguous from it. */
const HarkLine *hark_lines_get (HarkLines *lines, guint index);
/* The lines before @index are not needed any more. */
void hark_lines_release (HarkLines *lines, guint index);

/* The most text lines one cue keeps; the rest of a longer one is skipped with a warning. */
#define HARK_CUE_MAX_LINES 1000
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

/* Reads the block starting at the non-blank line *index and moves *index past it. TRUE when it
 * was a cue (in @block: its text lines are hark_lines_get (lines, block->first_text) on);
 * FALSE when it was not, after a warning in @context. */
gboolean hark_cue_block_read (HarkLines *lines, guint *index, const HarkCueSyntax *syntax,
                              HarkSidecarContext *context, HarkCueBlock *block);

G_END_DECLS
