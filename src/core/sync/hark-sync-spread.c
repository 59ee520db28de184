/* hark-sync-spread.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync/hark-sync-spread.h"

/* First pause that ends after @t (binary search). */
static guint
first_pause_ending_after (const HarkSpeechPause *pauses, guint n_pauses, double t)
{
  guint lo = 0, hi = n_pauses;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (pauses[mid].end <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Seconds of sound (not pause) in [from, to). */
static double
sounding (double from, double to, const HarkSpeechPause *pauses, guint n_pauses, guint first)
{
  double total = to - from;

  for (guint p = first; p < n_pauses && pauses[p].start < to; p++)
    total -= MIN (pauses[p].end, to) - MAX (pauses[p].start, from);
  return MAX (total, 0);
}

/* The time where @amount seconds of sound after @from have passed. */
static double
advance (double from, double to, double amount, const HarkSpeechPause *pauses, guint n_pauses,
         guint first, gboolean after_pause)
{
  double t = from;

  for (guint p = first; p < n_pauses && pauses[p].start < to; p++)
    {
      double s = MAX (pauses[p].start, t), e = MIN (pauses[p].end, to);

      if (e <= t)
        continue;
      if (after_pause ? s - t > amount : s - t >= amount)
        return t + amount;
      amount -= MAX (s - t, 0);
      t = e;
    }
  return MIN (t + amount, to);
}

void
hark_sync_spread (HarkSpreadWord *words, guint n_words, double from, double to,
                  const HarkSpeechPause *pauses, guint n_pauses)
{
  guint first, total = 0, done = 0;
  double sound;

  if (n_words == 0)
    return;
  to = MAX (to, from);
  first = first_pause_ending_after (pauses, n_pauses, from);
  sound = sounding (from, to, pauses, n_pauses, first);
  for (guint i = 0; i < n_words; i++)
    total += MAX (words[i].weight, 1);

  if (sound <= 0)
    {
      /* All pause: the words are squeezed where the gap is, by length. */
      for (guint i = 0; i < n_words; i++)
        {
          words[i].start = from + (to - from) * done / total;
          done += MAX (words[i].weight, 1);
          words[i].end = from + (to - from) * done / total;
        }
      return;
    }
  for (guint i = 0; i < n_words; i++)
    {
      double at = sound * done / total;

      /* A word starts on sound: after a pause, not inside it. */
      words[i].start = advance (from, to, at, pauses, n_pauses, first, TRUE);
      done += MAX (words[i].weight, 1);
      words[i].end = advance (from, to, sound * done / total, pauses, n_pauses, first, FALSE);
      if (words[i].end < words[i].start)
        words[i].end = words[i].start;
    }
}

double
hark_sync_snap_to_onset (double estimate, double lo, double hi, double max_distance,
                         const HarkSpeechPause *pauses, guint n_pauses)
{
  double best = estimate, best_distance = G_MAXDOUBLE;

  for (guint p = first_pause_ending_after (pauses, n_pauses, lo);
       p < n_pauses && pauses[p].end <= hi; p++)
    {
      /* How far the estimate is from the pause itself: a turn estimated just before a pause, or
       * inside it, most likely starts where the pause ends. */
      double d = estimate < pauses[p].start ? pauses[p].start - estimate
                 : estimate > pauses[p].end ? estimate - pauses[p].end
                                            : 0;

      if (d <= max_distance && d < best_distance)
        {
          best_distance = d;
          best = pauses[p].end;
        }
    }
  return best;
}
