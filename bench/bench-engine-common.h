/* bench-engine-common.h — running a program and measuring what it cost, for the engine's
 * benchmarks
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <errno.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"

typedef struct
{
  double cpu;      /* user + system seconds */
  double wall;     /* seconds */
  long max_rss_kb; /* peak resident set */
  int status;
  gboolean timed_out;
} BenchRun;

/* Runs @argv (stdout and stderr to /dev/null unless @keep_stdout); when @quit_after > 0,
 * writes "quit\n" on its stdin after that many seconds (hark-cli play's command pipe). */
static inline BenchRun
bench_run (const char *const *argv, double quit_after, gboolean keep_stdout)
{
  BenchRun r = { 0 };
  struct rusage usage;
  int in[2] = { -1, -1 };
  gint64 t0 = g_get_monotonic_time ();
  pid_t pid;
  int status = 0;

  if (pipe (in) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  pid = fork ();
  if (pid == 0)
    {
      FILE *null = fopen ("/dev/null", "w");

      dup2 (in[0], STDIN_FILENO);
      close (in[1]);
      if (!keep_stdout)
        dup2 (fileno (null), STDOUT_FILENO);
      dup2 (fileno (null), STDERR_FILENO);
      execvp (argv[0], (char *const *) argv);
      _exit (127);
    }
  close (in[0]);
  if (quit_after > 0)
    {
      g_usleep ((gulong) (quit_after * G_USEC_PER_SEC));
      if (write (in[1], "quit\n", 5) != 5)
        kill (pid, SIGTERM);
    }
  close (in[1]);
  /* A program that hangs (a player stuck at the end of its audio) is stopped after a minute
   * more than it should take, and its figures are marked as such by the caller. */
  for (gint64 deadline = g_get_monotonic_time () + (gint64) ((quit_after + 60) * G_USEC_PER_SEC);
       wait4 (pid, &status, WNOHANG, &usage) == 0;)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          wait4 (pid, &status, 0, &usage);
          r.timed_out = TRUE;
          break;
        }
      g_usleep (20 * 1000);
    }
  r.wall = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  r.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec
          + usage.ru_stime.tv_usec / 1e6;
  r.max_rss_kb = usage.ru_maxrss;
  r.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return r;
}

/* The best of @n runs (least CPU): what the program costs when the machine leaves it alone. */
static inline BenchRun
bench_best (guint n, const char *const *argv, double quit_after)
{
  BenchRun best = { 0 };

  for (guint i = 0; i < n; i++)
    {
      BenchRun r = bench_run (argv, quit_after, FALSE);

      if (r.status != 0)
        {
          g_autofree char *line = g_strjoinv (" ", (char **) argv);

          printf ("  ! %s exited with %d\n", line, r.status);
        }
      if (i == 0 || r.cpu < best.cpu)
        best = r;
    }
  return best;
}

static inline char *
bench_fixture (const char *name)
{
  const char *dir = bench_fixtures_dir ();
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "ep189", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static inline char *
bench_cli (void)
{
  return g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "cli", "hark-cli", NULL);
}
