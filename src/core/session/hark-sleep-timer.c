/* hark-sleep-timer.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "session/hark-sleep-timer.h"

#include <math.h>

struct _HarkSleepTimer
{
  HarkSleepMode mode;
  double deadline; /* AFTER_MINUTES: on the caller's clock */
};

HarkSleepTimer *
hark_sleep_timer_new (void)
{
  return g_new0 (HarkSleepTimer, 1);
}

void
hark_sleep_timer_free (HarkSleepTimer *self)
{
  g_free (self);
}

gboolean
hark_sleep_timer_set (HarkSleepTimer *self, HarkSleepMode mode, double minutes, double now)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (mode)
    {
    case HARK_SLEEP_AFTER_MINUTES:
      if (!isfinite (minutes) || minutes <= 0 || !isfinite (now))
        return FALSE;
      self->deadline = now + MIN (minutes, HARK_SLEEP_MAX_MINUTES) * 60;
      break;
    case HARK_SLEEP_OFF:
    case HARK_SLEEP_END_OF_CHAPTER:
    case HARK_SLEEP_END_OF_EPISODE:
      break;
    default:
      return FALSE;
    }
  self->mode = mode;
  return TRUE;
}

HarkSleepMode
hark_sleep_timer_get_mode (const HarkSleepTimer *self)
{
  return self->mode;
}

static double
finite_or (double value, double fallback)
{
  return isfinite (value) ? value : fallback;
}

double
hark_sleep_timer_remaining (const HarkSleepTimer *self, const HarkSleepClock *clock)
{
  double position = finite_or (clock->position, 0);
  double duration = finite_or (clock->duration, -1);
  double chapter_end = finite_or (clock->chapter_end, -1);
  double end;

  switch (self->mode)
    {
    case HARK_SLEEP_AFTER_MINUTES:
      return isfinite (clock->now) ? MAX (self->deadline - clock->now, 0) : -1;
    case HARK_SLEEP_END_OF_CHAPTER:
      /* The chapter's end, unless it is past the episode's (a chapter list longer than the
       * audio): whichever comes first. */
      end = chapter_end >= 0 ? chapter_end : duration;
      if (duration > 0)
        end = MIN (end, duration);
      break;
    case HARK_SLEEP_END_OF_EPISODE:
      end = duration;
      break;
    case HARK_SLEEP_OFF:
    default:
      return -1;
    }
  if (end <= 0)
    return -1;
  return MAX (end - position, 0);
}

double
hark_sleep_timer_update (HarkSleepTimer *self, const HarkSleepClock *clock, gboolean *fired)
{
  double left = hark_sleep_timer_remaining (self, clock);

  if (fired != NULL)
    *fired = FALSE;
  if (left < 0)
    return 1;
  if (left <= 0)
    {
      self->mode = HARK_SLEEP_OFF;
      if (fired != NULL)
        *fired = TRUE;
      return 0;
    }
  if (left >= HARK_SLEEP_FADE_SECONDS)
    return 1;
  /* A cosine fade: no audible step where it starts, nearly silent well before the end. */
  return 0.5 - 0.5 * cos (G_PI * left / HARK_SLEEP_FADE_SECONDS);
}
