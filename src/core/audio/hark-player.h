/* hark-player.h — plays one episode: decoder thread → ring buffer → audio output
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function here is called from the thread that owns the GMainContext given to
 * hark_player_new() (the "main thread"). Events are delivered on that context, never from the
 * decoder or audio threads. hark_player_get_position() only reads atomics: the window calls it
 * on every frame.
 */
#pragma once

#include <glib.h>

#include "output/hark-output.h"

G_BEGIN_DECLS

typedef enum
{
  HARK_PLAYER_STATE_EMPTY,   /* nothing open */
  HARK_PLAYER_STATE_PAUSED,
  HARK_PLAYER_STATE_PLAYING,
  HARK_PLAYER_STATE_ENDED,   /* played to the end; play() starts over */
  HARK_PLAYER_STATE_ERROR,   /* the output failed; position kept, play() tries again */
} HarkPlayerState;

const char *hark_player_state_to_string (HarkPlayerState state);

/* A range of media time the decoder jumps over, sample-accurately with a short fade.
 * Each range is skipped at most once per pass; a seek that lands inside a range plays it. */
typedef struct
{
  double start;
  double end;
  guint id; /* the caller's, returned in skip events */
} HarkSkipRange;

typedef enum
{
  HARK_PLAYER_EVENT_STATE,   /* state changed */
  HARK_PLAYER_EVENT_SEEKED,  /* a seek completed; position is the new one */
  HARK_PLAYER_EVENT_SKIP,    /* a skip range was jumped over */
  HARK_PLAYER_EVENT_END,     /* the last sample has been played */
  HARK_PLAYER_EVENT_ERROR,   /* error holds what went wrong */
} HarkPlayerEventType;

typedef struct
{
  HarkPlayerEventType type;
  HarkPlayerState state;
  double position;          /* media seconds when the event happened */
  const GError *error;      /* for ERROR */
  HarkSkipRange range;      /* for SKIP */
} HarkPlayerEvent;

typedef struct _HarkPlayer HarkPlayer;
typedef struct _HarkDecoder HarkDecoder;

typedef void (*HarkPlayerEventFunc) (HarkPlayer *player, const HarkPlayerEvent *event,
                                     gpointer user_data);

/* @output: where samples go (NULL: the default PortAudio device). The player takes it.
 * @context: where events are delivered (NULL: the thread-default context). */
HarkPlayer *hark_player_new (HarkOutput *output, GMainContext *context);
void hark_player_free (HarkPlayer *self);

void hark_player_set_event_func (HarkPlayer *self, HarkPlayerEventFunc func, gpointer user_data,
                                 GDestroyNotify destroy);

/* Opens @path paused at 0. Probing happens here, so errors on bad files come back at once. */
gboolean hark_player_open (HarkPlayer *self, const char *path, GError **error);
/* The same with a decoder opened elsewhere (probing is slow: a worker thread may do it, see
 * HarkSession). The player takes @decoder; @path is what hark_player_get_path() returns. */
void hark_player_open_decoder (HarkPlayer *self, HarkDecoder *decoder, const char *path);
void hark_player_close (HarkPlayer *self);

/* Starts the output if needed; FALSE with @error when no device can be opened. */
gboolean hark_player_play (HarkPlayer *self, GError **error);
void hark_player_pause (HarkPlayer *self);
/* Exact: plays the same samples a decode from the start would play at @seconds. */
void hark_player_seek (HarkPlayer *self, double seconds);
/* HARK_SPEED_MIN – HARK_SPEED_MAX (util/hark-limits.h), pitch kept; NaN is ignored. */
void hark_player_set_speed (HarkPlayer *self, double speed);
/* HARK_VOLUME_MIN – HARK_VOLUME_MAX: linear gain applied before the output; NaN is ignored. */
void hark_player_set_volume (HarkPlayer *self, double volume);
void hark_player_set_skip_ranges (HarkPlayer *self, const HarkSkipRange *ranges, guint n_ranges);

HarkPlayerState hark_player_get_state (HarkPlayer *self);
/* Media seconds being heard now (docs/architecture.md, the clock formula). Lock-free. */
double hark_player_get_position (HarkPlayer *self);
double hark_player_get_duration (HarkPlayer *self);
double hark_player_get_speed (HarkPlayer *self);
double hark_player_get_volume (HarkPlayer *self);
const char *hark_player_get_path (HarkPlayer *self);

/* For benchmarks: g_get_monotonic_time() when the first non-silent frame since open() was
 * handed to the output (0: not yet), and when the first frame of the latest seek was handed
 * (with that seek's serial: it counts the seeks since open()). */
gint64 hark_player_get_first_audible_time (HarkPlayer *self);
gint64 hark_player_get_seek_handed_time (HarkPlayer *self, guint *serial);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkPlayer, hark_player_free)

G_END_DECLS
