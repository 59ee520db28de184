/* hark-whisper-tsv-reader.c — Whisper's .tsv output: "start<TAB>end<TAB>text", milliseconds
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * openai-whisper writes a "start\tend\ttext" header, then one row per segment with the times
 * as whole milliseconds. A row that is not two times and a text is reported and skipped.
 */
#include "formats/hark-sidecar-private.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

#define MAX_MILLISECONDS (100.0 * 3600.0 * 1000.0)

static gboolean
is_header (const char *line)
{
  return g_ascii_strncasecmp (line, "start\tend\ttext", strlen ("start\tend\ttext")) == 0;
}

static gboolean
scan_milliseconds (const char *p, const char **end, double *seconds)
{
  double value = 0;
  guint digits = 0;

  for (; g_ascii_isdigit (*p) && digits < 12; p++, digits++)
    value = value * 10 + (*p - '0');
  if (digits == 0 || g_ascii_isdigit (*p) || value > MAX_MILLISECONDS)
    return FALSE;
  *seconds = value / 1000.0;
  *end = p;
  return TRUE;
}

static gboolean
parse_row (const char *line, double *start, double *end, const char **text)
{
  const char *p = line;

  if (!scan_milliseconds (p, &p, start) || *p != '\t')
    return FALSE;
  if (!scan_milliseconds (p + 1, &p, end) || *p != '\t')
    return FALSE;
  *text = p + 1;
  return *end >= *start;
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
      if (is_header (line))
        continue;
      if (!parse_row (line, &start, &end, &rest))
        {
          if (n_bad++ < 20)
            hark_text_warn (context->warnings, context->name, reader.number, 1,
                            _("Expected “start<TAB>end<TAB>text” with times in milliseconds; "
                              "the row was left out."));
          continue;
        }
      collapsed = hark_text_collapse_space (rest);
      hark_transcript_builder_add_cue (builder, start, end, collapsed, -1);
      n_cues++;
    }
  if (n_cues == 0)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected Whisper .tsv rows such as “0<TAB>5000<TAB>text” "
                                   "(milliseconds)."));
      return FALSE;
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
