/* hark-time-map.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync/hark-time-map.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MEDIAN_HALF_WINDOW 4  /* pairs on each side in the running median */
#define OUTLIER 1.0           /* seconds a pair may differ from the running median */
#define STEP 0.5              /* a change of offset this large starts a new piece */
#define MIN_PIECE_PAIRS 5     /* fewer pairs are noise, not an edit */
/* A stretch shorter than this whose offset is within SMALL_STEP of a neighbour's is the pace of
 * the old times wobbling (words spread over a long cue), not an edit: it joins that neighbour. */
#define MIN_PIECE_SECONDS 60.0
#define SMALL_STEP 3.0

struct _HarkTimeMap
{
  GArray *pieces; /* HarkTimePiece */
};

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef struct
{
  guint first, last; /* pair indices */
  guint n;           /* inlier pairs */
  double offset;
} Run;

static void
finish_run (Run *run, const double *offsets, const gboolean *inlier, double *scratch)
{
  guint k = 0;

  for (guint i = run->first; i <= run->last; i++)
    if (inlier[i])
      scratch[k++] = offsets[i];
  run->n = k;
  run->offset = k > 0 ? median (scratch, k) : 0;
}

HarkTimeMap *
hark_time_map_new (const double *old_times, const double *new_times, guint n)
{
  g_autofree double *offsets = NULL;
  g_autofree double *smooth = NULL;
  g_autofree double *scratch = NULL;
  g_autofree gboolean *inlier = NULL;
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  HarkTimeMap *self;
  Run run = { 0 };

  if (n < HARK_TIME_MAP_MIN_PAIRS)
    return NULL;
  offsets = g_new (double, n);
  smooth = g_new (double, n);
  scratch = g_new (double, n);
  inlier = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    offsets[i] = new_times[i] - old_times[i];
  for (guint i = 0; i < n; i++)
    {
      guint lo = i >= MEDIAN_HALF_WINDOW ? i - MEDIAN_HALF_WINDOW : 0;
      guint hi = MIN (n - 1, i + MEDIAN_HALF_WINDOW);

      memcpy (scratch, offsets + lo, (hi - lo + 1) * sizeof (double));
      smooth[i] = median (scratch, hi - lo + 1);
      inlier[i] = fabs (offsets[i] - smooth[i]) < OUTLIER;
    }

  /* Runs of similar smoothed offset; short runs are dropped and their neighbours rejoined. */
  run.first = 0;
  for (guint i = 1; i <= n; i++)
    if (i == n || fabs (smooth[i] - smooth[i - 1]) > STEP)
      {
        run.last = i - 1;
        finish_run (&run, offsets, inlier, scratch);
        if (run.n >= MIN_PIECE_PAIRS)
          {
            Run *prev = runs->len > 0 ? &g_array_index (runs, Run, runs->len - 1) : NULL;

            if (prev && fabs (prev->offset - run.offset) <= STEP)
              {
                prev->last = run.last;
                finish_run (prev, offsets, inlier, scratch);
              }
            else
              g_array_append_val (runs, run);
          }
        run.first = i;
      }
  /* Short runs close in offset to a neighbour join it (the closer one), until none is left. */
  for (gboolean merged = TRUE; merged && runs->len > 1;)
    {
      merged = FALSE;
      for (guint r = 0; r < runs->len; r++)
        {
          Run *x = &g_array_index (runs, Run, r);
          Run *prev = r > 0 ? x - 1 : NULL, *next = r + 1 < runs->len ? x + 1 : NULL;
          double d_prev = prev ? fabs (prev->offset - x->offset) : G_MAXDOUBLE;
          double d_next = next ? fabs (next->offset - x->offset) : G_MAXDOUBLE;
          Run *into;

          if (old_times[x->last] - old_times[x->first] >= MIN_PIECE_SECONDS
              || MIN (d_prev, d_next) > SMALL_STEP)
            continue;
          into = d_prev <= d_next ? prev : next;
          into->first = MIN (into->first, x->first);
          into->last = MAX (into->last, x->last);
          finish_run (into, offsets, inlier, scratch);
          g_array_remove_index (runs, r);
          merged = TRUE;
          break;
        }
    }
  if (runs->len == 0)
    {
      /* No stretch long enough: one offset for all. */
      run.first = 0;
      run.last = n - 1;
      finish_run (&run, offsets, inlier, scratch);
      g_array_append_val (runs, run);
    }

  self = g_new0 (HarkTimeMap, 1);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (HarkTimePiece));
  for (guint r = 0; r < runs->len; r++)
    {
      const Run *x = &g_array_index (runs, Run, r);
      HarkTimePiece piece = { INFINITY, -INFINITY, x->offset };

      for (guint i = x->first; i <= x->last; i++)
        if (inlier[i])
          {
            piece.old_start = MIN (piece.old_start, old_times[i]);
            piece.old_end = MAX (piece.old_end, old_times[i]);
          }
      if (!isfinite (piece.old_start))
        piece.old_start = piece.old_end = old_times[x->first];
      g_array_append_val (self->pieces, piece);
    }
  return self;
}

void
hark_time_map_free (HarkTimeMap *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->pieces);
  g_free (self);
}

const HarkTimePiece *
hark_time_map_get_pieces (const HarkTimeMap *self, guint *n_pieces)
{
  if (n_pieces)
    *n_pieces = self->pieces->len;
  return (const HarkTimePiece *) (gconstpointer) self->pieces->data;
}

/* Between pieces @k and @k + 1: where the edit most likely is. An insertion happened at one
 * moment of the old cut, a removal took a stretch as long as the offsets differ; either is put
 * in the middle of the unpaired gap. */
static void
edit_between (const HarkTimeMap *self, guint k, double *cut_start, double *cut_end)
{
  const HarkTimePiece *p = &g_array_index (self->pieces, HarkTimePiece, k);
  const HarkTimePiece *q = p + 1;
  double gap = MAX (q->old_start - p->old_end, 0);
  double removed = MAX (p->offset - q->offset, 0);

  removed = MIN (removed, gap);
  *cut_start = p->old_end + (gap - removed) / 2;
  *cut_end = *cut_start + removed;
}

guint
hark_time_map_find_piece (const HarkTimeMap *self, double old_time, gboolean *removed)
{
  guint n = self->pieces->len;
  const HarkTimePiece *pieces = (const HarkTimePiece *) (gconstpointer) self->pieces->data;
  guint k = 0;

  if (removed)
    *removed = FALSE;
  while (k + 1 < n && pieces[k + 1].old_start <= old_time)
    k++;
  if (k + 1 < n && old_time > pieces[k].old_end)
    {
      double cut_start, cut_end;

      edit_between (self, k, &cut_start, &cut_end);
      if (old_time >= cut_end && old_time > cut_start)
        return k + 1;
      if (old_time > cut_start && removed)
        *removed = TRUE;
    }
  return k;
}

double
hark_time_map_apply (const HarkTimeMap *self, double old_time, gboolean *removed)
{
  gboolean gone = FALSE;
  guint k = hark_time_map_find_piece (self, old_time, &gone);
  const HarkTimePiece *p = &g_array_index (self->pieces, HarkTimePiece, k);

  if (removed)
    *removed = gone;
  if (gone)
    {
      double cut_start, cut_end;

      edit_between (self, k, &cut_start, &cut_end);
      return MAX (cut_start + p->offset, 0);
    }
  return MAX (old_time + p->offset, 0);
}
