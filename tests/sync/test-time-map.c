/* test-time-map.c — piecewise time maps from paired moments, with false pairs mixed in
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sync/hark-time-map.h"

/* The truth for the tests: +20 s from old 100 s on (an insertion), a stretch [300, 330) removed. */
static double
truth (double old, gboolean *removed)
{
  *removed = old >= 300 && old < 330;
  if (old < 100)
    return old;
  if (old < 300)
    return old + 20;
  if (old < 330)
    return 300 + 20;
  return old - 10;
}

static void
test_insert_and_remove (void)
{
  g_autoptr (GArray) old = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) new = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (HarkTimeMap) map = NULL;
  guint n_pieces;
  const HarkTimePiece *pieces;
  GRand *rand = g_rand_new_with_seed (7);

  /* A pair every ~1.5 s, with noise of ±0.3 s and one false pair in ten (that stays in order). */
  for (double t = 1; t < 500; t += 1.0 + g_rand_double (rand))
    {
      gboolean removed;
      double n = truth (t, &removed) + g_rand_double_range (rand, -0.3, 0.3);

      if (removed)
        continue;
      if (g_rand_int_range (rand, 0, 10) == 0 && new->len > 0)
        n = MAX (g_array_index (new, double, new->len - 1), n - 3.0);
      if (new->len > 0 && n <= g_array_index (new, double, new->len - 1))
        continue;
      g_array_append_val (old, t);
      g_array_append_val (new, n);
    }
  map = hark_time_map_new ((double *) (gpointer) old->data, (double *) (gpointer) new->data,
                           old->len);
  g_assert_nonnull (map);
  pieces = hark_time_map_get_pieces (map, &n_pieces);
  g_assert_cmpuint (n_pieces, ==, 3);
  g_assert_cmpfloat_with_epsilon (pieces[0].offset, 0, 0.15);
  g_assert_cmpfloat_with_epsilon (pieces[1].offset, 20, 0.15);
  g_assert_cmpfloat_with_epsilon (pieces[2].offset, -10, 0.15);

  for (double t = 0; t < 500; t += 0.25)
    {
      gboolean removed_truth, removed;
      double expected = truth (t, &removed_truth);
      double got = hark_time_map_apply (map, t, &removed);

      /* Within two seconds of an edit the side is a guess; elsewhere it must be right. */
      if (ABS (t - 100) < 2 || ABS (t - 300) < 2 || ABS (t - 330) < 2)
        continue;
      g_assert_cmpint (removed, ==, removed_truth);
      if (!removed)
        g_assert_cmpfloat_with_epsilon (got, expected, 0.2);
    }
  g_rand_free (rand);
}

static void
test_too_few (void)
{
  double a[] = { 1, 2, 3 }, b[] = { 2, 3, 4 };
  double c[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, d[] = { 5, 6, 7, 8, 9, 10, 11, 12, 13 };
  g_autoptr (HarkTimeMap) map = NULL;

  g_assert_null (hark_time_map_new (a, b, 3));
  map = hark_time_map_new (c, d, 9);
  g_assert_nonnull (map);
  g_assert_cmpfloat_with_epsilon (hark_time_map_apply (map, 100, NULL), 104, 1e-9);
  g_assert_cmpfloat_with_epsilon (hark_time_map_apply (map, 0, NULL), 4, 1e-9);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/time-map/insert-and-remove", test_insert_and_remove);
  g_test_add_func ("/sync/time-map/too-few", test_too_few);
  return g_test_run ();
}
