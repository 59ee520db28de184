/* hark-srt-reader.c — SubRip captions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SRT has no spec, only habits: index lines that are missing or wrong, '.' for ',', times
 * before zero from a bad re-timing, <font> and {\an8} markup. Speakers are written into the
 * text: "NAME:", ">> NAME:", or "- " at the start of each line when two people share a cue.
 */
#include "formats/hark-cue-blocks.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

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

/* Removes HTML-like tags and ASS override blocks ("{\an8}"), decodes references. */
static char *
plain_line (const HarkLine *line)
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
split_parts (const HarkLine *lines, guint n)
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
         const HarkLine *lines, guint n)
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
  static const HarkCueSyntax syntax = { TRUE, TRUE, "00:00:01,000 --> 00:00:04,000" };
  HarkLines lines;
  const HarkLine *line;
  guint i = 0, n_cues = 0, first_content = 0;

  hark_lines_init (&lines, text);
  /* Released before asking: releasing may move the lines kept. */
  while (hark_lines_release (&lines, i), (line = hark_lines_get (&lines, i)) != NULL)
    {
      HarkCueBlock block;

      if (hark_line_is_blank (line, TRUE))
        {
          i++;
          continue;
        }
      if (first_content == 0)
        first_content = line->number;
      if (!hark_cue_block_read (&lines, &i, &syntax, context, &block))
        continue;
      add_cue (builder, context, block.start, block.end,
               block.n_text > 0 ? hark_lines_get (&lines, block.first_text) : NULL, block.n_text);
      n_cues++;
    }
  hark_lines_clear (&lines);

  if (n_cues == 0 && first_content > 0)
    {
      hark_text_set_parse_error (error, context->name, first_content, 1,
                                 _("Expected SubRip cues: a number, then a timing line such as "
                                   "“00:00:01,000 --> 00:00:04,000”, then the text."));
      return FALSE;
    }
  if (n_cues > 0)
    context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
