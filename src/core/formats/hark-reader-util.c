/* hark-reader-util.c — what the sidecar readers share with each other
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-reader-util.h"

#include <math.h>
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

/* About 2.7 words a second. */
#define DEFAULT_CHARS_PER_SECOND 15.0

double
hark_reader_speech_rate (gsize chars, double seconds)
{
  double rate;

  if (!(seconds > 0) || !isfinite (seconds))
    return DEFAULT_CHARS_PER_SECOND;
  rate = (double) chars / seconds;
  /* Times far apart with little text between them say nothing about the pace. */
  return rate >= 5 && rate <= 40 ? rate : DEFAULT_CHARS_PER_SECOND;
}

/* A header is a few lines, and its values are short: a title, a date, a place, names. */
#define MAX_HEADER_LINES 12
#define MAX_HEADER_KEY 32
#define MAX_HEADER_VALUE 120
#define MAX_HEADER_WORDS 12
/* How far below the header a key is looked for as a speaker's label. */
#define MAX_SCANNED_LINES 20000

/* "Topic: value" or "**Topic:** value" at @line: the key's bounds, past any bold. */
static gboolean
split_header_line (const char *line, gsize length, const char **key, gsize *key_length)
{
  const char *end = line + length, *p = line, *colon, *value;
  guint words = 1;

  p = hark_reader_skip_blanks (p);
  if (end - p > 2 && (strncmp (p, "**", 2) == 0 || strncmp (p, "__", 2) == 0))
    p += 2;
  colon = memchr (p, ':', (gsize) (end - p));
  if (colon == NULL || colon == p || colon - p > MAX_HEADER_KEY)
    return FALSE;
  if (!g_unichar_isalpha (g_utf8_get_char_validated (p, colon - p)))
    return FALSE;
  for (const char *q = p; q < colon; q++)
    {
      if (*q == ' ')
        words++;
      else if (strchr ("[]()<>*_/\\|\"", *q) != NULL || g_ascii_isdigit (*q))
        return FALSE;
    }
  if (words > 3)
    return FALSE;
  value = colon + 1;
  if (end - value >= 2 && (strncmp (value, "**", 2) == 0 || strncmp (value, "__", 2) == 0))
    value += 2;
  if (value < end && *value != ' ' && *value != '\t')
    return FALSE;
  value = hark_reader_skip_blanks (value);
  while (end > value && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (value >= end || end - value > MAX_HEADER_VALUE)
    return FALSE;
  words = 1;
  for (const char *q = value; q < end; q++)
    words += *q == ' ';
  /* A value is a few words, not a sentence: one that ends like a sentence is someone's turn. */
  if (words > MAX_HEADER_WORDS || strchr (".!?", end[-1]) != NULL)
    return FALSE;
  *key = p;
  *key_length = (gsize) (colon - p);
  return TRUE;
}

guint
hark_reader_header_lines (const char *text, guint skip)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  HarkLineReader reader;
  guint last = 0, scanned = 0;
  gboolean below = FALSE;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      const char *key;
      gsize key_length;

      if (reader.number <= skip || hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      /* A page's title may come first ("# Episode 12"). */
      if (keys->len == 0 && reader.line[0] == '#')
        continue;
      if (keys->len == MAX_HEADER_LINES
          || !split_header_line (reader.line, reader.length, &key, &key_length))
        {
          below = TRUE;
          break;
        }
      g_ptr_array_add (keys, g_strndup (key, key_length));
      last = reader.number;
    }
  /* One such line may be someone's turn; the header is followed by what it heads. */
  if (keys->len < 2 || !below)
    return skip;
  /* Below it, no label is one of its keys. */
  do
    {
      g_autofree char *line = NULL;
      g_autofree char *label = NULL;
      const char *p;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strndup (reader.line, reader.length);
      p = hark_reader_skip_blanks (line);
      if (g_str_has_prefix (p, "**") || g_str_has_prefix (p, "__"))
        {
          const char *close = strstr (p + 2, p[0] == '*' ? "**" : "__");

          /* "**Kim:** words" as "Kim: words" */
          if (close != NULL)
            {
              GString *joined = g_string_new_len (p + 2, close - p - 2);

              g_string_append (joined, close + 2);
              g_free (line);
              line = g_string_free (joined, FALSE);
              p = line;
            }
        }
      if (!hark_text_split_speaker (p, &label, NULL))
        continue;
      for (guint i = 0; i < keys->len; i++)
        if (strcmp (keys->pdata[i], label) == 0)
          return skip;
    }
  while (hark_line_reader_next (&reader) && scanned++ < MAX_SCANNED_LINES);
  return last;
}
