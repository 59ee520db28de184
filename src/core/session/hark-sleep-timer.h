/* hark-sleep-timer.h — stop listening after a while, fading out rather than cutting off
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule, apart from any clock or player: armed for some minutes, to the end of the current
 * chapter or to the end of the episode, it says at each moment how loud playback should be (1
 * until the last HARK_SLEEP_FADE_SECONDS, then falling smoothly to 0) and when it has fired (the
 * caller pauses and puts the volume back). Minutes count listening time the caller passes in
 * (@now, seconds on any monotonic clock); chapter and episode ends count media time, so a seek
 * back out of the fade brings the sound back. Every number from outside is checked.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HARK_SLEEP_OFF,
  HARK_SLEEP_AFTER_MINUTES,
  HARK_SLEEP_END_OF_CHAPTER, /* the episode's end when it has no chapters */
  HARK_SLEEP_END_OF_EPISODE,
} HarkSleepMode;

#define HARK_SLEEP_FADE_SECONDS 10.0
#define HARK_SLEEP_MAX_MINUTES (24.0 * 60)

typedef struct _HarkSleepTimer HarkSleepTimer;

HarkSleepTimer *hark_sleep_timer_new (void);
void hark_sleep_timer_free (HarkSleepTimer *self);

/* Arms (or, with HARK_SLEEP_OFF, disarms) the timer. @minutes matters for AFTER_MINUTES only:
 * NaN, infinite or not above 0 is refused (FALSE, nothing changes); above the maximum it is
 * clamped. @now: the caller's clock, in seconds. */
gboolean hark_sleep_timer_set (HarkSleepTimer *self, HarkSleepMode mode, double minutes,
                               double now);
HarkSleepMode hark_sleep_timer_get_mode (const HarkSleepTimer *self);

typedef struct
{
  double now;         /* the caller's clock, seconds */
  double position;    /* playback position, seconds */
  double chapter_end; /* the current chapter's end, or < 0 without chapters */
  double duration;    /* the episode's length, or <= 0 when unknown */
} HarkSleepClock;

/* Seconds (of the caller's clock for minutes, of media for chapter and episode ends) until it
 * fires; < 0 when off or when the end is unknown. */
double hark_sleep_timer_remaining (const HarkSleepTimer *self, const HarkSleepClock *clock);

/* The gain to play at now, 0..1. When the end is reached it fires once: *fired is set, the
 * timer turns itself off, and the gain returned is 0 (later calls return 1). */
double hark_sleep_timer_update (HarkSleepTimer *self, const HarkSleepClock *clock,
                                gboolean *fired);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkSleepTimer, hark_sleep_timer_free)

G_END_DECLS
