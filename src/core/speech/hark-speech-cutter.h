/* hark-speech-cutter.h — cutting a stream of audio into utterances at pauses
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recognition runs on utterances: stretches of sound between pauses, each decoded on its own so
 * that both cores can work on different ones and the result does not depend on which core took
 * which. The cutter looks at 10 ms frames: a frame is quiet when its energy is near the noise
 * floor it tracks (or below an absolute floor). A run of quiet frames ends an utterance and is
 * reported as a pause; long quiet stretches are never sent to the recognizer at all; sound
 * without any pause (music) is cut at its quietest frame so no utterance grows without bound.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HARK_SPEECH_RATE 16000
#define HARK_SPEECH_FRAME 160 /* samples in 10 ms */

typedef struct
{
  double start;     /* seconds of the first sample */
  gint16 *samples;  /* 16 kHz mono */
  gsize n_samples;
} HarkUtterance;

void hark_utterance_free (HarkUtterance *utterance);

typedef struct _HarkSpeechCutter HarkSpeechCutter;

/* @func is called for every finished utterance (it takes ownership) and @pause_func for every
 * pause of at least 0.2 s. */
typedef void (*HarkUtteranceFunc) (HarkUtterance *utterance, gpointer user_data);
typedef void (*HarkPauseFunc) (double start, double end, gpointer user_data);

HarkSpeechCutter *hark_speech_cutter_new (HarkUtteranceFunc func, HarkPauseFunc pause_func,
                                          gpointer user_data);
void hark_speech_cutter_free (HarkSpeechCutter *self);
/* Samples at HARK_SPEECH_RATE, mono, -1..1 (NaN and out-of-range values are clamped). */
void hark_speech_cutter_push (HarkSpeechCutter *self, const float *samples, gsize n_samples);
/* Ends the last utterance. */
void hark_speech_cutter_finish (HarkSpeechCutter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkSpeechCutter, hark_speech_cutter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkUtterance, hark_utterance_free)

G_END_DECLS
