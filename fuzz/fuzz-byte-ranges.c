/* fuzz-byte-ranges.c — libFuzzer target: the saved map of a download's ranges
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map is read from disk before a download continues, so it is untrusted. What parses must
 * be sorted, apart and within the total, and must come back the same after writing it out.
 */
#include <stdint.h>
#include <string.h>

#include "util/hark-byte-ranges.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkByteRanges) again = NULL;
  g_autofree char *text = NULL;
  guint64 total = 0, total_again = 0, previous_end = 0;
  g_autoptr (HarkByteRanges) held = hark_byte_ranges_parse ((const char *) data, size, "fuzz",
                                                            &total, &error);

  if (held == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (hark_byte_ranges_get_count (held), <=, HARK_BYTE_RANGES_MAX);
  for (guint i = 0; i < hark_byte_ranges_get_count (held); i++)
    {
      guint64 a, b;

      hark_byte_ranges_get (held, i, &a, &b);
      g_assert_cmpuint (a, <, b);
      g_assert_cmpuint (b, <=, total);
      g_assert_true (i == 0 || a > previous_end);
      g_assert_cmpuint (hark_byte_ranges_end_of (held, a), ==, b);
      previous_end = b;
    }
  g_assert_cmpuint (hark_byte_ranges_get_held (held), <=, total);
  text = hark_byte_ranges_to_text (held, total);
  again = hark_byte_ranges_parse (text, strlen (text), "written", &total_again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total_again, ==, total);
  g_assert_cmpuint (hark_byte_ranges_get_count (again), ==, hark_byte_ranges_get_count (held));
  return 0;
}
