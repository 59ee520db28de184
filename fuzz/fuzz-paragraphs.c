/* fuzz-paragraphs.c — libFuzzer target: paragraph breaks in any turn text
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turn text comes from sidecars, so it is untrusted: the breaks must stay inside the text, in
 * order, on character boundaries, for any valid UTF-8 and any target.
 */
#include <stdint.h>
#include <string.h>

#include "reading/hark-paragraphs.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  g_autoptr (GArray) breaks = NULL;
  gsize target, len, last = 0;

  if (size < 1)
    return 0;
  /* The first byte picks the target (0–255 characters), the rest is the text. */
  target = data[0];
  text = g_utf8_make_valid ((const char *) data + 1, (gssize) size - 1);
  len = strlen (text);
  breaks = hark_paragraphs_find (text, target);
  for (guint i = 0; i < breaks->len; i++)
    {
      gsize at = g_array_index (breaks, gsize, i);

      if (at <= last || at >= len || g_utf8_get_char_validated (text + at, -1) == (gunichar) -1 ||
          (text[at] & 0xc0) == 0x80)
        __builtin_trap ();
      last = at;
    }
  return 0;
}
