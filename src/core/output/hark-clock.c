/* hark-clock.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing is a sequence lock: the writer makes the sequence odd, copies, makes it even; a
 * reader retries when the sequence was odd or changed while it copied. The writer never waits.
 */
#include "output/hark-clock.h"

#include <stdatomic.h>
#include <string.h>

/* Marks kept: enough to cover every change within the device's latency. */
#define HISTORY 16

typedef struct
{
  HarkClockMark marks[HISTORY]; /* oldest first */
  guint n_marks;
  guint64 handed;
  double next_heard_time;
  gboolean valid;
} Snapshot;

struct _HarkClock
{
  int rate;
  Snapshot writer; /* the audio thread's own copy */
  _Atomic guint sequence;
  Snapshot shared;
};

HarkClock *
hark_clock_new (int rate)
{
  HarkClock *self = g_new0 (HarkClock, 1);

  self->rate = rate;
  atomic_init (&self->sequence, 0);
  return self;
}

void
hark_clock_free (HarkClock *self)
{
  g_free (self);
}

void
hark_clock_add_mark (HarkClock *self, const HarkClockMark *mark)
{
  Snapshot *w = &self->writer;

  /* A new mark at the same frame replaces the last one: only the latest mapping is heard. */
  if (w->n_marks > 0 && w->marks[w->n_marks - 1].frame == mark->frame)
    {
      w->marks[w->n_marks - 1] = *mark;
      return;
    }
  if (w->n_marks == HISTORY)
    {
      memmove (w->marks, w->marks + 1, (HISTORY - 1) * sizeof (HarkClockMark));
      w->n_marks--;
    }
  w->marks[w->n_marks++] = *mark;
}

void
hark_clock_publish (HarkClock *self, guint64 handed, double next_heard_time)
{
  guint seq = atomic_load_explicit (&self->sequence, memory_order_relaxed);

  self->writer.handed = handed;
  self->writer.next_heard_time = next_heard_time;
  self->writer.valid = TRUE;

  atomic_store_explicit (&self->sequence, seq + 1, memory_order_relaxed);
  atomic_thread_fence (memory_order_release);
  memcpy (&self->shared, &self->writer, sizeof (Snapshot));
  atomic_store_explicit (&self->sequence, seq + 2, memory_order_release);
}

static void
read_snapshot (HarkClock *self, Snapshot *s)
{
  for (;;)
    {
      guint before = atomic_load_explicit (&self->sequence, memory_order_acquire);

      if (before & 1)
        continue;
      memcpy (s, &self->shared, sizeof (Snapshot));
      atomic_thread_fence (memory_order_acquire);
      if (atomic_load_explicit (&self->sequence, memory_order_relaxed) == before)
        return;
    }
}

static double
heard_frame (HarkClock *self, const Snapshot *s, double now)
{
  double heard = (double) s->handed - (s->next_heard_time - now) * self->rate;

  return MIN (heard, (double) s->handed);
}

gboolean
hark_clock_get_heard_frame (HarkClock *self, double now, double *frame)
{
  Snapshot s;

  read_snapshot (self, &s);
  if (!s.valid)
    return FALSE;
  *frame = heard_frame (self, &s, now);
  return TRUE;
}

gboolean
hark_clock_get_position (HarkClock *self, double now, double *media, guint *serial)
{
  Snapshot s;
  const HarkClockMark *m = NULL;
  double heard;

  read_snapshot (self, &s);
  if (!s.valid || s.n_marks == 0)
    return FALSE;

  heard = heard_frame (self, &s, now);
  for (guint i = s.n_marks; i > 0 && m == NULL; i--)
    if ((double) s.marks[i - 1].frame <= heard)
      m = &s.marks[i - 1];
  if (m == NULL)
    {
      /* Older than every mark kept: the oldest one is the best answer. */
      m = &s.marks[0];
      heard = m->frame;
    }
  *media = m->media + (heard - (double) m->frame) * m->media_per_frame;
  if (serial)
    *serial = m->serial;
  return TRUE;
}

void
hark_clock_reset (HarkClock *self)
{
  memset (&self->writer, 0, sizeof (Snapshot));
  hark_clock_publish (self, 0, 0);
  self->shared.valid = FALSE;
  self->writer.valid = FALSE;
}
