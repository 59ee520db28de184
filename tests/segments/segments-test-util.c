/* segments-test-util.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "segments-test-util.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "segments/hark-segments.h"
#include "segments/hark-sponsor-detector.h"
#include "hark-test-util.h"

static void
test_segment_clear (gpointer data)
{
  g_free (((HarkTestSegment *) data)->category);
}

GArray *
hark_test_load_truth_segments (const char *truth_path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HarkTestSegment));
  JsonArray *segments;

  g_array_set_clear_func (out, test_segment_clear);
  json_parser_load_from_file (parser, truth_path, &error);
  g_assert_no_error (error);
  segments = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "sponsor_segments");
  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *s = json_array_get_object_element (segments, i);
      HarkTestSegment seg = {
        .start = json_object_get_double_member (s, "start"),
        .end = json_object_get_double_member (s, "end"),
        .category = g_strdup (json_object_get_string_member (s, "category")),
      };

      g_array_append_val (out, seg);
    }
  return out;
}

void
hark_test_check_against_truth (GArray *found, const char *truth_path, double offset,
                               double tolerance)
{
  g_autoptr (GArray) truth = hark_test_load_truth_segments (truth_path);

  for (guint i = 0; i < found->len; i++)
    {
      const HarkDetection *d = &g_array_index (found, HarkDetection, i);
      g_autofree char *why = hark_detection_describe (d);

      g_test_message ("found %s %.3f–%.3f: %s", hark_category_to_string (d->category),
                      d->start, d->end, why);
    }
  g_assert_cmpuint (found->len, ==, truth->len);
  for (guint i = 0; i < truth->len; i++)
    {
      const HarkTestSegment *want = &g_array_index (truth, HarkTestSegment, i);
      const HarkDetection *got = &g_array_index (found, HarkDetection, i);

      g_test_message ("truth %s %.3f–%.3f, found %.3f–%.3f (Δ %+.3f, %+.3f)", want->category,
                      want->start, want->end, got->start, got->end,
                      got->start - (want->start - offset), got->end - (want->end - offset));
      g_assert_cmpstr (hark_category_to_string (got->category), ==, want->category);
      g_assert_cmpfloat_with_epsilon (got->start, want->start - offset, tolerance);
      g_assert_cmpfloat_with_epsilon (got->end, want->end - offset, tolerance);
    }
}

GArray *
hark_test_parse_segments_json (const char *json, GPtrArray *actions, double *skip_total)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (HarkDetection));
  JsonObject *root;
  JsonArray *segments;

  g_array_set_clear_func (out, hark_detection_clear);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  segments = json_object_get_array_member (root, "segments");
  if (skip_total)
    *skip_total = json_object_get_double_member (root, "skip_total");
  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *s = json_array_get_object_element (segments, i);
      HarkDetection d = { 0 };
      HarkCategory category = HARK_CATEGORY_SPONSOR;

      g_assert_true (hark_category_from_string (json_object_get_string_member (s, "category"),
                                                &category));
      d.category = category;
      d.start = json_object_get_double_member (s, "start");
      d.end = json_object_get_double_member (s, "end");
      g_assert_nonnull (json_object_get_string_member (s, "source"));
      if (!json_object_get_null_member (s, "evidence"))
        d.started_by = g_strdup (json_object_get_string_member (s, "evidence"));
      d.carried_by = g_strdup ("");
      d.ended_by = g_strdup ("");
      if (actions)
        g_ptr_array_add (actions, g_strdup (json_object_get_string_member (s, "action")));
      g_array_append_val (out, d);
    }
  return out;
}

gboolean
hark_test_copy_fixtures (const char *dir, const char *const *names)
{
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *relative = g_build_filename ("ep189", names[i], NULL);
      g_autofree char *from_path = hark_test_fixture (relative);
      g_autofree char *to_path = g_build_filename (dir, names[i], NULL);
      g_autoptr (GFile) from = NULL;
      g_autoptr (GFile) to = NULL;
      g_autoptr (GError) error = NULL;

      if (from_path == NULL)
        return FALSE;
      from = g_file_new_for_path (from_path);
      to = g_file_new_for_path (to_path);
      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return TRUE;
}

void
hark_test_log_detections (GArray *found)
{
  for (guint i = 0; i < found->len; i++)
    {
      const HarkDetection *d = &g_array_index (found, HarkDetection, i);
      g_autofree char *why = hark_detection_describe (d);

      g_test_message ("%s %.2f–%.2f: %s", hark_category_to_string (d->category), d->start, d->end,
                      why);
    }
}
