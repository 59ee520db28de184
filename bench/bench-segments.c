/* bench-segments.c — sponsor detection, next to reading the captions it works on
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; judges nothing. Two transcripts: ep189 (59 minutes, goal 10 ms) and a real
 * three-hour episode from the realworld fixtures (1954 Whisper cues, goal 50 ms), each next to
 * reading the same file.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "formats/hark-sidecar.h"
#include "segments/hark-sponsor-detector.h"

#define RUNS 30

/* Returns FALSE when the file cannot be read (printed). */
static gboolean
measure (const char *path, const char *label, double goal_ms)
{
  double read_ms[RUNS], detect_ms[RUNS];
  double detect_median, read_median, duration = 0;
  guint n_cues = 0, n_found = 0;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *what = NULL;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      g_autoptr (HarkTranscript) t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL,
                                                        &error);
      g_autoptr (GArray) found = NULL;
      const HarkCue *cues;

      t1 = g_get_monotonic_time ();
      if (t == NULL)
        {
          printf ("reading %s failed: %s\n", path, error->message);
          return FALSE;
        }
      found = hark_sponsor_detect (t);
      t2 = g_get_monotonic_time ();
      read_ms[i] = (t1 - t0) / 1000.0;
      detect_ms[i] = (t2 - t1) / 1000.0;
      cues = hark_transcript_get_cues (t, &n_cues);
      duration = n_cues ? cues[n_cues - 1].end : 0;
      n_found = found->len;
    }

  printf ("%s (%s, %.0f min): %u cues, %u segments found; %d runs\n", base, label,
          duration / 60.0, n_cues, n_found, RUNS);
  printf ("  %-44s %10s %10s\n", "", "median", "fastest");
  /* median() sorts, so the fastest run is then the first. */
  detect_median = bench_median (detect_ms, RUNS);
  read_median = bench_median (read_ms, RUNS);
  what = g_strdup_printf ("sponsor detection (goal <= %.0f ms)", goal_ms);
  printf ("  %-44s %7.2f ms %7.2f ms\n", what, detect_median, detect_ms[0]);
  g_free (what);
  what = g_strdup_printf ("reference: reading %s", base);
  printf ("  %-44s %7.2f ms %7.2f ms\n", what, read_median, read_ms[0]);
  return TRUE;
}

int
main (int argc, char **argv)
{
  const char *fixtures = bench_fixtures_dir ();
  g_autofree char *vtt = NULL;
  g_autofree char *long_vtt = NULL;

  if (fixtures == NULL)
    return bench_skip ("HARK_FIXTURES_DIR is not set or absent");
  vtt = g_build_filename (fixtures, "ep189", "ep189.vtt", NULL);
  if (!g_file_test (vtt, G_FILE_TEST_EXISTS))
    {
      g_autofree char *why = g_strdup_printf ("%s is absent", vtt);

      return bench_skip (why);
    }
  if (!measure (vtt, "ep189", 10))
    return 1;

  long_vtt = g_build_filename (fixtures, "realworld-dev", "lex-fridman", "101-joscha-bach.vtt",
                               NULL);
  if (!g_file_test (long_vtt, G_FILE_TEST_EXISTS))
    printf ("%s is absent: no three-hour figure\n", long_vtt);
  else if (!measure (long_vtt, "three hours", 50))
    return 1;
  return 0;
}
