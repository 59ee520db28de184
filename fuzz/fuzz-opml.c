/* fuzz-opml.c — libFuzzer target: OPML subscription lists
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses the input as OPML; what it gives must be UTF-8, each URL once, and must come back the
 * same after writing it out and parsing that again.
 */
#include <stdint.h>
#include <string.h>

#include "feeds/hark-opml.h"

static void
check_string (const char *text)
{
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) outlines = hark_opml_parse ((const char *) data, size, "fuzz.opml",
                                                    &error);
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *written = NULL;

  if (outlines == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < outlines->len; i++)
    {
      const HarkOpmlOutline *o = g_ptr_array_index (outlines, i);

      g_assert_nonnull (o->url);
      check_string (o->url);
      check_string (o->title);
      check_string (o->link);
      g_assert_false (g_hash_table_contains (seen, o->url));
      g_hash_table_add (seen, o->url);
    }
  written = hark_opml_write (outlines, "fuzz");
  again = hark_opml_parse (written, strlen (written), "written.opml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, outlines->len);
  for (guint i = 0; i < outlines->len; i++)
    {
      const HarkOpmlOutline *a = g_ptr_array_index (outlines, i);
      const HarkOpmlOutline *b = g_ptr_array_index (again, i);

      g_assert_cmpstr (a->url, ==, b->url);
    }
  return 0;
}
