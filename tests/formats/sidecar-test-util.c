/* sidecar-test-util.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sidecar-test-util.h"

#include <string.h>

void
sidecar_read_bytes (SidecarRead *r, const char *data, gsize length, const char *name,
                    HarkSidecarFormat expected)
{
  g_autoptr (GError) error = NULL;

  r->warnings = g_ptr_array_new_with_free_func (g_free);
  r->t = hark_sidecar_read_data (data, length, name, HARK_SIDECAR_FORMAT_AUTO, &r->info,
                                 r->warnings, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < r->warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (r->warnings, i));
  g_assert_cmpstr (hark_sidecar_format_to_string (r->info.format), ==,
                   hark_sidecar_format_to_string (expected));
  r->cues = hark_transcript_get_cues (r->t, &r->n_cues);
}

void
sidecar_read (SidecarRead *r, const char *text, const char *name, HarkSidecarFormat expected)
{
  sidecar_read_bytes (r, text, strlen (text), name, expected);
}

void
sidecar_read_clear (SidecarRead *r)
{
  g_clear_pointer (&r->t, hark_transcript_unref);
  g_clear_pointer (&r->warnings, g_ptr_array_unref);
}

gboolean
sidecar_has_warning (const SidecarRead *r, const char *prefix)
{
  for (guint i = 0; i < r->warnings->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (r->warnings, i), prefix))
      return TRUE;
  return FALSE;
}

GError *
sidecar_read_error (const char *text, const char *name, HarkSidecarFormat format)
{
  GError *error = NULL;
  HarkTranscript *t
      = hark_sidecar_read_data (text, strlen (text), name, format, NULL, NULL, &error);

  g_assert_null (t);
  g_assert_nonnull (error);
  return error;
}
