/* fuzz-labelled-text.c — libFuzzer target: speaker-labelled text without times
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-sidecar.h"
#include "formats/hark-labelled-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLabelledText) labelled = NULL;
  const HarkLabelledTurn *turns;
  const char *const *speakers;
  guint n;

  labelled = hark_labelled_text_parse ((const char *) data, size, "fuzz", warnings, &error);
  if (labelled == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  turns = hark_labelled_text_get_turns (labelled, &n);
  speakers = hark_labelled_text_get_speakers (labelled);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_utf8_validate (turns[i].text, -1, NULL));
      g_assert_true (turns[i].speaker == NULL || g_strv_contains (speakers, turns[i].speaker));
    }
  /* The same input through the sidecar entry point. */
  return fuzz_sidecar (data, size, HARK_SIDECAR_FORMAT_LABELLED_TEXT);
}
