/* hark-align.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "transcript/hark-align.h"

#include <string.h>

/* Gaps up to this many table cells are solved exactly; a few hundred words on each side. */
#define SMALL_TABLE_CELLS (1u << 18)
/* A gap with no unique anchor falls back to one exact table when it is no larger than this
 * (16 MB of guint32); anything bigger has too little in common to be worth aligning. */
#define LARGE_TABLE_CELLS (1u << 22)
/* Words occurring this often or less in both halves of a gap may anchor when no word is unique. */
#define MAX_RARE_COUNT 4

struct _HarkWordTable
{
  GHashTable *ids; /* normal form (owned) → id + 1 */
  GString *scratch;
};

HarkWordTable *
hark_word_table_new (void)
{
  HarkWordTable *self = g_new0 (HarkWordTable, 1);

  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scratch = g_string_sized_new (64);
  return self;
}

void
hark_word_table_free (HarkWordTable *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->ids);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

int
hark_word_table_intern (HarkWordTable *self, const char *word, gssize length)
{
  const char *p = word;
  const char *end = length < 0 ? word + strlen (word) : word + length;
  gpointer value;

  g_string_truncate (self->scratch, 0);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid UTF-8 cannot be compared meaningfully: skip the byte. */
          p++;
          continue;
        }
      /* ASCII is by far the common case: avoid the Unicode tables for it. */
      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            g_string_append_c (self->scratch, g_ascii_tolower (c));
        }
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (self->scratch, g_unichar_tolower (c));
      p = g_utf8_next_char (p);
    }
  if (self->scratch->len == 0)
    return -1;

  if (g_hash_table_lookup_extended (self->ids, self->scratch->str, NULL, &value))
    return GPOINTER_TO_INT (value) - 1;
  value = GINT_TO_POINTER (g_hash_table_size (self->ids) + 1);
  g_hash_table_insert (self->ids, g_strndup (self->scratch->str, self->scratch->len), value);
  return GPOINTER_TO_INT (value) - 1;
}

static gboolean
is_word_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == '/' || c == 0x2010 || c == 0x2011
         || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

void
hark_words_foreach (const char *text, HarkWordFunc func, gpointer user_data)
{
  const char *p = text;
  const char *word = NULL;

  if (text == NULL)
    return;
  while (*p)
    {
      guchar byte = (guchar) *p;
      const char *next;
      gboolean separator;

      /* Captions are mostly ASCII: only other characters need decoding. */
      if (byte < 0x80)
        {
          separator = g_ascii_isspace (byte) || byte == '-' || byte == '/';
          next = p + 1;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, -1);
          gboolean valid = c != (gunichar) -1 && c != (gunichar) -2;

          separator = valid && is_word_separator (c);
          next = valid ? g_utf8_next_char (p) : p + 1;
        }
      if (separator)
        {
          if (word)
            func (word, p - word, user_data);
          word = NULL;
        }
      else if (word == NULL)
        word = p;
      p = next;
    }
  if (word)
    func (word, p - word, user_data);
}

static void
count_word (const char *word, gsize length, gpointer user_data)
{
  (*(guint *) user_data)++;
}

guint
hark_words_count (const char *text)
{
  guint n = 0;

  hark_words_foreach (text, count_word, &n);
  return n;
}

typedef struct
{
  HarkWordTable *table;
  GArray *ids;
} InternClosure;

static void
intern_word (const char *word, gsize length, gpointer user_data)
{
  InternClosure *closure = user_data;
  int id = hark_word_table_intern (closure->table, word, (gssize) length);

  g_array_append_val (closure->ids, id);
}

void
hark_word_table_intern_text (HarkWordTable *self, const char *text, GArray *ids)
{
  InternClosure closure = { self, ids };

  hark_words_foreach (text, intern_word, &closure);
}

/* Exact longest common subsequence of a[0..n) and b[0..m) with a (n+1)·(m+1) table of suffix
 * lengths, so the walk that reads the matches goes forwards. */
static guint
align_table (const int *a, guint n, const int *b, guint m, int *a_to_b, guint b_offset)
{
  gsize width = (gsize) m + 1;
  g_autofree guint32 *table = g_new0 (guint32, ((gsize) n + 1) * width);
  guint i = 0, j = 0, matched = 0;

#define L(i, j) table[(gsize) (i) * width + (j)]
  for (guint ii = n; ii-- > 0;)
    for (guint jj = m; jj-- > 0;)
      {
        if (a[ii] >= 0 && a[ii] == b[jj])
          L (ii, jj) = L (ii + 1, jj + 1) + 1;
        else
          L (ii, jj) = MAX (L (ii + 1, jj), L (ii, jj + 1));
      }

  while (i < n && j < m)
    {
      if (a[i] >= 0 && a[i] == b[j] && L (i, j) == L (i + 1, j + 1) + 1)
        {
          a_to_b[i] = (int) (j + b_offset);
          matched++;
          i++;
          j++;
        }
      else if (L (i + 1, j) >= L (i, j + 1))
        i++;
      else
        j++;
    }
#undef L
  return matched;
}

guint
hark_align_naive (const int *a, guint n_a, const int *b, guint n_b, int *a_to_b)
{
  for (guint i = 0; i < n_a; i++)
    a_to_b[i] = -1;
  return align_table (a, n_a, b, n_b, a_to_b, 0);
}

typedef struct
{
  guint a0, a1, b0, b1;
} Range;

typedef struct
{
  const int *a, *b;
  int *a_to_b;
  guint matched;
  /* Per word id, reset after each use through the list of ids touched. */
  guint *count_a, *count_b, *pos_b, *seen_a;
  GArray *touched;
  GArray *pairs; /* guint pairs (i, j) of candidate anchors, in order of i */
  GArray *stack; /* Range */
} Aligner;

static void
match (Aligner *al, guint i, guint j)
{
  al->a_to_b[i] = (int) j;
  al->matched++;
}

/* Candidate anchors in @r: words occurring @max_count times or fewer, equally often in both
 * halves, paired occurrence by occurrence. With @max_count 1 these are patience diff's unique
 * words. */
static void
collect_pairs (Aligner *al, const Range *r, guint max_count)
{
  g_array_set_size (al->pairs, 0);
  g_array_set_size (al->touched, 0);
  for (guint i = r->a0; i < r->a1; i++)
    if (al->a[i] >= 0)
      {
        guint id = (guint) al->a[i];

        if (al->count_a[id] == 0 && al->count_b[id] == 0)
          g_array_append_val (al->touched, id);
        al->count_a[id]++;
      }
  for (guint j = r->b0; j < r->b1; j++)
    if (al->b[j] >= 0)
      {
        guint id = (guint) al->b[j];

        if (al->count_a[id] == 0 && al->count_b[id] == 0)
          g_array_append_val (al->touched, id);
        if (al->count_b[id]++ == 0)
          al->pos_b[id] = j;
      }

  if (max_count == 1)
    {
      for (guint i = r->a0; i < r->a1; i++)
        {
          int id = al->a[i];

          if (id >= 0 && al->count_a[id] == 1 && al->count_b[id] == 1)
            {
              guint pair[2] = { i, al->pos_b[id] };

              g_array_append_vals (al->pairs, pair, 2);
            }
        }
    }
  else
    {
      /* Pair the k-th occurrence in a with the k-th in b: pos_b walks forward per id. */
      for (guint i = r->a0; i < r->a1; i++)
        {
          int id = al->a[i];

          if (id < 0 || al->count_a[id] != al->count_b[id] || al->count_a[id] > max_count)
            continue;
          if (al->seen_a[id]++ > 0)
            {
              guint j = al->pos_b[id] + 1;

              while (al->b[j] != id)
                j++;
              al->pos_b[id] = j;
            }
          {
            guint pair[2] = { i, al->pos_b[id] };

            g_array_append_vals (al->pairs, pair, 2);
          }
        }
    }

  for (guint k = 0; k < al->touched->len; k++)
    {
      guint id = g_array_index (al->touched, guint, k);

      al->count_a[id] = al->count_b[id] = al->seen_a[id] = 0;
    }
}

/* Keeps the longest run of pairs increasing in b (they already increase in a), by patience
 * sorting. Rewrites al->pairs to that run; returns its length. */
static guint
longest_increasing_pairs (Aligner *al)
{
  guint n = al->pairs->len / 2;
  const guint *p = (const guint *) (gconstpointer) al->pairs->data;
  g_autofree guint *tails = g_new (guint, n + 1); /* pair index ending a run of length k */
  g_autofree guint *prev = g_new (guint, n + 1);
  g_autofree guint *chain = NULL;
  guint length = 0, k;

  for (guint x = 0; x < n; x++)
    {
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (p[tails[mid] * 2 + 1] < p[x * 2 + 1])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[x] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = x;
      if (lo == length)
        length++;
    }
  if (length == 0)
    return 0;

  chain = g_new (guint, length * 2);
  k = tails[length - 1];
  for (guint out = length; out-- > 0;)
    {
      chain[out * 2] = p[k * 2];
      chain[out * 2 + 1] = p[k * 2 + 1];
      k = prev[k];
    }
  g_array_set_size (al->pairs, 0);
  g_array_append_vals (al->pairs, chain, length * 2);
  return length;
}

static void
push_range (Aligner *al, guint a0, guint a1, guint b0, guint b1)
{
  Range r = { a0, a1, b0, b1 };

  if (a0 < a1 && b0 < b1)
    g_array_append_val (al->stack, r);
}

static void
align_range (Aligner *al, Range r)
{
  gsize cells;
  guint n_anchors;

  /* Equal words at both ends match without any search. */
  while (r.a0 < r.a1 && r.b0 < r.b1 && al->a[r.a0] >= 0 && al->a[r.a0] == al->b[r.b0])
    match (al, r.a0++, r.b0++);
  while (r.a0 < r.a1 && r.b0 < r.b1 && al->a[r.a1 - 1] >= 0 && al->a[r.a1 - 1] == al->b[r.b1 - 1])
    match (al, --r.a1, --r.b1);
  if (r.a0 >= r.a1 || r.b0 >= r.b1)
    return;

  cells = (gsize) (r.a1 - r.a0) * (r.b1 - r.b0);
  if (cells <= SMALL_TABLE_CELLS)
    {
      al->matched += align_table (al->a + r.a0, r.a1 - r.a0, al->b + r.b0, r.b1 - r.b0,
                                  al->a_to_b + r.a0, r.b0);
      return;
    }

  collect_pairs (al, &r, 1);
  n_anchors = longest_increasing_pairs (al);
  if (n_anchors == 0)
    {
      collect_pairs (al, &r, MAX_RARE_COUNT);
      n_anchors = longest_increasing_pairs (al);
    }
  if (n_anchors == 0)
    {
      if (cells <= LARGE_TABLE_CELLS)
        al->matched += align_table (al->a + r.a0, r.a1 - r.a0, al->b + r.b0, r.b1 - r.b0,
                                    al->a_to_b + r.a0, r.b0);
      return;
    }

  {
    guint prev_a = r.a0, prev_b = r.b0;

    for (guint k = 0; k < n_anchors; k++)
      {
        guint i = g_array_index (al->pairs, guint, k * 2);
        guint j = g_array_index (al->pairs, guint, k * 2 + 1);

        match (al, i, j);
        push_range (al, prev_a, i, prev_b, j);
        prev_a = i + 1;
        prev_b = j + 1;
      }
    push_range (al, prev_a, r.a1, prev_b, r.b1);
  }
}

guint
hark_align (const int *a, guint n_a, const int *b, guint n_b, int *a_to_b)
{
  Aligner al = { 0 };
  guint n_ids = 0;

  for (guint i = 0; i < n_a; i++)
    {
      a_to_b[i] = -1;
      if (a[i] >= 0)
        n_ids = MAX (n_ids, (guint) a[i] + 1);
    }
  for (guint j = 0; j < n_b; j++)
    if (b[j] >= 0)
      n_ids = MAX (n_ids, (guint) b[j] + 1);

  al.a = a;
  al.b = b;
  al.a_to_b = a_to_b;
  al.count_a = g_new0 (guint, n_ids);
  al.count_b = g_new0 (guint, n_ids);
  al.pos_b = g_new0 (guint, n_ids);
  al.seen_a = g_new0 (guint, n_ids);
  al.touched = g_array_new (FALSE, FALSE, sizeof (guint));
  al.pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  al.stack = g_array_new (FALSE, FALSE, sizeof (Range));

  push_range (&al, 0, n_a, 0, n_b);
  while (al.stack->len > 0)
    {
      Range r = g_array_index (al.stack, Range, al.stack->len - 1);

      g_array_set_size (al.stack, al.stack->len - 1);
      align_range (&al, r);
    }

  g_free (al.count_a);
  g_free (al.count_b);
  g_free (al.pos_b);
  g_free (al.seen_a);
  g_array_unref (al.touched);
  g_array_unref (al.pairs);
  g_array_unref (al.stack);
  return al.matched;
}
