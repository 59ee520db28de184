/* bench-window-cpu.c — what the window costs while an episode plays, next to hark-cli and Clapper
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plays ep189 for PLAY_SECONDS in three programs, one after the other in the same run and
 * desktop session: the window (`hark FILE`, started playing through its D-Bus "play" action),
 * `hark-cli play FILE` (no display at all: the floor for decoding and output), and Clapper
 * (Debian's `clapper`, a GTK 4 player drawing its own window). The window and hark-cli take
 * turns RUNS times, so a load that comes and goes on the machine falls on both, and the goal is
 * judged on their medians. Every run starts from a fresh data folder, so each plays the same
 * span of the episode from its start (none resumes where the one before stopped).
 *
 * Each program is measured after it has loaded and started, from /proc: its run time per thread
 * in nanoseconds (see Sampler), split by thread, how often its main thread woke, and the X
 * server's run time over the same span, since drawing costs there too. Whether audio really
 * flowed is checked with pactl (a sink input exists). Goals, printed not asserted: window <=
 * Clapper (program + X server), window <= 1.3 x hark-cli (program only).
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
/* Window and hark-cli runs each, alternated; with Clapper and start-up, under three minutes. */
#define RUNS 2

/* CPU time is read per thread, in nanoseconds, from /proc/PID/task/TID/schedstat (its first
 * field: time spent running). utime + stime in /proc/PID/stat come in 10 ms ticks, ~30 ticks for
 * a 30 s run at 1 %, too coarse to compare two programs within 30 %. A thread's time is lost
 * when it ends, so the threads are sampled every SAMPLE_MS and a thread that ends mid-run
 * counts up to its last sample; a thread born mid-run counts from 0. */
#define SAMPLE_MS 250

typedef struct
{
  guint64 first_ns; /* at the start of the span, or 0 for a thread born during it */
  guint64 last_ns;
  char name[32];
  gboolean main; /* the thread group leader: the GTK thread in the window */
  guint64 first_switches, last_switches; /* context switches, the main thread only */
} ThreadTime;

typedef struct
{
  pid_t pid;
  char name[32]; /* the process's own name, which threads named by no one keep */
  GHashTable *threads; /* tid -> ThreadTime */
  gboolean started;
} Sampler;

static gboolean
read_u64_field (const char *path, guint64 *value)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  *value = g_ascii_strtoull (text, NULL, 10);
  return TRUE;
}

/* Voluntary plus involuntary context switches of a thread: about how often it woke. */
static guint64
switches_of (const char *task_dir, const char *tid)
{
  g_autofree char *path = g_strdup_printf ("%s/%s/status", task_dir, tid);
  g_autofree char *text = NULL;
  guint64 total = 0;
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  for (p = strstr (text, "ctxt_switches:"); p != NULL; p = strstr (p + 1, "ctxt_switches:"))
    total += g_ascii_strtoull (p + strlen ("ctxt_switches:"), NULL, 10);
  return total;
}

/* Reads every thread of the sampler's process once. FALSE when the process is gone. */
static gboolean
sampler_read (Sampler *s)
{
  g_autofree char *task_dir = g_strdup_printf ("/proc/%d/task", (int) s->pid);
  g_autoptr (GDir) dir = s->pid > 0 ? g_dir_open (task_dir, 0, NULL) : NULL;
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s/schedstat", task_dir, name);
      gpointer key = GINT_TO_POINTER (atoi (name));
      ThreadTime *t = g_hash_table_lookup (s->threads, key);
      guint64 ns;

      if (!read_u64_field (path, &ns))
        continue; /* ended between the listing and the read */
      if (t == NULL)
        {
          g_autofree char *comm_path = g_strdup_printf ("%s/%s/comm", task_dir, name);
          g_autofree char *comm = NULL;

          t = g_new0 (ThreadTime, 1);
          t->first_ns = s->started ? 0 : ns;
          t->main = atoi (name) == (int) s->pid;
          if (g_file_get_contents (comm_path, &comm, NULL, NULL))
            g_strlcpy (t->name, g_strstrip (comm), sizeof t->name);
          g_hash_table_insert (s->threads, key, t);
        }
      t->last_ns = MAX (t->last_ns, ns);
      if (t->main)
        {
          t->last_switches = switches_of (task_dir, name);
          if (!s->started)
            t->first_switches = t->last_switches;
        }
    }
  s->started = TRUE;
  return TRUE;
}

static void
sampler_init (Sampler *s, pid_t pid)
{
  g_autofree char *comm_path = g_strdup_printf ("/proc/%d/comm", (int) pid);
  g_autofree char *comm = NULL;

  s->pid = pid;
  s->name[0] = '\0';
  if (pid > 0 && g_file_get_contents (comm_path, &comm, NULL, NULL))
    g_strlcpy (s->name, g_strstrip (comm), sizeof s->name);
  s->threads = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  s->started = FALSE;
  sampler_read (s);
}

static void
sampler_clear (Sampler *s)
{
  g_clear_pointer (&s->threads, g_hash_table_unref);
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

#define MAX_GROUPS 8

typedef struct
{
  char name[32];
  double cpu;
} Group;

typedef struct
{
  double cpu;   /* percent of one core, the program (all its threads) */
  double x_cpu; /* percent of one core, the X server over the same span */
  double main_wakes; /* the main thread's wake-ups a second */
  Group groups[MAX_GROUPS]; /* the program's cost by thread name, largest first */
  guint n_groups;
  gboolean audio;
  gboolean ran;
} Cost;

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  double x = ((const Group *) a)->cpu, y = ((const Group *) b)->cpu;

  return (x < y) - (x > y);
}

/* The program's cost split by thread: the main thread (GTK's in the window) on its own, the
 * others summed by name: hark-decoder; "threaded-ml", libpulse's (PortAudio reaches PulseAudio
 * through ALSA's pulse plugin); "unnamed", threads that kept the program's own name, which
 * while playing is PortAudio's callback thread (the others wait); GLib's gmain, gdbus, pool. */
static void
split_by_thread (Sampler *s, double seconds, Cost *cost)
{
  g_autoptr (GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  GHashTableIter iter;
  ThreadTime *t;

  g_hash_table_iter_init (&iter, s->threads);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &t))
    {
      const char *name = t->main            ? "main"
                         : t->name[0] == '\0' ? "?"
                         : g_str_equal (t->name, s->name) ? "unnamed"
                                                         : t->name;
      double cpu = 100.0 * (double) (t->last_ns - t->first_ns) / 1e9 / seconds;
      guint i;

      cost->cpu += cpu;
      if (t->main)
        cost->main_wakes = (double) (t->last_switches - t->first_switches) / seconds;
      for (i = 0; i < groups->len; i++)
        if (g_str_equal (g_array_index (groups, Group, i).name, name))
          break;
      if (i == groups->len)
        {
          Group g = { .cpu = 0 };

          g_strlcpy (g.name, name, sizeof g.name);
          g_array_append_val (groups, g);
        }
      g_array_index (groups, Group, i).cpu += cpu;
    }
  g_array_sort (groups, compare_groups);
  cost->n_groups = MIN (groups->len, MAX_GROUPS);
  memcpy (cost->groups, groups->data, cost->n_groups * sizeof (Group));
}

static double
total_of (Sampler *s)
{
  GHashTableIter iter;
  ThreadTime *t;
  guint64 ns = 0;

  g_hash_table_iter_init (&iter, s->threads);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &t))
    ns += t->last_ns - t->first_ns;
  return (double) ns / 1e9;
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

static Cost
measure (pid_t pid, pid_t x_server)
{
  Cost cost = { 0 };
  Sampler program, x;
  gint64 t0, end;
  double seconds;
  gboolean alive = TRUE;

  sampler_init (&program, pid);
  sampler_init (&x, x_server);
  t0 = g_get_monotonic_time ();
  end = t0 + PLAY_SECONDS * G_USEC_PER_SEC;
  while (alive && g_get_monotonic_time () < end)
    {
      g_usleep (MIN (SAMPLE_MS * 1000, MAX (end - g_get_monotonic_time (), 0)));
      if (!cost.audio && g_get_monotonic_time () - t0 >= PLAY_SECONDS / 2 * G_USEC_PER_SEC)
        cost.audio = audio_is_flowing ();
      alive = sampler_read (&program);
      sampler_read (&x);
    }
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  cost.ran = alive;
  split_by_thread (&program, seconds, &cost);
  cost.x_cpu = x_server > 0 ? 100 * total_of (&x) / seconds : 0;
  sampler_clear (&program);
  sampler_clear (&x);
  return cost;
}

static GSubprocess *
spawn (const char *data_home, const char *const *argv, GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
    G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  static guint runs;
  g_autofree char *fresh = g_strdup_printf ("%s/run-%u", data_home, ++runs);

  /* A fresh place for saved positions and recent files, for every run: each plays the same span
   * from the start. No debugging allocators. */
  g_mkdir_with_parents (fresh, 0700);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fresh, TRUE);
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
      g_print ("  %-30s %s\n", what, "(did not run)");
      return;
    }
  g_print ("  %-30s %7.3f %% %9.3f %% %9.3f %%   %s\n", what, c->cpu, c->x_cpu, c->cpu + c->x_cpu,
           c->audio ? "audio playing" : "NO AUDIO SEEN");
  g_print ("  %-30s main thread woke %.1f times a second;", "", c->main_wakes);
  for (guint i = 0; i < c->n_groups; i++)
    if (c->groups[i].cpu >= 0.0005)
      g_print (" %s %.3f", c->groups[i].name, c->groups[i].cpu);
  g_print (" (%%)\n");
}

/* The median of @n values (the mean of the middle two for an even count). */
static double
median_of (double *values, gsize n)
{
  bench_sort (values, n);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The median run of @runs, program and X server taken separately. */
static Cost
median_cost (const Cost *runs, guint n)
{
  double cpu[RUNS], x[RUNS];
  Cost m = { .ran = TRUE, .audio = TRUE };

  for (guint i = 0; i < n; i++)
    {
      m.ran = m.ran && runs[i].ran;
      m.audio = m.audio && runs[i].audio;
      cpu[i] = runs[i].cpu;
      x[i] = runs[i].x_cpu;
    }
  m.cpu = median_of (cpu, n);
  m.x_cpu = median_of (x, n);
  return m;
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
  Cost window[RUNS], plain[RUNS], reference = { 0 }, w, p;

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

  g_print ("CPU while playing ep189, %d s a run, window and hark-cli alternated %d times "
           "(percent of one core from per-thread run time in ns; renderer %s; X server %s)\n",
           PLAY_SECONDS, RUNS, renderer != NULL ? renderer : "default",
           x_server > 0 ? "measured" : "not found");
  g_print ("  %-30s %9s %11s %11s\n", "", "program", "X server", "total");
  /* Alternated, so a load that comes and goes on the machine falls on both programs. */
  for (guint i = 0; i < RUNS; i++)
    {
      const char *cli_argv[] = { cli, "play", audio, NULL };
      g_autofree char *w_label = g_strdup_printf ("run %u: hark window", i + 1);
      g_autofree char *p_label = g_strdup_printf ("run %u: hark-cli play", i + 1);

      window[i] = run_window (hark, audio, data_home, x_server);
      print_row (w_label, &window[i]);
      plain[i] = run_plain (cli_argv, data_home, x_server, SETTLE_SECONDS);
      print_row (p_label, &plain[i]);
    }
  if (clapper != NULL)
    {
      const char *clapper_argv[] = { clapper, audio, NULL };

      reference = run_plain (clapper_argv, data_home, x_server, 2 * SETTLE_SECONDS);
      print_row ("reference: clapper", &reference);
    }
  else
    g_print ("  %-30s (clapper is not installed: tools/hark-dev installs it)\n",
             "reference: clapper");

  w = median_cost (window, RUNS);
  p = median_cost (plain, RUNS);
  g_print ("  %-30s %7.3f %% %9.3f %% %9.3f %%\n", "median: hark window", w.cpu, w.x_cpu,
           w.cpu + w.x_cpu);
  g_print ("  %-30s %7.3f %% %9.3f %% %9.3f %%\n", "median: hark-cli play", p.cpu, p.x_cpu,
           p.cpu + p.x_cpu);
  if (w.ran && p.ran && p.cpu > 0)
    g_print ("  window / hark-cli: %.2f x (goal <= 1.3, program only, medians)%s\n", w.cpu / p.cpu,
             w.cpu <= 1.3 * p.cpu ? " met" : " missed");
  if (w.ran && reference.ran && reference.cpu + reference.x_cpu > 0)
    g_print ("  window / clapper:  %.2f x (goal <= 1.0, program + X server)%s\n",
             (w.cpu + w.x_cpu) / (reference.cpu + reference.x_cpu),
             w.cpu + w.x_cpu <= reference.cpu + reference.x_cpu ? " met" : " missed");
  hark_test_remove_tree (data_home);
  return w.ran && p.ran ? 0 : 1;
}
