/* hark-reader-util.c — what the sidecar readers share with each other
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-reader-util.h"

#include <string.h>

#include "text/hark-text-utils.h"

void
hark_sidecar_split_time (double start, double end, gsize before, gsize length, gsize total,
                         double *part_start, double *part_end)
{
  if (total == 0)
    {
      *part_start = start;
      *part_end = end;
      return;
    }
  *part_start = start + (end - start) * (double) before / (double) total;
  *part_end = start + (end - start) * (double) (before + length) / (double) total;
}

void
hark_sidecar_fill_missing_ends (HarkTimedItem *items, guint n, gsize stride)
{
  double next_later_start = -1;
  double next_start = -1;

  /* Walking backwards keeps this linear even when many items share a start. */
  for (guint i = n; i > 0; i--)
    {
      HarkTimedItem *item
          = (HarkTimedItem *) (gpointer) ((char *) items + (gsize) (i - 1) * stride);

      if (next_start >= 0 && next_start > item->start)
        next_later_start = next_start;
      if (item->end < 0)
        item->end = next_later_start > item->start ? next_later_start : item->start;
      next_start = item->start;
    }
}

/* Longer than any page's metadata: a "---" that far down is a rule, not its end. */
#define MAX_FRONT_MATTER_LINES 500

guint
hark_reader_front_matter_lines (const char *text)
{
  HarkLineReader reader;
  guint n = 0;

  hark_line_reader_init (&reader, text);
  if (!hark_line_reader_next (&reader) || reader.length < 3 || strncmp (reader.line, "---", 3) != 0
      || !hark_text_line_is_blank (reader.line + 3, reader.length - 3, TRUE))
    return 0;
  while (hark_line_reader_next (&reader) && ++n < MAX_FRONT_MATTER_LINES)
    if (reader.length >= 3 && strncmp (reader.line, "---", 3) == 0
        && hark_text_line_is_blank (reader.line + 3, reader.length - 3, TRUE))
      return reader.number;
  return 0;
}
