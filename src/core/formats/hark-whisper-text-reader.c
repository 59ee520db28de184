/* hark-whisper-text-reader.c — Whisper's text outputs: "[start --> end]  text" lines
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What whisper, whisper.cpp and faster-whisper print while they transcribe, and what people
 * save as .txt, .srt or .json: one cue per line, the times in brackets as plain seconds
 * ("[12.34 --> 56.78]") or as a clock with or without hours ("[00:05.000 --> 01:02:03.500]"),
 * the arrow written "-->", "->" or "→", the seconds bare or with their unit ("[0.00s -> 4.52s]",
 * as scripts around faster-whisper print them). A line that is not one of these is reported and
 * skipped; the lines around it are kept.
 */
#include "formats/hark-sidecar-private.h"
#include "formats/hark-reader-util.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-seconds.h"
#include "text/hark-text-utils.h"

/* Longer than any recording: a time beyond this is a typo, not a cue. */
#define MAX_SECONDS (100.0 * 3600.0)

/* A clock ("01:02.5", "1:02:03.250") or plain seconds ("62.5", "62"). */
static gboolean
scan_seconds (const char *p, const char **end, double *seconds)
{
  return hark_text_scan_seconds (p, HARK_SECONDS_CLOCK, MAX_SECONDS, end, seconds);
}

static const char *
skip_arrow (const char *p)
{
  p = hark_reader_skip_blanks (p);
  if (g_str_has_prefix (p, "-->"))
    return hark_reader_skip_blanks (p + 3);
  if (g_str_has_prefix (p, "->"))
    return hark_reader_skip_blanks (p + 2);
  if (g_str_has_prefix (p, "→"))
    return hark_reader_skip_blanks (p + strlen ("→"));
  return NULL;
}

/* "0.00s": scripts around faster-whisper print the seconds with their unit. */
static const char *
skip_unit (const char *p)
{
  return *p == 's' && !g_ascii_isalnum (p[1]) ? p + 1 : p;
}

/* "[start --> end]" at the start of @line; @text_out points past it and its blanks. */
static gboolean
parse_line (const char *line, double *start, double *end, const char **text_out)
{
  const char *p = hark_reader_skip_blanks (line);

  if (*p != '[')
    return FALSE;
  p = hark_reader_skip_blanks (p + 1);
  if (!scan_seconds (p, &p, start))
    return FALSE;
  p = skip_unit (p);
  p = skip_arrow (p);
  if (p == NULL || !scan_seconds (p, &p, end))
    return FALSE;
  p = hark_reader_skip_blanks (skip_unit (p));
  if (*p != ']')
    return FALSE;
  *text_out = hark_reader_skip_blanks (p + 1);
  return TRUE;
}

gboolean
hark_whisper_text_sniff (const char *text)
{
  HarkLineReader reader;
  guint lines = 0, timed = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 50)
    {
      g_autofree char *line = NULL;
      double start, end;
      const char *rest;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strndup (reader.line, reader.length);
      lines++;
      if (parse_line (line, &start, &end, &rest))
        timed++;
    }
  return timed >= 1 && timed * 2 >= lines;
}

gboolean
hark_whisper_text_read (const char *text, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error)
{
  HarkLineReader reader;
  guint n_cues = 0, n_bad = 0, first_bad = 0;

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
      if (!parse_line (line, &start, &end, &rest) || end < start)
        {
          if (n_bad++ == 0)
            first_bad = reader.number;
          if (n_bad <= 20)
            hark_text_warn (context->warnings, context->name, reader.number, 1,
                            end < start ? "Expected the end time after the start time; the "
                                          "line was left out."
                                        : "Expected “[start --> end] text”; the line was left "
                                          "out.");
          continue;
        }
      collapsed = hark_text_collapse_space (rest);
      /* Diarised output: "[… --> …] SPEAKER_00: words". */
      {
        g_autofree char *name = NULL;
        const char *words;
        int speaker = -1;

        if (hark_text_split_speaker (collapsed, &name, &words))
          {
            speaker = hark_transcript_builder_add_speaker (builder, name, name);
            context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
            memmove (collapsed, words, strlen (words) + 1);
          }
        hark_transcript_builder_add_cue (builder, start, end, collapsed, speaker);
      }
      n_cues++;
    }
  if (n_cues == 0)
    {
      hark_text_set_parse_error (error, context->name, first_bad ? first_bad : 1, 1,
                                 _("Expected Whisper lines such as “[00:00.000 --> 00:05.000] "
                                   "text” or “[12.34 --> 56.78] text”."));
      return FALSE;
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
