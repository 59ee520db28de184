/* hark-sync-anchors.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync/hark-sync-anchors.h"

#include <math.h>
#include <stdlib.h>
#include <stdlib.h>
#include <string.h>

#include "transcript/hark-align.h"

#define MEDIAN_HALF_WINDOW 10 /* matches on each side in the running median of residuals */
#define OUTLIER_SECONDS 8.0   /* a match this far from its neighbours' pace is dropped */
#define EDGE_BONUS 0.5        /* a match where a sentence edge meets a pause edge counts 1.5 */
/* Windows (seconds either side of the expected time) of the successive re-matching passes:
 * wide first, so a stretch the first alignment missed entirely is found again, then narrower
 * around the better map. */
static const double windows[] = { 30.0, 12.0, 5.0 };

static int
compare_double (const void *x, const void *y)
{
  double p = *(const double *) x, q = *(const double *) y;

  return (p > q) - (p < q);
}

/* See hark-sync-anchors.h: each match moves to the equal, unmatched word nearest in time to
 * where its matched neighbours put it (by position in the text). */
static void
reseat (int *a_to_b, guint n_a, const int *a, const double *a_pos, const int *b,
        const double *b_time)
{
  int prev_i = -1;

  for (guint i = 0; i < n_a; i++)
    {
      int next_i = -1, lo_j, hi_j, best;
      double expected;

      if (a_to_b[i] < 0)
        continue;
      for (guint k = i + 1; k < n_a && next_i < 0; k++)
        if (a_to_b[k] >= 0)
          next_i = (int) k;
      if (next_i < 0 || prev_i < 0)
        {
          prev_i = (int) i;
          continue;
        }
      lo_j = a_to_b[prev_i];
      hi_j = a_to_b[next_i];
      expected = a_pos[next_i] > a_pos[prev_i]
                     ? b_time[lo_j] + (b_time[hi_j] - b_time[lo_j]) * (a_pos[i] - a_pos[prev_i])
                                          / (a_pos[next_i] - a_pos[prev_i])
                     : b_time[a_to_b[i]];
      best = a_to_b[i];
      for (int j = lo_j + 1; j < hi_j; j++)
        if (b[j] == a[i] && fabs (b_time[j] - expected) < fabs (b_time[best] - expected))
          best = j;
      a_to_b[i] = best;
      prev_i = (int) i;
    }
}

/* The recognizer hears about as many words as were said. A match with more text words than
 * recognized words on one side and the reverse on the other was pulled to an equal word said
 * elsewhere ("the" of the sentence before): it is dropped. */
#define IMBALANCE 3

static void
drop_stretched (int *a_to_b, guint n_a)
{
  int prev_i = -1;

  for (guint i = 0; i < n_a; i++)
    {
      int next_i = -1;
      int tb_prev, rb_prev, tb_next, rb_next;

      if (a_to_b[i] < 0)
        continue;
      for (guint k = i + 1; k < n_a && next_i < 0; k++)
        if (a_to_b[k] >= 0)
          next_i = (int) k;
      if (prev_i < 0 || next_i < 0)
        {
          prev_i = (int) i;
          continue;
        }
      tb_prev = (int) i - prev_i - 1;
      rb_prev = a_to_b[i] - a_to_b[prev_i] - 1;
      tb_next = next_i - (int) i - 1;
      rb_next = a_to_b[next_i] - a_to_b[i] - 1;
      if (MIN (tb_prev - rb_prev, rb_next - tb_next) >= IMBALANCE
          || MIN (rb_prev - tb_prev, tb_next - rb_next) >= IMBALANCE)
        a_to_b[i] = -1; /* prev_i stays: the next match is judged against the one before */
      else
        prev_i = (int) i;
    }
}

/* Drops matches whose time is far from what their neighbours' pace predicts. */
static void
drop_outliers (int *a_to_b, guint n_a, const double *a_pos, const double *b_time, double pace)
{
  g_autofree guint *idx = g_new (guint, n_a + 1);
  g_autofree double *resid = g_new (double, n_a + 1);
  g_autofree double *scratch = g_new (double, 2 * MEDIAN_HALF_WINDOW + 1);
  guint n = 0;

  for (guint i = 0; i < n_a; i++)
    if (a_to_b[i] >= 0)
      {
        idx[n] = i;
        resid[n] = b_time[a_to_b[i]] - a_pos[i] * pace;
        n++;
      }
  for (guint k = 0; k < n; k++)
    {
      guint lo = k >= MEDIAN_HALF_WINDOW ? k - MEDIAN_HALF_WINDOW : 0;
      guint hi = MIN (n - 1, k + MEDIAN_HALF_WINDOW);
      double m;

      memcpy (scratch, resid + lo, (hi - lo + 1) * sizeof (double));
      qsort (scratch, hi - lo + 1, sizeof (double), compare_double);
      m = scratch[(hi - lo) / 2];
      if (fabs (resid[k] - m) > OUTLIER_SECONDS)
        a_to_b[idx[k]] = -1;
    }
}

/* Expected time of every text word: interpolated by position between matched words, at
 * @pace outside them. */
static void
expected_times (const int *a_to_b, guint n_a, const double *a_pos, const double *b_time,
                double pace, double *expected)
{
  int prev = -1;

  for (guint i = 0; i <= n_a; i++)
    {
      if (i < n_a && a_to_b[i] < 0)
        continue;
      /* Words between prev and i. */
      for (guint k = prev + 1; k < i; k++)
        {
          if (prev >= 0 && i < n_a && a_pos[i] > a_pos[prev])
            expected[k] = b_time[a_to_b[prev]]
                          + (b_time[a_to_b[i]] - b_time[a_to_b[prev]]) * (a_pos[k] - a_pos[prev])
                                / (a_pos[i] - a_pos[prev]);
          else if (prev >= 0)
            expected[k] = b_time[a_to_b[prev]] + (a_pos[k] - a_pos[prev]) * pace;
          else if (i < n_a)
            expected[k] = b_time[a_to_b[i]] - (a_pos[i] - a_pos[k]) * pace;
          else
            expected[k] = a_pos[k] * pace;
        }
      if (i < n_a)
        {
          expected[i] = b_time[a_to_b[i]];
          prev = (int) i;
        }
    }
}

typedef struct
{
  guint i;
  guint j;
} Pair;

static int
compare_pairs (const void *x, const void *y)
{
  const Pair *p = x, *q = y;

  if (p->i != q->i)
    return p->i < q->i ? -1 : 1;
  /* Same text word: larger j first, so the chain takes at most one of them. */
  return p->j > q->j ? -1 : p->j < q->j ? 1 : 0;
}

/* The heaviest chain of candidate pairs increasing in both i and j: a Fenwick tree over j keeps
 * the best chain ending before each j. A pair weighs 1, more when a sentence edge of the text
 * meets a pause edge of the audio. */
typedef struct
{
  double value;
  int pair;
} Best;

static Best
fenwick_query (const Best *tree, guint j) /* best over indices [0, j) */
{
  Best best = { 0, -1 };

  for (; j > 0; j -= j & -j)
    if (tree[j].value > best.value)
      best = tree[j];
  return best;
}

static void
fenwick_update (Best *tree, guint size, guint j, Best value) /* at index j */
{
  for (j++; j <= size; j += j & -j)
    if (value.value > tree[j].value)
      tree[j] = value;
}

static void
heaviest_chain (Pair *pairs, guint n_pairs, guint n_a, guint n_b, const guint8 *a_edge,
                const guint8 *b_edge, int *a_to_b)
{
  g_autofree Best *tree = g_new0 (Best, n_b + 1);
  g_autofree int *back = g_new (int, n_pairs + 1);
  Best top = { 0, -1 };

  for (guint j = 0; j <= n_b; j++)
    tree[j].pair = -1;
  qsort (pairs, n_pairs, sizeof (Pair), compare_pairs);
  for (guint p = 0; p < n_pairs; p++)
    {
      Best before = fenwick_query (tree, pairs[p].j);
      guint8 shared = a_edge[pairs[p].i] & b_edge[pairs[p].j];
      Best here = { before.value + 1.0 + EDGE_BONUS * ((shared & 1) + ((shared >> 1) & 1)),
                    (int) p };

      back[p] = before.pair;
      fenwick_update (tree, n_b, pairs[p].j, here);
      if (here.value > top.value)
        top = here;
    }
  for (guint i = 0; i < n_a; i++)
    a_to_b[i] = -1;
  for (int p = top.pair; p >= 0; p = back[p])
    a_to_b[pairs[p].i] = (int) pairs[p].j;
}

guint
hark_sync_anchor_words (const int *a, const double *a_pos, const guint8 *a_edge, guint n_a,
                        const int *b, const double *b_time, const guint8 *b_edge, guint n_b,
                        int *a_to_b)
{
  g_autofree double *expected = NULL;
  g_autoptr (GHashTable) by_id = NULL; /* id → GArray of b indices */
  g_autoptr (GArray) pairs = NULL;
  double pace;
  guint n_matched = 0;

  hark_align (a, n_a, b, n_b, a_to_b);
  if (n_a == 0 || n_b == 0)
    return 0;
  reseat (a_to_b, n_a, a, a_pos, b, b_time);
  /* Seconds per character over the whole: only the slope the residuals are taken against. */
  pace = a_pos[n_a - 1] > 0 ? MAX (b_time[n_b - 1] - b_time[0], 1.0) / a_pos[n_a - 1] : 0.07;

  by_id = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                 (GDestroyNotify) g_array_unref);
  for (guint j = 0; j < n_b; j++)
    {
      GArray *list;

      if (b[j] < 0)
        continue;
      list = g_hash_table_lookup (by_id, GINT_TO_POINTER (b[j] + 1));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_id, GINT_TO_POINTER (b[j] + 1), list);
        }
      g_array_append_val (list, j);
    }
  expected = g_new (double, n_a + 1);
  pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  for (guint pass = 0; pass < G_N_ELEMENTS (windows); pass++)
    {
      drop_outliers (a_to_b, n_a, a_pos, b_time, pace);
      expected_times (a_to_b, n_a, a_pos, b_time, pace, expected);
      g_array_set_size (pairs, 0);
      for (guint i = 0; i < n_a; i++)
        {
          GArray *list = a[i] >= 0 ? g_hash_table_lookup (by_id, GINT_TO_POINTER (a[i] + 1)) : NULL;
          const guint *js;
          guint lo = 0, hi;

          if (list == NULL)
            continue;
          js = (const guint *) (gconstpointer) list->data;
          hi = list->len;
          /* First candidate at or after expected - window. */
          while (lo < hi)
            {
              guint mid = (lo + hi) / 2;

              if (b_time[js[mid]] < expected[i] - windows[pass])
                lo = mid + 1;
              else
                hi = mid;
            }
          for (guint k = lo; k < list->len && b_time[js[k]] <= expected[i] + windows[pass]; k++)
            {
              Pair pair = { i, js[k] };

              g_array_append_val (pairs, pair);
            }
        }
      heaviest_chain ((Pair *) (gpointer) pairs->data, pairs->len, n_a, n_b, a_edge, b_edge,
                      a_to_b);
      reseat (a_to_b, n_a, a, a_pos, b, b_time);
    }
  drop_stretched (a_to_b, n_a);
  for (guint i = 0; i < n_a; i++)
    n_matched += a_to_b[i] >= 0;
  return n_matched;
}
