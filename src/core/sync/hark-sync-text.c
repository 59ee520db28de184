/* hark-sync-text.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync/hark-sync-text.h"

#include <string.h>

#include "sync/hark-sync-anchors.h"
#include "sync/hark-sync-spread.h"
#include "transcript/hark-align.h"

/* How far from a pause a turn's estimated start may be for the turn to start where that pause
 * ends (seconds): when its first word was not recognized, this far, between the anchors around
 * it; when it was, only a little (recognizers start words a frame or two early or late). */
#define SNAP_UNCONFIRMED 1.5
#define SNAP_CONFIRMED_BEFORE 0.6
#define SNAP_CONFIRMED_AFTER 0.25
/* A cue longer than this is split (a caption is read at once). */
#define MAX_CUE_WORDS 20
#define MAX_CUE_SECONDS 10.0
#define MIN_CUE_WORDS 6 /* ... into pieces no shorter than this */
/* How far from a word a pause may end (before it) or start (after it) to count as its edge. */
#define EDGE_REACH 0.3
/* The least time a turn is given before the next may start. */
#define MIN_TURN 0.1

typedef struct
{
  const char *text;
  gsize length;
  guint turn;
} TextWord;

typedef struct
{
  HarkWordTable *table;
  GArray *words; /* TextWord */
  GArray *ids;   /* int */
  guint turn;
} Collector;

static void
collect_word (const char *word, gsize length, gpointer user_data)
{
  Collector *c = user_data;
  TextWord w = { word, length, c->turn };
  int id = hark_word_table_intern (c->table, word, (gssize) length);

  g_array_append_val (c->words, w);
  g_array_append_val (c->ids, id);
}

static gboolean
ends_sentence (const TextWord *w)
{
  for (gsize k = w->length; k-- > 0;)
    {
      char c = w->text[k];

      if (c == '.' || c == '?' || c == '!')
        return TRUE;
      if (c != '"' && c != '\'' && c != ')')
        return FALSE;
    }
  return FALSE;
}

/* Cues for words [i, j] of one sentence: a sentence longer than a caption is split where a
 * comma (or semicolon, colon) falls nearest its middle, else at its middle word, until every
 * piece is short enough to read at once. */
static void
add_cues (HarkTranscriptBuilder *builder, GArray *words, const HarkSpreadWord *tw, guint i,
          guint j, int speaker)
{
  const TextWord *first = &g_array_index (words, TextWord, i);
  const TextWord *last = &g_array_index (words, TextWord, j);

  if (j - i + 1 > MAX_CUE_WORDS || tw[j].end - tw[i].start > MAX_CUE_SECONDS)
    {
      guint middle = i + (j - i) / 2, cut = middle;
      guint best = G_MAXUINT;

      for (guint k = i + MIN_CUE_WORDS - 1; k + MIN_CUE_WORDS <= j; k++)
        {
          const TextWord *w = &g_array_index (words, TextWord, k);
          char c = w->text[w->length - 1];

          if ((c == ',' || c == ';' || c == ':') && (guint) ABS ((int) k - (int) middle) < best)
            {
              best = (guint) ABS ((int) k - (int) middle);
              cut = k;
            }
        }
      if (cut >= i && cut < j)
        {
          add_cues (builder, words, tw, i, cut, speaker);
          add_cues (builder, words, tw, cut + 1, j, speaker);
          return;
        }
    }
  {
    g_autofree char *text =
        g_strndup (first->text, (gsize) (last->text + last->length - first->text));

    hark_transcript_builder_add_cue (builder, tw[i].start, MAX (tw[j].end, tw[i].start), text,
                                     speaker);
  }
}

/* Times for every word: recognized ones from the recognizer, the rest spread between. A word
 * with a fixed start (a turn's snapped start) begins a new stretch there. */
static void
spread_all (HarkSpreadWord *tw, guint n, const int *a_to_b, const HarkSpeechWord *sw,
            const double *fixed_start, double duration, const HarkSpeechPause *pauses,
            guint n_pauses)
{
  guint i = 0;

  while (i < n)
    {
      guint j;
      double from, to;

      if (a_to_b[i] >= 0)
        {
          tw[i].start = sw[a_to_b[i]].start;
          tw[i].end = sw[a_to_b[i]].end;
          i++;
          continue;
        }
      from = i > 0 ? tw[i - 1].end : 0;
      if (fixed_start[i] >= 0)
        from = fixed_start[i];
      for (j = i + 1; j < n && a_to_b[j] < 0 && fixed_start[j] < 0; j++)
        ;
      to = j >= n ? duration : a_to_b[j] >= 0 ? sw[a_to_b[j]].start : fixed_start[j];
      hark_sync_spread (tw + i, j - i, from, MAX (from, to), pauses, n_pauses);
      i = j;
    }
}

HarkTranscript *
hark_sync_text (HarkSpeech *speech, const HarkMergeTurn *turns, guint n_turns,
                HarkSyncReport *report)
{
  g_autoptr (HarkTranscriptBuilder) builder = hark_transcript_builder_new ();
  g_autoptr (HarkWordTable) table = hark_word_table_new ();
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (TextWord));
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree guint *turn_first = g_new0 (guint, n_turns + 1);
  g_autofree int *a_to_b = NULL;
  g_autofree HarkSpreadWord *tw = NULL;
  g_autofree double *fixed_start = NULL;
  g_autofree gboolean *confirmed = NULL;
  g_autofree double *turn_start = g_new0 (double, n_turns + 1);
  guint n_sw, n_pauses, n_a, n_matched, n_weak = 0;
  const HarkSpeechWord *sw = hark_speech_get_words (speech, &n_sw);
  const HarkSpeechPause *pauses = hark_speech_get_pauses (speech, &n_pauses);
  double duration = hark_speech_get_duration (speech);
  Collector c = { table, words, a, 0 };

  for (guint t = 0; t < n_turns; t++)
    {
      c.turn = t;
      turn_first[t] = words->len;
      hark_words_foreach (turns[t].text, collect_word, &c);
    }
  turn_first[n_turns] = words->len;
  for (guint i = 0; i < n_sw; i++)
    {
      int id = hark_word_table_intern (table, sw[i].text, -1);

      g_array_append_val (b, id);
    }
  if (n_sw > 0)
    duration = MAX (duration, sw[n_sw - 1].end);

  n_a = words->len;
  a_to_b = g_new (int, n_a + 1);
  {
    g_autofree double *a_pos = g_new (double, n_a + 1);
    g_autofree double *b_time = g_new (double, n_sw + 1);
    g_autofree guint8 *a_edge = g_new0 (guint8, n_a + 1);
    g_autofree guint8 *b_edge = g_new0 (guint8, n_sw + 1);
    double chars = 0;
    guint p = 0;

    for (guint i = 0; i < n_a; i++)
      {
        const TextWord *w = &g_array_index (words, TextWord, i);

        a_pos[i] = chars;
        chars += g_utf8_strlen (w->text, (gssize) w->length) + 1;
        if (i == 0 || w->turn != g_array_index (words, TextWord, i - 1).turn
            || ends_sentence (&g_array_index (words, TextWord, i - 1)))
          a_edge[i] |= HARK_SYNC_EDGE_START;
        if (i + 1 == n_a || w->turn != g_array_index (words, TextWord, i + 1).turn
            || ends_sentence (w))
          a_edge[i] |= HARK_SYNC_EDGE_END;
      }
    for (guint j = 0; j < n_sw; j++)
      {
        b_time[j] = sw[j].start;
        while (p < n_pauses && pauses[p].end < sw[j].start - EDGE_REACH)
          p++;
        /* Pauses near this word: one ending just before it, one starting just after it. */
        for (guint q = p; q < n_pauses && pauses[q].start <= sw[j].end + EDGE_REACH; q++)
          {
            if (pauses[q].end >= sw[j].start - EDGE_REACH && pauses[q].end <= sw[j].start + 0.05)
              b_edge[j] |= HARK_SYNC_EDGE_START;
            if (pauses[q].start >= sw[j].end - 0.05 && pauses[q].start <= sw[j].end + EDGE_REACH)
              b_edge[j] |= HARK_SYNC_EDGE_END;
          }
      }
    n_matched = hark_sync_anchor_words ((const int *) (gconstpointer) a->data, a_pos, a_edge, n_a,
                                        (const int *) (gconstpointer) b->data, b_time, b_edge,
                                        n_sw, a_to_b);
  }
  tw = g_new0 (HarkSpreadWord, n_a + 1);
  fixed_start = g_new (double, n_a + 1);
  confirmed = g_new0 (gboolean, n_a + 1);
  for (guint i = 0; i < n_a; i++)
    {
      const TextWord *w = &g_array_index (words, TextWord, i);

      tw[i].weight = (guint) g_utf8_strlen (w->text, (gssize) w->length) + 1;
      fixed_start[i] = -1;
    }

  double last_start = -1;

  /* First pass: anchors only. Then each turn's start is moved to where the sound resumes, and
   * the words are spread again around those starts. */
  spread_all (tw, n_a, a_to_b, sw, fixed_start, duration, pauses, n_pauses);
  for (guint t = 0; t < n_turns; t++)
    {
      guint k = turn_first[t];
      double lo, hi, estimate, reach;
      int prev = -1, next = -1;


      if (k >= turn_first[t + 1])
        continue;
      estimate = tw[k].start;
      for (int i = (int) k - 1; i >= 0 && prev < 0; i--)
        if (a_to_b[i] >= 0)
          prev = a_to_b[i];
      for (guint i = a_to_b[k] >= 0 ? k : k + 1; i < n_a && next < 0; i++)
        if (a_to_b[i] >= 0)
          next = a_to_b[i];
      if (a_to_b[k] >= 0)
        {
          lo = estimate - SNAP_CONFIRMED_BEFORE;
          hi = estimate + SNAP_CONFIRMED_AFTER;
          reach = SNAP_CONFIRMED_BEFORE;
        }
      else
        {
          lo = estimate - SNAP_UNCONFIRMED;
          hi = next >= 0 ? sw[next].start : duration;
          reach = SNAP_UNCONFIRMED;
        }
      if (prev >= 0)
        lo = MAX (lo, sw[prev].end);
      /* Turns stay in order: never before the turn before this one started. */
      if (last_start >= 0)
        lo = MAX (lo, last_start + MIN_TURN);
      hi = MAX (hi, lo);
      fixed_start[k] = hark_sync_snap_to_onset (CLAMP (estimate, lo, hi), lo, hi, reach, pauses,
                                                n_pauses);
      last_start = fixed_start[k];
    }
  for (guint i = 0; i < n_a; i++)
    confirmed[i] = a_to_b[i] >= 0;
  /* A confirmed first word keeps its recognized time unless a pause says otherwise. */
  for (guint t = 0; t < n_turns; t++)
    {
      guint k = turn_first[t];

      if (k < turn_first[t + 1] && a_to_b[k] >= 0 && fixed_start[k] != tw[k].start)
        a_to_b[k] = -1;
    }
  spread_all (tw, n_a, a_to_b, sw, fixed_start, duration, pauses, n_pauses);

  for (guint t = 0; t < n_turns; t++)
    {
      g_autofree char *id = hark_speaker_id_from_name (turns[t].speaker);
      int speaker = turns[t].speaker && *turns[t].speaker
                        ? hark_transcript_builder_add_speaker (builder, id, turns[t].speaker)
                        : -1;
      guint k0 = turn_first[t], k1 = turn_first[t + 1], hits = 0;
      double start, end;
      float confidence;

      if (k0 < k1)
        {
          start = tw[k0].start;
          end = MAX (tw[k1 - 1].end, start);
        }
      else
        start = end = t > 0 ? turn_start[t - 1] : 0;
      turn_start[t] = start;
      for (guint i = k0; i < k1; i++)
        hits += confirmed[i];
      confidence = k1 > k0 ? (float) hits / (k1 - k0) : 0.0f;
      if (confidence < HARK_SYNC_WEAK_CONFIDENCE)
        n_weak++;
      hark_transcript_builder_add_turn (builder, start, end, turns[t].text, speaker, confidence);

      /* One cue per sentence (long ones split at a comma), text exactly as the transcript has it. */
      for (guint i = k0; i < k1;)
        {
          guint j = i;

          while (j + 1 < k1 && !ends_sentence (&g_array_index (words, TextWord, j)))
            j++;
          add_cues (builder, words, tw, i, j, speaker);
          i = j + 1;
        }
    }
  hark_transcript_builder_set_media_duration (builder, hark_speech_get_duration (speech));

  if (report)
    {
      report->n_text_words = n_a;
      report->n_speech_words = n_sw;
      report->n_matched = n_matched;
      report->coverage = n_a > 0 ? (double) n_matched / n_a : 0;
      report->n_weak_turns = n_weak;
    }
  return hark_transcript_builder_finish (g_steal_pointer (&builder));
}

gboolean
hark_sync_is_untimed (const HarkTranscript *t)
{
  guint n_cues, n_turns;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);

  hark_transcript_get_cues (t, &n_cues);
  if (n_cues > 0 || n_turns == 0)
    return FALSE;
  for (guint i = 0; i < n_turns; i++)
    if (turns[i].start != 0 || turns[i].end != 0)
      return FALSE;
  return TRUE;
}

HarkTranscript *
hark_sync_transcript (HarkSpeech *speech, const HarkTranscript *untimed, HarkSyncReport *report)
{
  guint n_turns;
  const HarkTurn *turns = hark_transcript_get_turns (untimed, &n_turns);
  g_autofree HarkMergeTurn *input = g_new0 (HarkMergeTurn, n_turns + 1);

  for (guint i = 0; i < n_turns; i++)
    {
      const HarkSpeaker *s = turns[i].speaker >= 0
                               ? hark_transcript_get_speaker (untimed, (guint) turns[i].speaker)
                               : NULL;

      input[i].speaker = s ? s->name : NULL;
      input[i].text = turns[i].text;
    }
  return hark_sync_text (speech, input, n_turns, report);
}
