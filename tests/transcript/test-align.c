/* test-align.c — word normalisation and alignment on sequences built here
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "transcript/hark-align.h"

static GArray *
words_of (HarkWordTable *table, const char *text)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));

  hark_word_table_intern_text (table, text, ids);
  return ids;
}

static void
test_normalise (void)
{
  g_autoptr (HarkWordTable) table = hark_word_table_new ();
  int hello = hark_word_table_intern (table, "Hello,", -1);

  g_assert_cmpint (hello, >=, 0);
  g_assert_cmpint (hark_word_table_intern (table, "hello", -1), ==, hello);
  g_assert_cmpint (hark_word_table_intern (table, "“HELLO!”", -1), ==, hello);
  g_assert_cmpint (hark_word_table_intern (table, "hellos", -1), !=, hello);
  g_assert_cmpint (hark_word_table_intern (table, "It's", -1), ==,
                   hark_word_table_intern (table, "its", -1));
  g_assert_cmpint (hark_word_table_intern (table, "Élan", -1), ==,
                   hark_word_table_intern (table, "élan.", -1));
  g_assert_cmpint (hark_word_table_intern (table, "—", -1), ==, -1);
  g_assert_cmpint (hark_word_table_intern (table, "...", -1), ==, -1);
  /* Invalid UTF-8 is skipped byte by byte, never read past the end. */
  g_assert_cmpint (hark_word_table_intern (table, "hel\xff\xfelo", -1), ==, hello);
  g_assert_cmpint (hark_word_table_intern (table, "hello world", 5), ==, hello);
}

static void
test_split (void)
{
  g_assert_cmpuint (hark_words_count ("day-to-day  and\tnight/day — ok"), ==, 7);
  g_assert_cmpuint (hark_words_count (""), ==, 0);
  g_assert_cmpuint (hark_words_count ("   "), ==, 0);
  g_assert_cmpuint (hark_words_count (NULL), ==, 0);
  g_assert_cmpuint (hark_words_count ("one\xff two"), ==, 2);
}

/* Checks that a_to_b is strictly increasing where set, in range, and pairs equal words. */
static void
assert_valid (const int *a, guint n_a, const int *b, guint n_b, const int *a_to_b)
{
  int last = -1;

  for (guint i = 0; i < n_a; i++)
    if (a_to_b[i] >= 0)
      {
        g_assert_cmpint (a_to_b[i], >, last);
        g_assert_cmpint (a_to_b[i], <, (int) n_b);
        g_assert_cmpint (a[i], ==, b[a_to_b[i]]);
        last = a_to_b[i];
      }
}

static void
test_align_small (void)
{
  g_autoptr (HarkWordTable) table = hark_word_table_new ();
  g_autoptr (GArray) a = words_of (table, "Welcome to Talk Python, the show; I'm your host.");
  g_autoptr (GArray) b = words_of (table, "welcome to talk python to me the show im the host");
  int a_to_b[16];
  guint n = hark_align ((int *) (gpointer) a->data, a->len, (int *) (gpointer) b->data, b->len,
                        a_to_b);

  /* welcome to talk python the show im host: "your" is the only word the captions lack. */
  g_assert_cmpuint (n, ==, 8);
  assert_valid ((int *) (gpointer) a->data, a->len, (int *) (gpointer) b->data, b->len, a_to_b);
  g_assert_cmpint (a_to_b[0], ==, 0);
  g_assert_cmpint (a_to_b[3], ==, 3);
  g_assert_cmpint (a_to_b[7], ==, -1); /* "your" */
  g_assert_cmpint (a_to_b[8], ==, 10);
}

static void
test_align_empty (void)
{
  int a[] = { 1, 2, 3 }, b[] = { 4 }, a_to_b[3];

  g_assert_cmpuint (hark_align (a, 3, b, 0, a_to_b), ==, 0);
  g_assert_cmpint (a_to_b[0], ==, -1);
  g_assert_cmpuint (hark_align (a, 0, b, 1, a_to_b), ==, 0);
  g_assert_cmpuint (hark_align (a, 3, b, 1, a_to_b), ==, 0);
  g_assert_cmpint (a_to_b[2], ==, -1);
  /* Words with nothing left after normalisation never match, not even each other. */
  {
    int x[] = { -1, 5, -1 }, y[] = { -1, 5 }, map[3];

    g_assert_cmpuint (hark_align (x, 3, y, 2, map), ==, 1);
    g_assert_cmpint (map[0], ==, -1);
    g_assert_cmpint (map[1], ==, 1);
  }
}

/* Two long sequences from a small vocabulary (many repeats, as in speech) with edits applied:
 * the anchored alignment must find as many matches as the exact table, give or take a little,
 * and be valid. */
static void
test_align_large_matches_naive (void)
{
  const guint n = 3000;
  g_autofree int *a = g_new (int, n);
  g_autofree int *b = g_new (int, n + n / 5);
  g_autofree int *fast = g_new (int, n);
  g_autofree int *slow = g_new (int, n);
  GRand *rand = g_rand_new_with_seed (189);
  guint n_b = 0, got_fast, got_slow;

  for (guint i = 0; i < n; i++)
    /* Zipf-like: mostly common words, a tail of rare ones that can anchor. */
    a[i] = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 0, 5000)
                                              : g_rand_int_range (rand, 0, 60);
  for (guint i = 0; i < n; i++)
    {
      guint roll = g_rand_int_range (rand, 0, 100);

      if (roll < 4)
        continue; /* deleted */
      if (roll < 8)
        b[n_b++] = g_rand_int_range (rand, 0, 5000); /* different wording */
      else
        b[n_b++] = a[i];
      if (roll >= 96 && n_b < n + n / 5)
        b[n_b++] = g_rand_int_range (rand, 0, 60); /* inserted */
    }
  g_rand_free (rand);

  got_fast = hark_align (a, n, b, n_b, fast);
  got_slow = hark_align_naive (a, n, b, n_b, slow);
  assert_valid (a, n, b, n_b, fast);
  assert_valid (a, n, b, n_b, slow);
  g_test_message ("anchored %u matches, exact table %u", got_fast, got_slow);
  g_assert_cmpuint (got_fast, <=, got_slow);
  g_assert_cmpuint (got_fast * 100, >=, got_slow * 99);
  g_assert_cmpuint (got_slow, >=, n * 88 / 100);
}

/* A gap with no unique word but rare repeated ones still aligns. */
static void
test_align_repeats (void)
{
  const guint n = 1200;
  g_autofree int *a = g_new (int, n);
  g_autofree int *b = g_new (int, n);
  g_autofree int *map = g_new (int, n);

  for (guint i = 0; i < n; i++)
    a[i] = b[i] = (int) (i % 400); /* every word three times */
  b[0] = 9999;
  b[n - 1] = 9998;
  g_assert_cmpuint (hark_align (a, n, b, n, map), ==, n - 2);
  assert_valid (a, n, b, n, map);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/align/normalise", test_normalise);
  g_test_add_func ("/merge/align/split", test_split);
  g_test_add_func ("/merge/align/small", test_align_small);
  g_test_add_func ("/merge/align/empty", test_align_empty);
  g_test_add_func ("/merge/align/large-matches-naive", test_align_large_matches_naive);
  g_test_add_func ("/merge/align/repeats", test_align_repeats);
  return g_test_run ();
}
