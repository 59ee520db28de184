/* hark-output-null.c — an output with no device: for tests and machines without sound
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thread stands in for the device: in real time it pulls one period every period on the
 * monotonic clock and reports one period of latency, as a sound card would; fast, it pulls as
 * soon as the player has audio. It can keep what it pulled, and it can be told to fail.
 */
#include "output/hark-output.h"
#include "util/hark-i18n.h"

#include <stdatomic.h>

#include "util/hark-error.h"

#define PERIOD_FRAMES 480 /* HARK_OUTPUT_NULL_PERIOD at HARK_OUTPUT_RATE */
G_STATIC_ASSERT (PERIOD_FRAMES == HARK_OUTPUT_RATE / 100);

typedef struct
{
  HarkOutput parent;
  HarkOutputNullPace pace;
  GThread *thread;
  atomic_bool running;
  atomic_bool failed;
  _Atomic guint64 pulled;
  _Atomic gint64 last_pull_us;
  _Atomic guint64 audio_pulled;
  _Atomic guint64 fail_at; /* 0: never */
  GMutex lock;             /* guards captured */
  gboolean capture;
  GArray *captured;
} HarkOutputNull;

static double
null_get_time (HarkOutput *output)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static gpointer
null_thread (gpointer data)
{
  HarkOutputNull *self = data;
  float buffer[PERIOD_FRAMES * HARK_OUTPUT_CHANNELS];
  gint64 next = g_get_monotonic_time ();

  while (atomic_load (&self->running))
    {
      guint64 fail_at = atomic_load (&self->fail_at);
      gsize audio;

      if (fail_at && atomic_load (&self->pulled) >= fail_at)
        {
          atomic_store (&self->failed, TRUE);
          break;
        }
      audio = self->parent.pull (buffer, PERIOD_FRAMES, HARK_OUTPUT_NULL_PERIOD,
                                 null_get_time (&self->parent), self->parent.pull_data);
      atomic_store (&self->last_pull_us, g_get_monotonic_time ());
      atomic_fetch_add (&self->audio_pulled, audio);
      atomic_fetch_add (&self->pulled, PERIOD_FRAMES);
      /* Only the audio: silence (paused, starved) is always the tail of a period. */
      g_mutex_lock (&self->lock);
      if (self->capture)
        g_array_append_vals (self->captured, buffer, audio * HARK_OUTPUT_CHANNELS);
      g_mutex_unlock (&self->lock);

      if (self->pace == HARK_OUTPUT_NULL_REAL_TIME)
        {
          gint64 now;

          next += (gint64) (HARK_OUTPUT_NULL_PERIOD * G_USEC_PER_SEC);
          now = g_get_monotonic_time ();
          if (next > now)
            g_usleep (next - now);
          else if (now - next > G_USEC_PER_SEC)
            next = now; /* the machine stalled: do not rush to catch up */
        }
      else if (audio == 0)
        g_usleep (500);
    }
  return NULL;
}

static gboolean
null_start (HarkOutput *output, GError **error)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  if (self->thread && !atomic_load (&self->failed))
    return TRUE;
  if (self->thread)
    {
      atomic_store (&self->running, FALSE);
      g_thread_join (self->thread);
      self->thread = NULL;
    }
  if (atomic_load (&self->failed))
    {
      /* A failed null device stays failed until told otherwise, like unplugged hardware. */
      if (atomic_load (&self->fail_at) != 0)
        {
          g_set_error (error, HARK_ERROR, HARK_ERROR_DEVICE,
                       _("The audio device is gone (simulated failure)."));
          return FALSE;
        }
      atomic_store (&self->failed, FALSE);
    }
  atomic_store (&self->running, TRUE);
  self->thread = g_thread_new ("hark-null-output", null_thread, self);
  return TRUE;
}

static void
null_stop (HarkOutput *output, gboolean drain)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  if (self->thread == NULL)
    return;
  atomic_store (&self->running, FALSE);
  g_thread_join (self->thread);
  self->thread = NULL;
}

static gboolean
null_check_failed (HarkOutput *output, GError **error)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  if (!atomic_load (&self->failed))
    return FALSE;
  g_set_error (error, HARK_ERROR, HARK_ERROR_DEVICE,
               _("The audio device stopped working (simulated failure)."));
  return TRUE;
}

static void
null_free (HarkOutput *output)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  g_array_unref (self->captured);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static const HarkOutputClass null_class = {
  .name = "null",
  .start = null_start,
  .stop = null_stop,
  .get_time = null_get_time,
  .check_failed = null_check_failed,
  .free = null_free,
};

HarkOutput *
hark_output_null_new (HarkOutputNullPace pace)
{
  HarkOutputNull *self = g_new0 (HarkOutputNull, 1);

  self->parent.klass = &null_class;
  self->pace = pace;
  self->captured = g_array_new (FALSE, FALSE, sizeof (float));
  g_mutex_init (&self->lock);
  return &self->parent;
}

void
hark_output_null_set_capture (HarkOutput *output, gboolean capture)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  g_return_if_fail (output->klass == &null_class);
  g_mutex_lock (&self->lock);
  self->capture = capture;
  g_mutex_unlock (&self->lock);
}

float *
hark_output_null_take_captured (HarkOutput *output, gsize *n_frames)
{
  HarkOutputNull *self = (HarkOutputNull *) output;
  GArray *taken;

  g_return_val_if_fail (output->klass == &null_class, NULL);
  g_mutex_lock (&self->lock);
  taken = self->captured;
  self->captured = g_array_new (FALSE, FALSE, sizeof (float));
  g_mutex_unlock (&self->lock);
  *n_frames = taken->len / HARK_OUTPUT_CHANNELS;
  return (float *) g_array_free (taken, FALSE);
}

void
hark_output_null_fail_after (HarkOutput *output, guint64 frames)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  g_return_if_fail (output->klass == &null_class);
  if (frames == 0)
    {
      atomic_store (&self->fail_at, 0);
      atomic_store (&self->failed, FALSE);
      return;
    }
  atomic_store (&self->fail_at, atomic_load (&self->pulled) + frames);
}

guint64
hark_output_null_get_frames_pulled (HarkOutput *output)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  g_return_val_if_fail (output->klass == &null_class, 0);
  return atomic_load (&self->pulled);
}

guint64
hark_output_null_get_audio_frames_pulled (HarkOutput *output)
{
  HarkOutputNull *self = (HarkOutputNull *) output;

  g_return_val_if_fail (output->klass == &null_class, 0);
  return atomic_load (&self->audio_pulled);
}

double
hark_output_null_get_frames_heard (HarkOutput *output)
{
  HarkOutputNull *self = (HarkOutputNull *) output;
  guint64 pulled;
  gint64 last;
  double since;

  g_return_val_if_fail (output->klass == &null_class, 0);
  /* Consistent pair: retry if a pull slipped in between the two reads. */
  do
    {
      pulled = atomic_load (&self->pulled);
      last = atomic_load (&self->last_pull_us);
    }
  while (pulled != atomic_load (&self->pulled));
  if (pulled == 0)
    return 0;
  /* The last period pulled starts playing one period after its pull. */
  since = (g_get_monotonic_time () - last) / (double) G_USEC_PER_SEC;
  return MAX (0.0, (double) pulled - PERIOD_FRAMES
                       + (CLAMP (since, 0.0, 2 * HARK_OUTPUT_NULL_PERIOD)
                          - HARK_OUTPUT_NULL_PERIOD)
                             * HARK_OUTPUT_RATE);
}
