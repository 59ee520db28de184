/* test-byte-ranges.c — the set of byte ranges a download holds, and its saved form
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "util/hark-byte-ranges.h"
#include "util/hark-error.h"

static char *
describe (HarkByteRanges *r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hark_byte_ranges_get_count (r); i++)
    {
      guint64 a, b;
      hark_byte_ranges_get (r, i, &a, &b);
      g_string_append_printf (s, "%s%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT, i ? " " : "", a,
                              b);
    }
  return g_string_free (s, FALSE);
}

static void
test_add_merges (void)
{
  g_autoptr (HarkByteRanges) r = hark_byte_ranges_new ();
  g_autofree char *d1 = NULL, *d2 = NULL, *d3 = NULL;

  hark_byte_ranges_add (r, 100, 200);
  hark_byte_ranges_add (r, 0, 10);
  hark_byte_ranges_add (r, 300, 400);
  hark_byte_ranges_add (r, 50, 50); /* empty */
  d1 = describe (r);
  g_assert_cmpstr (d1, ==, "0-10 100-200 300-400");
  hark_byte_ranges_add (r, 10, 100); /* touching on both sides */
  d2 = describe (r);
  g_assert_cmpstr (d2, ==, "0-200 300-400");
  hark_byte_ranges_add (r, 150, 350);
  d3 = describe (r);
  g_assert_cmpstr (d3, ==, "0-400");
  hark_byte_ranges_add (r, 1000, 1100);
  g_assert_cmpuint (hark_byte_ranges_first_hole (r), ==, 400);
  g_assert_cmpuint (hark_byte_ranges_end_of (r, 399), ==, 400);
  g_assert_cmpuint (hark_byte_ranges_end_of (r, 400), ==, 400);
  g_assert_cmpuint (hark_byte_ranges_end_of (r, 1050), ==, 1100);
  g_assert_cmpuint (hark_byte_ranges_next_start (r, 400), ==, 1000);
  g_assert_cmpuint (hark_byte_ranges_next_start (r, 1000), ==, G_MAXUINT64);
  g_assert_true (hark_byte_ranges_contains (r, 10, 400));
  g_assert_false (hark_byte_ranges_contains (r, 10, 401));
  g_assert_cmpuint (hark_byte_ranges_get_held (r), ==, 500);
}

static void
test_text_round_trip (void)
{
  g_autoptr (HarkByteRanges) r = hark_byte_ranges_new ();
  g_autoptr (HarkByteRanges) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *d = NULL;
  guint64 total = 0;

  hark_byte_ranges_add (r, 0, 1048576);
  hark_byte_ranges_add (r, 38000000, 40960000);
  text = hark_byte_ranges_to_text (r, 48213003);
  g_assert_cmpstr (text, ==, "hark-ranges 1\ntotal 48213003\n0-1048576\n38000000-40960000\n");
  back = hark_byte_ranges_parse (text, strlen (text), "m", &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 48213003);
  d = describe (back);
  g_assert_cmpstr (d, ==, "0-1048576 38000000-40960000");
}

static void
test_parse_refuses (void)
{
  const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "m: the map of downloaded ranges has no header" },
    { "hark-ranges 1\n", "m: the map of downloaded ranges has no header" },
    { "hark-ranges 1x\ntotal 5\n", "m:1: expected “hark-ranges 1”" },
    { "hark-ranges 1\ntotal\n", "m:2: expected “total” and the file’s size in bytes" },
    { "hark-ranges 1\ntotal 0\n", "m:2: expected “total” and the file’s size in bytes" },
    { "hark-ranges 1\ntotal 12345678901234567\n", "m:2: expected “total” and the file’s size in bytes" },
    { "hark-ranges 1\ntotal 100\n0-50\n50-60\n", "m:4: expected START-END" },  /* touching */
    { "hark-ranges 1\ntotal 100\n20-30\n0-10\n", "m:4: expected START-END" },  /* unsorted */
    { "hark-ranges 1\ntotal 100\n0-101\n", "m:3: expected START-END" },        /* past the end */
    { "hark-ranges 1\ntotal 100\n10-10\n", "m:3: expected START-END" },        /* empty */
    { "hark-ranges 1\ntotal 100\n1 -10\n", "m:3: expected START-END" },
    { "hark-ranges 1\ntotal 100\n+1-10\n", "m:3: expected START-END" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      guint64 total;
      HarkByteRanges *r = hark_byte_ranges_parse (cases[i].text, strlen (cases[i].text), "m",
                                                  &total, &error);

      g_assert_null (r);
      g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

/* More ranges than a saved map may hold are refused; the cap on its text too. */
static void
test_parse_caps (void)
{
  g_autoptr (GString) text = g_string_new ("hark-ranges 1\ntotal 1000000000\n");
  g_autoptr (GError) error = NULL;
  guint64 total;

  for (guint i = 0; i <= HARK_BYTE_RANGES_MAX; i++)
    g_string_append_printf (text, "%u-%u\n", i * 10, i * 10 + 5);
  g_assert_null (hark_byte_ranges_parse (text->str, text->len, "m", &total, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_clear_error (&error);
  g_string_set_size (text, 0);
  g_string_append (text, "hark-ranges 1\ntotal 1000\n");
  while (text->len <= HARK_BYTE_RANGES_MAX_TEXT)
    g_string_append (text, "\n");
  g_assert_null (hark_byte_ranges_parse (text->str, text->len, "m", &total, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/byte-ranges/add-merges", test_add_merges);
  g_test_add_func ("/byte-ranges/text-round-trip", test_text_round_trip);
  g_test_add_func ("/byte-ranges/parse-refuses", test_parse_refuses);
  g_test_add_func ("/byte-ranges/parse-caps", test_parse_caps);
  return g_test_run ();
}
