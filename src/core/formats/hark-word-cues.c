/* hark-word-cues.c — words with times, grouped into sentence-sized cues
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-word-cues.h"

#include <string.h>

#include "text/hark-text-utils.h"

/* A pause this long, or this many words, ends a cue; a sentence's end does once the cue has a
 * few words (so "Yes. Right. So…" does not make three cues). */
#define CUE_BREAK_PAUSE 1.5
#define CUE_MAX_WORDS 24
#define CUE_MIN_WORDS_AT_SENTENCE_END 4
/* A word that keeps taking punctuation is a hostile file, not speech. */
#define MAX_JOINED_WORD_BYTES 256

static gboolean
ends_sentence (const char *word)
{
  gsize n = strlen (word);

  return (n > 0 && strchr (".?!", word[n - 1]) != NULL) || g_str_has_suffix (word, "…");
}

/* Adds the words [first, last) as one cue. Punctuation that tools give a word of its own is
 * joined to its neighbour, in the text and in the word times: "Hi" "," "there" reads "Hi,
 * there" with two timed words. */
static void
add_cue (HarkTranscriptBuilder *builder, const HarkTimedWord *words, guint first, guint last)
{
  g_autoptr (GString) text = g_string_new (NULL);
  double end = words[first].end;

  for (guint i = first; i < last; i++)
    {
      hark_text_append_word (text, words[i].text);
      end = MAX (end, words[i].end);
    }
  hark_transcript_builder_add_cue (builder, words[first].start, end, text->str,
                                   words[first].speaker);
  hark_word_cues_add_times (builder, words + first, last - first);
}

void
hark_word_cues_add_times (HarkTranscriptBuilder *builder, const HarkTimedWord *words, guint n)
{
  g_autoptr (GString) word = g_string_new (NULL);
  double word_start = 0, word_end = 0;
  gboolean open = FALSE; /* @word holds a word whose time is not added yet */

  for (guint i = 0; i < n; i++)
    {
      gboolean closing = hark_text_is_closing_punctuation (words[i].text);

      if (open && closing && word->len < MAX_JOINED_WORD_BYTES)
        {
          g_string_append (word, words[i].text);
          word_end = MAX (word_end, words[i].end);
          continue;
        }
      /* An opening mark waits for the word it opens. */
      if (open && !(word->len < MAX_JOINED_WORD_BYTES
                    && hark_text_is_opening_punctuation (word->str)))
        {
          hark_transcript_builder_add_word (builder, word_start, word_end, word->str);
          open = FALSE;
        }
      if (!open)
        {
          g_string_truncate (word, 0);
          word_start = words[i].start;
        }
      g_string_append (word, words[i].text);
      word_end = MAX (word_start, words[i].end);
      open = TRUE;
    }
  if (open)
    hark_transcript_builder_add_word (builder, word_start, word_end, word->str);
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
