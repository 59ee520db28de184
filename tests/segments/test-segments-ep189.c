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

/* Other real episodes (same caption source, other years and sponsors). The expected segments
 * were counted by reading the captions: pre-roll sponsors and the show's own promotion, mid-roll
 * reads, and the outro's "thank you to our sponsors" run. Reads of one category less than 2 s
 * apart are one segment (one skip), so a pre-roll or outro pair of back-to-back sponsors counts
 * once. Self-promotion the finder does not find yet is listed as missed: the test fails if it
 * finds fewer or more than expected less missed, so a miss fixed shows up as a change here. */
static const struct
{
  const char *file;
  guint sponsor;
  guint selfpromo;
  guint selfpromo_missed;
} real_episodes[] = {
  /* "A quick announcement. Since recording this episode, Nicola and I teamed up to create a
   * dedicated course about EVE … just visit talkpython.fm/EVE" (0:53–1:36) is the show's own. */
  { "001_nicola_iarocci_talk_python_to_me.vtt", 0, 1, 0 },
  { "301-deploying-and-running-django-web-apps-in-2021.vtt", 0, 0, 0 },
  /* Besides the pre-roll's own sponsorship, the outro's promotion of the show's course
   * catalogue, with the address of its training site (1:03:11–1:03:27), is the show's own. */
  { "492-great-tables.vtt", 3, 2, 0 },
  /* Pre-roll sponsor, the host's book, the rewritten course ("Quick announcement before we jump
   * into the show. I recently completely re-imagined and rewrote the effective PyCharm course",
   * 3:03–3:58), two mid/outro sponsors, the book again at the end; and in the middle the book
   * read in full ("This book … is me pulling back the curtain … buy the full book at
   * talkpython.fm/devopsbook … Getting the book is a great way to support Talk Python",
   * 36:40–39:05), the show's own too, found from 37:38 on since the window model's refit. */
  { "496-scaf-deploys.vtt", 3, 4, 0 },
  /* Sentry and NordStellar back to back (0.6 s apart) open and close the show: 2 segments, plus
   * two mid-rolls. The outro's course catalogue ("we have over 270 hours of beginner and
   * advanced courses … Browse the catalog", 1:15:53–1:16:10) is self-promotion. */
  { "529-python-apps-with-llm-building-blocks.vtt", 4, 1, 0 },
  /* "This portion of Talk Python To Me is brought to you by us … a course I put together …
   * Check it out at talkpython.fm slash agentic dash engineering" (30:37–32:04) is the show's
   * own. */
  { "539-catching-up-with-the-python-typing-council.vtt", 3, 3, 0 },
  /* Sentry and Temporal back to back open and close the show (2 segments), two mid-rolls. The
   * outro's course catalogue (1:10:09–1:10:27) is self-promotion; "a quick announcement for
   * everyone taking courses over at Talk Python Training … grab your certificates" (2:21–3:14)
   * is missed: the pre-roll sponsor segment wrongly runs on over it. */
  { "544-wheel-next-packaging-peps-transcript-final.vtt", 4, 2, 1 },
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
      g_assert_cmpuint (counts[HARK_CATEGORY_SELFPROMO], ==,
                        real_episodes[f].selfpromo - real_episodes[f].selfpromo_missed);
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
