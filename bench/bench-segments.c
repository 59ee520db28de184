/* bench-segments.c — sponsor detection on ep189, next to reading the captions it works on
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; judges nothing. The goal for detection is 10 ms on the 59-minute episode.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "formats/hark-sidecar.h"
#include "segments/hark-sponsor-detector.h"

#define RUNS 30

int
main (int argc, char **argv)
{
  const char *fixtures = bench_fixtures_dir ();
  g_autofree char *vtt = NULL;
  double read_ms[RUNS], detect_ms[RUNS];
  double detect_median, read_median;
  guint n_cues = 0, n_found = 0;

  if (fixtures == NULL)
    {
    return bench_skip ("HARK_FIXTURES_DIR is not set or absent");
    }
  vtt = g_build_filename (fixtures, "ep189", "ep189.vtt", NULL);
  if (!g_file_test (vtt, G_FILE_TEST_EXISTS))
    {
      g_autofree char *why = g_strdup_printf ("%s is absent", vtt);

      return bench_skip (why);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      g_autoptr (HarkTranscript) t = hark_sidecar_read (vtt, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL,
                                                        &error);
      g_autoptr (GArray) found = NULL;

      t1 = g_get_monotonic_time ();
      if (t == NULL)
        {
          printf ("reading %s failed: %s\n", vtt, error->message);
          return 1;
        }
      found = hark_sponsor_detect (t);
      t2 = g_get_monotonic_time ();
      read_ms[i] = (t1 - t0) / 1000.0;
      detect_ms[i] = (t2 - t1) / 1000.0;
      hark_transcript_get_cues (t, &n_cues);
      n_found = found->len;
    }

  printf ("ep189.vtt: %u cues, %u segments found; %d runs\n", n_cues, n_found, RUNS);
  printf ("  %-40s %10s %10s\n", "", "median", "fastest");
  /* median() sorts, so the fastest run is then the first. */
  detect_median = bench_median (detect_ms, RUNS);
  read_median = bench_median (read_ms, RUNS);
  printf ("  %-40s %7.2f ms %7.2f ms\n", "sponsor detection (goal <= 10 ms)", detect_median,
          detect_ms[0]);
  printf ("  %-40s %7.2f ms %7.2f ms\n", "reference: reading ep189.vtt", read_median, read_ms[0]);
  return 0;
}
