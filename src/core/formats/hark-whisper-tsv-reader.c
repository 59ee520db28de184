/* hark-whisper-tsv-reader.c — "start<TAB>end<TAB>text" rows: Whisper's .tsv, Audacity's labels
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * openai-whisper writes a "start\tend\ttext" header, then one row per segment with the times
 * as whole milliseconds. Audacity exports a label track as the same rows with no header and
 * the times as seconds with a fraction ("12.500000"), and after a label with a frequency range
 * a "\\<TAB>low<TAB>high" line, which is no speech. A time with a fraction is seconds, one
 * without is milliseconds. A row's text may name its speaker ("Kim: words"), as captions do. A
 * row that is not two times and a text is reported and skipped.
 */
#include "formats/hark-sidecar-private.h"
#include "formats/hark-cue-speakers.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

#define MAX_MILLISECONDS (100.0 * 3600.0 * 1000.0)

static gboolean
is_header (const char *line)
{
  return g_ascii_strncasecmp (line, "start\tend\ttext", strlen ("start\tend\ttext")) == 0;
}

/* "4520" (milliseconds) or "4.520000" (seconds). */
static gboolean
scan_time (const char *p, const char **end, double *seconds)
{
  double value = 0, scale = 0.1;
  guint digits = 0;

  for (; g_ascii_isdigit (*p) && digits < 12; p++, digits++)
    value = value * 10 + (*p - '0');
  if (digits == 0 || g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
        value += (*p - '0') * scale;
      value *= 1000.0;
    }
  if (value > MAX_MILLISECONDS)
    return FALSE;
  *seconds = value / 1000.0;
  *end = p;
  return TRUE;
}

static gboolean
parse_row (const char *line, double *start, double *end, const char **text)
{
  const char *p = line;

  if (!scan_time (p, &p, start) || *p != '\t')
    return FALSE;
  if (!scan_time (p + 1, &p, end) || *p != '\t')
    return FALSE;
  *text = p + 1;
  return *end >= *start;
}

/* Audacity's frequency range of the label before: "\<TAB>200.000000<TAB>4000.000000". */
static gboolean
is_frequency_line (const char *line)
{
  return line[0] == '\\' && line[1] == '\t';
}

gboolean
hark_whisper_tsv_sniff (const char *text)
{
  HarkLineReader reader;
  guint lines = 0, rows = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 20)
    {
      g_autofree char *line = NULL;
      double start, end;
      const char *rest;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strndup (reader.line, reader.length);
      if (lines++ == 0 && is_header (line))
        return TRUE;
      if (is_frequency_line (line))
        {
          lines--;
          continue;
        }
      if (parse_row (line, &start, &end, &rest))
        rows++;
    }
  return rows >= 2 && rows * 5 >= lines * 4;
}

gboolean
hark_whisper_tsv_read (const char *text, HarkTranscriptBuilder *builder,
                       HarkSidecarContext *context, GError **error)
{
  HarkLineReader reader;
  guint n_cues = 0, n_bad = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      g_autofree char *collapsed = NULL;
      double start, end;
      const char *rest;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strndup (reader.line, reader.length);
      if (is_header (line) || is_frequency_line (line))
        continue;
      if (!parse_row (line, &start, &end, &rest))
        {
          if (n_bad++ < 20)
            hark_text_warn (context->warnings, context->name, reader.number, 1,
                            _("Expected “start<TAB>end<TAB>text” with times in milliseconds "
                              "or seconds; the row was left out."));
          continue;
        }
      collapsed = hark_text_collapse_space (rest);
      if (*collapsed == '\0')
        continue; /* a label that marks a place and says nothing */
      hark_cue_add_with_speakers (builder, context, start, end, &collapsed, 1, NULL, FALSE);
      n_cues++;
    }
  if (n_cues == 0)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected rows such as “0<TAB>5000<TAB>text” (Whisper's "
                                   ".tsv, milliseconds) or “0.000000<TAB>5.000000<TAB>text” "
                                   "(Audacity's labels, seconds)."));
      return FALSE;
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
