/* hark-align.h — matching two word sequences that say nearly the same thing
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Machine captions and a human transcript of the same episode differ in wording, punctuation,
 * case and in words one of them dropped. The aligner compares normalised words and finds a large
 * set of in-order matches: it anchors on words that occur exactly once in both sequences (the
 * longest increasing run of such pairs, as patience diff does), recurses into the gaps between
 * anchors, and fills small gaps with an exact longest-common-subsequence table. Hours of speech
 * align in milliseconds instead of the O(n·m) time and memory of one big table.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words are interned as small integers so the aligner compares numbers, not strings. */
typedef struct _HarkWordTable HarkWordTable;

HarkWordTable *hark_word_table_new (void);
void hark_word_table_free (HarkWordTable *self);

/* The id of @word after normalisation (case folded, only letters and digits kept), or -1 when
 * nothing is left ("—", "..."). Equal normal forms get equal ids. */
int hark_word_table_intern (HarkWordTable *self, const char *word, gssize length);

/* Calls @func for every word of @text: a run of characters between white space, where dashes and
 * slashes also separate words ("day-to-day" is three words). */
typedef void (*HarkWordFunc) (const char *word, gsize length, gpointer user_data);
void hark_words_foreach (const char *text, HarkWordFunc func, gpointer user_data);
/* The number of words hark_words_foreach() would report. */
guint hark_words_count (const char *text);
/* Appends to @ids (a GArray of int) the id of every word of @text. */
void hark_word_table_intern_text (HarkWordTable *self, const char *text, GArray *ids);

/* Aligns @a with @b (ids from one HarkWordTable; negative ids never match). On return
 * @a_to_b[i] is the index in @b matched to @a[i], or -1; matches are strictly increasing in both
 * sequences. Returns the number of matches. */
guint hark_align (const int *a, guint n_a, const int *b, guint n_b, int *a_to_b);

/* The same result quality over the whole input with one O(n_a·n_b) table: the reference the
 * benchmark compares against. Only for small inputs. */
guint hark_align_naive (const int *a, guint n_a, const int *b, guint n_b, int *a_to_b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkWordTable, hark_word_table_free)

G_END_DECLS
