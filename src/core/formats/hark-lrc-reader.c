/* hark-lrc-reader.c — LRC: "[mm:ss.xx]words", the lyrics layout some tools write transcripts in
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line is one or more time tags, then its words ("Kim: words" names the speaker). Several tags
 * on one line say the same words at each of those times. A tag with no words after it ends the
 * line before, as players read it. Tags of letters ("[ti:Title]", "[ar:Who]", "[length:…]")
 * describe the file; "[offset:+250]" moves every time 250 ms earlier (the sign the format
 * gives: a positive offset shows words sooner). "Enhanced" LRC times single words inside the
 * line ("<00:01.20>word"); those become word times.
 */
#include "formats/hark-sidecar-private.h"
#include "util/hark-i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/hark-text-utils.h"

/* An offset is a small correction; a larger one is a typo that would move every line. */
#define MAX_OFFSET_SECONDS (10.0 * 60.0)
/* Tags on one line: a refrain repeated through a long show, not thousands. */
#define MAX_TAGS_PER_LINE 64

typedef struct
{
  double start;
  double end;
  int speaker;
  char *text;    /* NULL: an ending tag */
  GArray *words; /* WordTime, may be NULL */
  guint number;  /* the line, for sorting stably */
} LrcItem;

typedef struct
{
  double start;
  char *text;
} WordTime;

static void
word_time_clear (WordTime *word)
{
  g_free (word->text);
}

static void
lrc_item_clear (LrcItem *item)
{
  g_free (item->text);
  g_clear_pointer (&item->words, g_array_unref);
}

/* "[01:02.50]" at @p: sets @seconds and returns the byte past ']', or NULL. */
static const char *
scan_time_tag (const char *p, double *seconds)
{
  const char *end;

  if (*p != '[' || !hark_text_scan_time (p + 1, &end, seconds) || *end != ']')
    return NULL;
  return end + 1;
}

/* "[ar:Someone]": a tag of letters, its key and value. */
static gboolean
scan_id_tag (const char *line, char **key, char **value)
{
  const char *p = line + 1, *colon, *close;

  if (*line != '[' || !g_ascii_isalpha (*p))
    return FALSE;
  for (colon = p; g_ascii_isalpha (*colon) && colon - p < 16; colon++)
    ;
  if (*colon != ':')
    return FALSE;
  close = strrchr (colon, ']');
  if (close == NULL || *hark_reader_skip_blanks (close + 1) != '\0')
    return FALSE;
  if (key)
    *key = g_ascii_strdown (p, colon - p);
  if (value)
    *value = g_strstrip (g_strndup (colon + 1, (gsize) (close - colon - 1)));
  return TRUE;
}

/* How a line looks to the sniffer. */
typedef enum
{
  LINE_OTHER,
  LINE_ID_TAG,
  LINE_TIMED,         /* "[01:02.50] words" */
  LINE_TIMED_LRC_ONLY /* what only LRC writes: no space after the tag, several tags, word times */
} LineShape;

static LineShape
line_shape (const char *line)
{
  const char *p = hark_reader_skip_blanks (line);
  const char *after;
  double seconds;
  guint tags = 0;

  if (scan_id_tag (p, NULL, NULL))
    return LINE_ID_TAG;
  while ((after = scan_time_tag (p, &seconds)) != NULL)
    {
      p = after;
      tags++;
    }
  if (tags == 0)
    return LINE_OTHER;
  if (tags > 1 || (*p != '\0' && *p != ' ' && *p != '\t') || strchr (p, '<') != NULL)
    return LINE_TIMED_LRC_ONLY;
  return LINE_TIMED;
}

gboolean
hark_lrc_sniff (const char *text)
{
  HarkLineReader reader;
  guint lines = 0, timed = 0, distinct = 0, id_tags = 0;

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader) && lines < 200)
    {
      g_autofree char *line = NULL;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strndup (reader.line, reader.length);
      lines++;
      switch (line_shape (line))
        {
        case LINE_ID_TAG:
          id_tags++;
          break;
        case LINE_TIMED_LRC_ONLY:
          distinct++;
          /* fall through */
        case LINE_TIMED:
          timed++;
          break;
        case LINE_OTHER:
          break;
        }
    }
  /* "[01:02] words" with a space is timestamped text too; it is LRC when the file also says
   * something only LRC says. Nearly every line is a tag: LRC has no untimed paragraphs. */
  return timed >= 2 && (id_tags > 0 || distinct * 2 >= timed)
         && (timed + id_tags) * 10 >= lines * 8;
}

/* Splits "<00:01.20>word <00:01.60>word" into words with times and the plain text. */
static char *
take_word_times (const char *p, double offset, GArray **words_out)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autoptr (GArray) words = NULL;

  while (*p)
    {
      const char *end;
      double seconds;

      if (*p == '<' && hark_text_scan_time (p + 1, &end, &seconds) && *end == '>')
        {
          const char *word = hark_reader_skip_blanks (end + 1);
          const char *word_end = word;
          WordTime w;

          while (*word_end && *word_end != '<')
            word_end++;
          if (words == NULL)
            {
              words = g_array_new (FALSE, FALSE, sizeof (WordTime));
              g_array_set_clear_func (words, (GDestroyNotify) word_time_clear);
            }
          w.start = MAX (0.0, seconds - offset);
          w.text = g_strstrip (g_strndup (word, (gsize) (word_end - word)));
          if (*w.text)
            g_array_append_val (words, w);
          else
            g_free (w.text);
          if (plain->len > 0 && word_end > word && plain->str[plain->len - 1] != ' ')
            g_string_append_c (plain, ' ');
          g_string_append_len (plain, word, word_end - word);
          p = word_end;
          continue;
        }
      g_string_append_c (plain, *p++);
    }
  *words_out = g_steal_pointer (&words);
  return g_string_free (g_steal_pointer (&plain), FALSE);
}

/* "+250", "-1200": milliseconds. FALSE when it is not a sane number. */
static gboolean
parse_offset (const char *value, double *seconds)
{
  char *end;
  double ms;

  ms = g_ascii_strtod (value, &end);
  if (end == value || *hark_reader_skip_blanks (end) != '\0' || !isfinite (ms)
      || fabs (ms) > MAX_OFFSET_SECONDS * 1000.0)
    return FALSE;
  *seconds = ms / 1000.0;
  return TRUE;
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const LrcItem *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->number < y->number ? -1 : x->number > y->number;
}

gboolean
hark_lrc_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (LrcItem));
  HarkLineReader reader;
  double offset = 0, length = -1;
  guint n_bad = 0, n_cues = 0;

  g_array_set_clear_func (items, (GDestroyNotify) lrc_item_clear);
  /* The offset may come after the first lines; every time needs it, so find it first. */
  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = g_strndup (reader.line, reader.length);
      g_autofree char *key = NULL, *value = NULL;

      if (!scan_id_tag (hark_reader_skip_blanks (g_strchomp (line)), &key, &value))
        continue;
      if (g_str_equal (key, "offset") && !parse_offset (value, &offset))
        hark_text_warn (context->warnings, context->name, reader.number, 1,
                        _("Expected an offset in milliseconds such as “[offset:+250]”; the offset "
                          "was ignored."));
      else if (g_str_equal (key, "length"))
        {
          const char *end;

          if (!hark_text_scan_time (value, &end, &length) || *end != '\0')
            length = -1;
        }
    }

  hark_line_reader_init (&reader, text);
  while (hark_line_reader_next (&reader))
    {
      g_autofree char *line = NULL;
      g_autofree char *words_text = NULL;
      g_autoptr (GArray) words = NULL;
      double starts[MAX_TAGS_PER_LINE];
      guint n_starts = 0;
      const char *p, *after, *rest;
      char *speaker = NULL;
      int speaker_index = -1;
      double seconds;

      if (hark_text_line_is_blank (reader.line, reader.length, TRUE))
        continue;
      line = g_strchomp (g_strndup (reader.line, reader.length));
      p = hark_reader_skip_blanks (line);
      if (scan_id_tag (p, NULL, NULL))
        continue;
      while ((after = scan_time_tag (p, &seconds)) != NULL)
        {
          if (n_starts < MAX_TAGS_PER_LINE)
            starts[n_starts++] = MAX (0.0, seconds - offset);
          p = after;
        }
      if (n_starts == 0)
        {
          if (n_bad++ < 20)
            hark_text_warn (context->warnings, context->name, reader.number, 1,
                            _("Expected a line starting with a time such as “[01:02.50]”; the "
                              "line was left out."));
          continue;
        }
      words_text = take_word_times (hark_reader_skip_blanks (p), offset, &words);
      rest = words_text;
      if (hark_text_split_speaker (words_text, &speaker, &rest))
        {
          speaker_index = hark_transcript_builder_add_speaker (builder, speaker, speaker);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
          g_free (speaker);
        }
      for (guint i = 0; i < n_starts; i++)
        {
          g_autofree char *decoded = hark_text_decode_entities (rest);
          LrcItem item = { starts[i], -1, speaker_index, hark_text_collapse_space (decoded),
                           NULL, reader.number };

          if (item.text[0] == '\0')
            g_clear_pointer (&item.text, g_free);
          /* Word times belong to the line's first time; a repeat says the words again. */
          if (i == 0 && words != NULL)
            item.words = g_array_ref (words);
          g_array_append_val (items, item);
        }
    }

  g_array_sort (items, compare_items);
  hark_sidecar_fill_missing_ends ((HarkTimedItem *) (gpointer) items->data, items->len,
                                  sizeof (LrcItem));
  for (guint i = 0; i < items->len; i++)
    {
      const LrcItem *item = &g_array_index (items, LrcItem, i);
      double end = item->end;

      if (item->text == NULL)
        continue;
      /* The last line lasts to the end the file gives, if any. */
      if (i + 1 == items->len && length > item->start)
        end = length;
      hark_transcript_builder_add_cue (builder, item->start, end, item->text, item->speaker);
      n_cues++;
      for (guint w = 0; item->words && w < item->words->len; w++)
        {
          const WordTime *word = &g_array_index (item->words, WordTime, w);
          double word_end = w + 1 < item->words->len
                                ? g_array_index (item->words, WordTime, w + 1).start
                                : end;

          if (word->start >= item->start && word_end >= word->start && word_end <= end)
            hark_transcript_builder_add_word (builder, word->start, word_end, word->text);
        }
    }
  if (n_cues == 0)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected LRC lines such as “[01:02.50]words”."));
      return FALSE;
    }
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
