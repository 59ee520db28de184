/* hark-speech.h — what was said in an audio file, and when
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The result of speech recognition: words with times and confidence, plus the pauses the audio
 * itself shows (stretches quiet enough to separate utterances). Both are what the transcript
 * aligners need: words are anchors, pauses are where turns and cues can begin. The result is
 * cached per episode, keyed by the library's content key, so a second run costs nothing.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  double start;
  double end;
  float confidence; /* 0..1: the recognizer's posterior for the word */
  const char *text; /* lower case, as the recognizer's dictionary spells it */
} HarkSpeechWord;

typedef struct
{
  double start;
  double end;
} HarkSpeechPause;

typedef struct _HarkSpeech HarkSpeech;

HarkSpeech *hark_speech_new (double duration);
HarkSpeech *hark_speech_ref (HarkSpeech *self);
void hark_speech_unref (HarkSpeech *self);

/* Words and pauses are kept in time order whatever order they were added in (recognition runs
 * in parallel); the getters sort on first use after an addition. */
void hark_speech_add_word (HarkSpeech *self, double start, double end, float confidence,
                           const char *text);
void hark_speech_add_pause (HarkSpeech *self, double start, double end);

const HarkSpeechWord *hark_speech_get_words (HarkSpeech *self, guint *n_words);
const HarkSpeechPause *hark_speech_get_pauses (HarkSpeech *self, guint *n_pauses);
double hark_speech_get_duration (const HarkSpeech *self);

/* The cache file: a small text format ("hark-speech 1", the settings it was made with, then one
 * word or pause per line). Loading treats the file as untrusted: a damaged file, other settings
 * or numbers out of range fail with HARK_ERROR_CORRUPT and the caller recognizes again. */
gboolean hark_speech_save (HarkSpeech *self, const char *path, const char *settings,
                           GError **error);
HarkSpeech *hark_speech_load (const char *path, const char *settings, GError **error);
/* The same from memory; @name is used in messages. */
HarkSpeech *hark_speech_parse (const char *data, gsize length, const char *name,
                               const char *settings, GError **error);

/* $XDG_CACHE_HOME/hark/speech/<hash of @content_key>.txt */
char *hark_speech_get_cache_path (const char *content_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkSpeech, hark_speech_unref)

G_END_DECLS
