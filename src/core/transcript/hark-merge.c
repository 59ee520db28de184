/* hark-merge.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "transcript/hark-merge.h"

#include <math.h>
#include <string.h>

#include "transcript/hark-align.h"

typedef struct
{
  guint cue;
  double start;
  double end;
  const char *text; /* into the cue text (or the karaoke word), not terminated */
  gsize length;
  int source_word;  /* index into the transcript's words when it came from one, else -1 */
} CaptionWord;

typedef struct
{
  HarkWordTable *table;
  GArray *caption;   /* CaptionWord */
  GArray *b;         /* int ids of the caption words */
  GArray *a;         /* int ids of the labelled words */
  /* While splitting one cue or word into caption words: */
  guint cue;
  double start, end;
  int source_word;
  gboolean in_annotation;
  GArray *pieces;    /* CaptionWord of the current cue before times are known */
} Merger;

char *
hark_speaker_id_from_name (const char *name)
{
  g_autofree char *folded = g_utf8_strdown (name ? name : "", -1);
  GString *id = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          g_string_append_unichar (id, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (id->len == 0)
    g_string_append (id, "speaker");
  return g_string_free (id, FALSE);
}

static void
collect_piece (const char *word, gsize length, gpointer user_data)
{
  Merger *m = user_data;
  CaptionWord w = { m->cue, 0, 0, word, length, m->source_word };

  /* "[music]", "(laughs)": sounds, not speech. They belong to whoever was speaking before, as a
   * cue without words does, and must not pull a turn's start forward. */
  if (word[0] == '[' || word[0] == '(')
    m->in_annotation = TRUE;
  if (m->in_annotation)
    {
      if (word[length - 1] == ']' || word[length - 1] == ')')
        m->in_annotation = FALSE;
      return;
    }
  g_array_append_val (m->pieces, w);
}

/* Spreads the pieces collected since the last call evenly over [m->start, m->end): a word's
 * share of the time is its share of the words, which is how captions are usually paced. */
static void
flush_pieces (Merger *m)
{
  guint n = m->pieces->len;

  for (guint k = 0; k < n; k++)
    {
      CaptionWord *w = &g_array_index (m->pieces, CaptionWord, k);
      int id = hark_word_table_intern (m->table, w->text, (gssize) w->length);

      w->start = m->start + (m->end - m->start) * k / n;
      w->end = m->start + (m->end - m->start) * (k + 1) / n;
      g_array_append_val (m->b, id);
    }
  g_array_append_vals (m->caption, m->pieces->data, n);
  g_array_set_size (m->pieces, 0);
}

static void
collect_caption_words (Merger *m, const HarkTranscript *timed)
{
  guint n_cues;
  const HarkCue *cues = hark_transcript_get_cues (timed, &n_cues);
  const HarkWord *words = hark_transcript_get_words (timed, NULL);
  guint n_words = 0;

  /* Counting first sizes the arrays once: growing them copies megabytes on long episodes. */
  for (guint c = 0; c < n_cues; c++)
    if (cues[c].n_words > 0)
      for (guint k = 0; k < cues[c].n_words; k++)
        n_words += hark_words_count (words[cues[c].first_word + k].text);
    else
      n_words += hark_words_count (cues[c].text);
  g_array_set_size (m->caption, n_words);
  g_array_set_size (m->caption, 0);
  g_array_set_size (m->b, n_words);
  g_array_set_size (m->b, 0);

  for (guint c = 0; c < n_cues; c++)
    {
      m->cue = c;
      m->in_annotation = FALSE;
      if (cues[c].n_words > 0)
        {
          for (guint k = 0; k < cues[c].n_words; k++)
            {
              const HarkWord *word = &words[cues[c].first_word + k];

              m->start = word->start;
              m->end = word->end;
              m->source_word = (int) (cues[c].first_word + k);
              hark_words_foreach (word->text, collect_piece, m);
              flush_pieces (m);
            }
        }
      else
        {
          m->start = cues[c].start;
          m->end = cues[c].end;
          m->source_word = -1;
          hark_words_foreach (cues[c].text, collect_piece, m);
          flush_pieces (m);
        }
    }
}

static gboolean
starts_cue (const CaptionWord *caption, guint n_b, guint w)
{
  return w == 0 || w >= n_b || caption[w].cue != caption[w - 1].cue;
}

/* The index of the first value >= @value in the ascending @values (its length when none). */
static guint
first_at_least (GArray *values, guint value)
{
  guint lo = 0, hi = values->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (values, guint, mid) < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* First caption word of every turn (boundary[n_turns] = n_b). The boundary lies somewhere between
 * the last matched word before the turn and its first matched word; the caption words in between
 * are shared in proportion to the unmatched labelled words on either side. Speakers mostly change
 * where a cue starts, so a cue start in that range is preferred: the first one when the previous
 * turn ended on a matched word (what follows is the new speaker's, often a repeated word), the
 * nearest one when both sides have unmatched words. When the turn's first word matched and only
 * the previous turn has unmatched words, the extra caption words are the previous speaker's. */
static guint *
find_boundaries (const int *a_to_b, guint n_a, const CaptionWord *caption, guint n_b,
                 const guint *turn_first_word, guint n_turns)
{
  guint *boundary = g_new (guint, n_turns + 1);
  g_autofree int *prev_matched = g_new (int, n_a + 1); /* last matched a-index < i, or -1 */
  g_autofree int *next_matched = g_new (int, n_a + 1); /* first matched a-index >= i, or n_a */

  prev_matched[0] = -1;
  for (guint i = 0; i < n_a; i++)
    prev_matched[i + 1] = a_to_b[i] >= 0 ? (int) i : prev_matched[i];
  next_matched[n_a] = (int) n_a;
  for (guint i = n_a; i-- > 0;)
    next_matched[i] = a_to_b[i] >= 0 ? (int) i : next_matched[i + 1];

  /* Every caption word that starts a cue (and n_b), ascending: the candidates are found by
   * binary search, not by walking each turn's gap, which with few matches spans most of the
   * captions for every turn (quadratic: 80k cues and 4000 turns took seconds). */
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint w = 0; w <= n_b; w++)
    if (starts_cue (caption, n_b, w))
      g_array_append_val (starts, w);

  for (guint t = 0; t < n_turns; t++)
    {
      guint s = turn_first_word[t];
      int pm = prev_matched[s], fm = next_matched[s];
      double pb = pm >= 0 ? a_to_b[pm] : -1;
      double fb = fm < (int) n_a ? (double) a_to_b[fm] : (double) n_b;
      double u_prev = (double) s - pm - 1, u_this = (double) fm - s;
      double gap = fb - pb - 1;
      double share = u_prev + u_this > 0 ? gap * u_this / (u_prev + u_this) : 0;
      guint estimate = (guint) CLAMP (fb - floor (share + 0.5), 0, n_b);
      guint best = G_MAXUINT;

      if (u_this > 0 || u_prev == 0)
        {
          guint lo = (guint) (pb + 1), hi = (guint) fb;

          if (u_prev == 0)
            {
              /* The first cue start in [lo, hi]. */
              guint i = first_at_least (starts, lo);

              if (i < starts->len && g_array_index (starts, guint, i) <= hi)
                best = g_array_index (starts, guint, i);
            }
          else
            {
              /* The cue start in [lo, hi] nearest the estimate, the earlier one on a tie. */
              guint i = first_at_least (starts, estimate);

              if (i < starts->len && g_array_index (starts, guint, i) >= lo
                  && g_array_index (starts, guint, i) <= hi)
                best = g_array_index (starts, guint, i);
              if (i > 0 && g_array_index (starts, guint, i - 1) >= lo
                  && g_array_index (starts, guint, i - 1) <= hi
                  && (best == G_MAXUINT
                      || ABS ((int) g_array_index (starts, guint, i - 1) - (int) estimate)
                             <= ABS ((int) best - (int) estimate)))
                best = g_array_index (starts, guint, i - 1);
            }
        }
      boundary[t] = best != G_MAXUINT ? best : estimate;
    }
  if (n_turns > 0)
    boundary[0] = 0;
  boundary[n_turns] = n_b;
  for (guint t = 1; t <= n_turns; t++)
    boundary[t] = MAX (boundary[t], boundary[t - 1]);
  return boundary;
}

/* The text of caption words [w0, w1) of one cue: the cue's own text from the first word to the
 * next piece, so spacing and punctuation survive the split. */
static char *
piece_text (const HarkCue *cue, const CaptionWord *caption, guint w0, guint w1, guint cue_end)
{
  const char *from, *to;

  if (caption[w0].source_word >= 0)
    {
      GString *text = g_string_new (NULL);
      int last = -1;

      for (guint w = w0; w < w1; w++)
        if (caption[w].source_word != last)
          {
            if (text->len > 0)
              g_string_append_c (text, ' ');
            last = caption[w].source_word;
            g_string_append_len (text, caption[w].text, (gssize) caption[w].length);
          }
      return g_string_free (text, FALSE);
    }
  from = caption[w0].text;
  to = w1 < cue_end ? caption[w1].text : cue->text + strlen (cue->text);
  return g_strstrip (g_strndup (from, to - from));
}

static void
add_cues (HarkTranscriptBuilder *builder, const HarkTranscript *timed, const CaptionWord *caption,
          guint n_b, const guint *boundary, guint n_turns, const int *turn_speaker)
{
  guint n_cues;
  const HarkCue *cues = hark_transcript_get_cues (timed, &n_cues);
  const HarkWord *words = hark_transcript_get_words (timed, NULL);
  guint w = 0, t = 0;

  for (guint c = 0; c < n_cues; c++)
    {
      guint first = w, end;

      while (w < n_b && caption[w].cue == c)
        w++;
      end = w;

      if (first == end)
        {
          /* A cue with no words ("♪"): it belongs to the turn being spoken when it starts. */
          while (t + 1 < n_turns && boundary[t + 1] < first)
            t++;
          hark_transcript_builder_add_cue (builder, cues[c].start, cues[c].end, cues[c].text,
                                           n_turns > 0 ? turn_speaker[t] : -1);
          continue;
        }

      for (guint p = first; p < end;)
        {
          guint q;
          double start, stop;
          int last_word = -1;
          g_autofree char *text = NULL;

          while (t + 1 < n_turns && boundary[t + 1] <= p)
            t++;
          q = t + 1 < n_turns ? MIN (end, boundary[t + 1]) : end;
          q = MAX (q, p + 1);
          start = p == first ? cues[c].start : caption[p].start;
          stop = q == end ? cues[c].end : caption[q].start;
          text = (p == first && q == end && caption[p].source_word < 0)
                     ? g_strdup (cues[c].text)
                     : piece_text (&cues[c], caption, p, q, end);
          hark_transcript_builder_add_cue (builder, start, stop, text,
                                           n_turns > 0 ? turn_speaker[t] : -1);
          for (guint k = p; k < q; k++)
            if (caption[k].source_word >= 0 && caption[k].source_word != last_word)
              {
                const HarkWord *word = &words[caption[k].source_word];

                last_word = caption[k].source_word;
                hark_transcript_builder_add_word (builder, word->start, word->end, word->text);
              }
          p = q;
        }
    }
}

HarkTranscript *
hark_merge (const HarkTranscript *timed, const HarkMergeTurn *turns, guint n_turns,
            HarkMergeReport *report)
{
  g_autoptr (HarkTranscriptBuilder) builder = hark_transcript_builder_new ();
  g_autoptr (HarkWordTable) table = hark_word_table_new ();
  Merger m = { 0 };
  g_autofree guint *turn_first_word = g_new (guint, n_turns + 1);
  g_autofree int *turn_speaker = g_new (int, n_turns + 1);
  g_autofree int *a_to_b = NULL;
  g_autofree guint *boundary = NULL;
  g_autoptr (GArray) weak = g_array_new (FALSE, FALSE, sizeof (guint));
  const CaptionWord *caption;
  guint n_a, n_b, n_matched;

  m.table = table;
  m.caption = g_array_new (FALSE, FALSE, sizeof (CaptionWord));
  m.pieces = g_array_new (FALSE, FALSE, sizeof (CaptionWord));
  m.b = g_array_new (FALSE, FALSE, sizeof (int));
  m.a = g_array_new (FALSE, FALSE, sizeof (int));

  collect_caption_words (&m, timed);
  {
    guint n_words = 0;

    for (guint t = 0; t < n_turns; t++)
      n_words += hark_words_count (turns[t].text);
    g_array_set_size (m.a, n_words);
    g_array_set_size (m.a, 0);
  }
  for (guint t = 0; t < n_turns; t++)
    {
      g_autofree char *id = hark_speaker_id_from_name (turns[t].speaker);

      turn_first_word[t] = m.a->len;
      turn_speaker[t] = turns[t].speaker && *turns[t].speaker
                            ? hark_transcript_builder_add_speaker (builder, id, turns[t].speaker)
                            : -1;
      hark_word_table_intern_text (table, turns[t].text, m.a);
    }
  turn_first_word[n_turns] = m.a->len;

  n_a = m.a->len;
  n_b = m.b->len;
  caption = (const CaptionWord *) (gconstpointer) m.caption->data;
  a_to_b = g_new (int, n_a + 1);
  n_matched = hark_align ((const int *) (gconstpointer) m.a->data, n_a,
                          (const int *) (gconstpointer) m.b->data, n_b, a_to_b);
  boundary = find_boundaries (a_to_b, n_a, caption, n_b, turn_first_word, n_turns);

  for (guint t = 0; t < n_turns; t++)
    {
      guint b0 = boundary[t], b1 = boundary[t + 1];
      guint n_words = turn_first_word[t + 1] - turn_first_word[t], hits = 0;
      double start, end;
      float evidence;

      for (guint i = turn_first_word[t]; i < turn_first_word[t + 1]; i++)
        hits += a_to_b[i] >= 0;
      evidence = n_words > 0 ? (float) hits / n_words : 0.0f;

      if (n_b == 0)
        start = end = 0;
      else if (b0 < b1)
        {
          start = caption[b0].start;
          end = caption[b1 - 1].end;
        }
      else
        /* No caption words at all: a zero-length turn where the speech before it ended. */
        start = end = b0 > 0 ? caption[b0 - 1].end : caption[0].start;

      hark_transcript_builder_add_turn (builder, start, end, turns[t].text, turn_speaker[t],
                                        evidence);
      if (evidence < HARK_MERGE_WEAK_EVIDENCE)
        g_array_append_val (weak, t);
    }

  add_cues (builder, timed, caption, n_b, boundary, n_turns, turn_speaker);

  hark_merge_copy_chapters_and_segments (builder, timed);
  hark_transcript_builder_set_media_duration (builder, hark_transcript_get_media_duration (timed));
  hark_transcript_builder_set_source_note (builder, hark_transcript_get_source_note (timed));
  hark_transcript_builder_set_title (builder, hark_transcript_get_title (timed));

  if (report)
    {
      memset (report, 0, sizeof *report);
      report->n_labelled_words = n_a;
      report->n_timed_words = n_b;
      report->n_matched = n_matched;
      report->coverage = n_a > 0 ? (double) n_matched / n_a : 0;
      report->n_weak_turns = weak->len;
      report->weak_turns = (guint *) (gpointer) g_array_free (g_steal_pointer (&weak), FALSE);
    }

  g_array_unref (m.caption);
  g_array_unref (m.pieces);
  g_array_unref (m.b);
  g_array_unref (m.a);
  return hark_transcript_builder_finish (g_steal_pointer (&builder));
}

void
hark_merge_report_clear (HarkMergeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->weak_turns, g_free);
  report->n_weak_turns = 0;
}

void
hark_merge_copy_chapters_and_segments (HarkTranscriptBuilder *builder, const HarkTranscript *from)
{
  guint n;
  const HarkChapter *chapters = hark_transcript_get_chapters (from, &n);
  const HarkSegment *segments;

  for (guint i = 0; i < n; i++)
    hark_transcript_builder_add_chapter (builder, chapters[i].start, chapters[i].end,
                                         chapters[i].title, chapters[i].url, chapters[i].toc);
  segments = hark_transcript_get_segments (from, &n);
  for (guint i = 0; i < n; i++)
    hark_transcript_builder_add_segment (builder, segments[i].start, segments[i].end,
                                         segments[i].category, segments[i].source,
                                         segments[i].evidence);
}
