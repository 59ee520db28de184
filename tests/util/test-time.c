/* test-time.c — parsing and formatting of user-typed times
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-time.h"

static void
test_parse_accepts (void)
{
  static const struct
  {
    const char *text;
    double seconds;
  } cases[] = {
    { "0", 0 },           { "83.5", 83.5 },          { "1:23", 83 },
    { "1:23.5", 83.5 },   { "01:02:03", 3723 },      { "01:02:03,250", 3723.25 },
    { "05:12.340", 312.34 }, { "100:00:00.1", 360000.1 }, { " 7 ", 7 },
    { "90:00", 5400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;

      g_assert_true (hark_time_parse (cases[i].text, &value));
      g_assert_cmpfloat_with_epsilon (value, cases[i].seconds, 1e-9);
    }
}

static void
test_parse_rejects (void)
{
  static const char *bad[] = { "", "abc", "-3", "1:60", "1:2:3:4", "1:", ":30", "1:30x",
                               "1.2.3", "1:99:00", "nan", "inf", "1:30." };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double value = 42;

      g_assert_false (hark_time_parse (bad[i], &value));
      g_assert_cmpfloat (value, ==, 42);
    }
  g_assert_false (hark_time_parse (NULL, &(double){ 0 }));
}

static void
test_format (void)
{
  g_autofree char *a = hark_time_format (0, FALSE);
  g_autofree char *b = hark_time_format (65.4, FALSE);
  g_autofree char *c = hark_time_format (3723.25, TRUE);
  g_autofree char *d = hark_time_format (-5, FALSE);
  g_autofree char *e = hark_time_format (59.9996, TRUE);

  g_assert_cmpstr (a, ==, "0:00");
  g_assert_cmpstr (b, ==, "1:05");
  g_assert_cmpstr (c, ==, "1:02:03.250");
  g_assert_cmpstr (d, ==, "0:00");
  g_assert_cmpstr (e, ==, "1:00.000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/parse/accepts", test_parse_accepts);
  g_test_add_func ("/time/parse/rejects", test_parse_rejects);
  g_test_add_func ("/time/format", test_format);
  return g_test_run ();
}
