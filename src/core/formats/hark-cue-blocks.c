/* hark-cue-blocks.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-cue-blocks.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

GArray *
hark_lines_split (const char *text)
{
  GArray *lines;
  HarkLineReader reader;
  guint n = 1;

  /* Sized up front: growing by doubling copied the array over and over on long files. */
  for (const char *p = strchr (text, '\n'); p; p = strchr (p + 1, '\n'))
    n++;
  lines = g_array_sized_new (FALSE, FALSE, sizeof (HarkLine), n);
  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      HarkLine line = { reader.line, reader.length, reader.number };

      g_array_append_val (lines, line);
    }
  return lines;
}

gboolean
hark_line_has_arrow (const HarkLine *line)
{
  return g_strstr_len (line->text, (gssize) line->length, "-->") != NULL;
}

gboolean
hark_line_is_blank (const HarkLine *line, gboolean spaces_are_blank)
{
  return hark_text_line_is_blank (line->text, line->length, spaces_are_blank);
}

/* A whole line of digits: a cue number (SRT) or a numeric identifier (WebVTT). */
static gboolean
line_is_number (const HarkLine *line)
{
  gsize i = 0;

  while (i < line->length && g_ascii_isdigit (line->text[i]))
    i++;
  while (i < line->length && (line->text[i] == ' ' || line->text[i] == '\t'))
    i++;
  return i == line->length && line->length > 0 && g_ascii_isdigit (line->text[0]);
}

/* A time, with a minus sign when @allow_negative; negative times come back below zero. */
static gboolean
scan_time (const char *p, gboolean allow_negative, const char **end, double *seconds)
{
  gboolean negative = allow_negative && *p == '-';

  if (!hark_text_scan_time (negative ? p + 1 : p, end, seconds))
    return FALSE;
  if (negative)
    *seconds = -*seconds;
  return TRUE;
}

/* Parses "START --> END [settings]". On failure sets @column to where it went wrong and
 * @expected to what should have been there. */
static gboolean
parse_timing (const HarkLine *line, gboolean allow_negative, double *start, double *end,
              guint *column, const char **expected)
{
  g_autofree char *copy = g_strndup (line->text, line->length);
  const char *p = copy;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!scan_time (p, allow_negative, &p, start))
    {
      *expected = "a start time such as “00:01:02.500”";
      goto fail;
    }
  while (*p == ' ' || *p == '\t')
    p++;
  if (strncmp (p, "-->", 3) != 0)
    {
      *expected = "“-->” after the start time";
      goto fail;
    }
  p += 3;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!scan_time (p, allow_negative, &p, end))
    {
      *expected = "an end time such as “00:01:04.000” after “-->”";
      goto fail;
    }
  if (*p != '\0' && *p != ' ' && *p != '\t')
    {
      *expected = "a space before the cue settings";
      goto fail;
    }
  return TRUE;

fail:
  *column = hark_text_column (copy, p);
  return FALSE;
}

gboolean
hark_cue_block_read (const HarkLine *lines, guint n, guint *index, const HarkCueSyntax *syntax,
                     HarkSidecarContext *context, HarkCueBlock *block)
{
  guint i = *index, timing, end_text, column;
  const char *expected;

  if (hark_line_has_arrow (&lines[i]))
    timing = i;
  else if (i + 1 < n && hark_line_has_arrow (&lines[i + 1]))
    timing = i + 1; /* lines[i] is the identifier or cue number */
  else
    {
      hark_text_warn (context->warnings, context->name, lines[i].number, 1,
                      _("Expected a cue timing line such as “%s”; skipped this block."),
                      syntax->timing_example);
      for (i++; i < n && !hark_line_is_blank (&lines[i], syntax->spaces_are_blank)
                && !hark_line_has_arrow (&lines[i]);
           i++)
        ;
      *index = i;
      return FALSE;
    }

  block->first_text = timing + 1;
  for (end_text = block->first_text;
       end_text < n && !hark_line_is_blank (&lines[end_text], syntax->spaces_are_blank)
       && !hark_line_has_arrow (&lines[end_text]);
       end_text++)
    ;
  *index = end_text;
  if (end_text < n && hark_line_has_arrow (&lines[end_text]))
    {
      /* The next cue started without a blank line; a bare number right before its timing
       * line is that cue's identifier, unless it is all the text this cue has. */
      hark_text_warn (context->warnings, context->name, lines[end_text].number, 1,
                      _("Expected a blank line before the next cue."));
      if (end_text - block->first_text >= 2 && line_is_number (&lines[end_text - 1]))
        end_text--;
    }
  block->n_text = end_text - block->first_text;

  if (!parse_timing (&lines[timing], syntax->allow_negative, &block->start, &block->end, &column,
                     &expected))
    {
      hark_text_warn (context->warnings, context->name, lines[timing].number, column,
                      _("Expected %s; skipped this cue."), expected);
      return FALSE;
    }
  if (block->start < 0 || block->end < 0)
    {
      hark_text_warn (context->warnings, context->name, lines[timing].number, 1,
                      _("Expected times from zero on; the part before zero is cut."));
      block->start = MAX (block->start, 0);
      block->end = MAX (block->end, 0);
    }
  if (block->end < block->start)
    {
      hark_text_warn (context->warnings, context->name, lines[timing].number, 1,
                      _("Expected the cue to end after it starts; it is kept as an instant."));
      block->end = block->start;
    }
  return TRUE;
}
