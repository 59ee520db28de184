/* test-segments-ep189.c — acceptance: ep189's sponsor segments from its real sidecars
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The captions are read with the real WebVTT reader; the merged case merges them with the
 * speaker-labelled transcript the way the episode loader does. Nothing marks the ads.
 */
#include "hark-merge.h"
#include "hark-labelled-text.h"
#include "hark-sidecar.h"
#include "hark-sponsor-detector.h"
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

static void
test_captions_only (void)
{
  g_autofree char *vtt = hark_test_fixture ("ep189/ep189.vtt");
  g_autofree char *truth = hark_test_fixture ("ep189/ep189.truth.json");
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GArray) found = NULL;

  if (vtt == NULL || truth == NULL)
    return;
  t = read_captions (vtt);
  found = hark_sponsor_detect (t);
  hark_test_check_against_truth (found, truth, 0.0, 3.0);
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
  g_autofree char *vtt = hark_test_fixture ("ep189/excerpt-linode.vtt");
  g_autofree char *truth = hark_test_fixture ("ep189/excerpt-linode.truth.json");
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GArray) found = NULL;

  if (vtt == NULL || truth == NULL)
    return;
  t = read_captions (vtt);
  found = hark_sponsor_detect (t);
  hark_test_check_against_truth (found, truth, 0.0, 1.5);
}

/* Other real episodes (same caption source, different years and sponsors): every opener
 * sentence found must start a segment, and no segment may run past four minutes. */
static void
test_real_captions (void)
{
  g_autofree char *dir = hark_test_fixture ("real-vtt");
  g_autoptr (GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (HarkTranscript) t = NULL;
      g_autoptr (GArray) found = NULL;

      if (!g_str_has_suffix (name, ".vtt"))
        continue;
      t = read_captions (path);
      found = hark_sponsor_detect (t);
      for (guint i = 0; i < found->len; i++)
        {
          const HarkDetection *x = &g_array_index (found, HarkDetection, i);

          g_test_message ("%s: %s %.1f–%.1f: %s", name, hark_category_to_string (x->category),
                          x->start, x->end, x->started_by);
          g_assert_cmpfloat (x->end, >, x->start);
          g_assert_cmpfloat (x->end - x->start, <=, 240.0);
          if (i > 0)
            g_assert_cmpfloat (x->start, >=, g_array_index (found, HarkDetection, i - 1).end - 1e-6);
        }
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
