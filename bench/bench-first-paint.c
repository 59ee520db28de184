/* bench-first-paint.c — from starting `hark` to the first frame that shows the episode
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goal: ep189 (59 min, captions + speaker-labelled transcript merged at load) on screen within
 * 300 ms of the process starting. Printed next to the floor measured in the same run: the same
 * program showing its empty window (GTK and libadwaita start-up, no episode). Not asserted.
 * Without a display the benchmark runs itself under xvfb-run.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-util.h"
#include "hark-test-util.h"

#define RUNS 7

typedef struct
{
  double first;      /* ms to the first frame ("empty" or "opened") */
  double transcript; /* ms to the first frame with the transcript, < 0 when none */
  double cpu;        /* CPU seconds the process used, user + system */
} Run;

static double
cpu_of_children (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

/* Starts `hark [FILE]` and reads the frames it reports. */
static gboolean
run_hark (const char *hark, const char *data_home, const char *file, const char *first,
          Run *run)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  gint64 started;
  double cpu_before = cpu_of_children ();

  g_subprocess_launcher_setenv (launcher, "HARK_REPORT_FIRST_PAINT", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  /* The test environment's malloc checks slow start-up down several times over. */
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_PERTURB_");
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  run->first = run->transcript = -1;
  started = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, hark, file, NULL);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    {
      g_printerr ("running %s failed: %s\n", hark, error->message);
      return FALSE;
    }
  run->cpu = cpu_of_children () - cpu_before;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 painted;
      char what[32];

      if (sscanf (lines[i], "first-paint %" G_GINT64_FORMAT " %31s", &painted, what) != 2)
        continue;
      if (g_str_equal (what, first))
        run->first = (painted - started) / 1000.0;
      else if (g_str_equal (what, "transcript"))
        run->transcript = (painted - started) / 1000.0;
    }
  if (run->first < 0 || (file != NULL && run->transcript < 0))
    {
      g_printerr ("hark did not report its frames; it printed:\n%s\n", out);
      return FALSE;
    }
  return TRUE;
}

/* Medians over RUNS runs of `hark [FILE]`. */
static gboolean
measure (const char *hark, const char *data_home, const char *file, Run *result)
{
  double first[RUNS], transcript[RUNS], cpu[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      Run run;

      if (!run_hark (hark, data_home, file, file != NULL ? "opened" : "empty", &run))
        return FALSE;
      first[i] = run.first;
      transcript[i] = run.transcript;
      cpu[i] = run.cpu;
    }
  result->first = bench_median (first, RUNS);
  result->transcript = bench_median (transcript, RUNS);
  result->cpu = bench_median (cpu, RUNS);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  const char *fixtures = bench_fixtures_dir ();
  g_autofree char *hark = NULL, *audio = NULL, *data_home = NULL;
  Run empty, episode;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL &&
      g_getenv ("HARK_BENCH_UNDER_XVFB") == NULL)
    {
      /* Re-run under a private X server; its start-up is not part of any measurement. */
      g_autoptr (GStrvBuilder) args = g_strv_builder_new ();
      g_auto (GStrv) argv2 = NULL;

      g_setenv ("HARK_BENCH_UNDER_XVFB", "1", TRUE);
      g_setenv ("GDK_BACKEND", "x11", TRUE);
      g_setenv ("GSK_RENDERER", "cairo", FALSE);
      g_strv_builder_add_many (args, "xvfb-run", "-a", "-s", "-screen 0 1600x1200x24 -nolisten tcp",
                               argv[0], NULL);
      argv2 = g_strv_builder_end (args);
      execvp ("xvfb-run", argv2);
      g_print ("SKIP: no display and no xvfb-run\n");
      return 77;
    }

  if (fixtures == NULL)
    return bench_skip ("HARK_FIXTURES_DIR is not set or absent (run through meson test)");
  audio = g_build_filename (fixtures, "ep189", "ep189.opus", NULL);
  if (!g_file_test (audio, G_FILE_TEST_EXISTS))
    {
      g_autofree char *why = g_strdup_printf ("%s is absent", audio);

      return bench_skip (why);
    }
  hark = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "app", "hark", NULL);
  data_home = hark_test_make_tmpdir ("bench-first-paint");

  if (!measure (hark, data_home, NULL, &empty) || !measure (hark, data_home, audio, &episode))
    return 1;

  g_print ("hark start-up, median of %d runs (renderer %s; wall time includes waiting for a "
           "loaded machine, CPU time does not)\n", RUNS,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("  %-52s %9s %9s\n", "", "wall ms", "CPU ms");
  g_print ("  %-52s %9.1f %9.1f\n", "reference: empty window (GTK + libadwaita floor)",
           empty.first, empty.cpu * 1000);
  g_print ("  %-52s %9.1f %9s   goal <= 300 ms\n", "ep189.opus first paint (title and spinner)",
           episode.first, "");
  g_print ("  %-52s %9.1f %9.1f\n", "ep189.opus transcript shown (read, merged, scanned)",
           episode.transcript, episode.cpu * 1000);
  hark_test_remove_tree (data_home);
  return 0;
}
