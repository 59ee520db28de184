/* hark-output-portaudio.c — the default PortAudio device
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stream callback only calls the pull function (lock-free) and stores two atomics; it
 * never blocks, locks, allocates or logs. A device that dies shows up as the stream finishing
 * on its own, or as the callback no longer being called; the main thread notices it through
 * check_failed().
 */
#include "output/hark-output.h"
#include "util/hark-i18n.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <portaudio.h>
#include <stdatomic.h>
#include <unistd.h>

#ifdef HARK_HAVE_ALSA
#include <alsa/asoundlib.h>
#endif

#include "output/hark-stderr-filter.h"
#include "util/hark-error.h"

/* Longer buffers survive a busy machine without underruns; the clock compensates for the
 * latency exactly, and seeks and pauses act on the ring, not on what the device has queued. */
#define MIN_LATENCY 0.05
#define MAX_LATENCY 0.2
/* Frames the callback fills at a time. Left to PortAudio, ALSA's PulseAudio plugin asks for a
 * few milliseconds each, and the callback thread and the plugin's own thread wake 400 times a
 * second between them: as much CPU as decoding. Longer periods wake them less, but a seek is
 * handed at the device's next call, on average half a period after it, and the stream is never
 * stopped and restarted to hurry that (a restart on another thread than the stream's owner can
 * fail or stall under load). 1024 frames (21 ms) keep a seek's median near 11 ms. */
#define PERIOD_FRAMES 1024
/* A running stream whose callback has not come for this long has a dead device. */
#define STALL_SECONDS 2.0

typedef struct
{
  HarkOutput parent;
  PaStream *stream;
  gboolean initialized;
  GThread *init_thread; /* Pa_Initialize() running in the background */
  PaError init_error;
  double latency; /* what the stream reported, for hosts that give no DAC time */
  atomic_bool stopping;
  atomic_bool finished_early;
  _Atomic gint64 last_callback; /* monotonic µs */
} HarkOutputPortAudio;

static int
stream_callback (const void *input, void *output, unsigned long frames,
                 const PaStreamCallbackTimeInfo *time_info, PaStreamCallbackFlags flags,
                 void *data)
{
  HarkOutputPortAudio *self = data;
  double delay = time_info->outputBufferDacTime - time_info->currentTime;

  /* Some host APIs leave the times at 0: fall back to the latency the stream announced. */
  if (!(delay > 0 && delay < 2.0))
    delay = self->latency;
  self->parent.pull (output, frames, delay, time_info->currentTime, self->parent.pull_data);
  atomic_store_explicit (&self->last_callback, g_get_monotonic_time (), memory_order_relaxed);
  return paContinue;
}

static void
stream_finished (void *data)
{
  HarkOutputPortAudio *self = data;

  if (!atomic_load (&self->stopping))
    atomic_store (&self->finished_early, TRUE);
}

static void
set_pa_error (GError **error, const char *what, PaError err)
{
  g_set_error (error, HARK_ERROR, HARK_ERROR_DEVICE, "%s: %s.", what, Pa_GetErrorText (err));
}

/* ALSA and JACK print pages of probing noise on stderr while PortAudio scans devices (every
 * card that is not there, every server that is not running). It says nothing a listener can
 * act on, so it goes to /dev/null, unless HARK_PORTAUDIO_LOG is set. */
static int
quiet_stderr_begin (void)
{
  int saved, devnull;

  if (g_getenv ("HARK_PORTAUDIO_LOG"))
    return -1;
  fflush (stderr);
  saved = dup (STDERR_FILENO);
  devnull = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved < 0 || devnull < 0)
    {
      if (saved >= 0)
        close (saved);
      if (devnull >= 0)
        close (devnull);
      return -1;
    }
  dup2 (devnull, STDERR_FILENO);
  close (devnull);
  return saved;
}

static void
quiet_stderr_end (int saved)
{
  if (saved < 0)
    return;
  dup2 (saved, STDERR_FILENO);
  close (saved);
}

#ifdef HARK_HAVE_ALSA
/* ALSA prints its errors itself, from any thread and at any time: after the sound server dies,
 * every retry adds "ALSA lib pcm.c:…" lines to the terminal. Hark reports device failures
 * through its own errors, so ALSA's go nowhere unless HARK_PORTAUDIO_LOG is set. */
static void
alsa_error_handler (const char *file, int line, const char *function, int err, const char *fmt,
                    ...)
{
  if (g_getenv ("HARK_PORTAUDIO_LOG"))
    {
      va_list args;

      va_start (args, fmt);
      fprintf (stderr, "ALSA lib %s:%d:(%s) ", file, line, function);
      vfprintf (stderr, fmt, args);
      fputc ('\n', stderr);
      va_end (args);
    }
}
#endif

static gpointer
init_thread (gpointer data)
{
  HarkOutputPortAudio *self = data;
  int saved = quiet_stderr_begin ();

#ifdef HARK_HAVE_ALSA
  snd_lib_error_set_handler (alsa_error_handler);
#endif
  hark_stderr_filter_install ();
  self->init_error = Pa_Initialize ();
  quiet_stderr_end (saved);
  return NULL;
}

static void
pa_prepare (HarkOutput *output)
{
  HarkOutputPortAudio *self = (HarkOutputPortAudio *) output;

  if (self->initialized || self->init_thread)
    return;
  self->init_thread = g_thread_new ("hark-portaudio-init", init_thread, self);
}

/* Waits for the background Pa_Initialize(), or runs it now. */
static PaError
finish_init (HarkOutputPortAudio *self)
{
  if (self->initialized)
    return paNoError;
  if (self->init_thread == NULL)
    init_thread (self);
  else
    g_clear_pointer (&self->init_thread, g_thread_join);
  self->initialized = self->init_error == paNoError;
  return self->init_error;
}

static void
pa_stop (HarkOutput *output, gboolean drain)
{
  HarkOutputPortAudio *self = (HarkOutputPortAudio *) output;

  if (self->stream)
    {
      atomic_store (&self->stopping, TRUE);
      if (drain)
        Pa_StopStream (self->stream);
      else
        Pa_AbortStream (self->stream);
      Pa_CloseStream (self->stream);
      self->stream = NULL;
    }
  if (self->init_thread)
    finish_init (self);
  if (self->initialized)
    {
      Pa_Terminate ();
      self->initialized = FALSE;
    }
}

static gboolean
pa_start (HarkOutput *output, GError **error)
{
  HarkOutputPortAudio *self = (HarkOutputPortAudio *) output;
  PaStreamParameters params = { 0 };
  const PaDeviceInfo *info;
  const PaStreamInfo *stream_info;
  PaError err;
  int quiet;

  if (self->stream && !atomic_load (&self->finished_early))
    return TRUE;
  /* A stream that died: start over from a fresh scan, the device may be another one now. */
  if (self->stream)
    pa_stop (output, FALSE);

  err = finish_init (self);
  if (err != paNoError)
    {
      set_pa_error (error, _("The audio system could not start"), err);
      return FALSE;
    }

  params.device = Pa_GetDefaultOutputDevice ();
  if (params.device == paNoDevice || Pa_GetDeviceCount () <= 0)
    {
      pa_stop (output, FALSE);
      g_set_error (error, HARK_ERROR, HARK_ERROR_DEVICE,
                   _("No audio output device was found: PortAudio sees %d devices. Check that "
                     "a sound card or a sound server (PulseAudio, PipeWire) is available."),
                   MAX (Pa_GetDeviceCount (), 0));
      return FALSE;
    }
  info = Pa_GetDeviceInfo (params.device);
  params.channelCount = HARK_OUTPUT_CHANNELS;
  params.sampleFormat = paFloat32;
  params.suggestedLatency = CLAMP (info ? info->defaultHighOutputLatency : 0.1, MIN_LATENCY,
                                   MAX_LATENCY);

  atomic_store (&self->stopping, FALSE);
  atomic_store (&self->finished_early, FALSE);
  quiet = quiet_stderr_begin ();
  err = Pa_OpenStream (&self->stream, NULL, &params, HARK_OUTPUT_RATE,
                       PERIOD_FRAMES, paNoFlag, stream_callback, self);
  quiet_stderr_end (quiet);
  if (err != paNoError)
    {
      self->stream = NULL;
      pa_stop (output, FALSE);
      set_pa_error (error, _("The audio device could not be opened"), err);
      return FALSE;
    }
  stream_info = Pa_GetStreamInfo (self->stream);
  self->latency = stream_info ? stream_info->outputLatency : params.suggestedLatency;
  Pa_SetStreamFinishedCallback (self->stream, stream_finished);
  atomic_store (&self->last_callback, g_get_monotonic_time ());
  err = Pa_StartStream (self->stream);
  if (err != paNoError)
    {
      pa_stop (output, FALSE);
      set_pa_error (error, _("The audio device could not be started"), err);
      return FALSE;
    }
  return TRUE;
}

static double
pa_get_time (HarkOutput *output)
{
  HarkOutputPortAudio *self = (HarkOutputPortAudio *) output;

  return self->stream ? Pa_GetStreamTime (self->stream) : 0;
}

static gboolean
pa_check_failed (HarkOutput *output, GError **error)
{
  HarkOutputPortAudio *self = (HarkOutputPortAudio *) output;
  gint64 silent_for;

  if (self->stream == NULL)
    return FALSE;
  if (atomic_load (&self->finished_early) || Pa_IsStreamActive (self->stream) != 1)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_DEVICE,
                   _("The audio device stopped working while playing."));
      return TRUE;
    }
  silent_for = g_get_monotonic_time () - atomic_load (&self->last_callback);
  if (silent_for > STALL_SECONDS * G_USEC_PER_SEC)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_DEVICE,
                   _("The audio device stopped taking audio (nothing for %.1f seconds)."),
                   silent_for / (double) G_USEC_PER_SEC);
      return TRUE;
    }
  return FALSE;
}

static void
pa_free (HarkOutput *output)
{
  g_free (output);
}

static const HarkOutputClass portaudio_class = {
  .name = "portaudio",
  .prepare = pa_prepare,
  .start = pa_start,
  .stop = pa_stop,
  .get_time = pa_get_time,
  .check_failed = pa_check_failed,
  .free = pa_free,
};

HarkOutput *
hark_output_portaudio_new (void)
{
  HarkOutputPortAudio *self = g_new0 (HarkOutputPortAudio, 1);

  self->parent.klass = &portaudio_class;
  return &self->parent;
}
