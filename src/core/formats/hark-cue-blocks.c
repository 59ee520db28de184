/* hark-cue-blocks.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-cue-blocks.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-seconds.h"
#include "text/hark-text-utils.h"
#include "util/hark-time.h"

void
hark_lines_init (HarkLines *lines, const char *text)
{
  lines->window = g_array_new (FALSE, FALSE, sizeof (HarkLine));
  lines->base = 0;
  lines->done = FALSE;
  hark_line_reader_init (&lines->reader, text);
}

void
hark_lines_clear (HarkLines *lines)
{
  g_clear_pointer (&lines->window, g_array_unref);
}

const HarkLine *
hark_lines_get (HarkLines *lines, guint index)
{
  g_return_val_if_fail (index >= lines->base, NULL);

  while (index - lines->base >= lines->window->len)
    {
      HarkLine line;

      if (lines->done || !hark_line_reader_next (&lines->reader))
        {
          lines->done = TRUE;
          return NULL;
        }
      line = (HarkLine){ lines->reader.line, lines->reader.length, lines->reader.number };
      g_array_append_val (lines->window, line);
    }
  return &g_array_index (lines->window, HarkLine, index - lines->base);
}

void
hark_lines_release (HarkLines *lines, guint index)
{
  guint drop;

  if (index <= lines->base)
    return;
  drop = MIN (index - lines->base, lines->window->len);
  /* Now and then, and only when most of the window goes: moving what stays costs little. */
  if (drop < 1024 || drop * 2 < lines->window->len)
    return;
  g_array_remove_range (lines->window, 0, drop);
  lines->base += drop;
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

  /* "56.440": seconds alone, as some tools write the times of the first minute. A fraction is
   * required, so a cue's number is never taken for a time. */
  if (!hark_text_scan_seconds (negative ? p + 1 : p,
                               HARK_SECONDS_CLOCK | HARK_SECONDS_NEED_FRACTION | HARK_SECONDS_COMMA,
                               HARK_TIME_MAX_SECONDS, end, seconds))
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
hark_cue_block_read (HarkLines *lines, guint *index, const HarkCueSyntax *syntax,
                     HarkSidecarContext *context, HarkCueBlock *block)
{
  guint i = *index, timing, end_text, column;
  const HarkLine *line = hark_lines_get (lines, i), *next;
  const char *expected;

  if (hark_line_has_arrow (line))
    timing = i;
  else if ((next = hark_lines_get (lines, i + 1)) != NULL && hark_line_has_arrow (next))
    timing = i + 1; /* the line at i is the identifier or cue number */
  else
    {
      line = hark_lines_get (lines, i); /* asking for the next may have moved it */
      hark_text_warn (context->warnings, context->name, line->number, 1,
                      _("Expected a cue timing line such as “%s”; skipped this block."),
                      syntax->timing_example);
      for (i++; (line = hark_lines_get (lines, i)) != NULL
                && !hark_line_is_blank (line, syntax->spaces_are_blank)
                && !hark_line_has_arrow (line);
           i++)
        hark_lines_release (lines, i);
      *index = i;
      return FALSE;
    }

  block->first_text = timing + 1;
  for (end_text = block->first_text;
       (line = hark_lines_get (lines, end_text)) != NULL
       && !hark_line_is_blank (line, syntax->spaces_are_blank) && !hark_line_has_arrow (line);
       end_text++)
    if (end_text - block->first_text == HARK_CUE_MAX_LINES)
      {
        /* What follows reads as a block without a timing line: skipped, with a warning. */
        hark_text_warn (context->warnings, context->name, line->number, 1,
                        _("Expected at most %d lines in one cue; the rest of it is skipped."),
                        HARK_CUE_MAX_LINES);
        break;
      }
  *index = end_text;
  if (line != NULL && hark_line_has_arrow (line))
    {
      /* The next cue started without a blank line; a bare number right before its timing
       * line is that cue's identifier, unless it is all the text this cue has. */
      hark_text_warn (context->warnings, context->name, line->number, 1,
                      _("Expected a blank line before the next cue."));
      if (end_text - block->first_text >= 2
          && line_is_number (hark_lines_get (lines, end_text - 1)))
        end_text--;
    }
  block->n_text = end_text - block->first_text;

  line = hark_lines_get (lines, timing);
  if (!parse_timing (line, syntax->allow_negative, &block->start, &block->end, &column,
                     &expected))
    {
      hark_text_warn (context->warnings, context->name, line->number, column,
                      _("Expected %s; skipped this cue."), expected);
      return FALSE;
    }
  if (block->start < 0 || block->end < 0)
    {
      hark_text_warn (context->warnings, context->name, line->number, 1,
                      _("Expected times from zero on; the part before zero is cut."));
      block->start = MAX (block->start, 0);
      block->end = MAX (block->end, 0);
    }
  if (block->end < block->start)
    {
      hark_text_warn (context->warnings, context->name, line->number, 1,
                      _("Expected the cue to end after it starts; it is kept as an instant."));
      block->end = block->start;
    }
  return TRUE;
}
