/* fuzz-sidecar.h — the body every sidecar fuzz target shares
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input as one format, then walks what came out (lookups, every string), so a
 * reader that builds a broken model fails here and not in the window.
 */
#pragma once

#include <stdint.h>
#include <string.h>

#include "formats/hark-sidecar.h"

static inline void
fuzz_walk_transcript (const HarkTranscript *t)
{
  guint n_cues, n_turns, n_words, n_chapters, n_segments;
  const HarkCue *cues = hark_transcript_get_cues (t, &n_cues);
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);
  const HarkWord *words = hark_transcript_get_words (t, &n_words);
  const HarkChapter *chapters = hark_transcript_get_chapters (t, &n_chapters);
  const HarkSegment *segments = hark_transcript_get_segments (t, &n_segments);
  gsize total = 0;

  for (guint i = 0; i < n_cues; i++)
    {
      g_assert_true (cues[i].end >= cues[i].start);
      g_assert_true (cues[i].speaker < (int) hark_transcript_get_n_speakers (t));
      g_assert_true (cues[i].first_word + cues[i].n_words <= n_words);
      g_assert_true (g_utf8_validate (cues[i].text, -1, NULL));
      total += strlen (cues[i].text);
      g_assert_cmpint (hark_transcript_cue_at (t, cues[i].start), >=, -1);
    }
  for (guint i = 0; i < n_turns; i++)
    {
      g_assert_true (g_utf8_validate (turns[i].text, -1, NULL));
      g_assert_true (turns[i].first_cue + turns[i].n_cues <= n_cues);
      hark_transcript_next_turn (t, turns[i].start);
      hark_transcript_previous_turn_of_speaker (t, turns[i].end, turns[i].speaker);
    }
  for (guint i = 0; i < n_words; i++)
    total += strlen (words[i].text);
  for (guint i = 0; i < n_chapters; i++)
    {
      g_assert_true (chapters[i].end >= chapters[i].start);
      total += strlen (chapters[i].title);
    }
  for (guint i = 0; i < n_segments; i++)
    g_assert_true (segments[i].category < HARK_N_CATEGORIES);
  for (guint i = 0; i < hark_transcript_get_n_speakers (t); i++)
    g_assert_true (g_utf8_validate (hark_transcript_get_speaker (t, i)->name, -1, NULL));
  (void) total;
}

static inline int
fuzz_sidecar (const uint8_t *data, size_t size, HarkSidecarFormat format)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  HarkSidecarInfo info;

  t = hark_sidecar_read_data ((const char *) data, size, "fuzz", format, &info, warnings, &error);
  if (t == NULL)
    {
      /* Failing is fine; failing without saying why is not. */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_null (error);
  g_assert_true (info.format != HARK_SIDECAR_FORMAT_AUTO);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, i), "fuzz:"));
  fuzz_walk_transcript (t);
  return 0;
}

/* Defines the libFuzzer entry point for one format. */
#define FUZZ_SIDECAR_TARGET(format)                                                                \
  int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);                                   \
  int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)                                    \
  {                                                                                                \
    return fuzz_sidecar (data, size, format);                                                      \
  }
