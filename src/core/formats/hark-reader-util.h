/* hark-reader-util.h — what the sidecar readers share with each other
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Readers depend on this and hark-sidecar.c depends on the readers, never the other way, so a
 * reader can be built, fuzzed and tested without the dispatcher.
 */
#pragma once

#include "formats/hark-sidecar.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;     /* for messages */
  GPtrArray *warnings;  /* char *, may be NULL */
  HarkSidecarKind kind; /* readers add what they found */
} HarkSidecarContext;

/* When one cue holds several speakers, each part gets a share of the cue's time in proportion
 * to its text: @before characters come before the part, which has @length of @total. */
void hark_sidecar_split_time (double start, double end, gsize before, gsize length, gsize total,
                              double *part_start, double *part_end);

/* @p past any spaces and tabs (the line readers' one notion of a blank). */
static inline const char *
hark_reader_skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* What the readers' own item structs start with. */
typedef struct
{
  double start;
  double end; /* < 0: missing */
} HarkTimedItem;

/* For @n items sorted by start, each @stride bytes apart: a missing end (< 0) becomes the start
 * of the next item that starts later, or the item's own start for the last ones. */
void hark_sidecar_fill_missing_ends (HarkTimedItem *items, guint n, gsize stride);

/* The number of the line that closes a YAML front matter block ("---" lines around it) at the
 * start of @text, or 0 when there is none: a page's metadata, never speech. */
guint hark_reader_front_matter_lines (const char *text);

/* The pace of speech in characters a second that @chars spoken over @seconds give, or a usual
 * pace when they say nothing plausible (too few, too far apart): what a cue with no end of its
 * own is given to say its words. */
double hark_reader_speech_rate (gsize chars, double seconds);

/* The lines of a header block at the start of an untimed transcript, past @skip lines (front
 * matter, a page's title): "Topic: …", "Date: …", "Location: …" over the first turn. It is two
 * or more "Key: value" lines (in one paragraph or in their own) with short values that do not
 * end as sentences, whose keys never label a line below; something follows it. The number of
 * its last line, or @skip when there is none. */
guint hark_reader_header_lines (const char *text, guint skip);

G_END_DECLS
