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
#include "formats/hark-cue-speakers.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

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

static void
add_cue (HarkTranscriptBuilder *builder, HarkSidecarContext *context, double start, double end,
         const HarkLine *lines, guint n, GHashTable *bracket_names)
{
  g_auto (GStrv) plain = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    plain[i] = plain_line (&lines[i]);
  hark_cue_add_with_speakers (builder, context, start, end, plain, n, bracket_names, FALSE);
}

gboolean
hark_srt_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  static const HarkCueSyntax syntax = { TRUE, TRUE, "00:00:01,000 --> 00:00:04,000" };
  HarkLines lines;
  const HarkLine *line;
  guint i = 0, n_cues = 0, first_content = 0;
  g_autoptr (GHashTable) bracket_names = hark_cue_bracket_speakers (text);

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
               block.n_text > 0 ? hark_lines_get (&lines, block.first_text) : NULL, block.n_text,
               bracket_names);
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
