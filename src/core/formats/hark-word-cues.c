/* hark-word-cues.c — words with times, grouped into sentence-sized cues
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-word-cues.h"

#include <string.h>

/* A pause this long, or this many words, ends a cue; a sentence's end does once the cue has a
 * few words (so "Yes. Right. So…" does not make three cues). */
#define CUE_BREAK_PAUSE 1.5
#define CUE_MAX_WORDS 24
#define CUE_MIN_WORDS_AT_SENTENCE_END 4

static gboolean
ends_sentence (const char *word)
{
  gsize n = strlen (word);

  return (n > 0 && strchr (".?!", word[n - 1]) != NULL) || g_str_has_suffix (word, "…");
}

/* Adds the words [first, last) as one cue. */
static void
add_cue (HarkTranscriptBuilder *builder, const HarkTimedWord *words, guint first, guint last)
{
  g_autoptr (GString) text = g_string_new (NULL);
  double end = words[first].end;

  for (guint i = first; i < last; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[i].text);
      end = MAX (end, words[i].end);
    }
  hark_transcript_builder_add_cue (builder, words[first].start, end, text->str,
                                   words[first].speaker);
  for (guint i = first; i < last; i++)
    hark_transcript_builder_add_word (builder, words[i].start, words[i].end, words[i].text);
}

void
hark_word_cues_add (HarkTranscriptBuilder *builder, const HarkTimedWord *words, guint n)
{
  guint first = 0;

  for (guint i = 1; i <= n; i++)
    {
      gboolean split
          = i == n || words[i].speaker != words[first].speaker
            || words[i].start - words[i - 1].end > CUE_BREAK_PAUSE || i - first >= CUE_MAX_WORDS
            || (ends_sentence (words[i - 1].text) && i - first >= CUE_MIN_WORDS_AT_SENTENCE_END);

      if (!split)
        continue;
      add_cue (builder, words, first, i);
      first = i;
    }
}
