/* test-sleep-timer.c — the sleep timer fires once, after a fade, at the end it was set for
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "session/hark-sleep-timer.h"

static double
gain_at (HarkSleepTimer *timer, double now, double position, double chapter_end,
         double duration, gboolean *fired)
{
  HarkSleepClock clock = { now, position, chapter_end, duration };

  return hark_sleep_timer_update (timer, &clock, fired);
}

/* Ten minutes of listening: full volume until the fade, a smooth fall, then one firing. */
static void
test_after_minutes (void)
{
  g_autoptr (HarkSleepTimer) timer = hark_sleep_timer_new ();
  double fade_start = 1000 + 600 - HARK_SLEEP_FADE_SECONDS, last = 1;
  gboolean fired = TRUE;

  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_AFTER_MINUTES, 10, 1000));
  g_assert_cmpfloat (gain_at (timer, 1000, 0, -1, 3600, &fired), ==, 1);
  g_assert_false (fired);
  g_assert_cmpfloat (gain_at (timer, fade_start - 0.1, 0, -1, 3600, &fired), ==, 1);
  /* Falling all through the fade, never a jump, half way at its middle. */
  for (double t = fade_start; t < 1600; t += 0.25)
    {
      double g = gain_at (timer, t, 0, -1, 3600, &fired);

      g_assert_false (fired);
      g_assert_cmpfloat (g, <=, last);
      g_assert_cmpfloat (last - g, <, 0.1);
      last = g;
    }
  g_assert_cmpfloat (fabs (gain_at (timer, fade_start + HARK_SLEEP_FADE_SECONDS / 2, 0, -1,
                                     3600, &fired) - 0.5), <, 1e-9);
  g_assert_cmpfloat (last, <, 0.01);
  g_assert_cmpfloat (gain_at (timer, 1600, 0, -1, 3600, &fired), ==, 0);
  g_assert_true (fired);
  /* Once: it has turned itself off. */
  g_assert_cmpint (hark_sleep_timer_get_mode (timer), ==, HARK_SLEEP_OFF);
  g_assert_cmpfloat (gain_at (timer, 1700, 0, -1, 3600, &fired), ==, 1);
  g_assert_false (fired);
}

/* To the end of the chapter (media time): a seek back out of the fade brings the sound back. */
static void
test_end_of_chapter (void)
{
  g_autoptr (HarkSleepTimer) timer = hark_sleep_timer_new ();
  HarkSleepClock clock = { 0, 280, 300, 3600 };
  gboolean fired;

  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_END_OF_CHAPTER, NAN, 0));
  g_assert_cmpfloat (hark_sleep_timer_remaining (timer, &clock), ==, 20);
  g_assert_cmpfloat (gain_at (timer, 0, 280, 300, 3600, &fired), ==, 1);
  g_assert_cmpfloat (fabs (gain_at (timer, 0, 295, 300, 3600, &fired) - 0.5), <, 1e-9);
  g_assert_cmpfloat (gain_at (timer, 0, 250, 300, 3600, &fired), ==, 1);
  g_assert_false (fired);
  g_assert_cmpfloat (gain_at (timer, 0, 300.02, 300, 3600, &fired), ==, 0);
  g_assert_true (fired);

  /* No chapters: the episode's end. A chapter list running past the audio: the audio's end. */
  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_END_OF_CHAPTER, 0, 0));
  clock = (HarkSleepClock) { 0, 100, -1, 160 };
  g_assert_cmpfloat (hark_sleep_timer_remaining (timer, &clock), ==, 60);
  clock = (HarkSleepClock) { 0, 100, 900, 160 };
  g_assert_cmpfloat (hark_sleep_timer_remaining (timer, &clock), ==, 60);
}

static void
test_end_of_episode (void)
{
  g_autoptr (HarkSleepTimer) timer = hark_sleep_timer_new ();
  gboolean fired;

  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_END_OF_EPISODE, 0, 0));
  g_assert_cmpfloat (gain_at (timer, 0, 3000, 300, 3551, &fired), ==, 1);
  g_assert_cmpfloat (gain_at (timer, 0, 3549, 300, 3551, &fired), <, 0.1);
  g_assert_cmpfloat (gain_at (timer, 0, 3551, 300, 3551, &fired), ==, 0);
  g_assert_true (fired);
  /* Unknown length: it cannot fire, and it does not silence anything. */
  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_END_OF_EPISODE, 0, 0));
  g_assert_cmpfloat (gain_at (timer, 0, 3000, -1, 0, &fired), ==, 1);
  g_assert_false (fired);
}

/* Numbers from outside: refused when meaningless, clamped when huge, never a NaN gain. */
static void
test_bad_numbers (void)
{
  g_autoptr (HarkSleepTimer) timer = hark_sleep_timer_new ();
  const double refused[] = { NAN, INFINITY, -INFINITY, 0, -5, -9.2e18 };
  HarkSleepClock clock = { 0, 0, -1, 3600 };
  gboolean fired;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (hark_sleep_timer_set (timer, HARK_SLEEP_AFTER_MINUTES, refused[i], 0));
      g_assert_cmpint (hark_sleep_timer_get_mode (timer), ==, HARK_SLEEP_OFF);
    }
  g_assert_false (hark_sleep_timer_set (timer, HARK_SLEEP_AFTER_MINUTES, 10, NAN));
  g_assert_false (hark_sleep_timer_set (timer, (HarkSleepMode) 99, 10, 0));
  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_AFTER_MINUTES, 9.2e18, 0));
  g_assert_cmpfloat (hark_sleep_timer_remaining (timer, &clock), ==, HARK_SLEEP_MAX_MINUTES * 60);
  g_assert_cmpfloat (gain_at (timer, NAN, NAN, NAN, NAN, &fired), ==, 1);
  g_assert_false (fired);
  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_END_OF_CHAPTER, 0, 0));
  g_assert_cmpfloat (gain_at (timer, 0, NAN, INFINITY, NAN, &fired), ==, 1);
  g_assert_true (hark_sleep_timer_set (timer, HARK_SLEEP_OFF, 0, 0));
  g_assert_cmpfloat (gain_at (timer, 0, 0, 0, 0, &fired), ==, 1);
  g_assert_false (fired);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sleep-timer/after-minutes", test_after_minutes);
  g_test_add_func ("/sleep-timer/end-of-chapter", test_end_of_chapter);
  g_test_add_func ("/sleep-timer/end-of-episode", test_end_of_episode);
  g_test_add_func ("/sleep-timer/bad-numbers", test_bad_numbers);
  return g_test_run ();
}
