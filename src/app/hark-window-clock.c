/* hark-window-clock.c — while playing, the window wakes only when something it shows changes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redrawing on every frame (60 times a second) costs more than decoding and playing the audio.
 * What the window shows moves far less often: the elapsed and remaining times once a second, the
 * seek bar's knob once per pixel (every few seconds on an hour-long episode), the highlight when
 * a cue or a row starts or ends. So the window computes when the next of those falls, at the
 * playing speed, and sleeps until then. Seeks, speed changes and skips reschedule at once.
 * Every wake-up that changes something costs a frame, and a frame (the whole window's render
 * tree drawn again, clipped) costs far more than the wake-up, so changes that may wait share
 * the time labels' frame: see next_change().
 */
#include "hark-config.h"

#include <math.h>

#include "hark-window-private.h"

/* Never sooner (a clock that has not quite reached a boundary yet) nor later than this. */
#define MIN_WAIT_MS 4
#define MAX_WAIT_MS 1000
/* While the clock stands still though playing (the output is starting, after an open or a
 * seek) the wait for its first move doubles from MIN_WAIT_MS up to this, instead of waking every
 * MIN_WAIT_MS for a boundary it has not reached: ~10 wake-ups, not ~35, over a 150 ms start. */
#define MAX_STALL_WAIT_MS 16

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Every time at which the highlight can change: cue and row starts and ends, sorted. */
void
hark_window_clock_set_reading (HarkWindow *self)
{
  guint n_cues = 0, n_rows = 0;
  const HarkCue *cues;
  const HarkReadingRow *rows;

  g_clear_pointer (&self->boundaries, g_array_unref);
  if (self->reading == NULL)
    return;
  cues = hark_transcript_get_cues (hark_reading_get_transcript (self->reading), &n_cues);
  rows = hark_reading_get_rows (self->reading, &n_rows);

  self->boundaries = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_cues + 2 * n_rows);
  for (guint i = 0; i < n_cues; i++)
    {
      g_array_append_val (self->boundaries, cues[i].start);
      g_array_append_val (self->boundaries, cues[i].end);
    }
  for (guint i = 0; i < n_rows; i++)
    {
      g_array_append_val (self->boundaries, rows[i].start);
      g_array_append_val (self->boundaries, rows[i].end);
    }
  g_array_sort (self->boundaries, compare_doubles);
}

/* The first boundary after @position, or INFINITY. */
static double
next_boundary (HarkWindow *self, double position)
{
  guint lo = 0, hi;

  if (self->boundaries == NULL || self->boundaries->len == 0)
    return INFINITY;
  hi = self->boundaries->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->boundaries, double, mid) <= position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < self->boundaries->len ? g_array_index (self->boundaries, double, lo) : INFINITY;
}

/* The episode time at which something shown next changes. */
static double
next_change (HarkWindow *self, double position)
{
  double next = floor (position) + 1; /* the elapsed time's next second */
  double width = gtk_widget_get_width (GTK_WIDGET (hark_player_bar_get_seek_bar (self->player_bar)));

  /* The remaining time counts down with the elapsed one (see hark_player_bar_set_times), except
   * that it reaches 0 at the very end. */
  if (self->duration > 0)
    {
      if (self->duration > position)
        next = MIN (next, self->duration);
      /* The knob moves a pixel every per_pixel seconds. When that is a second or more (an episode
       * longer than the bar is wide in pixels), the time labels' next tick comes within a
       * second of the knob's next pixel anyway and moves it in the same frame: a frame less
       * for each pixel, the knob at most a second (under a pixel) late. */
      if (width > 0 && self->duration / width < 1.0)
        {
          double per_pixel = self->duration / width;

          next = MIN (next, (floor (position / per_pixel) + 1) * per_pixel);
        }
    }
  return MIN (next, next_boundary (self, position));
}

static gboolean on_clock (gpointer user_data);

/* Sleeps until the next change, when playing. */
void
hark_window_clock_schedule (HarkWindow *self)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (self->session);
  double position, speed, wait_ms;

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (snap->state != HARK_PLAYER_STATE_PLAYING)
    {
      self->clock_last = -1;
      self->clock_stalls = 0;
      return;
    }
  position = hark_session_get_position (self->session);
  speed = snap->speed > 0 ? snap->speed : 1.0;
  wait_ms = (next_change (self, position) - position) / speed * 1000.0;
  wait_ms = isfinite (wait_ms) ? CLAMP (ceil (wait_ms), MIN_WAIT_MS, MAX_WAIT_MS) : MAX_WAIT_MS;
  self->clock_stalls = position == self->clock_last ? MIN (self->clock_stalls + 1, 8) : 0;
  if (self->clock_stalls > 0)
    wait_ms = MAX (wait_ms, MIN (MIN_WAIT_MS << self->clock_stalls, MAX_STALL_WAIT_MS));
  self->clock_last = position;
  self->clock_id = g_timeout_add_full (G_PRIORITY_HIGH, (guint) wait_ms, on_clock, self, NULL);
}

static gboolean
on_clock (gpointer user_data)
{
  HarkWindow *self = user_data;

  self->clock_id = 0;
  hark_window_update_now (self);
  hark_window_clock_schedule (self);
  return G_SOURCE_REMOVE;
}

void
hark_window_clock_stop (HarkWindow *self)
{
  g_clear_handle_id (&self->clock_id, g_source_remove);
}
