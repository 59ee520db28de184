/* bench-util.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"

#include <stdio.h>
#include <stdlib.h>

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
bench_sort (double *values, gsize n)
{
  qsort (values, n, sizeof (double), compare_doubles);
}

double
bench_median (double *values, gsize n)
{
  g_return_val_if_fail (n > 0, 0);
  bench_sort (values, n);
  return values[n / 2];
}

const char *
bench_fixtures_dir (void)
{
  const char *dir = g_getenv ("HARK_FIXTURES_DIR");

  return dir && g_file_test (dir, G_FILE_TEST_IS_DIR) ? dir : NULL;
}

int
bench_skip (const char *why)
{
  if (g_strcmp0 (g_getenv ("HARK_FIXTURES_REQUIRED"), "1") == 0)
    {
      printf ("FAILED: %s, and this build requires the fixtures (-Dfixtures=required)\n", why);
      return 1;
    }
  printf ("skipped: %s\n", why);
  return 77;
}
