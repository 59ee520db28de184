/* hark-clock.h — which media time is being heard now
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audio thread counts the frames it hands to the device ("device frames", silence
 * included) and records marks where the mapping from device frames to media time changes: a
 * seek, a skipped range, a speed change, a pause (a mark with media_per_frame 0 holds the media
 * time while silence plays). After each period it publishes the marks with the number of frames
 * handed and the time the next one will be heard. Any thread then computes, without locking,
 *
 *   heard frame = frames handed − (time the next frame is heard − now) × rate
 *
 * (docs/architecture.md: "the last sample handed minus what is queued minus the output latency") and
 * maps it back through the marks to media time: through speed and skipped ranges.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 frame;          /* the device frame from which this mapping holds */
  double media;           /* media seconds at that frame */
  double media_per_frame; /* speed / rate; 0 while silence holds the position */
  guint serial;           /* the seek generation the audio belongs to */
} HarkClockMark;

typedef struct _HarkClock HarkClock;

HarkClock *hark_clock_new (int rate);
void hark_clock_free (HarkClock *self);

/* Audio thread only: record a mark (kept privately until the next publish). */
void hark_clock_add_mark (HarkClock *self, const HarkClockMark *mark);
/* Audio thread only: @handed device frames so far; the frame after them will be heard at
 * @next_heard_time on the output's clock. Never blocks. */
void hark_clock_publish (HarkClock *self, guint64 handed, double next_heard_time);

/* Any thread: the media time heard at @now (the output's clock) and the serial of its audio.
 * FALSE when nothing was published yet. */
gboolean hark_clock_get_position (HarkClock *self, double now, double *media, guint *serial);

/* Any thread: the device frame heard at @now (fractional). FALSE before the first publish. */
gboolean hark_clock_get_heard_frame (HarkClock *self, double now, double *frame);

/* Only while the audio thread is stopped. */
void hark_clock_reset (HarkClock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkClock, hark_clock_free)

G_END_DECLS
