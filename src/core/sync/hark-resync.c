/* hark-resync.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync/hark-resync.h"

#include <math.h>
#include <stdlib.h>

#include "sync/hark-sync-spread.h"
#include "sync/hark-time-map.h"
#include "transcript/hark-align.h"
#include "transcript/hark-merge.h"

/* A cue's own pairs must agree on an offset within this to choose a piece by themselves. */
#define CUE_AGREEMENT 0.75

typedef struct
{
  HarkWordTable *table;
  GArray *ids;     /* int */
  GArray *spread;  /* HarkSpreadWord */
  GArray *cue_of;  /* guint */
  guint cue;
} Collector;

static void
collect_word (const char *word, gsize length, gpointer user_data)
{
  Collector *c = user_data;
  int id = hark_word_table_intern (c->table, word, (gssize) length);
  HarkSpreadWord w = { 0, 0, (guint) g_utf8_strlen (word, (gssize) length) + 1 };

  g_array_append_val (c->ids, id);
  g_array_append_val (c->spread, w);
  g_array_append_val (c->cue_of, c->cue);
}

gboolean
hark_resync_is_needed (const HarkTranscript *t, double audio_duration)
{
  double media = hark_transcript_get_media_duration (t);

  return media > 0 && audio_duration > 0 && fabs (media - audio_duration) > 1.0;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The piece for cue @c: the one its own pairs agree on, else the map's choice for its start. */
static guint
piece_for_cue (const HarkTimeMap *map, const HarkCue *cue, const double *pair_offsets,
               guint n_pairs, gboolean *removed)
{
  guint n_pieces;
  const HarkTimePiece *pieces = hark_time_map_get_pieces (map, &n_pieces);

  if (n_pairs >= 2)
    {
      g_autofree double *sorted = g_memdup2 (pair_offsets, n_pairs * sizeof (double));
      double m;
      guint best = 0;

      qsort (sorted, n_pairs, sizeof (double), compare_double);
      m = sorted[n_pairs / 2];
      for (guint k = 1; k < n_pieces; k++)
        if (fabs (pieces[k].offset - m) < fabs (pieces[best].offset - m))
          best = k;
      if (fabs (pieces[best].offset - m) < CUE_AGREEMENT
          && fabs (sorted[0] - sorted[n_pairs - 1]) < 2 * CUE_AGREEMENT)
        {
          *removed = FALSE;
          return best;
        }
    }
  return hark_time_map_find_piece (map, cue->start, removed);
}

static double
map_time (const HarkTimeMap *map, double t)
{
  return hark_time_map_apply (map, t, NULL);
}

HarkTranscript *
hark_resync (HarkSpeech *speech, const HarkTranscript *t, HarkResyncReport *report)
{
  g_autoptr (HarkTranscriptBuilder) builder = hark_transcript_builder_new ();
  g_autoptr (HarkWordTable) table = hark_word_table_new ();
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) spread = g_array_new (FALSE, FALSE, sizeof (HarkSpreadWord));
  g_autoptr (GArray) cue_of = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (HarkTimeMap) map = NULL;
  g_autofree int *a_to_b = NULL;
  g_autofree double *old_times = NULL, *new_times = NULL, *offsets = NULL;
  g_autofree guint *cue_first_pair = NULL;
  g_autofree guint *pair_cue = NULL;
  g_autofree double *cue_offset = NULL;
  g_autofree gboolean *cue_removed = NULL;
  guint n_cues, n_words, n_turns, n_sw, n_pairs = 0, n_removed = 0, n_pieces = 0;
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);
  const HarkWord *words = hark_transcript_get_words (t, &n_words);
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);
  const HarkSpeechWord *sw = hark_speech_get_words (speech, &n_sw);
  Collector c = { table, a, spread, cue_of, 0 };
  guint n_chapters, n_segments;
  const HarkChapter *chapters;
  const HarkSegment *segments;

  /* The old cut's words, at their own times or spread over their cue. */
  for (guint i = 0; i < n_cues; i++)
    {
      guint first = spread->len;

      c.cue = i;
      if (cues[i].n_words > 0)
        for (guint k = 0; k < cues[i].n_words; k++)
          {
            guint before = spread->len;

            hark_words_foreach (words[cues[i].first_word + k].text, collect_word, &c);
            hark_sync_spread (&g_array_index (spread, HarkSpreadWord, before),
                              spread->len - before, words[cues[i].first_word + k].start,
                              words[cues[i].first_word + k].end, NULL, 0);
          }
      else
        {
          hark_words_foreach (cues[i].text, collect_word, &c);
          hark_sync_spread (&g_array_index (spread, HarkSpreadWord, first), spread->len - first,
                            cues[i].start, cues[i].end, NULL, 0);
        }
    }
  for (guint i = 0; i < n_sw; i++)
    {
      int id = hark_word_table_intern (table, sw[i].text, -1);

      g_array_append_val (b, id);
    }
  a_to_b = g_new (int, a->len + 1);
  hark_align ((const int *) (gconstpointer) a->data, a->len,
              (const int *) (gconstpointer) b->data, b->len, a_to_b);

  old_times = g_new (double, a->len + 1);
  new_times = g_new (double, a->len + 1);
  pair_cue = g_new (guint, a->len + 1);
  for (guint i = 0; i < a->len; i++)
    if (a_to_b[i] >= 0)
      {
        old_times[n_pairs] = g_array_index (spread, HarkSpreadWord, i).start;
        new_times[n_pairs] = sw[a_to_b[i]].start;
        pair_cue[n_pairs] = g_array_index (cue_of, guint, i);
        n_pairs++;
      }
  /* cue_first_pair[c]: the first pair of cue c or a later one. */
  cue_first_pair = g_new0 (guint, n_cues + 1);
  for (guint cue = 0, p = 0; cue <= n_cues; cue++)
    {
      while (p < n_pairs && pair_cue[p] < cue)
        p++;
      cue_first_pair[cue] = p;
    }

  map = hark_time_map_new (old_times, new_times, n_pairs);
  if (report)
    {
      report->duration_mismatch =
          hark_resync_is_needed (t, hark_speech_get_duration (speech));
      report->n_matched = n_pairs;
    }
  if (map == NULL)
    {
      if (report)
        report->n_pieces = 0;
      return hark_transcript_ref ((HarkTranscript *) t);
    }
  hark_time_map_get_pieces (map, &n_pieces);

  offsets = g_new (double, n_pairs + 1);
  for (guint p = 0; p < n_pairs; p++)
    offsets[p] = new_times[p] - old_times[p];
  cue_offset = g_new (double, n_cues + 1);
  cue_removed = g_new0 (gboolean, n_cues + 1);

  for (guint s = 0; s < hark_transcript_get_n_speakers (t); s++)
    {
      const HarkSpeaker *speaker = hark_transcript_get_speaker (t, s);

      hark_transcript_builder_add_speaker (builder, speaker->id, speaker->name);
    }
  for (guint i = 0; i < n_cues; i++)
    {
      gboolean removed = FALSE;
      guint first = cue_first_pair[i], end = MAX (cue_first_pair[i + 1], first);
      guint piece = piece_for_cue (map, &cues[i], offsets + first, end - first, &removed);
      const HarkTimePiece *pieces = hark_time_map_get_pieces (map, NULL);

      cue_offset[i] = pieces[piece].offset;
      cue_removed[i] = removed;
      if (removed)
        {
          n_removed++;
          continue;
        }
      hark_transcript_builder_add_cue (builder, MAX (cues[i].start + cue_offset[i], 0),
                                       MAX (cues[i].end + cue_offset[i], 0), cues[i].text,
                                       cues[i].speaker);
      for (guint k = 0; k < cues[i].n_words; k++)
        {
          const HarkWord *w = &words[cues[i].first_word + k];

          hark_transcript_builder_add_word (builder, MAX (w->start + cue_offset[i], 0),
                                            MAX (w->end + cue_offset[i], 0), w->text);
        }
    }

  /* A turn moves with its first cue still in the audio; without cues, by the map. */
  for (guint i = 0; i < n_turns; i++)
    {
      double start = -1, end = -1;

      for (guint k = turns[i].first_cue; k < turns[i].first_cue + turns[i].n_cues && k < n_cues;
           k++)
        if (!cue_removed[k])
          {
            if (start < 0)
              start = MAX (cues[k].start, turns[i].start) + cue_offset[k];
            end = MIN (cues[k].end, turns[i].end) + cue_offset[k];
          }
      if (start < 0)
        {
          start = map_time (map, turns[i].start);
          end = map_time (map, turns[i].end);
        }
      hark_transcript_builder_add_turn (builder, MAX (start, 0), MAX (end, start), turns[i].text,
                                        turns[i].speaker, turns[i].evidence);
    }

  chapters = hark_transcript_get_chapters (t, &n_chapters);
  for (guint i = 0; i < n_chapters; i++)
    {
      double start = map_time (map, chapters[i].start), end = map_time (map, chapters[i].end);

      hark_transcript_builder_add_chapter (builder, start, MAX (end, start), chapters[i].title,
                                           chapters[i].url, chapters[i].toc);
    }
  segments = hark_transcript_get_segments (t, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      gboolean gone_start, gone_end;
      double start = hark_time_map_apply (map, segments[i].start, &gone_start);
      double end = hark_time_map_apply (map, segments[i].end, &gone_end);

      if (end - start < 0.5 && gone_start && gone_end)
        continue; /* cut out with the stretch it covered */
      hark_transcript_builder_add_segment (builder, start, MAX (end, start), segments[i].category,
                                           segments[i].source, segments[i].evidence);
    }
  hark_transcript_builder_set_media_duration (builder, hark_speech_get_duration (speech));
  hark_transcript_builder_set_source_note (builder, hark_transcript_get_source_note (t));
  hark_transcript_builder_set_title (builder, hark_transcript_get_title (t));
  hark_transcript_builder_set_generated (builder, hark_transcript_is_generated (t));

  if (report)
    {
      report->n_pieces = n_pieces;
      report->n_removed_cues = n_removed;
    }
  return hark_transcript_builder_finish (g_steal_pointer (&builder));
}
