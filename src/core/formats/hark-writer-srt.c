/* hark-writer-srt.c — SubRip with "Name: " speaker prefixes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-writer-private.h"

char *
hark_writer_srt (const HarkTranscript *transcript)
{
  GString *out = g_string_sized_new (64 * 1024);
  guint n_cues, index = 1;
  const HarkCue *cues = hark_transcript_get_cues (transcript, &n_cues);
  int previous_speaker = -1;

  for (guint i = 0; i < n_cues; i++)
    {
      g_auto (GStrv) lines = g_strsplit (cues[i].text, "\n", -1);
      gboolean wrote_text = FALSE;

      g_string_append_printf (out, "%u\n", index++);
      hark_writer_append_timestamp (out, cues[i].start, ',');
      g_string_append (out, " --> ");
      hark_writer_append_timestamp (out, cues[i].end, ',');
      g_string_append_c (out, '\n');
      if (cues[i].speaker >= 0 && cues[i].speaker != previous_speaker)
        g_string_append_printf (out, "%s: ",
                                hark_transcript_get_speaker (transcript, cues[i].speaker)->name);
      previous_speaker = cues[i].speaker;
      /* A blank line ends an SRT cue, so empty lines inside the text are dropped. */
      for (guint l = 0; lines[l]; l++)
        {
          g_strchomp (lines[l]);
          if (*lines[l] == '\0')
            continue;
          if (wrote_text)
            g_string_append_c (out, '\n');
          g_string_append (out, lines[l]);
          wrote_text = TRUE;
        }
      g_string_append (out, "\n\n");
    }
  return g_string_free (out, FALSE);
}
