/* hark-writer-vtt.c — WebVTT with <v> voices
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-writer-private.h"

#include <string.h>

/* Cue text is markup in WebVTT: '&', '<' and '>' must be references, and a blank line would end
 * the cue, so empty lines are dropped. */
static void
append_escaped (GString *out, const char *text, gboolean in_tag)
{
  gboolean line_empty = TRUE;
  gsize start = out->len;

  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        line_empty = FALSE;
        break;
      case '<':
        g_string_append (out, "&lt;");
        line_empty = FALSE;
        break;
      case '>':
        g_string_append (out, "&gt;");
        line_empty = FALSE;
        break;
      case '\r':
        break;
      case '\n':
        if (!line_empty && !in_tag)
          g_string_append_c (out, '\n');
        else if (in_tag)
          g_string_append_c (out, ' ');
        line_empty = TRUE;
        break;
      default:
        g_string_append_c (out, *p);
        line_empty = FALSE;
      }
  /* Never end on a newline: the blank line after the cue is the writer's. */
  while (out->len > start && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
}

static void
append_cue_text (GString *out, const HarkTranscript *t, const HarkCue *cue)
{
  const HarkWord *words = hark_transcript_get_words (t, NULL);

  if (cue->speaker >= 0 && (guint) cue->speaker < hark_transcript_get_n_speakers (t))
    {
      g_string_append (out, "<v ");
      append_escaped (out, hark_transcript_get_speaker (t, cue->speaker)->name, TRUE);
      g_string_append_c (out, '>');
    }
  if (cue->n_words == 0)
    {
      append_escaped (out, cue->text, FALSE);
      return;
    }
  /* Karaoke: every word after the first is preceded by its start time. */
  for (guint w = 0; w < cue->n_words; w++)
    {
      const HarkWord *word = &words[cue->first_word + w];

      if (w > 0)
        {
          g_string_append (out, " <");
          hark_writer_append_timestamp (out, word->start, '.');
          g_string_append_c (out, '>');
        }
      append_escaped (out, word->text, FALSE);
    }
}

char *
hark_writer_vtt (const HarkTranscript *transcript)
{
  GString *out = g_string_sized_new (64 * 1024);
  guint n_cues;
  const HarkCue *cues = hark_transcript_get_cues (transcript, &n_cues);
  const char *note = hark_transcript_get_source_note (transcript);

  g_string_append (out, "WEBVTT\n\n");
  if (note && *note)
    {
      g_autofree char *flat = g_strdup (note);

      /* A NOTE ends at a blank line and must not contain "-->". */
      g_strdelimit (flat, "\r\n", ' ');
      for (char *arrow = strstr (flat, "-->"); arrow; arrow = strstr (arrow, "-->"))
        arrow[2] = ' ';
      g_string_append_printf (out, "NOTE %s\n\n", flat);
    }
  for (guint i = 0; i < n_cues; i++)
    {
      hark_writer_append_timestamp (out, cues[i].start, '.');
      g_string_append (out, " --> ");
      hark_writer_append_timestamp (out, cues[i].end, '.');
      g_string_append_c (out, '\n');
      append_cue_text (out, transcript, &cues[i]);
      g_string_append (out, "\n\n");
    }
  return g_string_free (out, FALSE);
}
