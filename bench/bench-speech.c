/* bench-speech.c — CPU of Hark's speech recognition next to pocketsphinx_continuous
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The budget is 0.2 × real time in CPU (an hour of audio in at most 12 CPU-minutes). Hark's
 * figure counts everything: decoding the file, cutting utterances and recognizing them on all
 * cores, summed over threads. The reference is pocketsphinx_continuous (Debian package
 * pocketsphinx) with its default settings on the same audio decoded to 16 kHz beforehand (its
 * decoding is not counted). The excerpt by default; HARK_BENCH_SPEECH_FULL=1 runs the whole
 * 59-minute episode. Over budget is printed, not failed: benchmarks report, they never gate.
 */
#include <stdio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "speech/hark-recognizer.h"

#define BUDGET 0.2

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec
         + usage.ru_stime.tv_usec / 1e6;
}

static gboolean
run (const char *const *argv, GError **error)
{
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, error))
    return FALSE;
  return g_spawn_check_wait_status (status, error);
}

int
main (void)
{
  const char *fixtures = bench_fixtures_dir ();
  gboolean full = g_strcmp0 (g_getenv ("HARK_BENCH_SPEECH_FULL"), "1") == 0;
  g_autofree char *audio = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *raw = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkSpeech) speech = NULL;
  double cpu0, wall0, hark_cpu, hark_wall, duration, ref_cpu = -1;
  guint n_words;

  if (fixtures == NULL)
    return bench_skip ("HARK_FIXTURES_DIR is not set or absent (run through meson test)");
  audio = g_build_filename (fixtures, "ep189", full ? "ep189.opus" : "excerpt-linode.opus", NULL);
  if (!g_file_test (audio, G_FILE_TEST_EXISTS))
    return bench_skip ("the ep189 fixtures are absent (HARK_FIXTURES_DIR)");
  if (!hark_recognizer_check_available (&error))
    {
      printf ("# %s\n", error->message);
      return 77;
    }

  cpu0 = cpu_seconds (RUSAGE_SELF);
  wall0 = g_get_monotonic_time () / 1e6;
  speech = hark_recognize_file (audio, HARK_RECOGNIZE_NO_CACHE, NULL, NULL, NULL, &error);
  if (speech == NULL)
    {
      fprintf (stderr, "bench-speech: %s\n", error->message);
      return 1;
    }
  hark_cpu = cpu_seconds (RUSAGE_SELF) - cpu0;
  hark_wall = g_get_monotonic_time () / 1e6 - wall0;
  duration = hark_speech_get_duration (speech);
  hark_speech_get_words (speech, &n_words);
  printf ("# audio: %s, %.1f s\n", audio, duration);
  printf ("hark recognizer: %.1f s CPU = %.3f x real time (wall %.1f s on %u cores, %u words)\n",
          hark_cpu, hark_cpu / duration, hark_wall, g_get_num_processors (), n_words);

  tmp = g_dir_make_tmp ("hark-bench-speech-XXXXXX", NULL);
  raw = g_build_filename (tmp, "audio.raw", NULL);
  {
    const char *decode[] = { "ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-i", audio,
                             "-ar", "16000", "-ac", "1", "-f", "s16le", raw, NULL };
    const char *ps[] = { "pocketsphinx_continuous", "-infile", raw, "-time", "yes", "-logfn",
                         "/dev/null", NULL };
    g_autofree char *ps_path = g_find_program_in_path ("pocketsphinx_continuous");

    if (ps_path == NULL)
      printf ("# pocketsphinx_continuous is not installed (Debian package pocketsphinx): no "
              "reference figure\n");
    else if (!run (decode, &error))
      printf ("# ffmpeg could not decode the reference input: %s\n", error->message);
    else
      {
        double c0 = cpu_seconds (RUSAGE_CHILDREN), w0 = g_get_monotonic_time () / 1e6;

        if (run (ps, &error))
          {
            ref_cpu = cpu_seconds (RUSAGE_CHILDREN) - c0;
            printf ("pocketsphinx_continuous (defaults): %.1f s CPU = %.3f x real time (wall "
                    "%.1f s, one thread)\n",
                    ref_cpu, ref_cpu / duration, g_get_monotonic_time () / 1e6 - w0);
          }
        else
          printf ("# pocketsphinx_continuous failed: %s\n", error->message);
      }
    g_remove (raw);
    g_rmdir (tmp);
  }
  if (ref_cpu > 0)
    printf ("# hark uses %.2f x the reference's CPU\n", hark_cpu / ref_cpu);
  printf ("# budget: %.2f x real time: %s\n", BUDGET,
          hark_cpu / duration <= BUDGET ? "met" : "EXCEEDED");
  return 0;
}
