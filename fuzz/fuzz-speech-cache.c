/* fuzz-speech-cache.c — libFuzzer target: the per-episode cache of recognized words
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdint.h>

#include "speech/hark-speech.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkSpeech) speech =
      hark_speech_parse ((const char *) data, size, "fuzz", "s", &error);
  const HarkSpeechWord *words;
  const HarkSpeechPause *pauses;
  guint n;

  if (speech == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  words = hark_speech_get_words (speech, &n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (isfinite (words[i].start) && words[i].end >= words[i].start);
      g_assert_true (words[i].confidence >= 0 && words[i].confidence <= 1);
      g_assert_true (g_utf8_validate (words[i].text, -1, NULL));
      g_assert_true (i == 0 || words[i].start >= words[i - 1].start);
    }
  pauses = hark_speech_get_pauses (speech, &n);
  for (guint i = 0; i < n; i++)
    g_assert_true (isfinite (pauses[i].start) && pauses[i].end >= pauses[i].start);
  return 0;
}
