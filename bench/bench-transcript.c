/* bench-transcript.c — loading and merging transcripts, and looking things up in them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures (CPU milliseconds of the work); judges nothing. Goals: load + merge ep189 in
 * 20 ms; a generated 5-hour transcript (20,000 cues, 1,500 turns) in 300 ms and 50 MB peak;
 * 1,000,000 lookups in 100 ms.
 * Each figure is printed next to a reference measured in the same run: reading the captions
 * alone, one exact O(n·m) alignment table (on a slice, scaled up), a linear scan.
 *
 * The 5-hour case runs in a child process (this program, re-executed) so that its peak resident
 * memory is its own and not the parent's.
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "transcript/hark-align.h"
#include "episode/hark-episode.h"
#include "formats/hark-labelled-text.h"
#include "transcript/hark-merge.h"
#include "formats/hark-sidecar.h"

#define RUNS 20
#define LONG_RUNS 3
#define N_CUES 20000
#define N_TURNS 1500
#define WORDS_PER_CUE 3
#define CUE_SECONDS 0.9 /* 20,000 × 0.9 s = 5 hours */
#define N_LOOKUPS 1000000
#define N_LINEAR_LOOKUPS 10000
#define SLICE_WORDS 3000

/* CPU time of this thread in µs. Every figure here is single-threaded work, and CPU time keeps
 * the comparison fair when other builds share the machine (wall time is printed too). */
static gint64
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
ms_since (gint64 start)
{
  return (now () - start) / 1000.0;
}

static double
wall_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* ---- ep189 ---- */

static void
bench_ep189 (const char *fixtures)
{
  g_autofree char *audio = g_build_filename (fixtures, "ep189", "ep189.opus", NULL);
  g_autofree char *vtt = g_build_filename (fixtures, "ep189", "ep189.vtt", NULL);
  g_autofree char *txt = g_build_filename (fixtures, "ep189", "ep189.transcript.txt", NULL);
  double load_ms[RUNS], load_wall_ms[RUNS], read_ms[RUNS], merge_ms[RUNS];
  g_autoptr (HarkTranscript) captions = NULL;
  g_autoptr (HarkLabelledText) labelled = NULL;
  g_autoptr (HarkWordTable) table = hark_word_table_new ();
  g_autoptr (GArray) a = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) b = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree int *map = NULL;
  g_autofree HarkMergeTurn *turns = NULL;
  guint n_turns, n_cues, matched_fast, matched_slow;
  const HarkLabelledTurn *lturns;
  const HarkCue *cues;
  double fast_ms, slow_ms, scale;
  gint64 t0;

  if (!g_file_test (audio, G_FILE_TEST_EXISTS))
    {
      printf ("ep189: skipped, %s is absent\n", audio);
      return;
    }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (HarkEpisode) episode = NULL;

      gint64 wall0 = g_get_monotonic_time ();

      t0 = now ();
      episode = hark_episode_load (audio, NULL, -1, NULL);
      load_ms[i] = ms_since (t0);
      load_wall_ms[i] = wall_ms_since (wall0);
      g_assert_cmpuint (hark_episode_get_sources (episode)->len, ==, 2);
    }

  captions = hark_sidecar_read (vtt, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, NULL);
  labelled = hark_labelled_text_load (txt, NULL, NULL);
  lturns = hark_labelled_text_get_turns (labelled, &n_turns);
  turns = g_new (HarkMergeTurn, n_turns);
  for (guint i = 0; i < n_turns; i++)
    {
      turns[i].speaker = lturns[i].speaker;
      turns[i].text = lturns[i].text;
    }
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr (HarkTranscript) t = NULL;

      t0 = now ();
      t = hark_sidecar_read (vtt, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, NULL);
      read_ms[i] = ms_since (t0);
      g_clear_pointer (&t, hark_transcript_unref);
      t0 = now ();
      t = hark_merge (captions, turns, n_turns, NULL);
      merge_ms[i] = ms_since (t0);
    }

  printf ("ep189 (914 cues, 137 turns, 12k words each side), median of %d runs:\n", RUNS);
  printf ("  load + merge (discovery, 3 sidecars read, merge) %8.2f ms   "
          "(goal 20 ms; %.2f ms wall)\n",
          bench_median (load_ms, RUNS), bench_median (load_wall_ms, RUNS));
  printf ("  of which the merge alone                         %8.2f ms\n",
          bench_median (merge_ms, RUNS));
  printf ("  reference: reading ep189.vtt alone               %8.2f ms\n",
          bench_median (read_ms, RUNS));

  /* Anchored alignment against one exact table, on a slice the table can afford. */
  for (guint i = 0; i < n_turns; i++)
    hark_word_table_intern_text (table, turns[i].text, a);
  cues = hark_transcript_get_cues (captions, &n_cues);
  for (guint i = 0; i < n_cues; i++)
    hark_word_table_intern_text (table, cues[i].text, b);
  map = g_new (int, a->len);
  {
    guint na = MIN (SLICE_WORDS, a->len), nb = MIN (SLICE_WORDS, b->len);

    t0 = now ();
    matched_fast = hark_align ((int *) (gpointer) a->data, na, (int *) (gpointer) b->data,
                               nb, map);
    fast_ms = ms_since (t0);
    t0 = now ();
    matched_slow = hark_align_naive ((int *) (gpointer) a->data, na,
                                     (int *) (gpointer) b->data, nb, map);
    slow_ms = ms_since (t0);
    scale = (double) a->len * b->len / ((double) na * nb);
    printf ("  alignment of the first %u × %u words: anchored %.2f ms (%u matches), exact "
            "O(n·m) table %.2f ms (%u matches)\n",
            na, nb, fast_ms, matched_fast, slow_ms, matched_slow);
    t0 = now ();
    matched_fast = hark_align ((int *) (gpointer) a->data, a->len,
                               (int *) (gpointer) b->data, b->len, map);
    fast_ms = ms_since (t0);
    printf ("  alignment of all %u × %u words: anchored %.2f ms (%u matches); the exact table "
            "would take about %.0f ms and %.0f MB (scaled from the slice)\n",
            a->len, b->len, fast_ms, matched_fast, slow_ms * scale,
            (double) (a->len + 1) * (b->len + 1) * 4 / 1e6);
  }
}

/* ---- a generated 5-hour episode ---- */

static const char *const common[] = {
  "the", "and", "to", "of", "a", "I", "you", "that", "it", "is", "in", "we", "so", "like",
  "yeah", "this", "for", "just", "was", "what", "they", "on", "with", "but", "do", "have",
  "are", "be", "know", "think", "really", "about", "there", "people", "right", "one",
};

static char *
vocabulary_word (GRand *rand)
{
  /* Three words in four are common ones; the rest come from a long tail that can anchor. */
  if (g_rand_int_range (rand, 0, 4) > 0)
    return g_strdup (common[g_rand_int_range (rand, 0, G_N_ELEMENTS (common))]);
  return g_strdup_printf ("word%d", g_rand_int_range (rand, 0, 8000));
}

static void
append_vtt_time (GString *out, double seconds)
{
  gint64 ms = (gint64) (seconds * 1000 + 0.5);

  g_string_append_printf (out, "%02d:%02d:%02d.%03d", (int) (ms / 3600000),
                          (int) (ms / 60000 % 60), (int) (ms / 1000 % 60), (int) (ms % 1000));
}

/* Writes DIR/long.vtt (machine captions: 5% of words changed, dropped or added) and
 * DIR/long.transcript.txt (the "human" text with speakers). */
static void
generate_long_episode (const char *dir)
{
  static const char *const speakers[] = { "Host", "Guest One", "Guest Two" };
  const guint n_words = N_CUES * WORDS_PER_CUE;
  GRand *rand = g_rand_new_with_seed (20000);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) vtt = g_string_new ("WEBVTT\n\n");
  g_autoptr (GString) txt = g_string_new (NULL);
  g_autofree char *vtt_path = g_build_filename (dir, "long.vtt", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "long.transcript.txt", NULL);

  for (guint i = 0; i < n_words; i++)
    g_ptr_array_add (words, vocabulary_word (rand));

  for (guint c = 0; c < N_CUES; c++)
    {
      append_vtt_time (vtt, c * CUE_SECONDS);
      g_string_append (vtt, " --> ");
      append_vtt_time (vtt, (c + 1) * CUE_SECONDS);
      g_string_append_c (vtt, '\n');
      for (guint w = 0; w < WORDS_PER_CUE; w++)
        {
          guint roll = g_rand_int_range (rand, 0, 100);
          const char *word = g_ptr_array_index (words, c * WORDS_PER_CUE + w);

          if (roll < 2)
            continue; /* dropped */
          if (w > 0)
            g_string_append_c (vtt, ' ');
          if (roll < 4)
            {
              g_autofree char *other = vocabulary_word (rand);

              g_string_append (vtt, other); /* misheard */
            }
          else
            g_string_append (vtt, word);
          if (roll >= 99)
            g_string_append (vtt, " um"); /* added */
        }
      g_string_append (vtt, "\n\n");
    }

  for (guint t = 0; t < N_TURNS; t++)
    {
      guint first = t * n_words / N_TURNS, last = (t + 1) * n_words / N_TURNS;

      g_string_append_printf (txt, "%s:", speakers[t % G_N_ELEMENTS (speakers)]);
      for (guint w = first; w < last; w++)
        {
          g_string_append_c (txt, ' ');
          g_string_append (txt, g_ptr_array_index (words, w));
          if ((w - first) % 11 == 10)
            g_string_append_c (txt, '.');
        }
      g_string_append (txt, ".\n");
    }
  g_rand_free (rand);
  g_assert_true (g_file_set_contents (vtt_path, vtt->str, (gssize) vtt->len, NULL));
  g_assert_true (g_file_set_contents (txt_path, txt->str, (gssize) txt->len, NULL));
}

/* In the child: does one thing and prints its time in ms. */
static int
child_main (const char *what, const char *dir)
{
  g_autofree char *vtt = g_build_filename (dir, "long.vtt", NULL);
  g_autofree char *txt = g_build_filename (dir, "long.transcript.txt", NULL);
  gint64 t0 = now (), wall0 = g_get_monotonic_time ();

  if (g_str_equal (what, "merge"))
    {
      const char *sidecars[] = { vtt, txt, NULL };
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkEpisode) episode = hark_episode_load (NULL, sidecars, -1, &error);
      guint n_turns;

      g_assert_no_error (error);
      hark_transcript_get_turns (hark_episode_get_transcript (episode), &n_turns);
      printf ("%.3f %.3f %u %.4f\n", ms_since (t0), wall_ms_since (wall0), n_turns,
              hark_episode_get_merge_coverage (episode));
    }
  else if (g_str_equal (what, "read"))
    {
      g_autoptr (HarkTranscript) t = hark_sidecar_read (vtt, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL,
                                                        NULL);
      guint n_cues;

      hark_transcript_get_cues (t, &n_cues);
      printf ("%.3f %.3f %u 0\n", ms_since (t0), wall_ms_since (wall0), n_cues);
    }
  else
    printf ("%.3f %.3f 0 0\n", ms_since (t0), wall_ms_since (wall0));
  return 0;
}

/* Runs this program as a child doing @what; returns its time and peak RSS in MB. */
static gboolean
run_child (const char *self_path, const char *what, const char *dir, double *ms, double *wall_ms,
           double *rss_mb, guint *count, double *coverage)
{
  int fds[2];
  pid_t pid;
  struct rusage usage;
  int status;
  char buffer[256] = { 0 };
  ssize_t got, total = 0;

  if (pipe (fds) != 0)
    return FALSE;
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execl (self_path, self_path, "--child", what, dir, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  while ((got = read (fds[0], buffer + total, sizeof buffer - 1 - total)) > 0)
    total += got;
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;
  *rss_mb = usage.ru_maxrss / 1024.0;
  return sscanf (buffer, "%lf %lf %u %lf", ms, wall_ms, count, coverage) == 4;
}

static void
bench_long (const char *self_path)
{
  g_autofree char *dir = g_dir_make_tmp ("hark-bench-XXXXXX", NULL);
  double merge_ms[LONG_RUNS], read_ms[LONG_RUNS], merge_wall[LONG_RUNS], read_wall[LONG_RUNS];
  double merge_rss = 0, read_rss = 0, idle_rss = 0;
  double coverage = 0, read_coverage, idle_ms, idle_wall;
  guint n_turns = 0, n_cues = 0;
  g_autofree char *vtt = NULL;
  g_autofree char *txt = NULL;

  generate_long_episode (dir);
  for (guint i = 0; i < LONG_RUNS; i++)
    {
      double rss;

      if (!run_child (self_path, "merge", dir, &merge_ms[i], &merge_wall[i], &rss, &n_turns,
                      &coverage))
        g_error ("the 5-hour merge failed in its child process");
      merge_rss = MAX (merge_rss, rss);
      if (!run_child (self_path, "read", dir, &read_ms[i], &read_wall[i], &rss, &n_cues,
                      &read_coverage))
        g_error ("reading the 5-hour captions failed in its child process");
      read_rss = MAX (read_rss, rss);
    }
  {
    guint unused_count;
    double unused_coverage;

    run_child (self_path, "idle", dir, &idle_ms, &idle_wall, &idle_rss, &unused_count,
               &unused_coverage);
  }

  printf ("generated 5-hour episode (%d cues, %d turns, %d words), median of %d runs:\n", N_CUES,
          N_TURNS, N_CUES * WORDS_PER_CUE, LONG_RUNS);
  printf ("  load + merge            %8.1f ms (%.1f ms wall)  peak RSS %6.1f MB   (goal 300 ms, "
          "50 MB); %u turns, coverage %.1f%%\n",
          bench_median (merge_ms, LONG_RUNS), bench_median (merge_wall, LONG_RUNS), merge_rss,
          n_turns, coverage * 100);
  printf ("  reference: read the VTT %8.1f ms (%.1f ms wall)  peak RSS %6.1f MB   (%u cues)\n",
          bench_median (read_ms, LONG_RUNS), bench_median (read_wall, LONG_RUNS), read_rss, n_cues);
  printf ("  reference: idle process                         peak RSS %6.1f MB\n", idle_rss);

  vtt = g_build_filename (dir, "long.vtt", NULL);
  txt = g_build_filename (dir, "long.transcript.txt", NULL);
  {
    const char *sidecars[] = { vtt, txt, NULL };
    g_autoptr (HarkEpisode) episode = hark_episode_load (NULL, sidecars, -1, NULL);
    HarkTranscript *t = hark_episode_get_transcript (episode);
    guint n_t, n_c;
    const HarkTurn *turns = hark_transcript_get_turns (t, &n_t);
    const HarkCue *cues = hark_transcript_get_cues (t, &n_c);
    double end = N_CUES * CUE_SECONDS;
    g_autofree double *times = g_new (double, N_LOOKUPS);
    GRand *rand = g_rand_new_with_seed (1);
    gint64 t0;
    double turn_ms, cue_ms, linear_turn_ms, linear_cue_ms;
    volatile long sink = 0;

    for (guint i = 0; i < N_LOOKUPS; i++)
      times[i] = g_rand_double_range (rand, -10, end + 10);
    g_rand_free (rand);

    t0 = now ();
    for (guint i = 0; i < N_LOOKUPS; i++)
      sink += hark_transcript_turn_at (t, times[i]);
    turn_ms = ms_since (t0);
    t0 = now ();
    for (guint i = 0; i < N_LOOKUPS; i++)
      sink += hark_transcript_cue_at (t, times[i]);
    cue_ms = ms_since (t0);

    /* The same questions answered by walking the arrays from the start. */
    t0 = now ();
    for (guint i = 0; i < N_LINEAR_LOOKUPS; i++)
      {
        int turn = -1;

        for (guint k = 0; k < n_t && turns[k].start <= times[i]; k++)
          turn = (int) k;
        sink += turn;
      }
    linear_turn_ms = ms_since (t0) * N_LOOKUPS / N_LINEAR_LOOKUPS;
    t0 = now ();
    for (guint i = 0; i < N_LINEAR_LOOKUPS; i++)
      {
        int cue = -1;

        for (guint k = 0; k < n_c && cues[k].start <= times[i]; k++)
          if (times[i] < cues[k].end)
            cue = (int) k;
        sink += cue;
      }
    linear_cue_ms = ms_since (t0) * N_LOOKUPS / N_LINEAR_LOOKUPS;
    printf ("%d lookups at random times on it (goal 100 ms):\n", N_LOOKUPS);
    printf ("  turn_at (%u turns)     %8.1f ms   reference: linear scan %8.1f ms (%d measured, "
            "scaled)\n",
            n_t, turn_ms, linear_turn_ms, N_LINEAR_LOOKUPS);
    printf ("  cue_at (%u cues)      %8.1f ms   reference: linear scan %8.1f ms (%d measured, "
            "scaled)\n",
            n_c, cue_ms, linear_cue_ms, N_LINEAR_LOOKUPS);
    (void) sink;
  }

  {
    g_autofree char *long_vtt = g_build_filename (dir, "long.vtt", NULL);
    g_autofree char *long_txt = g_build_filename (dir, "long.transcript.txt", NULL);

    if (g_getenv ("HARK_BENCH_KEEP") == NULL) g_unlink (long_vtt);
    if (g_getenv ("HARK_BENCH_KEEP") == NULL) g_unlink (long_txt);
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  const char *fixtures = bench_fixtures_dir ();
  g_autofree char *self_path = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (fixtures)
    bench_ep189 (fixtures);
  else if (bench_skip ("ep189 needs the fixtures (HARK_FIXTURES_DIR)") != 77)
    return 1;
  bench_long (self_path ? self_path : argv[0]);
  return 0;
}
