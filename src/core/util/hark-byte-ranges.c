/* hark-byte-ranges.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sorted array of disjoint, non-touching ranges: a download holds a handful (one per seek),
 * so a linear scan is all lookups need.
 */
#include "util/hark-byte-ranges.h"

#include <string.h>

#include "util/hark-error.h"
#include "util/hark-i18n.h"

/* Larger than any file a podcast serves, small enough that sums never overflow. */
#define MAX_TOTAL (G_GUINT64_CONSTANT (1) << 50)

typedef struct
{
  guint64 start, end;
} Range;

struct _HarkByteRanges
{
  GArray *ranges; /* of Range, sorted, disjoint, never touching, never empty */
};

HarkByteRanges *
hark_byte_ranges_new (void)
{
  HarkByteRanges *self = g_new0 (HarkByteRanges, 1);

  self->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  return self;
}

HarkByteRanges *
hark_byte_ranges_copy (const HarkByteRanges *self)
{
  HarkByteRanges *copy = hark_byte_ranges_new ();

  g_array_append_vals (copy->ranges, self->ranges->data, self->ranges->len);
  return copy;
}

void
hark_byte_ranges_free (HarkByteRanges *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->ranges);
  g_free (self);
}

void
hark_byte_ranges_clear (HarkByteRanges *self)
{
  g_array_set_size (self->ranges, 0);
}

void
hark_byte_ranges_add (HarkByteRanges *self, guint64 start, guint64 end)
{
  guint first, last;
  Range merged = { start, end };

  if (start >= end)
    return;
  /* The ranges that touch or overlap [start, end) are first .. last-1. */
  for (first = 0; first < self->ranges->len; first++)
    if (g_array_index (self->ranges, Range, first).end >= start)
      break;
  for (last = first; last < self->ranges->len; last++)
    {
      Range *r = &g_array_index (self->ranges, Range, last);

      if (r->start > end)
        break;
      merged.start = MIN (merged.start, r->start);
      merged.end = MAX (merged.end, r->end);
    }
  if (last > first)
    g_array_remove_range (self->ranges, first, last - first);
  g_array_insert_val (self->ranges, first, merged);
}

guint64
hark_byte_ranges_end_of (const HarkByteRanges *self, guint64 offset)
{
  for (guint i = 0; i < self->ranges->len; i++)
    {
      const Range *r = &g_array_index (self->ranges, Range, i);

      if (r->start > offset)
        break;
      if (offset < r->end)
        return r->end;
    }
  return offset;
}

gboolean
hark_byte_ranges_contains (const HarkByteRanges *self, guint64 start, guint64 end)
{
  return start >= end || hark_byte_ranges_end_of (self, start) >= end;
}

guint64
hark_byte_ranges_next_start (const HarkByteRanges *self, guint64 offset)
{
  for (guint i = 0; i < self->ranges->len; i++)
    {
      const Range *r = &g_array_index (self->ranges, Range, i);

      if (r->start > offset)
        return r->start;
    }
  return G_MAXUINT64;
}

guint64
hark_byte_ranges_first_hole (const HarkByteRanges *self)
{
  return hark_byte_ranges_end_of (self, 0);
}

guint64
hark_byte_ranges_get_held (const HarkByteRanges *self)
{
  guint64 held = 0;

  for (guint i = 0; i < self->ranges->len; i++)
    {
      const Range *r = &g_array_index (self->ranges, Range, i);
      held += r->end - r->start;
    }
  return held;
}

guint
hark_byte_ranges_get_count (const HarkByteRanges *self)
{
  return self->ranges->len;
}

void
hark_byte_ranges_get (const HarkByteRanges *self, guint index, guint64 *start, guint64 *end)
{
  const Range *r;

  g_return_if_fail (index < self->ranges->len);
  r = &g_array_index (self->ranges, Range, index);
  *start = r->start;
  *end = r->end;
}

char *
hark_byte_ranges_to_text (const HarkByteRanges *self, guint64 total)
{
  GString *text = g_string_new ("hark-ranges 1\n");

  g_string_append_printf (text, "total %" G_GUINT64_FORMAT "\n", total);
  for (guint i = 0; i < self->ranges->len; i++)
    {
      const Range *r = &g_array_index (self->ranges, Range, i);
      g_string_append_printf (text, "%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT "\n", r->start,
                              r->end);
    }
  return g_string_free (text, FALSE);
}

/* A decimal number of at most 16 digits (below 2^53) at *@p, moving past it. */
static gboolean
parse_number (const char **p, const char *end, guint64 *value)
{
  guint digits = 0;

  *value = 0;
  while (*p < end && g_ascii_isdigit (**p) && digits < 16)
    {
      *value = *value * 10 + (guint64) (**p - '0');
      (*p)++;
      digits++;
    }
  return digits > 0 && !(*p < end && g_ascii_isdigit (**p));
}

HarkByteRanges *
hark_byte_ranges_parse (const char *text, gsize length, const char *name, guint64 *total,
                        GError **error)
{
  g_autoptr (HarkByteRanges) self = hark_byte_ranges_new ();
  const char *p = text, *end = text + length;
  guint line = 0;
  guint64 previous_end = 0;

  if (length > HARK_BYTE_RANGES_MAX_TEXT)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE,
                   _("%s: the map of downloaded ranges is larger than %u KB"), name,
                   HARK_BYTE_RANGES_MAX_TEXT / 1024);
      return NULL;
    }
  *total = 0;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *q = p;
      guint64 a = 0, b = 0;
      gboolean ok;

      if (eol == NULL)
        eol = end;
      line++;
      if (line == 1)
        ok = (gsize) (eol - p) == strlen ("hark-ranges 1") && memcmp (p, "hark-ranges 1", 13) == 0;
      else if (line == 2)
        {
          ok = (gsize) (eol - p) > 6 && memcmp (p, "total ", 6) == 0;
          q = p + 6;
          ok = ok && parse_number (&q, eol, total) && q == eol && *total > 0
               && *total <= MAX_TOTAL;
        }
      else
        {
          ok = parse_number (&q, eol, &a) && q < eol && *q == '-';
          if (ok)
            q++;
          ok = ok && parse_number (&q, eol, &b) && q == eol && a < b && b <= *total
               && (line == 3 || a > previous_end)
               && hark_byte_ranges_get_count (self) < HARK_BYTE_RANGES_MAX;
          previous_end = b;
        }
      if (!ok)
        {
          g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE,
                       line == 1   ? _("%s:%u: expected “hark-ranges 1”")
                       : line == 2 ? _("%s:%u: expected “total” and the file’s size in bytes")
                                   : _("%s:%u: expected START-END, in order, apart from the "
                                       "range before and within the file’s size"),
                       name, line);
          return NULL;
        }
      if (line >= 3)
        hark_byte_ranges_add (self, a, b);
      p = eol < end ? eol + 1 : end;
    }
  if (line < 2)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE,
                   _("%s: the map of downloaded ranges has no header"), name);
      return NULL;
    }
  return g_steal_pointer (&self);
}
