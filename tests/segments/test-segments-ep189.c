/* test-segments-ep189.c — acceptance: ep189's sponsor segments from its real sidecars
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The captions are read with the real WebVTT reader; the merged case merges them with the
 * speaker-labelled transcript the way the episode loader does. Nothing marks the ads.
 */
#include "transcript/hark-merge.h"
#include "formats/hark-labelled-text.h"
#include "formats/hark-sidecar.h"
#include "segments/hark-sponsor-detector.h"
#include "hark-test-util.h"
#include "segments-test-util.h"

static HarkTranscript *
read_captions (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  HarkTranscript *t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

/* The detector on captions read by the WebVTT reader, against the matching truth. */
static void
check_captions (const char *vtt_name, const char *truth_name, double tolerance)
{
  g_autofree char *vtt = hark_test_fixture (vtt_name);
  g_autofree char *truth = hark_test_fixture (truth_name);
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GArray) found = NULL;

  if (vtt == NULL || truth == NULL)
    return;
  t = read_captions (vtt);
  found = hark_sponsor_detect (t);
  hark_test_check_against_truth (found, truth, 0.0, tolerance);
}

static void
test_captions_only (void)
{
  check_captions ("ep189/ep189.vtt", "ep189/ep189.truth.json", 3.0);
}

static void
test_merged (void)
{
  g_autofree char *vtt = hark_test_fixture ("ep189/ep189.vtt");
  g_autofree char *txt = hark_test_fixture ("ep189/ep189.transcript.txt");
  g_autofree char *truth = hark_test_fixture ("ep189/ep189.truth.json");
  g_autoptr (HarkTranscript) captions = NULL;
  g_autoptr (HarkTranscript) merged = NULL;
  g_autoptr (HarkLabelledText) labelled = NULL;
  g_autoptr (GArray) turns = g_array_new (FALSE, FALSE, sizeof (HarkMergeTurn));
  g_autoptr (GArray) found = NULL;
  g_autoptr (GError) error = NULL;
  HarkMergeReport report = { 0 };
  const HarkLabelledTurn *lt;
  guint n;

  if (vtt == NULL || txt == NULL || truth == NULL)
    return;
  captions = read_captions (vtt);
  labelled = hark_labelled_text_load (txt, NULL, &error);
  g_assert_no_error (error);
  lt = hark_labelled_text_get_turns (labelled, &n);
  for (guint i = 0; i < n; i++)
    {
      HarkMergeTurn turn = { lt[i].speaker, lt[i].text };

      g_array_append_val (turns, turn);
    }
  merged = hark_merge (captions, (const HarkMergeTurn *) (gconstpointer) turns->data, turns->len,
                       &report);
  g_test_message ("merge coverage %.3f", report.coverage);
  hark_merge_report_clear (&report);
  g_assert_cmpuint (hark_transcript_get_n_speakers (merged), ==, 2);
  found = hark_sponsor_detect (merged);
  hark_test_check_against_truth (found, truth, 0.0, 1.5);
}

static void
test_excerpt (void)
{
  check_captions ("ep189/excerpt-linode.vtt", "ep189/excerpt-linode.truth.json", 1.5);
}

/* Other real episodes (same caption source, other years and sponsors). The expected reads were
 * counted by reading the captions: pre-roll sponsors and the show's own promotion, mid-roll
 * reads, and the outro's "thank you to our sponsors" run. */
static const struct
{
  const char *file;
  guint sponsor;
  guint selfpromo;
} real_episodes[] = {
  { "001_nicola_iarocci_talk_python_to_me.vtt", 0, 0 },
  { "301-deploying-and-running-django-web-apps-in-2021.vtt", 0, 0 },
  { "492-great-tables.vtt", 3, 1 },
  { "496-scaf-deploys.vtt", 3, 2 },
  { "529-python-apps-with-llm-building-blocks.vtt", 6, 0 },
  { "539-catching-up-with-the-python-typing-council.vtt", 3, 2 },
  { "544-wheel-next-packaging-peps-transcript-final.vtt", 6, 0 },
};

static void
test_real_captions (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (real_episodes); f++)
    {
      g_autofree char *relative = g_build_filename ("real-vtt", real_episodes[f].file, NULL);
      g_autofree char *path = hark_test_fixture (relative);
      g_autoptr (HarkTranscript) t = NULL;
      g_autoptr (GArray) found = NULL;
      guint counts[HARK_N_CATEGORIES] = { 0 };

      if (path == NULL)
        return;
      t = read_captions (path);
      found = hark_sponsor_detect (t);
      for (guint i = 0; i < found->len; i++)
        {
          const HarkDetection *x = &g_array_index (found, HarkDetection, i);

          g_test_message ("%s: %s %.1f–%.1f: %s", real_episodes[f].file,
                          hark_category_to_string (x->category), x->start, x->end, x->started_by);
          g_assert_cmpfloat (x->end, >, x->start);
          g_assert_cmpfloat (x->end - x->start, <=, 240.0);
          if (i > 0)
            g_assert_cmpfloat (x->start, >=, (x - 1)->end - 1e-6);
          counts[x->category]++;
        }
      g_assert_cmpuint (counts[HARK_CATEGORY_SPONSOR], ==, real_episodes[f].sponsor);
      g_assert_cmpuint (counts[HARK_CATEGORY_SELFPROMO], ==, real_episodes[f].selfpromo);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/ep189/captions-only", test_captions_only);
  g_test_add_func ("/segments/ep189/merged", test_merged);
  g_test_add_func ("/segments/ep189/excerpt", test_excerpt);
  g_test_add_func ("/segments/real-captions", test_real_captions);
  return g_test_run ();
}
