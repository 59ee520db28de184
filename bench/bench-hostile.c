/* bench-hostile.c — hostile input stays bounded in time and memory
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs hark-cli (and a reference tool on the same file) as a child process and
 * prints its wall time, CPU time and peak memory (the child's maximum resident set), next to
 * the bound it must stay within, judged on CPU time. A bound exceeded is printed, not failed:
 * figures depend on the machine, so benchmarks report and never gate. The big files are made
 * here, under the build dir, at run time (the 3 GB MP3 is sparse) and deleted afterwards.
 *  - sidecars of 100 MB (VTT, deeply nested JSON), a symlink to /dev/zero, a FIFO: refused or
 *    read in <= 2 s and <= 200 MB;
 *  - the worst file under each reader family's cap, actually read, in the same bounds: a 60 MB
 *    VTT of short cues, of blank lines and of broken blocks; a 16 MiB timestamped text (every
 *    line a turn); a Whisper JSON with word times just under the cap of a million values, and
 *    a 30 MB JSON that is one long string (60 MB is over the 32 MiB cap of JSON: refused);
 *  - a 3 GB zero-padded MP3 probed in <= 1 s (ffprobe side by side);
 *  - 200k distinct speaker names read in <= 1 s (ffmpeg reading the same captions alongside).
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "episode/hark-episode.h"
#include "formats/hark-sidecar.h"

extern char **environ;

static gboolean all_within = TRUE;

typedef struct
{
  double seconds; /* wall */
  double cpu;     /* user + system: what the bound is judged on, as wall time depends on how
                   * busy the machine is (CI shares its cores) */
  double peak_mb;
  int status;
} Run;

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6 + usage->ru_stime.tv_sec
         + usage->ru_stime.tv_usec / 1e6;
}

static double
self_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return cpu_seconds (&usage);
}

/* Runs @argv with stdout and stderr to /dev/null, killed after 60 s. */
static Run
run (const char *const *argv)
{
  Run r = { 0, 0, 0, -1 };
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  pid_t pid;
  int status = 0;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  if (posix_spawnp (&pid, argv[0], &actions, NULL, (char *const *) argv, environ) != 0)
    {
      posix_spawn_file_actions_destroy (&actions);
      return r;
    }
  posix_spawn_file_actions_destroy (&actions);
  for (;;)
    {
      pid_t done = wait4 (pid, &status, WNOHANG, &usage);

      if (done == pid)
        break;
      if (g_get_monotonic_time () - start > 60 * G_USEC_PER_SEC)
        kill (pid, SIGKILL);
      g_usleep (2000);
    }
  r.seconds = (g_get_monotonic_time () - start) / 1e6;
  r.peak_mb = usage.ru_maxrss / 1024.0;
  r.cpu = cpu_seconds (&usage);
  r.status = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  return r;
}

static void
report (const char *what, Run hark, double max_seconds, double max_mb, const char *ref_name,
        const Run *ref)
{
  gboolean within = hark.status >= 0 && hark.status < 128
                    && (max_seconds <= 0 || hark.cpu <= max_seconds)
                    && (max_mb <= 0 || hark.peak_mb <= max_mb);

  printf ("  %-34s Hark %6.2f s (cpu %5.2f s) %6.1f MB, exit %d", what, hark.seconds, hark.cpu,
          hark.peak_mb, hark.status);
  if (ref)
    printf ("   %s %6.2f s (cpu %5.2f s) %6.1f MB", ref_name, ref->seconds, ref->cpu,
            ref->peak_mb);
  if (max_seconds > 0 && max_mb > 0)
    printf ("   bound %.0f s, %.0f MB: %s", max_seconds, max_mb, within ? "ok" : "EXCEEDED");
  else if (max_seconds > 0)
    printf ("   bound %.0f s: %s", max_seconds, within ? "ok" : "EXCEEDED");
  printf ("\n");
  if (max_seconds > 0 && !within)
    all_within = FALSE;
}

static void
write_vtt (const char *path, gsize target_bytes, gboolean distinct_speakers, guint max_cues)
{
  FILE *f = fopen (path, "w");
  gsize written = 0;

  g_assert_nonnull (f);
  written += fprintf (f, "WEBVTT\n\n");
  for (guint i = 0; written < target_bytes && i < max_cues; i++)
    {
      guint s = i / 2;

      written += fprintf (f,
                          "%02u:%02u:%02u.%03u --> %02u:%02u:%02u.%03u\n<v %s %u>words of cue %u "
                          "in a long, long transcript\n\n",
                          s / 3600, s / 60 % 60, s % 60, (i % 2) * 500, s / 3600, s / 60 % 60,
                          s % 60, (i % 2) * 500 + 499, distinct_speakers ? "Speaker" : "Host",
                          distinct_speakers ? i : i % 2, i);
    }
  fclose (f);
}

int
main (int argc, char **argv)
{
  const char *build = g_getenv ("HARK_BUILD_DIR");
  g_autofree char *cli = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *audio = NULL, *vtt = NULL, *json = NULL, *mp3 = NULL, *padded = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");

  if (build == NULL || ffmpeg == NULL)
    return bench_skip ("needs HARK_BUILD_DIR (meson test) and ffmpeg");
  cli = g_build_filename (build, "src", "cli", "hark-cli", NULL);
  dir = g_build_filename (build, "bench-hostile", NULL);
  g_mkdir_with_parents (dir, 0700);
  audio = g_build_filename (dir, "ep.wav", NULL);
  vtt = g_build_filename (dir, "ep.vtt", NULL);
  json = g_build_filename (dir, "ep.chapters.json", NULL);
  mp3 = g_build_filename (dir, "short.mp3", NULL);
  padded = g_build_filename (dir, "padded.mp3", NULL);
  speakers = g_build_filename (dir, "speakers.vtt", NULL);
  {
    const char *make_wav[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                               "sine=frequency=440:duration=5", audio, NULL };
    const char *make_mp3[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                               "sine=frequency=440:duration=60", "-c:a", "libmp3lame", mp3,
                               NULL };

    if (run (make_wav).status != 0 || run (make_mp3).status != 0)
      return bench_skip ("ffmpeg could not make the test audio");
  }

  printf ("Sidecars beside a 5 s episode (hark-cli transcript; ffmpeg reading the same VTT):\n");
  {
    const char *transcript[] = { cli, "transcript", "-q", audio, NULL };
    const char *ffmpeg_vtt[] = { "ffmpeg", "-loglevel", "error", "-i", vtt, "-f", "null", "-",
                                 NULL };
    Run ref;

    write_vtt (vtt, 100 * 1000 * 1000, FALSE, G_MAXUINT);
    ref = run (ffmpeg_vtt);
    report ("100 MB VTT (over the cap: refused)", run (transcript), 2, 200, "ffmpeg", &ref);
    write_vtt (vtt, 60 * 1000 * 1000, FALSE, G_MAXUINT);
    ref = run (ffmpeg_vtt);
    report ("60 MB VTT (under the cap: read)", run (transcript), 2, 200, "ffmpeg", &ref);
    {
      FILE *f = fopen (vtt, "w");

      fprintf (f, "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhi\n");
      for (gsize i = 0; i < 60 * 1000 * 1000; i++)
        fputc ('\n', f);
      fclose (f);
    }
    report ("60 MB VTT of blank lines", run (transcript), 2, 200, NULL, NULL);
    {
      FILE *f = fopen (vtt, "w");

      fprintf (f, "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhi\n\n");
      for (gsize i = 0; i < 20 * 1000 * 1000; i++)
        fputs ("x\n\n", f);
      fclose (f);
    }
    report ("60 MB VTT of broken blocks", run (transcript), 2, 200, NULL, NULL);
    g_unlink (vtt);

    {
      g_autofree char *text = g_build_filename (dir, "ep.txt", NULL);
      FILE *f = fopen (text, "w");
      gsize written = 0;

      /* Just under the 16 MiB cap of plain-text transcripts, every line a turn. */
      for (guint i = 0; written < 16 * 1000 * 1000; i++)
        written += fprintf (f, "[%02u:%02u:%02u] Speaker %u: words of line %u in a long, long "
                            "transcript\n",
                            i * 2 / 3600, i * 2 / 60 % 60, i * 2 % 60, i % 2, i);
      fclose (f);
      report ("16 MB timestamped text (read)", run (transcript), 2, 200, NULL, NULL);
      g_unlink (text);
    }
    {
      g_autofree char *whisper = g_build_filename (dir, "ep.json", NULL);
      FILE *f = fopen (whisper, "w");
      double t = 0;

      /* Whisper with word times, 12 words a segment: about 155 values a segment, so 6,300
       * segments come just under the cap of a million. */
      fprintf (f, "{\"text\": \"\", \"segments\": [");
      for (guint i = 0; i < 6300; i++)
        {
          double start = t;

          fprintf (f, "%s{\"id\": %u, \"seek\": 0, \"start\": %.2f, \"end\": %.2f, "
                   "\"text\": \" the quick brown fox jumps over a lazy dog and then some\", "
                   "\"tokens\": [",
                   i ? ", " : "", i, start, start + 4.2);
          for (guint k = 0; k < 14; k++)
            fprintf (f, "%s%u", k ? ", " : "", 50364 + k);
          fprintf (f, "], \"temperature\": 0.0, \"avg_logprob\": -0.2, "
                   "\"compression_ratio\": 1.5, \"no_speech_prob\": 0.01, \"words\": [");
          for (guint w = 0; w < 12; w++, t += 0.35)
            fprintf (f, "%s{\"word\": \" w%u\", \"start\": %.2f, \"end\": %.2f, "
                     "\"probability\": 0.9}",
                     w ? ", " : "", w, t, t + 0.3);
          fprintf (f, "]}");
        }
      fprintf (f, "]}");
      fclose (f);
      report ("Whisper JSON, ~1M values (read)", run (transcript), 2, 200, NULL, NULL);

      f = fopen (whisper, "w");
      fprintf (f, "{\"text\": \"\", \"segments\": [{\"start\": 0, \"end\": 5, \"text\": \"");
      for (guint i = 0; i < 12 * 1000 * 1000; i++)
        fputs ("word ", f);
      fprintf (f, "\"}]}");
      fclose (f);
      report ("60 MB JSON, one string (refused)", run (transcript), 2, 200, NULL, NULL);

      f = fopen (whisper, "w");
      fprintf (f, "{\"text\": \"\", \"segments\": [{\"start\": 0, \"end\": 5, \"text\": \"");
      /* Just under the 32 MiB cap of JSON sidecars. */
      for (guint i = 0; i < 6 * 1000 * 1000; i++)
        fputs ("word ", f);
      fprintf (f, "\"}]}");
      fclose (f);
      report ("30 MB JSON, one string (read)", run (transcript), 2, 200, NULL, NULL);
      g_unlink (whisper);
    }

    {
      FILE *f = fopen (json, "w");
      gsize half = 50 * 1000 * 1000;

      for (gsize i = 0; i < half; i++)
        fputc ('[', f);
      for (gsize i = 0; i < half; i++)
        fputc (']', f);
      fclose (f);
    }
    report ("100 MB nested JSON (refused)", run (transcript), 2, 200, NULL, NULL);
    g_assert_cmpint (truncate (json, 0), ==, 0);
    {
      FILE *f = fopen (json, "w");
      gsize half = 30 * 1000 * 1000;

      for (gsize i = 0; i < half; i++)
        fputc ('[', f);
      for (gsize i = 0; i < half; i++)
        fputc (']', f);
      fclose (f);
    }
    report ("60 MB nested JSON (depth cap)", run (transcript), 2, 200, NULL, NULL);
    g_unlink (json);

    g_assert_cmpint (symlink ("/dev/zero", vtt), ==, 0);
    report ("symlink to /dev/zero", run (transcript), 2, 200, NULL, NULL);
    g_unlink (vtt);
    g_assert_cmpint (mkfifo (vtt, 0600), ==, 0);
    report ("FIFO named ep.vtt", run (transcript), 2, 200, NULL, NULL);
    g_unlink (vtt);
  }

  printf ("A 60 s MP3 zero-padded to 3 GB (sparse):\n");
  {
    g_autofree char *data = NULL;
    gsize length;
    const char *probe[] = { cli, "probe", padded, NULL };
    const char *ffprobe[] = { "ffprobe", "-v", "error", "-show_entries", "format=duration",
                              padded, NULL };
    Run ref;

    g_assert_true (g_file_get_contents (mp3, &data, &length, NULL));
    g_assert_true (g_file_set_contents (padded, data, length, NULL));
    g_assert_cmpint (truncate (padded, (off_t) 3 << 30), ==, 0);
    ref = run (ffprobe);
    report ("probe", run (probe), 1, 200, "ffprobe", &ref);
    g_unlink (padded);
  }

  printf ("200 000 cues, each with another speaker:\n");
  {
    const char *transcript[] = { cli, "transcript", "-q", "-f", "json", speakers, NULL };
    const char *ffmpeg_vtt[] = { "ffmpeg", "-loglevel", "error", "-i", speakers, "-f", "null",
                                 "-", NULL };
    g_autoptr (GError) error = NULL;
    g_autoptr (HarkTranscript) t = NULL;
    Run in_process = { 0, 0, 0, 0 };
    gint64 start;
    double cpu;
    Run ref;

    write_vtt (speakers, G_MAXSIZE, TRUE, 200000);
    start = g_get_monotonic_time ();
    cpu = self_cpu ();
    t = hark_sidecar_read (speakers, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error);
    in_process.seconds = (g_get_monotonic_time () - start) / 1e6;
    in_process.cpu = self_cpu () - cpu;
    g_assert_no_error (error);
    g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, 200000);
    ref = run (ffmpeg_vtt);
    report ("read (in process)", in_process, 1, 0, "ffmpeg", &ref);
    report ("hark-cli transcript -f json", run (transcript), 0, 0, NULL, NULL);
    g_unlink (speakers);
  }

  printf ("80 000 captions of random words merged with a 4000-turn labelled transcript:\n");
  {
    g_autofree char *captions = g_build_filename (dir, "ep.vtt", NULL);
    g_autofree char *labelled = g_build_filename (dir, "ep.transcript.txt", NULL);
    g_autoptr (GRand) rand = g_rand_new_with_seed (1);
    g_autoptr (GError) error = NULL;
    g_autoptr (HarkEpisode) episode = NULL;
    Run merge = { 0, 0, 0, 0 };
    const char *const sidecars[] = { captions, labelled, NULL };
    FILE *f = fopen (captions, "w");
    gint64 start;
    double cpu;

    fprintf (f, "WEBVTT\n\n");
    for (guint i = 0; i < 80000; i++)
      fprintf (f, "%02u:%02u:%02u.%03u --> %02u:%02u:%02u.%03u\nw%u w%u w%u\n\n", i / 7200,
               i / 120 % 60, i / 2 % 60, (i % 2) * 500, i / 7200, i / 120 % 60, i / 2 % 60,
               (i % 2) * 500 + 499, g_rand_int_range (rand, 0, 2000),
               g_rand_int_range (rand, 0, 2000), g_rand_int_range (rand, 0, 2000));
    fclose (f);
    f = fopen (labelled, "w");
    for (guint t = 0; t < 4000; t++)
      {
        fprintf (f, "Speaker %u:", t % 3);
        for (guint w = 0; w < 60; w++)
          fprintf (f, " w%u", g_rand_int_range (rand, 0, 2000));
        fprintf (f, "\n\n");
      }
    fclose (f);
    start = g_get_monotonic_time ();
    cpu = self_cpu ();
    episode = hark_episode_load (audio, sidecars, -1, &error);
    merge.seconds = (g_get_monotonic_time () - start) / 1e6;
    merge.cpu = self_cpu () - cpu;
    g_assert_no_error (error);
    g_assert_cmpfloat (hark_episode_get_merge_coverage (episode), >=, 0);
    report ("load and merge (in process)", merge, 2, 0, NULL, NULL);
    g_unlink (captions);
    g_unlink (labelled);
  }

  g_unlink (audio);
  g_unlink (mp3);
  g_rmdir (dir);
  printf ("%s\n", all_within ? "All within their bounds." : "Some bound was EXCEEDED.");
  return 0;
}
