/* test-text-seconds.c — the one scanner for "seconds, maybe with a fraction"
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "text/hark-text-seconds.h"

#include <math.h>

#define HOURS_100 (100.0 * 3600.0)

/* Scans @text and returns the seconds, with @rest set to what follows; -1 when refused. */
static double
scan (const char *text, HarkSecondsFlags flags, double max, const char **rest)
{
  const char *end = NULL;
  double seconds = -2;

  if (!hark_text_scan_seconds (text, flags, max, &end, &seconds))
    {
      g_assert_null (end);
      g_assert_cmpfloat (seconds, ==, -2);
      return -1;
    }
  g_assert_nonnull (end);
  if (rest)
    *rest = end;
  return seconds;
}

static void
test_plain (void)
{
  const char *rest;

  g_assert_cmpfloat_with_epsilon (scan ("12.34]", HARK_SECONDS_PLAIN, HOURS_100, &rest), 12.34,
                                  1e-9);
  g_assert_cmpstr (rest, ==, "]");
  g_assert_cmpfloat (scan ("62 -->", HARK_SECONDS_PLAIN, HOURS_100, &rest), ==, 62);
  g_assert_cmpstr (rest, ==, " -->");
  /* A point with no digit after it is not part of the number. */
  g_assert_cmpfloat (scan ("12.", HARK_SECONDS_PLAIN, HOURS_100, &rest), ==, 12);
  g_assert_cmpstr (rest, ==, ".");
  /* No sign, no space, no exponent, no leading point. */
  g_assert_cmpfloat (scan ("-1.5", HARK_SECONDS_PLAIN, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat (scan (" 1.5", HARK_SECONDS_PLAIN, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat (scan (".5", HARK_SECONDS_PLAIN, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat (scan ("1e3", HARK_SECONDS_PLAIN, HOURS_100, &rest), ==, 1);
  g_assert_cmpstr (rest, ==, "e3");
  g_assert_cmpfloat (scan ("nan", HARK_SECONDS_PLAIN, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat (scan ("inf", HARK_SECONDS_PLAIN, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat (scan ("", HARK_SECONDS_PLAIN, HOURS_100, NULL), ==, -1);
  /* A comma only where it is asked for. */
  g_assert_cmpfloat (scan ("2,250", HARK_SECONDS_PLAIN, HOURS_100, &rest), ==, 2);
  g_assert_cmpstr (rest, ==, ",250");
  g_assert_cmpfloat_with_epsilon (scan ("2,250", HARK_SECONDS_COMMA, HOURS_100, NULL), 2.25, 1e-9);
  /* Whole numbers stop at the point. */
  g_assert_cmpfloat (scan ("12.5", HARK_SECONDS_WHOLE, HOURS_100, &rest), ==, 12);
  g_assert_cmpstr (rest, ==, ".5");
}

/* WebVTT and SRT: a cue's number must never pass for a time. */
static void
test_need_fraction (void)
{
  HarkSecondsFlags cue = HARK_SECONDS_CLOCK | HARK_SECONDS_NEED_FRACTION | HARK_SECONDS_COMMA;

  g_assert_cmpfloat (scan ("12", cue, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat (scan ("12.", cue, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat_with_epsilon (scan ("56.440", cue, HOURS_100, NULL), 56.44, 1e-9);
  g_assert_cmpfloat_with_epsilon (scan ("0,5", cue, HOURS_100, NULL), 0.5, 1e-9);
  /* A clock time needs no fraction. */
  g_assert_cmpfloat (scan ("00:01:02", cue, HOURS_100, NULL), ==, 62);
}

static void
test_clock (void)
{
  const char *rest;

  g_assert_cmpfloat_with_epsilon (scan ("01:02:03.5 x", HARK_SECONDS_CLOCK, HOURS_100, &rest),
                                  3723.5, 1e-9);
  g_assert_cmpstr (rest, ==, " x");
  g_assert_cmpfloat (scan ("04:05", HARK_SECONDS_CLOCK, HOURS_100, NULL), ==, 245);
  /* Without the flag the clock is only its first number. */
  g_assert_cmpfloat (scan ("04:05", HARK_SECONDS_PLAIN, HOURS_100, &rest), ==, 4);
  g_assert_cmpstr (rest, ==, ":05");
  /* A clock out of range is refused, not read again as its first field. */
  g_assert_cmpfloat (scan ("101:00:00", HARK_SECONDS_CLOCK, HOURS_100, NULL), ==, -1);
  /* The strict clock wants two-digit fields; the loose one takes what players write. */
  g_assert_cmpfloat (scan ("0:0:25", HARK_SECONDS_CLOCK, HOURS_100, &rest), ==, 0);
  g_assert_cmpstr (rest, ==, ":0:25");
  g_assert_cmpfloat (scan ("0:0:25", HARK_SECONDS_LOOSE_CLOCK, HOURS_100, NULL), ==, 25);
  g_assert_cmpfloat (scan ("1:2", HARK_SECONDS_LOOSE_CLOCK, HOURS_100, NULL), ==, 62);
  g_assert_cmpfloat_with_epsilon (scan ("01:02:03.5", HARK_SECONDS_LOOSE_CLOCK, HOURS_100, NULL),
                                  3723.5, 1e-9);
  g_assert_cmpfloat (scan ("1:75", HARK_SECONDS_LOOSE_CLOCK, HOURS_100, NULL), ==, -1);
  /* A fourth field is not taken. */
  g_assert_cmpfloat (scan ("1:2:3:4", HARK_SECONDS_LOOSE_CLOCK, HOURS_100, &rest), ==, 3723);
  g_assert_cmpstr (rest, ==, ":4");
}

static void
test_units (void)
{
  HarkSecondsFlags link = HARK_SECONDS_LOOSE_CLOCK | HARK_SECONDS_UNITS;
  const char *rest;

  g_assert_cmpfloat (scan ("1h2m3s&", link, HOURS_100, &rest), ==, 3723);
  g_assert_cmpstr (rest, ==, "&");
  g_assert_cmpfloat (scan ("2m5s", link, HOURS_100, NULL), ==, 125);
  g_assert_cmpfloat (scan ("1h30m", link, HOURS_100, NULL), ==, 5400);
  g_assert_cmpfloat (scan ("25s", link, HOURS_100, &rest), ==, 25);
  g_assert_cmpstr (rest, ==, "");
  g_assert_cmpfloat_with_epsilon (scan ("12.5s", link, HOURS_100, NULL), 12.5, 1e-9);
  /* A lone unit is a word ("2m" could be two metres): only the number is taken. */
  g_assert_cmpfloat (scan ("2m", link, HOURS_100, &rest), ==, 2);
  g_assert_cmpstr (rest, ==, "m");
  g_assert_cmpfloat (scan ("1h2x", link, HOURS_100, NULL), ==, -1);
  g_assert_cmpfloat (scan ("99h99999999999999999999m", link, HOURS_100, NULL), ==, -1);
  /* Units are not read where they are not asked for. */
  g_assert_cmpfloat (scan ("1h2m", HARK_SECONDS_PLAIN, HOURS_100, &rest), ==, 1);
  g_assert_cmpstr (rest, ==, "h2m");
}

/* However many digits come, the value neither overflows nor wraps into range. */
static void
test_range (void)
{
  g_autofree char *digits = g_strnfill (400, '9');
  g_autofree char *zero_run = g_strnfill (400, '0');
  g_autofree char *zeros = g_strconcat (zero_run, "7.5", NULL);
  g_autofree char *fraction = g_strconcat ("1.", digits, NULL);
  HarkSecondsFlags every[] = { HARK_SECONDS_PLAIN, HARK_SECONDS_CLOCK,
                               HARK_SECONDS_LOOSE_CLOCK | HARK_SECONDS_UNITS,
                               HARK_SECONDS_NEED_FRACTION | HARK_SECONDS_COMMA };

  for (guint i = 0; i < G_N_ELEMENTS (every); i++)
    {
      double fraction_value = scan (fraction, every[i], HOURS_100, NULL);

      g_assert_cmpfloat (scan (digits, every[i], HOURS_100, NULL), ==, -1);
      g_assert_cmpfloat (scan (digits, every[i], 1e300, NULL), ==, -1);
      g_assert_cmpfloat_with_epsilon (scan (zeros, every[i], HOURS_100, NULL), 7.5, 1e-9);
      g_assert_true (isfinite (fraction_value));
      g_assert_cmpfloat_with_epsilon (fraction_value, 2, 1e-9);
      g_assert_cmpfloat (scan ("360000", every[i] & ~HARK_SECONDS_NEED_FRACTION, HOURS_100, NULL),
                         ==, HOURS_100);
      g_assert_cmpfloat (scan ("360000.5", every[i], HOURS_100, NULL), ==, -1);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/seconds/plain", test_plain);
  g_test_add_func ("/text/seconds/need-fraction", test_need_fraction);
  g_test_add_func ("/text/seconds/clock", test_clock);
  g_test_add_func ("/text/seconds/units", test_units);
  g_test_add_func ("/text/seconds/range", test_range);
  return g_test_run ();
}
