/* hark-player.c — decoder thread → ring → output, driven from the main thread
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three roles (docs/architecture.md, "Threads and the clock"):
 *  - the main thread calls the API; commands reach the decoder thread under a mutex and a
 *    condition variable (never the audio thread's concern);
 *  - the decoder thread fills two lock-free rings: audio frames, and marks saying where in the
 *    frames the media mapping changes (seek serial, skip, speed, end);
 *  - the output's thread runs pull(): it reads both rings, drops audio of a stale serial,
 *    applies the volume, plays silence when paused or starved, and publishes the clock. It
 *    never blocks, locks, allocates or logs.
 * A seek is handed at the device's next call: the ring holds the decoder's look-ahead twice
 * over, so the new place is written beside what is left of the old one, which the audio
 * thread drops when it next runs; the device itself is never stopped or restarted for it.
 * A short timer on the main context watches the atomics the audio thread leaves (audio of a
 * new serial handed, end reached, output failed) and turns them into events, which are queued
 * and delivered from an idle source on the caller's context.
 */
#include "audio/hark-player.h"
#include "util/hark-i18n.h"

#include <math.h>
#include <stdatomic.h>
#include <string.h>

#include "output/hark-clock.h"
#include "audio/hark-decoder.h"
#include "util/hark-error.h"
#include "util/hark-limits.h"
#include "output/hark-ring.h"

/* The decoder keeps this much ahead of the device (about 0.34 s at 48 kHz). The ring holds as
 * much again: after a seek the new place is decoded beside the old one's leftovers, so it is
 * ready for the device's next call instead of waiting for that call to drop the old audio
 * and the one after to take the new. */
#define LOOKAHEAD_FRAMES 16384
#define RING_FRAMES (2 * LOOKAHEAD_FRAMES)
#define MARK_CAPACITY 256
#define READ_FRAMES 1024
/* The main thread looks at what the audio side did every WATCH_INTERVAL_MS while something is
 * about to fall due (a seek landing, a skip reaching the device, the end). The decoder thread
 * queues skips and the end where it writes, a look-ahead (~0.34 s) before the device gets
 * there, and wakes the main thread at once when it does (see kick_watch()), so no poll is
 * needed to find them. Otherwise only a device that died is looked for, every
 * WATCH_IDLE_SECONDS, on a whole-second timer that shares its wake-up with the process's other
 * whole-second timers (the session's own, the library's saves). */
#define WATCH_INTERVAL_MS 20
#define WATCH_IDLE_SECONDS 1
/* How long the decoder thread sleeps when it is a look-ahead ahead: an eighth of that,
 * so it never runs low, and few enough wake-ups to cost nothing; commands wake it at once. */
#define REFILL_WAIT_US 40000

enum
{
  MARK_END = 1 << 0,
};

typedef struct
{
  guint64 ring_frame; /* the frame (by the ring's written count) from which this applies */
  double media;
  double media_per_frame;
  guint serial;
  guint flags;
} RingMark;

typedef struct
{
  guint64 ring_frame;
  HarkSkipRange range;
  guint serial; /* the seek it was decoded after: one from a superseded seek is never heard */
} PendingSkip;

typedef struct
{
  HarkPlayerEvent event;
  GError *error;
} QueuedEvent;

struct _HarkPlayer
{
  GMainContext *context;
  HarkOutput *output;
  gboolean output_started;
  HarkPlayerEventFunc func;
  gpointer func_data;
  GDestroyNotify func_destroy;
  GSource *watch;
  guint watch_interval; /* in ms; 0 for the idle pace */
  GSource *kick; /* the decoder thread makes it ready when something falls due */
  GSource *dispatch;
  GQueue events;

  char *path;
  double duration;
  HarkPlayerState state;
  double speed;
  double volume;
  guint serial;
  double seek_position;   /* what get_position says until audio of this serial is heard */
  gboolean seek_announce; /* a SEEKED event is owed */
  double last_position;

  /* Shared with the decoder thread, under lock. */
  GMutex lock;
  GCond cond;
  HarkDecoder *decoder;
  GThread *thread;
  gboolean quit;
  gboolean seek_requested;
  double seek_target;
  guint seek_serial;
  gboolean speed_changed;
  double new_speed;
  GArray *new_ranges; /* non-NULL when changed */
  GError *decode_error;
  GArray *pending_skips;

  HarkRing *ring;  /* interleaved float frames */
  HarkRing *marks; /* RingMark */
  HarkClock *clock;

  /* The audio thread's own. */
  RingMark current;
  gboolean have_current;
  gboolean clock_needs_mark;
  gboolean holding;
  guint64 dev_frames;

  /* Written by one thread, read by others. */
  atomic_uint wanted_serial;
  atomic_bool paused;
  atomic_uint volume_bits;
  atomic_uint handed_serial;
  atomic_bool handed_any;
  _Atomic guint64 end_frame; /* device frame where the end was reached */
  atomic_uint end_serial;    /* its serial + 1; 0 = not reached */
  atomic_uint decoded_end_serial; /* the decoder wrote the end of this serial + 1 into the ring */
  _Atomic gint64 first_audible_us;
  _Atomic gint64 serial_handed_us;
};

const char *
hark_player_state_to_string (HarkPlayerState state)
{
  switch (state)
    {
    case HARK_PLAYER_STATE_EMPTY:
      return "empty";
    case HARK_PLAYER_STATE_PAUSED:
      return "paused";
    case HARK_PLAYER_STATE_PLAYING:
      return "playing";
    case HARK_PLAYER_STATE_ENDED:
      return "ended";
    case HARK_PLAYER_STATE_ERROR:
      return "error";
    default:
      return "unknown";
    }
}

/* ---- the audio thread ---------------------------------------------------------------- */

static void kick_watch (HarkPlayer *self);

static float
load_volume (HarkPlayer *self)
{
  guint bits = atomic_load_explicit (&self->volume_bits, memory_order_relaxed);
  float v;

  memcpy (&v, &bits, sizeof v);
  return v;
}

/* Pops the marks that apply at the ring's read position. */
static void
refresh_mark (HarkPlayer *self)
{
  guint64 read = hark_ring_get_read (self->ring);
  RingMark m;

  while (hark_ring_peek (self->marks, &m) && m.ring_frame <= read)
    {
      hark_ring_read (self->marks, NULL, 1);
      self->current = m;
      self->have_current = TRUE;
      self->clock_needs_mark = TRUE;
    }
}

/* Frames that may be read before the next mark applies. */
static gsize
frames_until_next_mark (HarkPlayer *self, gsize available)
{
  RingMark m;

  gsize until;

  if (!hark_ring_peek (self->marks, &m))
    return available;
  until = m.ring_frame - hark_ring_get_read (self->ring);
  return MIN (available, until);
}

static double
media_at_read (HarkPlayer *self)
{
  guint64 read = hark_ring_get_read (self->ring);

  return self->current.media + (double) (read - self->current.ring_frame)
                                   * self->current.media_per_frame;
}

static void
drop_stale (HarkPlayer *self, guint wanted)
{
  for (;;)
    {
      gsize n;

      refresh_mark (self);
      if (!self->have_current || self->current.serial == wanted)
        return;
      n = frames_until_next_mark (self, hark_ring_get_read_available (self->ring));
      if (n == 0)
        return;
      hark_ring_read (self->ring, NULL, n);
    }
}

static gsize
pull (float *buffer, gsize frames, double delay, double now, gpointer data)
{
  HarkPlayer *self = data;
  guint wanted = atomic_load_explicit (&self->wanted_serial, memory_order_acquire);
  gboolean paused = atomic_load_explicit (&self->paused, memory_order_relaxed);
  float volume = load_volume (self);
  gsize done = 0;

  drop_stale (self, wanted);
  while (done < frames && !paused)
    {
      gsize n;
      float *out = buffer + done * HARK_OUTPUT_CHANNELS;

      refresh_mark (self);
      if (!self->have_current || self->current.serial != wanted)
        break;
      if (self->current.flags & MARK_END)
        {
          if (atomic_load_explicit (&self->end_serial, memory_order_relaxed) != wanted + 1)
            {
              atomic_store_explicit (&self->end_frame, self->dev_frames + done,
                                     memory_order_relaxed);
              atomic_store_explicit (&self->end_serial, wanted + 1, memory_order_release);
            }
          break;
        }
      n = frames_until_next_mark (self, hark_ring_get_read_available (self->ring));
      n = MIN (n, frames - done);
      if (n == 0)
        break;
      if (self->holding || self->clock_needs_mark)
        {
          HarkClockMark m = { self->dev_frames + done, media_at_read (self),
                              self->current.media_per_frame, self->current.serial };

          hark_clock_add_mark (self->clock, &m);
          self->holding = FALSE;
          self->clock_needs_mark = FALSE;
        }
      hark_ring_read (self->ring, out, n);
      if (volume != 1.0f)
        for (gsize i = 0; i < n * HARK_OUTPUT_CHANNELS; i++)
          out[i] *= volume;
      if (atomic_load_explicit (&self->first_audible_us, memory_order_relaxed) == 0)
        for (gsize i = 0; i < n * HARK_OUTPUT_CHANNELS; i++)
          if (fabsf (out[i]) > 1e-4f)
            {
              atomic_store (&self->first_audible_us, g_get_monotonic_time ());
              break;
            }
      if (atomic_load_explicit (&self->handed_serial, memory_order_relaxed) != wanted
          || !atomic_load_explicit (&self->handed_any, memory_order_relaxed))
        {
          atomic_store_explicit (&self->serial_handed_us, g_get_monotonic_time (),
                                 memory_order_relaxed);
          atomic_store_explicit (&self->handed_serial, wanted, memory_order_release);
          atomic_store_explicit (&self->handed_any, TRUE, memory_order_release);
        }
      done += n;
    }

  if (done < frames)
    {
      memset (buffer + done * HARK_OUTPUT_CHANNELS, 0,
              (frames - done) * HARK_OUTPUT_CHANNELS * sizeof (float));
      if (!self->holding && self->have_current)
        {
          HarkClockMark m = { self->dev_frames + done, media_at_read (self), 0,
                              self->current.serial };

          hark_clock_add_mark (self->clock, &m);
          self->holding = TRUE;
        }
    }
  self->dev_frames += frames;
  hark_clock_publish (self->clock, self->dev_frames,
                      now + delay + (double) frames / HARK_OUTPUT_RATE);
  return done;
}

/* ---- the decoder thread -------------------------------------------------------------- */

static void
push_mark (HarkPlayer *self, double media, double media_per_frame, guint serial, guint flags)
{
  RingMark m = { hark_ring_get_written (self->ring), media, media_per_frame, serial, flags };

  hark_ring_write (self->marks, &m, 1);
}

/* Frames the decoder may write now: up to LOOKAHEAD_FRAMES of the latest seek (written from
 * ring frame @since on) ahead of the device. What is left of an older seek does not count: the
 * audio thread drops it the next time it runs, and the new place must not wait for that. */
static gsize
ring_room (HarkPlayer *self, guint64 since)
{
  guint64 written = hark_ring_get_written (self->ring);
  guint64 ahead = written - MAX (hark_ring_get_read (self->ring), MIN (since, written));
  gsize room = ahead < LOOKAHEAD_FRAMES ? LOOKAHEAD_FRAMES - ahead : 0;

  return MIN (room, hark_ring_get_write_space (self->ring));
}

static gpointer
decode_thread (gpointer data)
{
  HarkPlayer *self = data;
  g_autofree float *buffer = g_new (float, READ_FRAMES * HARK_OUTPUT_CHANNELS);
  guint serial = 0;
  gboolean need_mark = TRUE, stopped = FALSE;
  double expect_media = 0, expect_mpf = 0;
  guint64 since = 0; /* the ring frame where the latest seek's audio begins */

  for (;;)
    {
      g_autoptr (GArray) ranges = NULL;
      g_autoptr (GError) error = NULL;
      gboolean do_seek = FALSE, do_speed = FALSE;
      double target = 0, speed = 1;
      HarkDecoderChunk chunk;
      gssize n;

      g_mutex_lock (&self->lock);
      while (!self->quit && !self->seek_requested && !self->speed_changed
             && self->new_ranges == NULL
             && (stopped || ring_room (self, since) < READ_FRAMES
                 || hark_ring_get_write_space (self->marks) < 2))
        {
          if (!g_cond_wait_until (&self->cond, &self->lock,
                                  g_get_monotonic_time () + REFILL_WAIT_US)
              && !stopped)
            break;
        }
      if (self->quit)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      if (self->seek_requested)
        {
          do_seek = TRUE;
          target = self->seek_target;
          serial = self->seek_serial;
          self->seek_requested = FALSE;
        }
      if (self->speed_changed)
        {
          do_speed = TRUE;
          speed = self->new_speed;
          self->speed_changed = FALSE;
        }
      ranges = g_steal_pointer (&self->new_ranges);
      g_mutex_unlock (&self->lock);

      if (ranges)
        hark_decoder_set_skip_ranges (self->decoder, (const HarkSkipRange *) ranges->data,
                                      ranges->len);
      if (do_speed)
        hark_decoder_set_speed (self->decoder, speed);
      if (do_seek)
        {
          stopped = FALSE;
          need_mark = TRUE;
          since = hark_ring_get_written (self->ring);
          if (!hark_decoder_seek (self->decoder, target, &error))
            goto failed;
        }
      if (stopped || ring_room (self, since) < READ_FRAMES
          || hark_ring_get_write_space (self->marks) < 2)
        continue;

      n = hark_decoder_read (self->decoder, buffer, READ_FRAMES, &chunk, &error);
      if (n < 0)
        goto failed;
      if (n == 0)
        {
          push_mark (self, expect_media, 0, serial, MARK_END);
          atomic_store (&self->decoded_end_serial, serial + 1);
          kick_watch (self);
          stopped = TRUE;
          continue;
        }
      if (need_mark || chunk.skipped || fabs (chunk.media_start - expect_media) > 1e-7
          || chunk.media_per_frame != expect_mpf)
        {
          push_mark (self, chunk.media_start, chunk.media_per_frame, serial, 0);
          need_mark = FALSE;
        }
      if (chunk.skipped)
        {
          PendingSkip skip = { hark_ring_get_written (self->ring), chunk.range, serial };

          g_mutex_lock (&self->lock);
          g_array_append_val (self->pending_skips, skip);
          g_mutex_unlock (&self->lock);
          kick_watch (self);
        }
      hark_ring_write (self->ring, buffer, n);
      expect_media = chunk.media_start + n * chunk.media_per_frame;
      expect_mpf = chunk.media_per_frame;
      continue;

    failed:
      g_mutex_lock (&self->lock);
      if (self->decode_error == NULL)
        self->decode_error = g_steal_pointer (&error);
      g_mutex_unlock (&self->lock);
      push_mark (self, expect_media, 0, serial, MARK_END);
      atomic_store (&self->decoded_end_serial, serial + 1);
      kick_watch (self);
      stopped = TRUE;
    }
  return NULL;
}

/* ---- events -------------------------------------------------------------------------- */

static gboolean
dispatch_events (gpointer data)
{
  HarkPlayer *self = data;
  QueuedEvent *q;

  g_clear_pointer (&self->dispatch, g_source_unref);
  while ((q = g_queue_pop_head (&self->events)))
    {
      q->event.error = q->error;
      if (self->func)
        self->func (self, &q->event, self->func_data);
      g_clear_error (&q->error);
      g_free (q);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_event (HarkPlayer *self, HarkPlayerEventType type, double position,
             const HarkSkipRange *range, const GError *error)
{
  QueuedEvent *q = g_new0 (QueuedEvent, 1);

  q->event.type = type;
  q->event.state = self->state;
  q->event.position = position;
  if (range)
    q->event.range = *range;
  if (error)
    q->error = g_error_copy (error);
  g_queue_push_tail (&self->events, q);
  if (self->dispatch == NULL)
    {
      self->dispatch = g_idle_source_new ();
      g_source_set_priority (self->dispatch, G_PRIORITY_HIGH_IDLE);
      g_source_set_callback (self->dispatch, dispatch_events, self, NULL);
      g_source_set_static_name (self->dispatch, "[hark] player events");
      g_source_attach (self->dispatch, self->context);
    }
}

static void
set_state_at (HarkPlayer *self, HarkPlayerState state, double position)
{
  if (self->state == state)
    return;
  self->state = state;
  queue_event (self, HARK_PLAYER_EVENT_STATE, position, NULL, NULL);
}

static void
set_state (HarkPlayer *self, HarkPlayerState state)
{
  if (self->state == state)
    return;
  self->state = state;
  queue_event (self, HARK_PLAYER_EVENT_STATE, hark_player_get_position (self), NULL, NULL);
}

/* ---- the main thread's watch --------------------------------------------------------- */

static void stop_output (HarkPlayer *self, gboolean drain);

static void
fail (HarkPlayer *self, const GError *error)
{
  double position = hark_player_get_position (self);

  stop_output (self, FALSE);
  atomic_store (&self->paused, TRUE);
  /* Keep the position: the next play() resumes there (on whatever device works then). */
  self->last_position = position;
  hark_player_seek (self, position);
  self->seek_announce = FALSE;
  set_state (self, HARK_PLAYER_STATE_ERROR);
  queue_event (self, HARK_PLAYER_EVENT_ERROR, position, NULL, error);
}

static gboolean watch_tick (gpointer data);

/* Starts watching every @interval_ms, or at the idle pace when 0, replacing the current watch;
 * TRUE when there was one, which its dispatch must then drop (G_SOURCE_REMOVE). */
static gboolean
watch_pace (HarkPlayer *self, guint interval_ms)
{
  GSource *old = self->watch;

  if (old != NULL && self->watch_interval == interval_ms)
    return FALSE;
  if (old != NULL)
    g_source_destroy (old);
  self->watch = interval_ms > 0 ? g_timeout_source_new (interval_ms)
                                : g_timeout_source_new_seconds (WATCH_IDLE_SECONDS);
  self->watch_interval = interval_ms;
  g_source_set_callback (self->watch, watch_tick, self, NULL);
  g_source_set_static_name (self->watch, "[hark] player watch");
  g_source_attach (self->watch, self->context);
  g_clear_pointer (&old, g_source_unref);
  return TRUE;
}

/* The decoder thread queued a skip or the end, or failed: the watch looks closely from now
 * on. g_source_set_ready_time() may be called from any thread. */
static void
kick_watch (HarkPlayer *self)
{
  g_source_set_ready_time (self->kick, 0);
}

static gboolean
kick_dispatch (GSource *source, GSourceFunc callback, gpointer user_data)
{
  g_source_set_ready_time (source, -1);
  return callback (user_data);
}

static GSourceFuncs kick_funcs = { .dispatch = kick_dispatch };

static gboolean
on_kick (gpointer data)
{
  HarkPlayer *self = data;

  if (self->watch != NULL)
    watch_pace (self, WATCH_INTERVAL_MS);
  return G_SOURCE_CONTINUE;
}

static gboolean
watch_tick (gpointer data)
{
  HarkPlayer *self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) due = g_array_new (FALSE, FALSE, sizeof (PendingSkip));
  guint64 read = hark_ring_get_read (self->ring);
  double heard;
  guint still_pending;

  if (hark_output_check_failed (self->output, &error))
    {
      fail (self, error);
      return G_SOURCE_CONTINUE;
    }

  g_mutex_lock (&self->lock);
  if (self->decode_error)
    error = g_steal_pointer (&self->decode_error);
  for (guint i = 0; i < self->pending_skips->len;)
    {
      PendingSkip *s = &g_array_index (self->pending_skips, PendingSkip, i);

      if (s->serial != self->serial)
        g_array_remove_index (self->pending_skips, i);
      else if (s->ring_frame <= read)
        {
          g_array_append_val (due, *s);
          g_array_remove_index (self->pending_skips, i);
        }
      else
        i++;
    }
  still_pending = self->pending_skips->len;
  g_mutex_unlock (&self->lock);

  if (error)
    {
      fail (self, error);
      return G_SOURCE_CONTINUE;
    }
  for (guint i = 0; i < due->len; i++)
    {
      const PendingSkip *s = &g_array_index (due, PendingSkip, i);

      queue_event (self, HARK_PLAYER_EVENT_SKIP, s->range.end, &s->range, NULL);
    }

  if (self->seek_announce && atomic_load (&self->handed_any)
      && atomic_load (&self->handed_serial) == self->serial)
    {
      self->seek_announce = FALSE;
      queue_event (self, HARK_PLAYER_EVENT_SEEKED, self->seek_position, NULL, NULL);
    }

  if (self->state == HARK_PLAYER_STATE_PLAYING
      && atomic_load (&self->end_serial) == self->serial + 1
      && hark_clock_get_heard_frame (self->clock, hark_output_get_time (self->output), &heard)
      && heard >= (double) atomic_load (&self->end_frame))
    {
      /* Everything up to the last frame has been heard: now the device may stop. */
      self->last_position = self->duration;
      stop_output (self, TRUE);
      set_state (self, HARK_PLAYER_STATE_ENDED);
      queue_event (self, HARK_PLAYER_EVENT_END, self->duration, NULL, NULL);
    }
  if (self->watch != NULL)
    {
      /* A skip or the end queued after this look kicks the watch (see kick_watch()). Paused,
       * the device takes nothing, so nothing queued can fall due before play() looks again. */
      gboolean soon = self->state == HARK_PLAYER_STATE_PLAYING
                      && (self->seek_announce || still_pending > 0
                          || atomic_load (&self->decoded_end_serial) == self->serial + 1);

      if (watch_pace (self, soon ? WATCH_INTERVAL_MS : 0))
        return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
stop_output (HarkPlayer *self, gboolean drain)
{
  if (self->watch)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
    }
  if (self->output_started)
    {
      hark_output_stop (self->output, drain);
      self->output_started = FALSE;
    }
}

/* ---- the API ------------------------------------------------------------------------- */

HarkPlayer *
hark_player_new (HarkOutput *output, GMainContext *context)
{
  HarkPlayer *self = g_new0 (HarkPlayer, 1);

  self->output = output ? output : hark_output_portaudio_new ();
  self->context = context ? g_main_context_ref (context)
                          : g_main_context_ref_thread_default ();
  self->speed = 1.0;
  self->volume = 1.0;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->events);
  self->kick = g_source_new (&kick_funcs, sizeof (GSource));
  g_source_set_callback (self->kick, on_kick, self, NULL);
  g_source_set_static_name (self->kick, "[hark] player kick");
  g_source_attach (self->kick, self->context);
  self->pending_skips = g_array_new (FALSE, FALSE, sizeof (PendingSkip));
  self->ring = hark_ring_new (RING_FRAMES, HARK_OUTPUT_CHANNELS * sizeof (float));
  self->marks = hark_ring_new (MARK_CAPACITY, sizeof (RingMark));
  self->clock = hark_clock_new (HARK_OUTPUT_RATE);
  atomic_init (&self->paused, TRUE);
  hark_player_set_volume (self, 1.0);
  hark_output_set_pull_func (self->output, pull, self);
  return self;
}

void
hark_player_free (HarkPlayer *self)
{
  QueuedEvent *q;

  if (self == NULL)
    return;
  hark_player_close (self);
  /* The decoder thread has ended: nothing kicks any more. */
  g_source_destroy (self->kick);
  g_clear_pointer (&self->kick, g_source_unref);
  if (self->dispatch)
    {
      g_source_destroy (self->dispatch);
      g_clear_pointer (&self->dispatch, g_source_unref);
    }
  while ((q = g_queue_pop_head (&self->events)))
    {
      g_clear_error (&q->error);
      g_free (q);
    }
  if (self->func_destroy)
    self->func_destroy (self->func_data);
  hark_output_free (self->output);
  hark_ring_free (self->ring);
  hark_ring_free (self->marks);
  hark_clock_free (self->clock);
  g_array_unref (self->pending_skips);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_main_context_unref (self->context);
  g_free (self);
}

void
hark_player_set_event_func (HarkPlayer *self, HarkPlayerEventFunc func, gpointer user_data,
                            GDestroyNotify destroy)
{
  if (self->func_destroy)
    self->func_destroy (self->func_data);
  self->func = func;
  self->func_data = user_data;
  self->func_destroy = destroy;
}

gboolean
hark_player_open (HarkPlayer *self, const char *path, GError **error)
{
  HarkDecoder *decoder;

  g_return_val_if_fail (path != NULL, FALSE);

  decoder = hark_decoder_open (path, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, error);
  if (decoder == NULL)
    return FALSE;
  hark_player_open_decoder (self, decoder, path);
  return TRUE;
}

void
hark_player_open_decoder (HarkPlayer *self, HarkDecoder *decoder, const char *path)
{
  g_return_if_fail (decoder != NULL && path != NULL);

  hark_player_close (self);

  hark_decoder_set_speed (decoder, self->speed);
  if (self->speed != 1.0)
    hark_decoder_seek (decoder, 0, NULL);
  self->decoder = decoder;
  self->path = g_strdup (path);
  self->duration = hark_decoder_get_duration (decoder);
  self->serial = 0;
  self->seek_position = 0;
  self->last_position = 0;
  self->seek_announce = FALSE;
  self->quit = FALSE;

  /* Both threads are stopped here, so the shared state can be reset without care. */
  hark_ring_reset (self->ring);
  hark_ring_reset (self->marks);
  hark_clock_reset (self->clock);
  self->have_current = FALSE;
  self->holding = FALSE;
  self->clock_needs_mark = FALSE;
  self->dev_frames = 0;
  atomic_store (&self->wanted_serial, 0);
  atomic_store (&self->handed_serial, 0);
  atomic_store (&self->handed_any, FALSE);
  atomic_store (&self->end_serial, 0);
  atomic_store (&self->decoded_end_serial, 0);
  atomic_store (&self->paused, TRUE);
  atomic_store (&self->first_audible_us, 0);

  self->thread = g_thread_new ("hark-decoder", decode_thread, self);
  /* Playing usually follows: let the device get ready meanwhile. */
  hark_output_prepare (self->output);
  set_state (self, HARK_PLAYER_STATE_PAUSED);
}

void
hark_player_close (HarkPlayer *self)
{
  if (self->decoder == NULL)
    return;
  stop_output (self, FALSE);
  g_mutex_lock (&self->lock);
  self->quit = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  /* The decoder thread may be waiting for bytes still being downloaded. */
  hark_decoder_interrupt (self->decoder);
  g_thread_join (self->thread);
  self->thread = NULL;

  g_clear_pointer (&self->decoder, hark_decoder_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->new_ranges, g_array_unref);
  g_clear_error (&self->decode_error);
  g_array_set_size (self->pending_skips, 0);
  self->seek_requested = FALSE;
  self->speed_changed = FALSE;
  self->duration = 0;
  set_state (self, HARK_PLAYER_STATE_EMPTY);
}

gboolean
hark_player_play (HarkPlayer *self, GError **error)
{
  double position;

  if (self->decoder == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("Nothing to play: no episode is open."));
      return FALSE;
    }
  if (self->state == HARK_PLAYER_STATE_PLAYING)
    return TRUE;
  if (self->state == HARK_PLAYER_STATE_ENDED)
    hark_player_seek (self, 0);

  /* Where playing starts, for the state event: once unpaused, the device may take audio
   * before the event is queued. */
  position = hark_player_get_position (self);
  /* Unpaused before the device starts: its first calls ask for the whole buffer at once, and
   * silence handed then would be heard before the audio, a period later. */
  atomic_store (&self->paused, FALSE);
  if (!self->output_started)
    {
      if (!hark_output_start (self->output, error))
        {
          atomic_store (&self->paused, TRUE);
          return FALSE;
        }
      self->output_started = TRUE;
    }
  /* Whatever was queued while paused falls due from now on. */
  watch_pace (self, WATCH_INTERVAL_MS);
  set_state_at (self, HARK_PLAYER_STATE_PLAYING, position);
  return TRUE;
}

void
hark_player_pause (HarkPlayer *self)
{
  if (self->state != HARK_PLAYER_STATE_PLAYING)
    return;
  self->last_position = hark_player_get_position (self);
  atomic_store (&self->paused, TRUE);
  set_state (self, HARK_PLAYER_STATE_PAUSED);
}

void
hark_player_seek (HarkPlayer *self, double seconds)
{
  if (self->decoder == NULL || !isfinite (seconds))
    return;
  seconds = CLAMP (seconds, 0.0, self->duration);
  self->serial++;
  self->seek_position = seconds;
  self->last_position = seconds;
  self->seek_announce = TRUE;
  atomic_store_explicit (&self->wanted_serial, self->serial, memory_order_release);

  g_mutex_lock (&self->lock);
  self->seek_requested = TRUE;
  self->seek_target = seconds;
  self->seek_serial = self->serial;
  g_array_set_size (self->pending_skips, 0);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  /* The seek lands within a few tens of milliseconds: watch for it closely. */
  if (self->watch != NULL)
    watch_pace (self, WATCH_INTERVAL_MS);
  if (self->state == HARK_PLAYER_STATE_ENDED)
    set_state (self, HARK_PLAYER_STATE_PAUSED);
  /* Not playing: nothing will be handed to the device, so the seek is done as far as anyone
   * can tell. */
  if (self->state != HARK_PLAYER_STATE_PLAYING)
    {
      self->seek_announce = FALSE;
      queue_event (self, HARK_PLAYER_EVENT_SEEKED, seconds, NULL, NULL);
    }
}

void
hark_player_set_speed (HarkPlayer *self, double speed)
{
  if (!isfinite (speed))
    return;
  speed = CLAMP (speed, HARK_SPEED_MIN, HARK_SPEED_MAX);
  if (speed == self->speed)
    return;
  self->speed = speed;
  if (self->decoder == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->speed_changed = TRUE;
  self->new_speed = speed;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
hark_player_set_volume (HarkPlayer *self, double volume)
{
  float v;
  guint bits;

  if (!isfinite (volume))
    return;
  self->volume = CLAMP (volume, HARK_VOLUME_MIN, HARK_VOLUME_MAX);
  v = self->volume;
  memcpy (&bits, &v, sizeof bits);
  atomic_store_explicit (&self->volume_bits, bits, memory_order_relaxed);
}

void
hark_player_set_skip_ranges (HarkPlayer *self, const HarkSkipRange *ranges, guint n_ranges)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (HarkSkipRange), n_ranges);

  g_array_append_vals (copy, ranges, n_ranges);
  if (self->decoder == NULL)
    {
      g_array_unref (copy);
      return;
    }
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->new_ranges, g_array_unref);
  self->new_ranges = copy;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

HarkPlayerState
hark_player_get_state (HarkPlayer *self)
{
  return self->state;
}

double
hark_player_get_position (HarkPlayer *self)
{
  double media;
  guint serial;

  switch (self->state)
    {
    case HARK_PLAYER_STATE_EMPTY:
      return 0;
    case HARK_PLAYER_STATE_ENDED:
      return self->duration;
    case HARK_PLAYER_STATE_PAUSED:
    case HARK_PLAYER_STATE_PLAYING:
    case HARK_PLAYER_STATE_ERROR:
    default:
      break;
    }
  /* Until audio of the latest seek is heard, the answer is where the seek went. */
  if (self->output_started
      && hark_clock_get_position (self->clock, hark_output_get_time (self->output), &media,
                                  &serial)
      && serial == self->serial)
    self->last_position = CLAMP (media, 0.0, self->duration);
  return self->last_position;
}

double
hark_player_get_duration (HarkPlayer *self)
{
  return self->duration;
}

double
hark_player_get_speed (HarkPlayer *self)
{
  return self->speed;
}

double
hark_player_get_volume (HarkPlayer *self)
{
  return self->volume;
}

const char *
hark_player_get_path (HarkPlayer *self)
{
  return self->path;
}

gint64
hark_player_get_first_audible_time (HarkPlayer *self)
{
  return atomic_load (&self->first_audible_us);
}

gint64
hark_player_get_seek_handed_time (HarkPlayer *self, guint *serial)
{
  if (serial)
    *serial = atomic_load (&self->handed_serial);
  return atomic_load (&self->serial_handed_us);
}
