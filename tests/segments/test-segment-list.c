/* test-segment-list.c — policy, ad chapters, where segments come from, and the skip tracker
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"
#include "segments/hark-segments.h"
#include "segments/hark-skip-tracker.h"

static void
test_policy (void)
{
  HarkSkipPolicy policy;
  HarkSkipAction action;
  g_autoptr (GError) error = NULL;

  hark_skip_policy_init_default (&policy);
  g_assert_cmpint (policy.actions[HARK_CATEGORY_SPONSOR], ==, HARK_SKIP_ACTION_SKIP);
  g_assert_cmpint (policy.actions[HARK_CATEGORY_SELFPROMO], ==, HARK_SKIP_ACTION_ASK);
  g_assert_cmpint (policy.actions[HARK_CATEGORY_INTRO], ==, HARK_SKIP_ACTION_MARK);
  g_assert_cmpint (policy.actions[HARK_CATEGORY_OUTRO], ==, HARK_SKIP_ACTION_MARK);
  g_assert_cmpint (policy.actions[HARK_CATEGORY_INTERACTION], ==, HARK_SKIP_ACTION_MARK);

  g_assert_true (hark_skip_policy_parse_override (&policy, "selfpromo=skip", &error));
  g_assert_no_error (error);
  g_assert_cmpint (policy.actions[HARK_CATEGORY_SELFPROMO], ==, HARK_SKIP_ACTION_SKIP);
  g_assert_true (hark_skip_policy_parse_override (&policy, "Sponsor=OFF", &error));
  g_assert_cmpint (policy.actions[HARK_CATEGORY_SPONSOR], ==, HARK_SKIP_ACTION_OFF);

  g_assert_false (hark_skip_policy_parse_override (&policy, "sponsor", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (hark_skip_policy_parse_override (&policy, "ads=skip", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "ads"));
  g_clear_error (&error);
  g_assert_false (hark_skip_policy_parse_override (&policy, "sponsor=later", &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_cmpstr (hark_skip_action_to_string (HARK_SKIP_ACTION_ASK), ==, "ask");
  g_assert_true (hark_skip_action_from_string ("Mark", &action));
  g_assert_cmpint (action, ==, HARK_SKIP_ACTION_MARK);
  g_assert_false (hark_skip_action_from_string ("", &action));
  g_assert_false (hark_skip_action_from_string (NULL, &action));
}

static void
test_ad_chapters (void)
{
  const char *ads[] = { "Ad", "Sponsor", "Advertisement", "Sponsored by Tallyworks", "Ad break",
                        "  AD BREAK. ", "[Ad]", "(Sponsor)", "Ad: Tallyworks",
                        "A word from our sponsor" };
  const char *not_ads[] = { "Adding tests", "Road trip", "Intro", "Sponsorship ethics debate",
                            "Advertising in open source", "", "Badges", "Why we have no sponsors" };

  for (guint i = 0; i < G_N_ELEMENTS (ads); i++)
    g_assert_true (hark_chapter_title_is_ad (ads[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_ads); i++)
    g_assert_false (hark_chapter_title_is_ad (not_ads[i]));
  g_assert_false (hark_chapter_title_is_ad (NULL));
}

/* A transcript that also contains a read, so detection would find something if it ran. */
static HarkTranscriptBuilder *
builder_with_read (void)
{
  HarkTranscriptBuilder *b = hark_transcript_builder_new ();

  hark_transcript_builder_add_cue (b, 10, 14, "This episode is brought to you by Tallyworks.", -1);
  hark_transcript_builder_add_cue (b, 14, 20, "Visit tallyworks.com/fieldnotes today.", -1);
  hark_transcript_builder_add_cue (b, 21, 25, "So, back to the interview.", -1);
  return b;
}

static void
test_detected_when_unmarked (void)
{
  g_autoptr (HarkTranscript) t = hark_transcript_builder_finish (builder_with_read ());
  g_autoptr (HarkSegmentList) list = hark_segment_list_collect (t, NULL, FALSE);
  guint n;
  const HarkSegmentEntry *e = hark_segment_list_get (list, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (e[0].segment.source, ==, "detected");
  g_assert_cmpint (e[0].action, ==, HARK_SKIP_ACTION_SKIP);
  g_assert_nonnull (strstr (e[0].segment.evidence, "brought to you by"));
  g_assert_cmpstr (hark_segment_list_get_origin (list), ==, "detected");
  g_assert_cmpfloat_with_epsilon (hark_segment_list_get_skip_total (list), 10.0, 1e-9);
}

static void
test_sidecar_wins (void)
{
  g_autoptr (HarkTranscriptBuilder) b = builder_with_read ();
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (HarkSegmentList) list = NULL;
  HarkSkipPolicy policy;
  guint n;
  const HarkSegmentEntry *e;

  hark_transcript_builder_add_segment (b, 40, 30, HARK_CATEGORY_SPONSOR, "hark.json", NULL);
  hark_transcript_builder_add_segment (b, 35, 50, HARK_CATEGORY_SPONSOR, "sponsorblock", NULL);
  hark_transcript_builder_add_segment (b, 60, 70, HARK_CATEGORY_SELFPROMO, "sponsorblock", NULL);
  hark_transcript_builder_add_segment (b, 80, 80, HARK_CATEGORY_SPONSOR, "hark.json", NULL);
  hark_transcript_builder_add_segment (b, -5, 2, HARK_CATEGORY_INTRO, "hark.json", NULL);
  hark_transcript_builder_add_chapter (b, 90, 100, "Ad break", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 100, 200, "Adding tests", NULL, TRUE);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  hark_skip_policy_init_default (&policy);
  g_assert_true (hark_skip_policy_parse_override (&policy, "selfpromo=off", NULL));
  list = hark_segment_list_collect (t, &policy, FALSE);
  e = hark_segment_list_get (list, &n);

  /* The marked segments and the ad chapter; the read at 10 s is not detected again. */
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (hark_segment_list_get_origin (list), ==, "sidecar");
  g_assert_cmpfloat (e[0].segment.start, ==, 0); /* clamped */
  g_assert_cmpint (e[0].action, ==, HARK_SKIP_ACTION_MARK);
  g_assert_cmpfloat (e[1].segment.start, ==, 35);
  g_assert_cmpint (e[1].action, ==, HARK_SKIP_ACTION_SKIP);
  /* The builder turns a reversed range into a point, which can only be shown. */
  g_assert_cmpfloat (e[2].segment.start, ==, e[2].segment.end);
  g_assert_cmpint (e[2].action, ==, HARK_SKIP_ACTION_MARK);
  g_assert_cmpint (e[3].action, ==, HARK_SKIP_ACTION_OFF);
  g_assert_cmpint (e[4].action, ==, HARK_SKIP_ACTION_MARK);
  g_assert_cmpstr (e[5].segment.source, ==, "chapters");
  g_assert_cmpint (e[5].action, ==, HARK_SKIP_ACTION_SKIP);
  g_assert_cmpfloat_with_epsilon (hark_segment_list_get_skip_total (list), 25.0, 1e-9);
  g_assert_false (hark_segment_list_skipping_disabled (list));
}

static void
test_chapters_only (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (HarkSegmentList) list = NULL;
  guint n;
  const HarkSegmentEntry *e;

  hark_transcript_builder_add_chapter (b, 0, 60, "Welcome", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 60, -1, "Sponsored by Tallyworks", NULL, TRUE);
  hark_transcript_builder_add_chapter (b, 90, 300, "The interview", NULL, TRUE);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  list = hark_segment_list_collect (t, NULL, FALSE);
  e = hark_segment_list_get (list, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (hark_segment_list_get_origin (list), ==, "chapters");
  g_assert_cmpfloat (e[0].segment.start, ==, 60);
  g_assert_cmpfloat (e[0].segment.end, ==, 90); /* the next chapter's start */
  g_assert_cmpint (e[0].segment.category, ==, HARK_CATEGORY_SPONSOR);
}

static void
test_mismatch_disables_skipping (void)
{
  g_autoptr (HarkTranscriptBuilder) b = builder_with_read ();
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (HarkSegmentList) list = NULL;
  guint n;
  const HarkSegmentEntry *e;

  hark_transcript_builder_add_segment (b, 30, 40, HARK_CATEGORY_SPONSOR, "hark.json", NULL);
  hark_transcript_builder_add_segment (b, 50, 60, HARK_CATEGORY_SELFPROMO, "hark.json", NULL);
  t = hark_transcript_builder_finish (g_steal_pointer (&b));
  list = hark_segment_list_collect (t, NULL, TRUE);
  e = hark_segment_list_get (list, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (e[0].action, ==, HARK_SKIP_ACTION_MARK);
  g_assert_cmpint (e[1].action, ==, HARK_SKIP_ACTION_ASK);
  g_assert_true (hark_segment_list_skipping_disabled (list));
  g_assert_cmpfloat (hark_segment_list_get_skip_total (list), ==, 0);
}

static void
test_empty (void)
{
  g_autoptr (HarkTranscript) t = hark_transcript_builder_finish (hark_transcript_builder_new ());
  g_autoptr (HarkSegmentList) list = hark_segment_list_collect (t, NULL, FALSE);
  g_autoptr (HarkSegmentList) none = hark_segment_list_collect (NULL, NULL, FALSE);
  guint n = 99;

  hark_segment_list_get (list, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (hark_segment_list_get_origin (none), ==, "none");
}

static void
test_tracker (void)
{
  g_autoptr (HarkSkipTracker) tracker = hark_skip_tracker_new ();
  guint id = 0;
  double seek_to = -1;

  g_assert_false (hark_skip_tracker_can_unskip (tracker, 0));
  g_assert_true (hark_skip_tracker_note_skip (tracker, 1, 100, 160));
  g_assert_false (hark_skip_tracker_note_skip (tracker, 1, 100, 160)); /* once per pass */
  g_assert_cmpfloat (hark_skip_tracker_get_time_saved (tracker), ==, 60);
  g_assert_true (hark_skip_tracker_was_skipped (tracker, 1));
  g_assert_false (hark_skip_tracker_can_unskip (tracker, 50));  /* sought elsewhere */
  g_assert_false (hark_skip_tracker_can_unskip (tracker, 175)); /* too late */
  g_assert_true (hark_skip_tracker_unskip (tracker, 162, &id, &seek_to));
  g_assert_cmpuint (id, ==, 1);
  g_assert_cmpfloat (seek_to, ==, 100);
  g_assert_cmpfloat (hark_skip_tracker_get_time_saved (tracker), ==, 0);
  g_assert_false (hark_skip_tracker_unskip (tracker, 162, &id, &seek_to)); /* only once */

  g_assert_true (hark_skip_tracker_note_skip (tracker, 2, 300, 330));
  g_assert_cmpfloat (hark_skip_tracker_get_time_saved (tracker), ==, 30);
  hark_skip_tracker_new_pass (tracker);
  g_assert_false (hark_skip_tracker_was_skipped (tracker, 1));
  g_assert_true (hark_skip_tracker_note_skip (tracker, 2, 300, 330));
  g_assert_cmpfloat (hark_skip_tracker_get_time_saved (tracker), ==, 60);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/policy", test_policy);
  g_test_add_func ("/segments/ad-chapters", test_ad_chapters);
  g_test_add_func ("/segments/list/detected-when-unmarked", test_detected_when_unmarked);
  g_test_add_func ("/segments/list/sidecar-wins", test_sidecar_wins);
  g_test_add_func ("/segments/list/chapters-only", test_chapters_only);
  g_test_add_func ("/segments/list/mismatch", test_mismatch_disables_skipping);
  g_test_add_func ("/segments/list/empty", test_empty);
  g_test_add_func ("/segments/tracker", test_tracker);
  return g_test_run ();
}
