/* test-paragraphs.c — long turns broken into paragraphs at sentence ends
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "reading/hark-paragraphs.h"

/* The paragraphs of @text as one string, joined with " | ". */
static char *
split (const char *text, gsize target)
{
  g_autoptr (GArray) breaks = hark_paragraphs_find (text, target);
  GString *out = g_string_new (NULL);
  gsize from = 0;

  for (guint i = 0; i <= breaks->len; i++)
    {
      gsize to = i < breaks->len ? g_array_index (breaks, gsize, i) : strlen (text);

      g_assert_cmpuint (to, >, from);
      if (i > 0)
        g_string_append (out, " | ");
      g_string_append_len (out, text + from, (gssize) to - (gssize) from);
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      from = to;
    }
  return g_string_free (out, FALSE);
}

static void
test_short_text_is_one_paragraph (void)
{
  g_autoptr (GArray) breaks = hark_paragraphs_find ("One. Two. Three.", 320);
  g_autoptr (GArray) empty = hark_paragraphs_find ("", 320);

  g_assert_cmpuint (breaks->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_breaks_at_sentence_ends (void)
{
  g_autofree char *a = split ("Aaaa bbbb. Cccc dddd? Eeee! Ffff gggg.", 10);
  g_autofree char *b = split ("Aaaa bbbb. Cccc dddd? Eeee! Ffff gggg.", 20);

  g_assert_cmpstr (a, ==, "Aaaa bbbb. | Cccc dddd? | Eeee! Ffff gggg.");
  g_assert_cmpstr (b, ==, "Aaaa bbbb. Cccc dddd? | Eeee! Ffff gggg.");
}

static void
test_not_inside_sentences (void)
{
  /* Titles, abbreviations followed by lower case, decimals, closing quotes. */
  g_autofree char *titles = split ("I met Mr. Smith and Dr. Jones there. Then we left.", 5);
  g_autofree char *lower = split ("Use tools e.g. compilers all day. It helps.", 5);
  g_autofree char *decimal = split ("It grew 3.5 times. Really.", 5);
  g_autofree char *quote = split ("He said \"no.\" Then he left. Ok!", 5);
  g_autofree char *unicode = split ("Ça va… Très bien. «Oui» dit-il.", 5);

  g_assert_cmpstr (titles, ==, "I met Mr. Smith and Dr. Jones there. | Then we left.");
  g_assert_cmpstr (lower, ==, "Use tools e.g. compilers all day. | It helps.");
  g_assert_cmpstr (decimal, ==, "It grew 3.5 times. | Really.");
  g_assert_cmpstr (quote, ==, "He said \"no.\" | Then he left. | Ok!");
  g_assert_cmpstr (unicode, ==, "Ça va… | Très bien. | «Oui» dit-il.");
}

/* A two-minute answer: paragraphs of at least the target, none much longer than a sentence
 * past it, and the text itself untouched. */
static void
test_long_turn (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) breaks = NULL;
  gsize from = 0;

  for (int i = 0; i < 60; i++)
    g_string_append_printf (text, "%sSentence number %d says a few words about compilers%s",
                            i > 0 ? " " : "", i, i % 3 == 0 ? "?" : ".");
  breaks = hark_paragraphs_find (text->str, 320);
  g_assert_cmpuint (breaks->len, >=, 5);
  for (guint i = 0; i <= breaks->len; i++)
    {
      gsize to = i < breaks->len ? g_array_index (breaks, gsize, i) : text->len;

      if (i < breaks->len)
        {
          g_assert_cmpuint (to - from, >=, 320);
          g_assert_cmpuint (to - from, <, 320 + 60);
          g_assert_true (g_str_has_prefix (text->str + to, "Sentence"));
        }
      from = to;
    }
}

static void
test_no_sentence_ends (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) breaks = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append (text, "and so on ");
  breaks = hark_paragraphs_find (text->str, 320);
  g_assert_cmpuint (breaks->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paragraphs/short-text", test_short_text_is_one_paragraph);
  g_test_add_func ("/paragraphs/sentence-ends", test_breaks_at_sentence_ends);
  g_test_add_func ("/paragraphs/not-inside-sentences", test_not_inside_sentences);
  g_test_add_func ("/paragraphs/long-turn", test_long_turn);
  g_test_add_func ("/paragraphs/no-sentence-ends", test_no_sentence_ends);
  return g_test_run ();
}
