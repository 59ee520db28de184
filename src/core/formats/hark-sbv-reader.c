/* hark-sbv-reader.c — YouTube's SubViewer captions (.sbv)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cue is a "0:00:01.000,0:00:04.000" line, its text lines, and a blank line. Speakers are
 * written into the text as in SubRip (">> NAME:", "NAME:"), so the text goes through the same
 * speaker splitting. A timing line that cannot be read costs its cue only, with a warning.
 */
#include "formats/hark-cue-blocks.h"
#include "formats/hark-cue-speakers.h"
#include "formats/hark-sidecar-private.h"
#include "util/hark-i18n.h"

#include <math.h>
#include <string.h>

#include "text/hark-text-utils.h"

#define MAX_SECONDS (100.0 * 3600.0)
/* The most text lines one cue keeps. */

/* "0:00:01.000,0:00:04.000" (spaces allowed around the comma). */
static gboolean
parse_timing (const char *line, gsize length, double *start, double *end)
{
  g_autofree char *copy = g_strndup (line, length);
  const char *p = hark_reader_skip_blanks (copy);

  if (!g_ascii_isdigit (*p) || !hark_text_scan_time (p, &p, start))
    return FALSE;
  p = hark_reader_skip_blanks (p);
  if (*p != ',')
    return FALSE;
  p = hark_reader_skip_blanks (p + 1);
  if (!g_ascii_isdigit (*p) || !hark_text_scan_time (p, &p, end))
    return FALSE;
  p = hark_reader_skip_blanks (p);
  return *p == '\0' && isfinite (*start) && isfinite (*end) && *start >= 0 && *end >= *start
         && *end <= MAX_SECONDS;
}

/* Looks like a timing line, readable or not: digits, colons and a comma between two times. */
static gboolean
looks_like_timing (const char *line, gsize length)
{
  guint colons = 0, commas = 0;

  if (length == 0 || !g_ascii_isdigit (line[0]))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == ':')
        colons++;
      else if (line[i] == ',')
        commas++;
      else if (!g_ascii_isdigit (line[i]) && line[i] != '.' && line[i] != ' ')
        return FALSE;
    }
  return commas == 1 && colons >= 2;
}

gboolean
hark_sbv_sniff (const char *text)
{
  HarkLineReader reader;
  guint lines = 0, timings = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 40)
    {
      double start, end;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      if (parse_timing (reader.line, reader.length, &start, &end))
        timings++;
      else if (lines == 0)
        return FALSE; /* an SBV file starts with its first cue's timing line */
      lines++;
    }
  return timings >= 2 || (timings == 1 && lines <= 3);
}

static void
add_cue (HarkTranscriptBuilder *builder, HarkSidecarContext *context, double start, double end,
         GPtrArray *text)
{
  g_ptr_array_add (text, NULL);
  hark_cue_add_with_speakers (builder, context, start, end, (char **) text->pdata,
                              text->len - 1, NULL, FALSE);
  g_ptr_array_set_size (text, 0);
}

gboolean
hark_sbv_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  HarkLineReader reader;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n_cues = 0, n_bad = 0;
  gboolean in_cue = FALSE, skipping = FALSE;
  double start = 0, end = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      double s, e;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        {
          if (in_cue)
            {
              add_cue (builder, context, start, end, lines);
              n_cues++;
            }
          in_cue = skipping = FALSE;
          continue;
        }
      /* A timing line starts a cue, even without the blank line before it. */
      if (parse_timing (reader.line, reader.length, &s, &e))
        {
          if (in_cue)
            {
              add_cue (builder, context, start, end, lines);
              n_cues++;
            }
          in_cue = TRUE;
          skipping = FALSE;
          start = s;
          end = e;
          continue;
        }
      if (in_cue)
        {
          if (lines->len < HARK_CUE_MAX_LINES)
            {
              g_autofree char *line = g_strndup (reader.line, reader.length);
              g_ptr_array_add (lines, hark_text_strip_markup (line));
            }
          continue;
        }
      if (!skipping && n_bad++ < 20)
        hark_text_warn (context->warnings, context->name, reader.number, 1,
                        looks_like_timing (reader.line, reader.length)
                            ? _("This timing line could not be read (expected "
                                "“0:00:01.000,0:00:04.000”, within 100 hours, the end not "
                                "before the start); the cue was left out.")
                            : _("Expected a timing line such as “0:00:01.000,0:00:04.000”; "
                                "skipped to the next blank line."));
      skipping = TRUE;
    }
  if (in_cue)
    {
      add_cue (builder, context, start, end, lines);
      n_cues++;
    }
  if (n_cues == 0)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected SBV cues: a timing line such as "
                                   "“0:00:01.000,0:00:04.000”, then the text, then a blank "
                                   "line."));
      return FALSE;
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
