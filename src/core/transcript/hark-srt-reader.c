/* hark-srt-reader.c — SubRip captions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SRT has no spec, only habits: index lines that are missing or wrong, '.' for ',', times
 * before zero from a bad re-timing, <font> and {\an8} markup. Speakers are written into the
 * text: "NAME:", ">> NAME:", or "- " at the start of each line when two people share a cue.
 */
#include "hark-sidecar-private.h"

#include <string.h>

#include "hark-text-utils.h"

typedef struct
{
  const char *text;
  gsize length;
  guint number;
} Line;

/* One speaker's part of a cue. */
typedef struct
{
  char *speaker; /* NULL: not named */
  GString *text;
} Part;

static void
part_clear (Part *part)
{
  g_free (part->speaker);
  g_string_free (part->text, TRUE);
}

static gboolean
line_has_arrow (const Line *line)
{
  return g_strstr_len (line->text, (gssize) line->length, "-->") != NULL;
}

static gboolean
is_number (const Line *line)
{
  gsize i = 0;

  while (i < line->length && g_ascii_isdigit (line->text[i]))
    i++;
  while (i < line->length && g_ascii_isspace (line->text[i]))
    i++;
  return i == line->length && line->length > 0 && g_ascii_isdigit (line->text[0]);
}

/* A time with an optional minus sign; negative times come back below zero. */
static gboolean
scan_signed_time (const char *p, const char **end, double *seconds)
{
  gboolean negative = *p == '-';

  if (!hark_text_scan_time (negative ? p + 1 : p, end, seconds))
    return FALSE;
  if (negative)
    *seconds = -*seconds;
  return TRUE;
}

static gboolean
parse_timing (const Line *line, double *start, double *end, guint *bad_column,
              const char **expected)
{
  g_autofree char *copy = g_strndup (line->text, line->length);
  const char *p = copy;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!scan_signed_time (p, &p, start))
    {
      *expected = "a start time such as “00:01:02,500”";
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
  if (!scan_signed_time (p, &p, end))
    {
      *expected = "an end time such as “00:01:04,000” after “-->”";
      goto fail;
    }
  return TRUE;

fail:
  *bad_column = hark_text_column (copy, p);
  return FALSE;
}

/* Removes HTML-like tags and ASS override blocks ("{\an8}"), decodes references. */
static char *
plain_line (const Line *line)
{
  g_autofree char *copy = g_strndup (line->text, line->length);
  g_autoptr (GString) without_overrides = g_string_new (NULL);

  for (const char *p = copy; *p;)
    {
      const char *close;

      if (p[0] == '{' && p[1] == '\\' && (close = strchr (p, '}')))
        {
          p = close + 1;
          continue;
        }
      g_string_append_c (without_overrides, *p++);
    }
  return hark_text_strip_markup (without_overrides->str);
}

static Part *
start_part (GArray *parts, char *speaker)
{
  Part part = { speaker, g_string_new (NULL) };

  g_array_append_val (parts, part);
  return &g_array_index (parts, Part, parts->len - 1);
}

/* Splits a cue's lines at speaker changes. */
static GArray *
split_parts (const Line *lines, guint n)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (Part));
  Part *part = NULL;

  g_array_set_clear_func (parts, (GDestroyNotify) part_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *plain = plain_line (&lines[i]);
      const char *p = plain;
      gboolean change = FALSE;
      char *speaker = NULL;
      const char *rest;

      while (*p == ' ' || *p == '\t')
        p++;
      /* "- " (or "-Text") opens a new speaker's line; "-5 degrees" does not. */
      if (p[0] == '-' && p[1] != '-' && !g_ascii_isdigit (p[1]))
        {
          change = TRUE;
          p++;
          while (*p == ' ' || *p == '\t')
            p++;
        }
      else if (p[0] == '>' && p[1] == '>')
        change = TRUE;
      if (hark_text_split_speaker (p, &speaker, &rest))
        {
          change = TRUE;
          p = rest;
        }
      else
        while (*p == '>')
          p++;

      if (part == NULL || (change && part->text->len > 0))
        part = start_part (parts, speaker);
      else if (speaker)
        {
          g_free (part->speaker);
          part->speaker = speaker;
        }
      if (part->text->len > 0)
        g_string_append_c (part->text, ' ');
      g_string_append (part->text, p);
    }
  if (parts->len == 0)
    start_part (parts, NULL);
  return parts;
}

static void
add_cue (HarkTranscriptBuilder *builder, HarkSidecarContext *context, double start, double end,
         const Line *lines, guint n)
{
  g_autoptr (GArray) parts = split_parts (lines, n);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gsize total = 0, done = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      char *text = hark_text_collapse_space (g_array_index (parts, Part, i).text->str);

      total += g_utf8_strlen (text, -1);
      g_ptr_array_add (texts, text);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *part = &g_array_index (parts, Part, i);
      const char *text = g_ptr_array_index (texts, i);
      gsize length = g_utf8_strlen (text, -1);
      double part_start = start, part_end = end;
      int speaker = -1;

      if (parts->len > 1)
        hark_sidecar_split_time (start, end, done, length, total, &part_start, &part_end);
      done += length;
      if (part->speaker)
        {
          speaker = hark_transcript_builder_add_speaker (builder, part->speaker, part->speaker);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      hark_transcript_builder_add_cue (builder, part_start, part_end, text, speaker);
    }
}

gboolean
hark_srt_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Line));
  const Line *lines;
  HarkLineReader reader;
  guint n, i = 0, n_cues = 0, first_content = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      Line line = { reader.line, reader.length, reader.number };

      g_array_append_val (all, line);
    }
  lines = (const Line *) (gconstpointer) all->data;
  n = all->len;

  while (i < n)
    {
      guint timing, first_text, end_text, bad_column;
      const char *expected;
      double start, end;

      if (hark_text_line_is_blank (lines[i].text, lines[i].length, TRUE))
        {
          i++;
          continue;
        }
      if (first_content == 0)
        first_content = lines[i].number;

      if (line_has_arrow (&lines[i]))
        timing = i; /* no index line */
      else if (i + 1 < n && line_has_arrow (&lines[i + 1]))
        timing = i + 1;
      else
        {
          hark_text_warn (context->warnings, context->name, lines[i].number, 1,
                          "Expected a cue number and a timing line such as “00:00:01,000 --> "
                          "00:00:04,000”; skipped this block.");
          for (i++; i < n && !hark_text_line_is_blank (lines[i].text, lines[i].length, TRUE)
                    && !line_has_arrow (&lines[i]);
               i++)
            ;
          continue;
        }

      first_text = timing + 1;
      for (end_text = first_text;
           end_text < n
           && !hark_text_line_is_blank (lines[end_text].text, lines[end_text].length, TRUE)
           && !line_has_arrow (&lines[end_text]);
           end_text++)
        ;
      i = end_text;
      if (end_text < n && line_has_arrow (&lines[end_text]))
        {
          /* The next cue follows without a blank line; its number, if any, is the line just
           * before its timing line, unless that number is all the text this cue has. */
          hark_text_warn (context->warnings, context->name, lines[end_text].number, 1,
                          "Expected a blank line before the next cue.");
          if (end_text - first_text >= 2 && is_number (&lines[end_text - 1]))
            {
              end_text--;
              i = end_text;
            }
        }

      if (!parse_timing (&lines[timing], &start, &end, &bad_column, &expected))
        {
          hark_text_warn (context->warnings, context->name, lines[timing].number, bad_column,
                          "Expected %s; skipped this cue.", expected);
          continue;
        }
      if (start < 0 || end < 0)
        {
          hark_text_warn (context->warnings, context->name, lines[timing].number, 1,
                          "Expected times from zero on; the part before zero is cut.");
          start = MAX (start, 0);
          end = MAX (end, 0);
        }
      if (end < start)
        {
          hark_text_warn (context->warnings, context->name, lines[timing].number, 1,
                          "Expected the cue to end after it starts; it is kept as an instant.");
          end = start;
        }
      add_cue (builder, context, start, end, &lines[first_text], end_text - first_text);
      n_cues++;
    }

  if (n_cues == 0 && first_content > 0)
    {
      hark_text_set_parse_error (error, context->name, first_content, 1,
                                 "Expected SubRip cues: a number, then a timing line such as "
                                 "“00:00:01,000 --> 00:00:04,000”, then the text.");
      return FALSE;
    }
  if (n_cues > 0)
    context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
