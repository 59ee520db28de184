/* segments-test-util.h — what the segments tests share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double start;
  double end;
  char *category;
} HarkTestSegment;

/* The truth file's sponsor_segments (HarkTestSegment), shifted by -@offset. */
GArray *hark_test_load_truth_segments (const char *truth_path);

/* Asserts that @found (HarkDetection) are exactly the truth's sponsor segments: same count,
 * categories, both ends within @tolerance. Prints each for the log. */
void hark_test_check_against_truth (GArray *found, const char *truth_path, double offset,
                                    double tolerance);

/* The "segments" array of `hark-cli segments --format json` output, as HarkDetection-like
 * rows (category, start, end) for hark_test_check_against_truth(); @actions gets the actions. */
GArray *hark_test_parse_segments_json (const char *json, GPtrArray *actions, double *skip_total);

/* Copies the ep189/ fixtures @names (NULL-terminated) into the folder @dir. FALSE, after
 * g_test_skip(), when one is absent. */
gboolean hark_test_copy_fixtures (const char *dir, const char *const *names);

/* Writes each detection (HarkDetection) of @found and why it was found to the test's log. */
void hark_test_log_detections (GArray *found);

G_END_DECLS
