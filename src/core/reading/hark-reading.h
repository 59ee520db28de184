/* hark-reading.h — the transcript as a listener reads it: turns, with skippable segments in place
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader does not want a sponsor read as a wall of text in the middle of an answer, so the
 * reading order shows each segment as one compact row, splitting the turn it interrupts into a
 * piece before and a piece after. Turn text has no time stamps of its own; where the turn has
 * cues, a time inside it maps to a text offset through the cues' share of the text (the cues and
 * the turn say nearly the same words), otherwise through the turn's share of time. The window
 * shows the rows and the same mapping emphasises the current cue. Immutable once built.
 */
#pragma once

#include <glib.h>

#include "segments/hark-segments.h"
#include "transcript/hark-transcript.h"

G_BEGIN_DECLS

typedef enum
{
  HARK_READING_ROW_TURN,    /* a turn, or the piece of one between segments */
  HARK_READING_ROW_SEGMENT, /* a skippable segment, shown compactly */
  HARK_READING_ROW_CHAPTER, /* a chapter's title, as a heading before the turns it holds */
} HarkReadingRowKind;

typedef enum
{
  HARK_READING_NONE = 0,
  /* Chapter titles (those in the table of contents) as heading rows. A heading sits before the
   * turn its chapter starts in (in its last second: the next turn), takes that turn's start as
   * its own when that keeps rows in time order, and is never the row "at" a time. */
  HARK_READING_CHAPTER_HEADINGS = 1 << 0,
} HarkReadingFlags;

typedef struct
{
  HarkReadingRowKind kind;
  double start;
  double end;
  int turn;           /* the turn this row shows (a piece of); for a segment, the turn it
                       * interrupts, or -1; for a chapter heading -1 */
  int segment;        /* index into the entries given to hark_reading_new(), or -1 */
  int speaker;        /* the turn's speaker, or -1 */
  gboolean continued; /* a turn piece that does not begin at the turn's start */
  const char *text;   /* this row's share of the turn text (a segment: what it says; a chapter
                       * heading: its title) */
  int chapter;        /* a chapter heading: its index in hark_transcript_get_chapters(), or -1 */
  gsize text_offset;  /* where text starts inside the turn's text */
} HarkReadingRow;

typedef struct _HarkReading HarkReading;

/* @entries: the segments to show in place (those with action OFF are left out); may be NULL. */
HarkReading *hark_reading_new (HarkTranscript *transcript, const HarkSegmentEntry *entries,
                               guint n_entries);
HarkReading *hark_reading_new_full (HarkTranscript *transcript, const HarkSegmentEntry *entries,
                                    guint n_entries, HarkReadingFlags flags);
HarkReading *hark_reading_ref (HarkReading *self);
void hark_reading_unref (HarkReading *self);

HarkTranscript *hark_reading_get_transcript (HarkReading *self);
const HarkReadingRow *hark_reading_get_rows (HarkReading *self, guint *n_rows);
const HarkSegmentEntry *hark_reading_get_segment (HarkReading *self, int segment);

/* The row holding @time: the segment row while inside a shown segment, otherwise the piece of
 * the turn being spoken (hark_transcript_turn_at()). -1 before the first turn. O(log n). */
int hark_reading_row_at (HarkReading *self, double time);
/* The first row showing @turn, or -1. */
int hark_reading_row_of_turn (HarkReading *self, int turn);

/* Byte offset in the text of @turn that is being spoken at @time (at a word boundary). */
gsize hark_reading_turn_offset_at (HarkReading *self, int turn, double time);
/* The byte range of @row's text spoken during the cue @cue: FALSE when the cue is not in it. */
gboolean hark_reading_row_cue_range (HarkReading *self, guint row, int cue, gsize *start,
                                     gsize *end);

/* Rows whose text holds @query (case- and accent-insensitive, whole query as typed), in order,
 * with the first match's byte range inside the row text. Empty for an empty query. */
typedef struct
{
  guint row;
  gsize start;
  gsize end;
} HarkReadingMatch;

GArray *hark_reading_search (HarkReading *self, const char *query);
/* The byte ranges of every match of @query inside @text (pairs of gsize). */
GArray *hark_reading_find_all (const char *text, const char *query);

/* The row as a Markdown quote: "> text\n>\n> — **Speaker**, [12:34]". */
char *hark_reading_row_to_markdown (HarkReading *self, guint row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkReading, hark_reading_unref)

G_END_DECLS
