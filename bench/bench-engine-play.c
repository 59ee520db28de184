/* bench-engine-play.c — real-time playback through PortAudio into the test session's
 * PulseAudio null sink: CPU next to mpv, start-up, seek latency, memory on a long file
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; judges nothing. Goals: 30 s of `hark-cli play` costs at most the CPU of
 * `mpv --no-video --ao=alsa` on the same file and sink; process start → first non-silent frame
 * handed to PortAudio ≤ 100 ms; seek → first frame of the new position handed ≤ 20 ms
 * (median of 20); peak RSS on the 59-minute file within 5 MB of the 4-minute excerpt.
 */
#include "bench-util.h"
#include "bench-engine-common.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "output/hark-output.h"
#include "audio/hark-player.h"

#define PLAY_SECONDS 30.0

static void
bench_cpu (const char *cli)
{
  static const char *const files[] = { "ep189.mp3", "ep189.opus" };
  g_autofree char *mpv = g_find_program_in_path ("mpv");

  printf ("\nCPU seconds for %.0f s of real-time playback from 10:00 (PortAudio → ALSA → "
          "PulseAudio null sink)\n",
          PLAY_SECONDS);
  printf ("  %-12s %10s %10s %8s  %s\n", "file", "hark", "mpv", "ratio", "goal");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = bench_fixture (files[i]);
      const char *hark[] = { cli, "play", "--start", "600", "--no-skip", path, NULL };
      const char *mpv_argv[] = { mpv, "--no-config", "--no-video", "--ao=alsa", "--really-quiet",
                                 "--start=600", "--end=630", path, NULL };
      BenchRun h, m;

      if (path == NULL)
        continue;
      h = bench_run (hark, PLAY_SECONDS, FALSE);
      if (mpv == NULL)
        {
          printf ("  %-12s %9.2fs %10s\n", files[i], h.cpu, "(no mpv)");
          continue;
        }
      m = bench_run (mpv_argv, 0, FALSE);
      printf ("  %-12s %9.2fs %9.2fs %8.3f  ≤ 1.0 %s   (mpv ran %.1f s%s)\n", files[i], h.cpu,
              m.cpu, h.cpu / m.cpu, h.cpu <= m.cpu ? "(met)" : "(missed)", m.wall,
              m.timed_out ? ", hung at the end and was killed" : "");
      fflush (stdout);
    }
}

/* Median milliseconds from spawning hark-cli play to its first non-silent frame handed to
 * the output, over five runs. */
static double
startup_ms (const char *cli, const char *path, const char *device)
{
  double ms[5];
  guint n = 0;

  for (guint run = 0; run < G_N_ELEMENTS (ms); run++)
    {
      g_autoptr (GSubprocessLauncher) launcher =
          g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                     | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                     | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_autoptr (GSubprocess) proc = NULL;
      g_autoptr (GDataInputStream) lines = NULL;
      g_autoptr (GError) error = NULL;
      gint64 t0, first = 0;
      char *line;

      g_subprocess_launcher_setenv (launcher, "HARK_CLI_TRACE", "1", TRUE);
      t0 = g_get_monotonic_time ();
      proc = g_subprocess_launcher_spawn (launcher, &error, cli, "play", "--events",
                                          "--no-skip", "--device", device, path, NULL);
      if (proc == NULL)
        break;
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
      while (first == 0
             && (line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
        {
          g_autoptr (JsonNode) node = json_from_string (line, NULL);
          JsonObject *o = node ? json_node_get_object (node) : NULL;

          if (o && g_strcmp0 (json_object_get_string_member_with_default (o, "event", ""),
                              "trace")
                       == 0)
            first = json_object_get_int_member (o, "first_audible_us");
          g_free (line);
        }
      g_output_stream_write_all (g_subprocess_get_stdin_pipe (proc), "quit\n", 5, NULL, NULL,
                                 NULL);
      g_subprocess_wait (proc, NULL, NULL);
      if (first == 0)
        continue;
      ms[n++] = (first - t0) / 1000.0;
    }
  if (n == 0)
    return -1;
  bench_sort (ms, n);
  return ms[n / 2];
}

static void
bench_startup (const char *cli)
{
  g_autofree char *path = bench_fixture ("ep189.opus");
  double pa, null;

  if (path == NULL)
    return;
  printf ("\nProcess start → first non-silent frame handed to the output (ep189.opus, median of "
          "5)\n");
  pa = startup_ms (cli, path, "default");
  null = startup_ms (cli, path, "null");
  {
    /* The reference: starting a program linked to the same FFmpeg that does nothing at all. */
    const char *ffmpeg[] = { "ffmpeg", "-version", NULL };
    double runs[5];

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      runs[i] = bench_run (ffmpeg, 0, FALSE).wall * 1000;
    bench_sort (runs, G_N_ELEMENTS (runs));
    printf ("  PortAudio %.1f ms (goal ≤ 100 ms %s)   null output %.1f ms   `ffmpeg -version` "
            "%.1f ms (loading FFmpeg's libraries alone)\n",
            pa, pa >= 0 && pa <= 100 ? "met" : "missed", null, runs[2]);
  }
}

static void
bench_seek (void)
{
  g_autofree char *path = bench_fixture ("ep189.opus");
  g_autoptr (HarkPlayer) player = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20);
  g_autoptr (GRand) pauses = g_rand_new_with_seed (21);
  double ms[20];
  guint n = 0;
  gint64 until;

  if (path == NULL)
    return;
  printf ("\nSeek → first frame of the new position handed to PortAudio (ep189.opus, 20 seeks "
          "while playing)\n");
  player = hark_player_new (hark_output_portaudio_new (), NULL);
  if (!hark_player_open (player, path, &error) || !hark_player_play (player, &error))
    {
      printf ("  cannot play: %s\n", error->message);
      return;
    }
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ms); i++)
    {
      double target = g_rand_double_range (rand, 0, hark_player_get_duration (player) - 10);
      gint64 t0 = g_get_monotonic_time (), handed = 0;
      guint serial = 0;

      hark_player_seek (player, target);
      until = t0 + 2 * G_USEC_PER_SEC;
      while (g_get_monotonic_time () < until)
        {
          handed = hark_player_get_seek_handed_time (player, &serial);
          if (serial == i + 1 && handed >= t0)
            break;
          g_usleep (200);
        }
      if (serial == i + 1 && handed >= t0)
        ms[n++] = (handed - t0) / 1000.0;
      /* Let it play a little, as a listener would, and keep the events flowing. The pause
       * varies by more than the device's period: a fixed one starts every seek at the same
       * point of the period (the audio was handed at a call), so all 20 would measure the same
       * wait for the next call rather than its spread. */
      until = g_get_monotonic_time () + g_rand_int_range (pauses, 250, 351) * 1000;
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
    }
  if (n == 0)
    return;
  bench_sort (ms, n);
  printf ("  %u seeks: median %.1f ms, fastest %.1f ms, slowest %.1f ms (goal: median ≤ 20 ms "
          "%s)\n",
          n, ms[n / 2], ms[0], ms[n - 1], ms[n / 2] <= 20 ? "met" : "missed");
}

static void
bench_memory (const char *cli)
{
  static const char *const pairs[][2] = { { "excerpt-linode.mp3", "ep189.mp3" },
                                          { "excerpt-linode.opus", "ep189.opus" } };

  printf ("\nPeak RSS of hark-cli play, 4 s from near the end (excerpt: 4 min, ep189: 59 min)"
          "\n");
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *short_path = bench_fixture (pairs[i][0]);
      g_autofree char *long_path = bench_fixture (pairs[i][1]);
      const char *a[] = { cli, "play", "--start", "230", "--no-skip", short_path, NULL };
      const char *b[] = { cli, "play", "--start", "3540", "--no-skip", long_path, NULL };
      BenchRun s, l;

      if (short_path == NULL || long_path == NULL)
        continue;
      s = bench_run (a, 4, FALSE);
      l = bench_run (b, 4, FALSE);
      printf ("  %-20s %7.1f MB   %-12s %7.1f MB   difference %+.1f MB (goal ≤ 5 MB %s)\n",
              pairs[i][0], s.max_rss_kb / 1024.0, pairs[i][1], l.max_rss_kb / 1024.0,
              (l.max_rss_kb - s.max_rss_kb) / 1024.0,
              l.max_rss_kb - s.max_rss_kb <= 5 * 1024 ? "met" : "missed");
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *cli = bench_cli ();
  g_autofree char *probe = bench_fixture ("ep189.opus");

  if (probe == NULL)
    {
      return bench_skip ("the ep189 fixtures are absent (HARK_FIXTURES_DIR)");
    }
  if (g_getenv ("HARK_TEST_MONITOR") == NULL)
    {
      printf ("skipped: needs the test session's PulseAudio null sink (run through "
              "tests/harness/hark-test-session)\n");
      return 77;
    }
  /* Sections can be named on the command line to run only those. */
  if (argc < 2 || g_strv_contains ((const char *const *) argv + 1, "startup"))
    bench_startup (cli);
  if (argc < 2 || g_strv_contains ((const char *const *) argv + 1, "seek"))
    bench_seek ();
  if (argc < 2 || g_strv_contains ((const char *const *) argv + 1, "memory"))
    bench_memory (cli);
  if (argc < 2 || g_strv_contains ((const char *const *) argv + 1, "cpu"))
    bench_cpu (cli);
  return 0;
}
