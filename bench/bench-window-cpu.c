/* bench-window-cpu.c — what the window costs while an episode plays, next to hark-cli and Clapper
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plays ep189 for PLAY_SECONDS in three programs, one after the other in the same run and
 * desktop session: the window (`hark FILE`, started playing through its D-Bus "play" action),
 * `hark-cli play FILE` (no display at all: the floor for decoding and output), and Clapper
 * (Debian's `clapper`, a GTK 4 player drawing its own window). Each is measured after it has
 * loaded and started, from /proc: the program's own CPU (all threads) and the X server's over the
 * same span, since drawing costs there too. Whether audio really flowed is checked with pactl
 * (a sink input exists). Goals, printed not asserted: window <= Clapper, window <= 1.3 x hark-cli.
 */
#include <gio/gio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "bench-util.h"
#include "hark-test-util.h"

#define PLAY_SECONDS 30
#define SETTLE_SECONDS 3

/* utime + stime of @pid in seconds, or -1 when it is gone. */
static double
cpu_of (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long utime = 0, stime = 0;

  if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL))
    return -1;
  /* The command name may hold spaces: the fields start after its closing parenthesis. */
  p = strrchr (stat, ')');
  if (p == NULL ||
      sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
    return -1;
  return (double) (utime + stime) / sysconf (_SC_CLK_TCK);
}

/* The X server drawing for $DISPLAY (Xvfb or Xorg), or 0. */
static pid_t
find_x_server (void)
{
  const char *display = g_getenv ("DISPLAY");
  g_autoptr (GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  if (display == NULL || dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%s/cmdline", name);
      g_autofree char *cmdline = NULL;
      gsize len;
      gboolean is_x = FALSE, has_display = FALSE;

      if (!g_ascii_isdigit (*name) || !g_file_get_contents (path, &cmdline, &len, NULL))
        continue;
      for (gsize i = 0; i < len; i += strlen (cmdline + i) + 1)
        {
          const char *arg = cmdline + i;

          if (i == 0)
            is_x = g_str_has_suffix (arg, "Xvfb") || g_str_has_suffix (arg, "Xorg");
          else if (g_str_equal (arg, display))
            has_display = TRUE;
        }
      if (is_x && has_display)
        return (pid_t) atoi (name);
    }
  return 0;
}

static gboolean
audio_is_flowing (void)
{
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync ("pactl list short sink-inputs", &out, NULL, &status, NULL) ||
      status != 0)
    return FALSE;
  return out != NULL && *out != '\0';
}

typedef struct
{
  double cpu;   /* percent of one core, the program */
  double x_cpu; /* percent of one core, the X server over the same span */
  gboolean audio;
  gboolean ran;
} Cost;

static Cost
measure (pid_t pid, pid_t x_server)
{
  Cost cost = { 0, 0, FALSE, FALSE };
  double cpu0 = cpu_of (pid), x0 = cpu_of (x_server), cpu1, x1;
  gint64 t0 = g_get_monotonic_time ();
  double seconds;

  g_usleep (PLAY_SECONDS / 2 * G_USEC_PER_SEC);
  cost.audio = audio_is_flowing ();
  g_usleep ((PLAY_SECONDS - PLAY_SECONDS / 2) * G_USEC_PER_SEC);
  cpu1 = cpu_of (pid);
  x1 = cpu_of (x_server);
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  cost.ran = cpu0 >= 0 && cpu1 >= 0;
  cost.cpu = 100 * (cpu1 - cpu0) / seconds;
  cost.x_cpu = x_server > 0 && x0 >= 0 && x1 >= 0 ? 100 * (x1 - x0) / seconds : 0;
  return cost;
}

static GSubprocess *
spawn (const char *data_home, const char *const *argv, GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
    G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  /* A fresh place for saved positions and recent files; no debugging allocators. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_PERTURB_");
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  return g_subprocess_launcher_spawnv (launcher, argv, error);
}

static void
stop (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  if (!g_subprocess_wait (process, NULL, NULL))
    g_subprocess_force_exit (process);
}

static gboolean
name_owned (GDBusConnection *bus, const char *name)
{
  g_autoptr (GVariant) reply = g_dbus_connection_call_sync (
    bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
    g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static Cost
run_window (const char *hark, const char *audio, const char *data_home, pid_t x_server)
{
  const char *argv[] = { hark, audio, NULL };
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  Cost cost = { 0 };

  if (bus == NULL || (process = spawn (data_home, argv, &error)) == NULL)
    return cost;
  for (int i = 0; i < 200 && !name_owned (bus, "org.hark.Hark"); i++)
    g_usleep (G_USEC_PER_SEC / 20);
  /* Loading and the transcript's first paint are start-up, measured elsewhere. */
  g_usleep (SETTLE_SECONDS * G_USEC_PER_SEC);
  reply = g_dbus_connection_call_sync (bus, "org.hark.Hark", "/org/hark/Hark",
                                       "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "play", NULL, NULL), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  if (reply == NULL)
    {
      g_printerr ("could not start the window playing: %s\n", error->message);
      stop (process);
      return cost;
    }
  g_usleep (SETTLE_SECONDS * G_USEC_PER_SEC);
  cost = measure ((pid_t) atoi (g_subprocess_get_identifier (process)), x_server);
  stop (process);
  return cost;
}

static Cost
run_plain (const char *const *argv, const char *data_home, pid_t x_server, double settle)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  Cost cost = { 0 };

  if ((process = spawn (data_home, argv, &error)) == NULL)
    {
      g_printerr ("could not run %s: %s\n", argv[0], error->message);
      return cost;
    }
  g_usleep ((gulong) (settle * G_USEC_PER_SEC));
  cost = measure ((pid_t) atoi (g_subprocess_get_identifier (process)), x_server);
  stop (process);
  return cost;
}

static void
print_row (const char *what, const Cost *c)
{
  if (!c->ran)
    {
      g_print ("  %-34s %s\n", what, "(did not run)");
      return;
    }
  g_print ("  %-34s %7.2f %% %9.2f %% %9.2f %%   %s\n", what, c->cpu, c->x_cpu, c->cpu + c->x_cpu,
           c->audio ? "audio playing" : "NO AUDIO SEEN");
}

int
main (int argc, char *argv[])
{
  const char *fixtures = bench_fixtures_dir ();
  const char *build = g_getenv ("HARK_BUILD_DIR");
  g_autofree char *hark = NULL, *cli = NULL, *audio = NULL, *data_home = NULL;
  g_autofree char *clapper = g_find_program_in_path ("clapper");
  const char *renderer = g_getenv ("GSK_RENDERER");
  pid_t x_server;
  Cost window, plain, reference = { 0 };

  if (g_getenv ("DISPLAY") == NULL)
    {
      /* Not a missing fixture: the run simply has no X server to measure a window on. */
      printf ("skipped: no X display: run inside tests/harness/hark-test-session\n");
      return 77;
    }
  if (fixtures == NULL || build == NULL)
    return bench_skip ("HARK_FIXTURES_DIR or HARK_BUILD_DIR is not set (run through meson test)");
  audio = g_build_filename (fixtures, "ep189", "ep189.opus", NULL);
  if (!g_file_test (audio, G_FILE_TEST_EXISTS))
    return bench_skip ("ep189/ep189.opus is absent");
  hark = g_build_filename (build, "src", "app", "hark", NULL);
  cli = g_build_filename (build, "src", "cli", "hark-cli", NULL);
  data_home = hark_test_make_tmpdir ("bench-window-cpu");
  x_server = find_x_server ();

  window = run_window (hark, audio, data_home, x_server);
  {
    const char *cli_argv[] = { cli, "play", audio, NULL };

    plain = run_plain (cli_argv, data_home, x_server, SETTLE_SECONDS);
  }
  if (clapper != NULL)
    {
      const char *clapper_argv[] = { clapper, audio, NULL };

      reference = run_plain (clapper_argv, data_home, x_server, 2 * SETTLE_SECONDS);
    }

  g_print ("CPU while playing ep189 for %d s (percent of one core; renderer %s; X server %s)\n",
           PLAY_SECONDS, renderer != NULL ? renderer : "default",
           x_server > 0 ? "measured" : "not found");
  g_print ("  %-34s %9s %11s %11s\n", "", "program", "X server", "total");
  print_row ("hark window", &window);
  print_row ("hark-cli play (no display)", &plain);
  if (clapper != NULL)
    print_row ("reference: clapper", &reference);
  else
    g_print ("  %-34s (clapper is not installed: tools/hark-dev installs it)\n",
             "reference: clapper");
  if (window.ran && plain.ran && plain.cpu > 0)
    g_print ("  window / hark-cli: %.2f x (goal <= 1.3, program only)%s\n", window.cpu / plain.cpu,
             window.cpu <= 1.3 * plain.cpu ? " met" : " missed");
  if (window.ran && reference.ran && reference.cpu + reference.x_cpu > 0)
    g_print ("  window / clapper:  %.2f x (goal <= 1.0, program + X server)%s\n",
             (window.cpu + window.x_cpu) / (reference.cpu + reference.x_cpu),
             window.cpu + window.x_cpu <= reference.cpu + reference.x_cpu ? " met" : " missed");
  hark_test_remove_tree (data_home);
  return window.ran && plain.ran ? 0 : 1;
}
