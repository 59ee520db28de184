/* test-render-skips.c — `hark-cli render` skips the sponsor reads, and only them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For ep189 (the 59-minute episode, its captions and transcript beside it) and for the excerpt
 * in all six codecs (its captions beside a temporary copy): the rendered file is shorter than
 * the decoded episode by the skipped total (±20 ms), every voiced cue of the truth's skipped
 * segments lies inside a skipped range, and around each cut the output holds what the episode
 * holds just before the range and just after it (so nothing of the read is left at the seam).
 *
 * Default policy: sponsor → skip, selfpromo → ask, so only the sponsor reads are skipped; a run
 * with --skip-category selfpromo=skip checks that the show's own promotion then goes too.
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "audio-test-util.h"
#include <glib/gstdio.h>

#include "output/hark-output.h"
#include "segments/hark-sponsor-detector.h"
#include "hark-test-util.h"
#include "util/hark-time.h"
#include "segments-test-util.h"

#define TOLERANCE 0.020
#define WAV_HEADER 44
/* Left out of the comparison on each side of a cut: the engine's short fade. */
#define SEAM_MARGIN 0.05
#define WINDOW 1.0

typedef struct
{
  double start;
  double end;
} Range;

/* Frames of the 32-bit float WAV at @path from @t0 for @seconds (the file may be 1 GB, so
 * only the window is read). */
static float *
read_wav_window (const char *path, double t0, double seconds, gsize *n_frames)
{
  FILE *f = fopen (path, "rb");
  gsize frames = (gsize) (seconds * HARK_OUTPUT_RATE);
  float *data = g_new0 (float, frames * HARK_OUTPUT_CHANNELS);
  gsize got;

  g_assert_nonnull (f);
  g_assert_cmpint (fseeko (f, WAV_HEADER + (off_t) (t0 * HARK_OUTPUT_RATE) * HARK_OUTPUT_CHANNELS
                                               * (off_t) sizeof (float),
                           SEEK_SET), ==, 0);
  got = fread (data, sizeof (float) * HARK_OUTPUT_CHANNELS, frames, f);
  fclose (f);
  *n_frames = got;
  return data;
}

static double
wav_seconds (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL,
                                                  NULL);

  g_assert_nonnull (info);
  return (double) (g_file_info_get_size (info) - WAV_HEADER)
         / (HARK_OUTPUT_RATE * HARK_OUTPUT_CHANNELS * sizeof (float));
}

static double
rms_db (const float *a, gsize n_frames)
{
  double sum = 0;

  for (gsize i = 0; i < n_frames * HARK_OUTPUT_CHANNELS; i++)
    sum += (double) a[i] * a[i];
  return 10 * log10 (sum / MAX (1, n_frames * HARK_OUTPUT_CHANNELS) + 1e-20);
}

static void
run_ok (const char *const *args, char **out)
{
  g_autofree char *err = NULL;
  int status = audio_test_run_cli (args, out, &err);

  if (status != 0)
    g_error ("hark-cli %s failed (%d): %s", args[0], status, err);
}

/* The ranges `hark-cli segments` says are skipped, chained as the player chains them. */
static GArray *
skipped_ranges (const char *audio, const char *policy, double *skip_total)
{
  g_autofree char *out = NULL;
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) segments = NULL;
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  const char *args[] = { "segments", audio, "--format", "json", "--skip-category", policy, NULL };

  run_ok (args, &out);
  segments = hark_test_parse_segments_json (out, actions, skip_total);
  for (guint i = 0; i < segments->len; i++)
    {
      const HarkDetection *d = &g_array_index (segments, HarkDetection, i);
      Range *last = ranges->len ? &g_array_index (ranges, Range, ranges->len - 1) : NULL;

      if (strcmp (actions->pdata[i], "skip") != 0)
        continue;
      if (last && d->start <= last->end + 1e-3)
        last->end = MAX (last->end, d->end);
      else
        g_array_append_val (ranges, ((Range) { d->start, d->end }));
    }
  return ranges;
}

/* Every voiced cue inside a truth segment of a skipped category lies in a skipped range. */
static void
check_speech_covered (const char *truth_path, GArray *ranges, gboolean selfpromo_skipped)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *segments, *cues;
  guint checked = 0;

  json_parser_load_from_file (parser, truth_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  segments = json_object_get_array_member (root, "sponsor_segments");
  cues = json_object_get_array_member (root, "cues");
  for (guint s = 0; s < json_array_get_length (segments); s++)
    {
      JsonObject *seg = json_array_get_object_element (segments, s);
      const char *category = json_object_get_string_member (seg, "category");
      gboolean skipped = strcmp (category, "sponsor") == 0
                         || (selfpromo_skipped && strcmp (category, "selfpromo") == 0);
      double seg_start = json_object_get_double_member (seg, "start");
      double seg_end = json_object_get_double_member (seg, "end");

      for (guint c = 0; c < json_array_get_length (cues); c++)
        {
          JsonObject *cue = json_array_get_object_element (cues, c);
          double a = json_object_get_double_member (cue, "speech_start");
          double b = json_object_get_double_member (cue, "speech_end");
          gboolean inside = FALSE;

          if (a < seg_start - 1e-3 || b > seg_end + 1e-3)
            continue;
          for (guint r = 0; r < ranges->len; r++)
            {
              const Range *range = &g_array_index (ranges, Range, r);

              inside |= range->start <= a && b <= range->end;
            }
          if (skipped && !inside)
            g_error ("voiced %s speech %.3f–%.3f is not skipped", category, a, b);
          if (!skipped && inside)
            g_error ("%s speech %.3f–%.3f is skipped but the policy keeps it", category, a, b);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

/* Right content scores far above this against a reference decode (a seek in Opus re-converges
 * its decoder, so not bit-exactly), other speech near or below 0 dB. */
#define SAME_AUDIO_DB 10

/* The output at @at (seconds) holds the episode's media [@media, @media + WINDOW), or with
 * @expect_same FALSE, does not. */
static void
check_window (const char *audio, const char *rendered, double at, double media, const char *what,
              gboolean expect_same)
{
  g_autofree char *ref_path = g_strdup_printf ("%s.ref.wav", rendered);
  g_autofree char *from = g_strdup_printf ("%.6f", media);
  g_autofree char *to = g_strdup_printf ("%.6f", media + WINDOW);
  const char *args[] = { "render", audio, "-o", ref_path, "--no-skip", "--start", from,
                         "--end", to, NULL };
  g_autofree char *out = NULL;
  g_autofree float *ref = NULL;
  g_autofree float *got = NULL;
  gsize n_ref, n_got, n;
  double ref_db, got_db;

  run_ok (args, &out);
  ref = read_wav_window (ref_path, SEAM_MARGIN, WINDOW - 2 * SEAM_MARGIN, &n_ref);
  got = read_wav_window (rendered, at + SEAM_MARGIN, WINDOW - 2 * SEAM_MARGIN, &n_got);
  g_unlink (ref_path);
  n = MIN (n_ref, n_got);
  g_assert_cmpuint (n, >, HARK_OUTPUT_RATE / 2);
  ref_db = rms_db (ref, n);
  got_db = rms_db (got, n);
  if (!expect_same)
    {
      double snr = audio_test_snr (got, ref, n);

      /* The read's first second is speech; what follows the cut must be something else. */
      g_assert_cmpfloat (ref_db, >, -40);
      g_test_message ("%s at %.3f: %.1f dB like media %.3f (should differ)", what, at, snr,
                      media);
      g_assert_cmpfloat (snr, <, SAME_AUDIO_DB / 2);
    }
  else if (ref_db < -60)
    {
      /* Silence there (the pause after a read): the output must be silent as well. */
      g_test_message ("%s at %.3f: silence, output %.1f dB", what, at, got_db);
      g_assert_cmpfloat (got_db, <, -50);
    }
  else
    {
      double snr = audio_test_snr (got, ref, n);

      g_test_message ("%s at %.3f: %.1f dB like media %.3f", what, at, snr, media);
      if (snr < SAME_AUDIO_DB)
        g_error ("%s at %.3f s of the output is only %.1f dB like media %.3f s", what, at, snr,
                 media);
    }
}

static void
check_render (const char *audio, const char *truth, double decoded_length, const char *policy,
              gboolean selfpromo_skipped, const char *extra_start)
{
  g_autofree char *rendered = g_strdup_printf ("%s.rendered.wav", audio);
  g_autoptr (GArray) ranges = NULL;
  g_autofree char *out = NULL;
  double skip_total = 0, skipped_before = 0, length, start = 0;

  ranges = skipped_ranges (audio, policy, &skip_total);
  g_assert_cmpuint (ranges->len, >, 0);
  check_speech_covered (truth, ranges, selfpromo_skipped);
  if (extra_start)
    {
      const char *args[] = { "render", audio, "-o", rendered, "--skip-category", policy,
                             "--start", extra_start, NULL };

      g_assert_true (hark_time_parse (extra_start, &start));
      run_ok (args, &out);
      /* Only what is skipped after the start counts. */
      skip_total = 0;
      for (guint r = 0; r < ranges->len; r++)
        {
          const Range *range = &g_array_index (ranges, Range, r);

          skip_total += MAX (0, range->end - MAX (range->start, start));
        }
    }
  else
    {
      const char *args[] = { "render", audio, "-o", rendered, "--skip-category", policy, NULL };

      run_ok (args, &out);
    }
  length = wav_seconds (rendered);
  g_test_message ("%s: %.3f s rendered, %.3f s decoded, %.3f s skipped", audio, length,
                  decoded_length - start, skip_total);
  g_assert_cmpfloat_with_epsilon (length, decoded_length - start - skip_total, TOLERANCE);

  for (guint r = 0; r < ranges->len; r++)
    {
      const Range *range = &g_array_index (ranges, Range, r);
      double at;

      if (range->end <= start)
        continue;
      at = range->start - start - skipped_before;
      check_window (audio, rendered, at - WINDOW, range->start - WINDOW, "before the cut", TRUE);
      check_window (audio, rendered, at, range->end, "after the cut", TRUE);
      check_window (audio, rendered, at, range->start, "the read's start", FALSE);
      skipped_before += range->end - range->start;
    }
  g_unlink (rendered);
}

static double
truth_decoded_length (const char *truth_path, const char *codec)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *codecs;

  json_parser_load_from_file (parser, truth_path, &error);
  g_assert_no_error (error);
  codecs = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "codecs");
  return json_object_get_double_member (json_object_get_object_member (codecs, codec),
                                        "decoded_length_s");
}

/* The whole episode in place: its captions and transcript are beside it. */
static void
test_ep189 (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/ep189.opus");
  g_autofree char *truth = hark_test_fixture ("ep189/ep189.truth.json");
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  const char *const sidecars[] = { "ep189.opus", "ep189.vtt", "ep189.transcript.txt", NULL };

  if (audio == NULL || truth == NULL)
    return;
  /* render writes next to its output only, but the output must not go into the fixtures. */
  dir = hark_test_make_tmpdir ("render-ep189");
  g_assert_true (hark_test_copy_fixtures (dir, sidecars));
  copy = g_build_filename (dir, "ep189.opus", NULL);
  check_render (copy, truth, truth_decoded_length (truth, "opus"), "sponsor=skip", FALSE, NULL);
  /* The outro, with the show's own promotion skipped too (chained with the sponsor before). */
  check_render (copy, truth, truth_decoded_length (truth, "opus"), "selfpromo=skip", TRUE,
                "57:00");
  hark_test_remove_tree (dir);
}

static void
test_excerpt_codecs (void)
{
  g_autofree char *truth = hark_test_fixture ("ep189/excerpt-linode.truth.json");
  g_autofree char *vtt = hark_test_fixture ("ep189/excerpt-linode.vtt");
  g_autofree char *dir = NULL;

  if (truth == NULL || vtt == NULL)
    return;
  dir = hark_test_make_tmpdir ("render-excerpt");
  for (guint c = 0; audio_test_codecs[c]; c++)
    {
      g_autofree char *name = g_strdup_printf ("excerpt-linode.%s", audio_test_codecs[c]);
      g_autofree char *audio = g_build_filename (dir, name, NULL);
      const char *const copies[] = { name, "excerpt-linode.vtt", NULL };

      g_assert_true (hark_test_copy_fixtures (dir, copies));
      check_render (audio, truth, truth_decoded_length (truth, audio_test_codecs[c]),
                    "sponsor=skip", FALSE, NULL);
      g_unlink (audio);
    }
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/render/excerpt-codecs", test_excerpt_codecs);
  g_test_add_func ("/segments/render/ep189", test_ep189);
  return g_test_run ();
}
