/* hark-ad-language.h — the episode's language, and how reads are worded in it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The finder's wording tables (hark-ad-evidence.c) are English. A show in another language words
 * the same things its own way: asking for support, a membership, tickets, a code, "brought to
 * you by". The episode's language is guessed once from how often each language's commonest
 * function words occur in the whole transcript; a lexicon per language then gives the evidence
 * the same concepts in its words. Each lexicon is general vocabulary of the trade, written as a
 * speaker of the language would list it, never a show's or a sponsor's phrase. English is the
 * default: an episode whose language is not clearly another one is judged as it always was.
 *
 * Text is compared folded: lower case, accents and umlauts taken off ("Ü" → "u", "ß" → "ss",
 * "ç" → "c"), so a transcript written with or without them matches the same phrase.
 */
#pragma once

#include <glib.h>

#include "segments/hark-ad-evidence.h"

G_BEGIN_DECLS

typedef enum
{
  HARK_AD_LANGUAGE_ENGLISH,
  HARK_AD_LANGUAGE_GERMAN,
  HARK_AD_LANGUAGE_FRENCH,
  HARK_AD_LANGUAGE_SPANISH,
  HARK_AD_LANGUAGE_DUTCH,
  HARK_AD_LANGUAGE_ITALIAN,
  HARK_AD_LANGUAGE_PORTUGUESE,
  HARK_AD_N_LANGUAGES
} HarkAdLanguage;

/* Function-word counts over a transcript, fed a piece of text at a time. */
typedef struct
{
  guint words;
  guint hits[HARK_AD_N_LANGUAGES];
} HarkAdLanguageTally;

/* A phrase table matched without a clause start before it (see hark_ad_lexicon_t): "findet ihr
 * in den Shownotes" points the listener somewhere without being an imperative. */
#define HARK_AD_LEXICON_ANYWHERE 1u

typedef struct
{
  HarkAdFeature feature;
  guint flags;
  const char *const *phrases; /* written naturally; folded when loaded */
} HarkAdLexiconTable;

/* How one language words reads. The phrase tables are written naturally and folded when loaded;
 * the word lists below them are written folded already (ASCII, lower case). All NULL-terminated. */
typedef struct
{
  const char *code; /* "de" */
  const HarkAdLexiconTable *tables;
  guint n_tables;
  const char *const *stopwords;  /* common words, for burstiness and topic */
  const char *const *you;        /* words for the listener */
  const char *const *we;         /* the speaker's own side */
  const char *const *they;       /* someone else's */
  const char *const *speaks_for_itself; /* "ich", "wir", "uns": self-promotion speaks for itself */
  const char *const *mine;       /* first-person singular owners: a phrase starting so is "mine" */
  const char *const *preface;    /* words after which an imperative still asks ("bitte", "dann") */
  const char *const *own_people; /* after "supported by": the show's own ("euch", "unseren") */
  const char *const *joiners;    /* between sponsor talk and its backer ("von", "durch") */
  const char *const *negations;  /* "keine Sponsoren" */
  const char *const *show_words; /* this very show: "Folge", "Sendung" */
  const char *const *months;
  const char *const *currencies; /* said after an amount: "Euro", "Franken" */
  const char *const *amounts;    /* numbers in words, said before a currency */
  const char *const *dots;       /* a spoken domain's dot: "punkt" */
  const char *const *tlds;       /* written domains' endings of the language's countries */
} HarkAdLexicon;

void hark_ad_language_tally (HarkAdLanguageTally *tally, const char *text, gsize length);
/* The language of what was tallied: another language than English only when its words are
 * clearly the commonest. */
HarkAdLanguage hark_ad_language_decide (const HarkAdLanguageTally *tally);

const char *hark_ad_language_code (HarkAdLanguage language);

/* The lexicon of @language; NULL for English (the evidence's own tables). */
const HarkAdLexicon *hark_ad_language_lexicon (HarkAdLanguage language);

/* Folds @length bytes of UTF-8 at @text to @out (room for @size bytes, NUL included): lower
 * case, diacritics removed, every mark but "$", "%" and "'" a space, one space between words
 * and one at each end. @map (room for @size entries, or NULL) receives, for each byte of @out,
 * the offset in @text it came from. Returns the length of @out. */
gsize hark_ad_language_fold (const char *text, gsize length, char *out, gsize size, gsize *map);

/* Whether the "." at @i of @text is a day's ordinal ("am 3. März", "le 3. ") in a language
 * that writes dates so, rather than a sentence's end. */
gboolean hark_ad_language_ordinal_dot (HarkAdLanguage language, const char *text, gsize i,
                                       gsize length);

/* Whether @word (folded, @len bytes) is one of @language's commonest function words. */
gboolean hark_ad_language_is_function_word (HarkAdLanguage language, const char *word,
                                            gsize len);

/* Whether @word (folded, @len bytes) is in the folded list @words. */
gboolean hark_ad_language_word_in (const char *word, gsize len, const char *const *words);

G_END_DECLS
