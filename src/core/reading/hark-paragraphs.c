/* hark-paragraphs.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "reading/hark-paragraphs.h"

#include <string.h>

/* Closing marks that may follow a sentence's full stop: 'He said "no." Then…'. */
static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '?' || c == '!' || c == 0x2026 /* … */;
}

/* "Mr. Smith", "Dr. Who", "St. Louis": a short capitalised word before a full stop is more
 * likely a title than the end of a sentence. */
static gboolean
ends_with_title (const char *text, const char *stop)
{
  const char *p = stop;
  int letters = 0;

  while (p > text && g_ascii_isalpha (p[-1]))
    {
      p--;
      letters++;
    }
  return letters > 0 && letters <= 3 && g_ascii_isupper (*p) && *stop == '.' &&
         (p == text || p[-1] == ' ');
}

/* Does a new sentence start at @p (after the spaces)? An upper-case letter, a digit or an
 * opening quote; "e.g. this" or "3.5 percent" go on. */
static gboolean
starts_sentence (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isupper (c) || g_unichar_isdigit (c) || c == '"' || c == 0x201C ||
         c == 0x00AB || c == 0x2018;
}

GArray *
hark_paragraphs_find (const char *text, gsize target)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize since_break = 0;

  g_return_val_if_fail (text != NULL, breaks);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;
      gsize offset;

      since_break++;
      if (!is_sentence_end (c) || since_break < target || ends_with_title (text, p))
        continue;
      q = g_utf8_next_char (p);
      while (*q != '\0' && (is_sentence_end (g_utf8_get_char (q)) ||
                            is_closing (g_utf8_get_char (q))))
        q = g_utf8_next_char (q);
      if (*q != ' ')
        continue;
      while (*q == ' ')
        q++;
      if (*q == '\0' || !starts_sentence (q))
        continue;
      offset = (gsize) (q - text);
      g_array_append_val (breaks, offset);
      since_break = 0;
      p = q - 1; /* the loop steps onto q */
    }
  return breaks;
}
