/* hark-speech-cutter.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "speech/hark-speech-cutter.h"

#include <math.h>
#include <string.h>

/* All in 10 ms frames. */
#define PAUSE_FRAMES 20        /* a quiet run this long is reported as a pause */
#define CUT_FRAMES 30          /* ... and this long ends an utterance */
#define EDGE_FRAMES 15         /* quiet kept before and after an utterance, as recognizers expect */
#define MIN_UTTERANCE 100      /* shorter utterances wait for a longer pause before ending */
#define LONG_PAUSE_FRAMES 60   /* ... which ends even a short one */
#define MAX_UTTERANCE 2000     /* sound without a pause is cut after 20 s ... */
#define CUT_SEARCH 500         /* ... at the quietest frame of the last 5 s */
/* A frame is quiet when it is within this of the noise floor, or below the absolute floor. */
#define QUIET_ABOVE_FLOOR_DB 12.0
#define ABSOLUTE_QUIET_DB -55.0
/* The floor follows quieter frames at once and louder ones slowly (dB per frame), so speech
 * never becomes the floor but a change of room tone does after a while. */
#define FLOOR_RISE_DB 0.005
#define MAX_FLOOR_DB -35.0

struct _HarkSpeechCutter
{
  HarkUtteranceFunc func;
  HarkPauseFunc pause_func;
  gpointer user_data;

  float partial[HARK_SPEECH_FRAME]; /* samples of a frame not yet complete */
  guint n_partial;
  guint64 frame;                    /* index of the next complete frame */

  double floor_db;
  gboolean have_floor;

  /* The current utterance, frame by frame (or the quiet lead-in while outside one). */
  GArray *samples; /* gint16 */
  GArray *energy;  /* double dB per frame of samples */
  guint64 first_frame;
  gboolean in_utterance;
  guint quiet_run;    /* quiet frames at the end of samples */
  guint64 quiet_from; /* frame where the current quiet run started */
};

void
hark_utterance_free (HarkUtterance *utterance)
{
  if (utterance == NULL)
    return;
  g_free (utterance->samples);
  g_free (utterance);
}

HarkSpeechCutter *
hark_speech_cutter_new (HarkUtteranceFunc func, HarkPauseFunc pause_func, gpointer user_data)
{
  HarkSpeechCutter *self = g_new0 (HarkSpeechCutter, 1);

  self->func = func;
  self->pause_func = pause_func;
  self->user_data = user_data;
  self->samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  self->energy = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

void
hark_speech_cutter_free (HarkSpeechCutter *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->samples);
  g_array_unref (self->energy);
  g_free (self);
}

/* Hands frames [0, n_frames) of the buffer to the recognizer and keeps the rest. */
static void
emit (HarkSpeechCutter *self, guint n_frames)
{
  HarkUtterance *utterance;
  gsize n = (gsize) n_frames * HARK_SPEECH_FRAME;

  n_frames = MIN (n_frames, self->energy->len);
  n = (gsize) n_frames * HARK_SPEECH_FRAME;
  if (n_frames == 0)
    return;
  utterance = g_new0 (HarkUtterance, 1);
  utterance->start = (double) self->first_frame * HARK_SPEECH_FRAME / HARK_SPEECH_RATE;
  utterance->n_samples = n;
  utterance->samples = g_memdup2 (self->samples->data, n * sizeof (gint16));
  g_array_remove_range (self->samples, 0, (guint) n);
  g_array_remove_range (self->energy, 0, n_frames);
  self->first_frame += n_frames;
  self->func (utterance, self->user_data);
}

/* Drops frames from the front, keeping at most @keep. */
static void
drop_front (HarkSpeechCutter *self, guint keep)
{
  if (self->energy->len > keep)
    {
      guint n = self->energy->len - keep;

      g_array_remove_range (self->samples, 0, n * HARK_SPEECH_FRAME);
      g_array_remove_range (self->energy, 0, n);
      self->first_frame += n;
    }
}

static void
end_quiet_run (HarkSpeechCutter *self)
{
  if (self->quiet_run >= PAUSE_FRAMES && self->pause_func)
    self->pause_func ((double) self->quiet_from * HARK_SPEECH_FRAME / HARK_SPEECH_RATE,
                      (double) (self->quiet_from + self->quiet_run) * HARK_SPEECH_FRAME
                          / HARK_SPEECH_RATE,
                      self->user_data);
  self->quiet_run = 0;
}

static void
add_frame (HarkSpeechCutter *self, const float *x)
{
  double sum = 0, db;
  gint16 pcm[HARK_SPEECH_FRAME];
  gboolean quiet;

  for (guint i = 0; i < HARK_SPEECH_FRAME; i++)
    {
      float v = isnan (x[i]) ? 0.0f : CLAMP (x[i], -1.0f, 1.0f);

      sum += (double) v * v;
      pcm[i] = (gint16) lrintf (v * 32767.0f);
    }
  db = 10.0 * log10 (sum / HARK_SPEECH_FRAME + 1e-12);

  /* Starting at the absolute floor, audio that opens with sound never takes that sound for
   * its floor; the cap keeps a loud music bed from ever counting as quiet. */
  if (!self->have_floor)
    self->floor_db = ABSOLUTE_QUIET_DB;
  self->have_floor = TRUE;
  if (db < self->floor_db)
    self->floor_db = db;
  else
    self->floor_db = MIN (self->floor_db + FLOOR_RISE_DB, MAX_FLOOR_DB);
  quiet = db < ABSOLUTE_QUIET_DB || db < self->floor_db + QUIET_ABOVE_FLOOR_DB;

  g_array_append_vals (self->samples, pcm, HARK_SPEECH_FRAME);
  g_array_append_val (self->energy, db);

  if (quiet)
    {
      if (self->quiet_run == 0)
        self->quiet_from = self->frame;
      self->quiet_run++;
    }
  else
    end_quiet_run (self);
  self->frame++;

  if (!self->in_utterance)
    {
      if (quiet)
        drop_front (self, EDGE_FRAMES);
      else
        self->in_utterance = TRUE;
      return;
    }

  if (quiet)
    {
      guint length = self->energy->len - self->quiet_run; /* sound and quiet before this run */

      if ((self->quiet_run >= CUT_FRAMES && length >= MIN_UTTERANCE)
          || self->quiet_run >= LONG_PAUSE_FRAMES)
        {
          /* End the utterance a little into the pause; the rest is the next one's lead-in. */
          emit (self, length + EDGE_FRAMES);
          self->in_utterance = FALSE;
          drop_front (self, EDGE_FRAMES);
        }
    }
  else if (self->energy->len >= MAX_UTTERANCE)
    {
      const double *e = (const double *) (gconstpointer) self->energy->data;
      guint best = self->energy->len - 1;

      for (guint f = self->energy->len - CUT_SEARCH; f < self->energy->len; f++)
        if (e[f] < e[best])
          best = f;
      emit (self, best + 1);
    }
}

void
hark_speech_cutter_push (HarkSpeechCutter *self, const float *samples, gsize n_samples)
{
  while (n_samples > 0)
    {
      gsize take = MIN (n_samples, (gsize) (HARK_SPEECH_FRAME - self->n_partial));

      memcpy (self->partial + self->n_partial, samples, take * sizeof (float));
      self->n_partial += (guint) take;
      samples += take;
      n_samples -= take;
      if (self->n_partial == HARK_SPEECH_FRAME)
        {
          add_frame (self, self->partial);
          self->n_partial = 0;
        }
    }
}

void
hark_speech_cutter_finish (HarkSpeechCutter *self)
{
  if (self->n_partial > 0)
    {
      memset (self->partial + self->n_partial, 0,
              (HARK_SPEECH_FRAME - self->n_partial) * sizeof (float));
      add_frame (self, self->partial);
      self->n_partial = 0;
    }
  end_quiet_run (self);
  if (self->in_utterance)
    emit (self, self->energy->len);
  self->in_utterance = FALSE;
  g_array_set_size (self->samples, 0);
  g_array_set_size (self->energy, 0);
}
