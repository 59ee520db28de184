/* test-detector-truth.c — the detector on ep189's caption cues, with and without speakers
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cues come from the truth file (the VTT's cues, text as spoken), so this checks the
 * detector alone, independent of the sidecar readers and the merge.
 */
#include <json-glib/json-glib.h>

#include "segments/hark-segments.h"
#include "segments/hark-sponsor-detector.h"
#include "hark-test-util.h"
#include "segments-test-util.h"

static HarkTranscript *
load_truth_cues (const char *truth_path, gboolean with_speakers)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  JsonArray *cues;

  json_parser_load_from_file (parser, truth_path, &error);
  g_assert_no_error (error);
  cues = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "cues");
  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      JsonObject *c = json_array_get_object_element (cues, i);
      const char *name = json_object_get_string_member (c, "speaker");
      int speaker = with_speakers ? hark_transcript_builder_add_speaker (b, name, name) : -1;

      hark_transcript_builder_add_cue (b, json_object_get_double_member (c, "start"),
                                       json_object_get_double_member (c, "end"),
                                       json_object_get_string_member (c, "text"), speaker);
    }
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static void
check_ep189 (gboolean with_speakers, double tolerance)
{
  g_autofree char *truth = hark_test_fixture ("ep189/ep189.truth.json");
  g_autoptr (HarkTranscript) t = NULL;
  g_autoptr (GArray) found = NULL;

  if (truth == NULL)
    return;
  t = load_truth_cues (truth, with_speakers);
  found = hark_sponsor_detect (t);
  hark_test_check_against_truth (found, truth, 0.0, tolerance);
}

static void
test_with_speakers (void)
{
  check_ep189 (TRUE, 1.5);
}

static void
test_captions_only (void)
{
  check_ep189 (FALSE, 3.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/truth-cues/with-speakers", test_with_speakers);
  g_test_add_func ("/segments/truth-cues/captions-only", test_captions_only);
  return g_test_run ();
}
