/* test-sidecar-segments.c — segments marked by sidecars win over detection; a sidecar made for
 * another cut only marks
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is a temporary folder in the build dir holding a copy of the excerpt's audio and
 * captions (which contain a read the detector would find) plus the sidecar under test.
 */
#include <gio/gio.h>
#include <string.h>

#include "episode/hark-episode.h"
#include "segments/hark-segments.h"
#include "segments/hark-sponsor-detector.h"
#include "hark-test-util.h"
#include "audio-test-util.h"
#include "segments-test-util.h"

#define EXCERPT_DURATION 241.96

static char *
make_folder (const char *name, const char *sidecar_name, const char *sidecar_text)
{
  static const char *const copies[] = { "excerpt-linode.opus", "excerpt-linode.vtt", NULL };
  g_autofree char *dir = hark_test_make_tmpdir (name);

  if (!hark_test_copy_fixtures (dir, copies))
    {
      hark_test_remove_tree (dir);
      return NULL;
    }
  if (sidecar_name)
    {
      g_autofree char *path = g_build_filename (dir, sidecar_name, NULL);
      g_autoptr (GError) error = NULL;

      g_file_set_contents (path, sidecar_text, -1, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&dir);
}

static HarkSegmentList *
collect (const char *dir, double media_duration, gboolean *mismatch)
{
  g_autofree char *audio = g_build_filename (dir, "excerpt-linode.opus", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkEpisode) episode = hark_episode_load (audio, NULL, media_duration, &error);
  const char *const *warnings;

  g_assert_no_error (error);
  warnings = hark_episode_get_warnings (episode);
  for (guint i = 0; warnings && warnings[i]; i++)
    g_test_message ("warning: %s", warnings[i]);
  *mismatch = hark_episode_has_duration_mismatch (episode);
  return hark_segment_list_collect (hark_episode_get_transcript (episode), NULL, *mismatch);
}

static void
check_single (const HarkSegmentList *list, const char *source, double start, double end,
              HarkSkipAction action)
{
  guint n;
  const HarkSegmentEntry *e = hark_segment_list_get (list, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (e[0].segment.source, ==, source);
  g_assert_cmpint (e[0].segment.category, ==, HARK_CATEGORY_SPONSOR);
  g_assert_cmpfloat_with_epsilon (e[0].segment.start, start, 1e-6);
  g_assert_cmpfloat_with_epsilon (e[0].segment.end, end, 1e-6);
  g_assert_cmpint (e[0].action, ==, action);
}

/* Without a sidecar the excerpt's read is found in its captions. */
static void
test_detected (void)
{
  g_autofree char *dir = make_folder ("segments-detected", NULL, NULL);
  g_autoptr (HarkSegmentList) list = NULL;
  gboolean mismatch;
  guint n;

  if (dir == NULL)
    return;
  list = collect (dir, EXCERPT_DURATION, &mismatch);
  hark_segment_list_get (list, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (hark_segment_list_get_origin (list), ==, "detected");
  hark_test_remove_tree (dir);
}

static const char hark_json[] =
    "{\"hark\": {\"format\": 1, \"media\": {\"duration\": 241.96},\n"
    " \"skips\": [{\"start\": 93.0, \"end\": 147.0, \"category\": \"sponsor\"}]}}\n";

static void
test_hark_json_skips (void)
{
  g_autofree char *dir = make_folder ("segments-hark-json", "excerpt-linode.hark.json", hark_json);
  g_autoptr (HarkSegmentList) list = NULL;
  gboolean mismatch;

  if (dir == NULL)
    return;
  list = collect (dir, EXCERPT_DURATION, &mismatch);
  g_assert_false (mismatch);
  g_assert_cmpstr (hark_segment_list_get_origin (list), ==, "sidecar");
  check_single (list, "hark.json", 93.0, 147.0,
                HARK_SKIP_ACTION_SKIP);
  hark_test_remove_tree (dir);
}

/* The same sidecar for a cut 58 s longer: nothing is skipped automatically. */
static void
test_mismatch (void)
{
  g_autofree char *dir = make_folder ("segments-mismatch", "excerpt-linode.hark.json", hark_json);
  g_autoptr (HarkSegmentList) list = NULL;
  gboolean mismatch;

  if (dir == NULL)
    return;
  list = collect (dir, EXCERPT_DURATION + 58, &mismatch);
  g_assert_true (mismatch);
  g_assert_true (hark_segment_list_skipping_disabled (list));
  check_single (list, "hark.json", 93.0, 147.0,
                HARK_SKIP_ACTION_MARK);
  g_assert_cmpfloat (hark_segment_list_get_skip_total (list), ==, 0);
  hark_test_remove_tree (dir);
}

/* The command line probes the audio's length itself and says why nothing is skipped. */
static void
test_mismatch_cli (void)
{
  static const char other_cut[] =
      "{\"hark\": {\"format\": 1, \"media\": {\"duration\": 300},\n"
      " \"skips\": [{\"start\": 93.0, \"end\": 147.0, \"category\": \"sponsor\"}]}}\n";
  g_autofree char *dir = make_folder ("segments-mismatch-cli", "excerpt-linode.hark.json",
                                      other_cut);
  g_autofree char *audio = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) found = NULL;
  double skip_total;
  int status;

  if (dir == NULL)
    return;
  audio = g_build_filename (dir, "excerpt-linode.opus", NULL);
  {
    const char *args[] = { "segments", audio, "--format", "json", NULL };

    status = audio_test_run_cli (args, &out, &err);
  }
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (err, "300.0 s"));
  g_assert_nonnull (strstr (err, "nothing is skipped automatically"));
  found = hark_test_parse_segments_json (out, actions, &skip_total);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (actions->pdata[0], ==, "mark");
  g_assert_cmpfloat (skip_total, ==, 0);
  hark_test_remove_tree (dir);
}

/* One sidecar that marks the read; it replaces detection. */
static void
check_marked_by (const char *folder, const char *file, const char *text, const char *origin,
                 const char *source, double start, double end)
{
  g_autofree char *dir = make_folder (folder, file, text);
  g_autoptr (HarkSegmentList) list = NULL;
  gboolean mismatch;

  if (dir == NULL)
    return;
  list = collect (dir, EXCERPT_DURATION, &mismatch);
  g_assert_cmpstr (hark_segment_list_get_origin (list), ==, origin);
  check_single (list, source, start, end, HARK_SKIP_ACTION_SKIP);
  if (strcmp (source, "chapters") == 0)
    g_assert_nonnull (strstr (hark_segment_list_get (list, NULL)[0].segment.evidence, "“Ad”"));
  hark_test_remove_tree (dir);
}

static void
test_ad_chapter (void)
{
  check_marked_by ("segments-chapters", "excerpt-linode.chapters.json",
                   "{\"version\": \"1.2.0\", \"chapters\": [\n"
                   " {\"startTime\": 0, \"title\": \"Conference talk\"},\n"
                   " {\"startTime\": 93.4, \"title\": \"Ad\"},\n"
                   " {\"startTime\": 146.9, \"title\": \"Adding motivators\"}]}\n",
                   "chapters", "chapters", 93.4, 146.9);
}

static void
test_sponsorblock (void)
{
  check_marked_by ("segments-sponsorblock", "excerpt-linode.sponsorblock.json",
                   "[{\"segment\": [93.2, 146.95], \"category\": \"sponsor\", "
                   "\"actionType\": \"skip\"}]\n",
                   "sidecar", "sponsorblock", 93.2, 146.95);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/sidecars/detected", test_detected);
  g_test_add_func ("/segments/sidecars/hark-json", test_hark_json_skips);
  g_test_add_func ("/segments/sidecars/mismatch", test_mismatch);
  g_test_add_func ("/segments/sidecars/mismatch-cli", test_mismatch_cli);
  g_test_add_func ("/segments/sidecars/ad-chapter", test_ad_chapter);
  g_test_add_func ("/segments/sidecars/sponsorblock", test_sponsorblock);
  return g_test_run ();
}
