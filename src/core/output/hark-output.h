/* hark-output.h — where the player's samples go: an interface with a PortAudio and a null driver
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An output pulls audio: it calls its HarkOutputPullFunc from its own real-time thread (the
 * PortAudio callback, or the null driver's pacing thread). That function must never block, lock,
 * allocate or log; the player's one only reads the lock-free ring.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every output plays 32-bit float, interleaved, in this format. Decoders resample to it, so the
 * device is opened once per output and never reconfigured between episodes. */
#define HARK_OUTPUT_RATE 48000
#define HARK_OUTPUT_CHANNELS 2

/* Fills @frames frames of @buffer. @delay is the time in seconds until the first of them is
 * heard (the device's output latency as PortAudio reports it); @now is the output's clock
 * (hark_output_get_time()) when the call was made. Returns how many of the frames were audio
 * rather than silence (paused, or the decoder fell behind). */
typedef gsize (*HarkOutputPullFunc) (float *buffer, gsize frames, double delay, double now,
                                     gpointer user_data);

typedef struct _HarkOutput HarkOutput;

typedef struct
{
  const char *name;
  /* Optional: get ready to start soon (PortAudio's slow device scan runs in the background). */
  void (*prepare) (HarkOutput *self);
  /* Opens the device and starts pulling. FALSE with a HARK_ERROR_DEVICE error. */
  gboolean (*start) (HarkOutput *self, GError **error);
  /* Stops pulling; when @drain, what the device has queued is played first. Idempotent. */
  void (*stop) (HarkOutput *self, gboolean drain);
  /* The output's clock in seconds, the same one @now is measured on. Any thread. */
  double (*get_time) (HarkOutput *self);
  /* TRUE once the device failed while running; @error then says why (main thread). */
  gboolean (*check_failed) (HarkOutput *self, GError **error);
  void (*free) (HarkOutput *self);
} HarkOutputClass;

struct _HarkOutput
{
  const HarkOutputClass *klass;
  HarkOutputPullFunc pull;
  gpointer pull_data;
};

/* Set once, before the first start. */
void hark_output_set_pull_func (HarkOutput *self, HarkOutputPullFunc func, gpointer user_data);
void hark_output_prepare (HarkOutput *self);
gboolean hark_output_start (HarkOutput *self, GError **error);
void hark_output_stop (HarkOutput *self, gboolean drain);
double hark_output_get_time (HarkOutput *self);
gboolean hark_output_check_failed (HarkOutput *self, GError **error);
const char *hark_output_get_name (HarkOutput *self);
void hark_output_free (HarkOutput *self);

/* The default PortAudio device. Nothing is opened until hark_output_start(). */
HarkOutput *hark_output_portaudio_new (void);

/* The null output's period, which is also the latency it reports. */
#define HARK_OUTPUT_NULL_PERIOD 0.010

typedef enum
{
  HARK_OUTPUT_NULL_REAL_TIME, /* pulls a period at a time on the wall clock, like a device */
  HARK_OUTPUT_NULL_FAST,      /* pulls as fast as the player produces */
} HarkOutputNullPace;

/* Discards what it pulls (or keeps it, see hark_output_null_take_captured()); for tests and
 * for machines with no device. */
HarkOutput *hark_output_null_new (HarkOutputNullPace pace);
/* Keep every pulled frame, to compare with a render. */
void hark_output_null_set_capture (HarkOutput *self, gboolean capture);
/* The audio frames pulled since capture was switched on (interleaved, HARK_OUTPUT_CHANNELS),
 * without the silence played while paused or starved. */
float *hark_output_null_take_captured (HarkOutput *self, gsize *n_frames);
/* Simulates a device that dies: the output fails after @frames more frames (0: never). */
void hark_output_null_fail_after (HarkOutput *self, guint64 frames);
/* Frames pulled so far (any thread). */
guint64 hark_output_null_get_frames_pulled (HarkOutput *self);
/* Of those, the frames that were audio rather than silence. */
guint64 hark_output_null_get_audio_frames_pulled (HarkOutput *self);
/* Frames "heard" by now: a period plays one period after it was pulled, in real time. The
 * null device's own account, for checking the player's clock against. */
double hark_output_null_get_frames_heard (HarkOutput *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkOutput, hark_output_free)

G_END_DECLS
