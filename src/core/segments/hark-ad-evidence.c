/* hark-ad-evidence.c — what one sentence says about being part of a read
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phrases are matched on a normalised copy of the sentence: lower case, every mark but "$", "%"
 * and "'" turned into a space, one space between words and one at each end, so " promo code "
 * matches however the transcript punctuated it. Domains are found on the text as written.
 */
#include "segments/hark-ad-evidence.h"

#include <string.h>

/* Longest sentence looked at; a longer one is judged on its start (a runaway cue). */
#define MAX_SENTENCE 2048
/* Brand burstiness: the window around a word, and how rare in the episode it must be. */
#define BURST_WINDOW 75.0
#define BURST_MAX_TOTAL 12
#define BURST_MIN_LOCAL 2
#define BURST_MIN_SHARE 0.4
#define BURST_MIN_LENGTH 4
/* How far (bytes) a written link may follow a call to action for the two to be one ask. */
#define ASK_LINK_REACH 48
/* How long after "a word from our sponsors" the read it announces may run. */
#define AFTER_BREAK_REACH 90.0
/* How soon after announcing it the announcer may hand the read to another voice. */
#define HAND_OVER_REACH 15.0

static const char *const labels[HARK_AD_N_FEATURES] = {
  [HARK_AD_URL] = "promo URL",
  [HARK_AD_CODE] = "code",
  [HARK_AD_OFFER] = "offer",
  [HARK_AD_IMPERATIVE] = "call to action",
  [HARK_AD_SPONSOR] = "sponsor talk",
  [HARK_AD_BREAK] = "break announced",
  [HARK_AD_SELF] = "the show's own offer",
  [HARK_AD_HOUSEKEEPING] = "housekeeping",
  [HARK_AD_BRAND] = "a name repeated here and rare elsewhere",
  [HARK_AD_RESUME] = "return to the show",
  [HARK_AD_QUESTION] = "question",
  [HARK_AD_DIALOGUE] = "conversation",
  [HARK_AD_AFTER_BREAK] = "after the break's announcement",
  [HARK_AD_PLUG] = "called a plug",
};

const char *
hark_ad_feature_label (HarkAdFeature feature)
{
  g_return_val_if_fail (feature < HARK_AD_N_FEATURES, "");
  return labels[feature];
}

/* How reads are worded, in general. Each phrase is matched with spaces around it. */
static const struct
{
  HarkAdFeature feature;
  const char *const *phrases;
} tables[] = {
  { HARK_AD_CODE,
    (const char *const[]){ "promo code", "coupon code", "discount code", "offer code", "use code",
                           "use the code", "with code", "with the code", "code at checkout",
                           NULL } },
  { HARK_AD_OFFER,
    (const char *const[]){ "percent off", "free trial", "for free",
                           "months free", "month free", "weeks free", "free month",
                           "money back", "special offer", "exclusive offer", "limited time",
                           "gift card", "discount", "free copy", "free copies", "first month", "first order", "dollars off",
                           "off your first", "per month",
                           "get started for", "no credit card", "risk free", "bonus", "free tier",
                           "per day", "per year", "for a limited", "off your", NULL } },
  { HARK_AD_IMPERATIVE,
    (const char *const[]){ "go to", "head to", "head over to", "visit", "sign up", "check out",
                           "check them out", "check it out", "check that out", "check this out", "browse", "try it", "try them", "download",
                           "click", "learn more", "find out more",
                           "get started", "start your", "go check", "go sign up", "grab",
                           "pick up", "by going to", "by visiting", "by heading to",
                           "by heading over to", "by signing up", NULL } },
  { HARK_AD_SPONSOR,
    (const char *const[]){ "sponsor", "sponsors", "sponsored", "sponsoring", "brought to you",
                           "supported by", "support for this", "underwritten", "presented by",
                           "made possible by", "our partner", "our partners", "ad read",
                           "ad reads", "partnered with",
                           "in partnership with", "affiliate link", "affiliate links",
                           "affiliate code", NULL } },
  { HARK_AD_BREAK,
    (const char *const[]){ "quick break", "short break", "take a break", "word from",
                           "message from", "after the break", "few minutes of ads",
                           "mention of each", "ad break", "commercial break", NULL } },
  { HARK_AD_SELF,
    (const char *const[]){ "patreon", "patron", "patrons", "become a member", "becoming a member",
                           "support the show", "support this show", "support us",
                           "support the podcast", "support our work", "support the work",
                           "supporting the show", "paying subscribers", "paid subscribers",
                           "premium", "early access", "ad free", "my course", "our course",
                           "my new course", "my book", "our book", "new book", "my newsletter",
                           "our newsletter", "merch", "we're hiring", "always hiring",
                           "is hiring", "our conference", "get tickets", "get your tickets",
                           "workshop", "my class", "our community", "github sponsors",
                           "sponsor us", "independently", "like to support", "want to support",
                           "quick announcement",
                           "please support", "every dollar", "appreciate your support",
                           "appreciate the support", "appreciate that support",
                           "thanks for your support", "thank you for your support",
                           NULL } },
  { HARK_AD_HOUSEKEEPING,
    (const char *const[]){ "subscribe", "subscribed", "a review", "rate and review",
                           "rate us", "rate the show", "review the show", "ratings", "five star",
                           "5 star", "follow us", "follow me", "like and subscribe",
                           "thanks for listening", "thank you for listening",
                           "thanks for watching", "see you next", "next week", "produced by",
                           "edited by", "music by", "theme song", "our show", "notification",
                           "share it", "share this", "tell a friend", "tell your friends",
                           "bell", "past episodes", "keep up with the show", "previous episodes",
                           "episode page", "upcoming events", "the schedule", "social media",
                           "social links", "connect with me", "find me on", NULL } },
  /* Someone saying they are plugging their own work; SELF too (below). */
  { HARK_AD_PLUG,
    (const char *const[]){ "shameless plug", "a plug", "quick plug", "little plug", "small plug",
                           "cheeky plug", "self promotion", "plug for my", "plug for our",
                           NULL } },
  /* Where the link is, said instead of the link. */
  { HARK_AD_URL,
    (const char *const[]){ "link below", "links below", "link in the description",
                           "links in the description",
                           NULL } },
  { HARK_AD_RESUME,
    (const char *const[]){ "we're back", "we are back", "and we're back", "back to the", "back to our", "let's get back", "let's go back",
                           "now back to", "anyway back", "here's my conversation",
                           "here is my conversation", "and now here's", "and now here is",
                           "now here's", "without further ado", "let's get into it",
                           "let's jump back", "where were we", NULL } },
  { HARK_AD_DIALOGUE,
    (const char *const[]){ "i think", "i mean", "yeah", "you know", "right", "i guess",
                           "kind of", "sort of", "like i said", "i don't know", "exactly",
                           "totally", "haha", "that's true", NULL } },
};

static const char *const tlds[] = { "com", "fm", "io", "org", "net", "co", "ai", "dev", "app",
                                    "ly", "tv", "show", "us", "uk", "me", "gg", "so", "sh",
                                    "xyz", "info", "link", NULL };

static const char *const stopwords[] = {
  "that", "this", "with", "have", "from", "they", "will", "would", "there", "their", "what",
  "about", "which", "when", "your", "just", "like", "more", "some", "them", "than", "then",
  "into", "only", "other", "also", "been", "were", "because", "really", "think", "know",
  "yeah", "right", "thing", "things", "going", "want", "people", "these", "those", "where",
  "here", "could", "should", "very", "much", "even", "well", "make", "time", "actually",
  "something", "being", "does", "doing", "said", "says", "okay", "gonna", "it's", "that's",
  "don't", "i'm", "you're", "we're", "they're", "there's", "what's", "can't", "didn't",
  "kind", "sort", "good", "great", "over", "back", "still", "every", "first", "need", "after",
  "before", "through", "mean", "pretty", "maybe", "probably", "sure", "yes", "today", "year",
  "years", "week", "work", "working", "today's", "episode", "show", "podcast", "listeners",
  "listen", "free", "code", "slash", "sponsor", "sponsors", "check", "visit", "start", "get",
  "whether", "while", "each", "most", "many", "such", "make", "made", "take", "come", "comes",
  "give", "gives", "help", "helps", "using", "used", "use", "across", "always", "never",
  NULL
};

static GHashTable *stopword_set;

/* Every phrase with its spaces around, made once: " promo code ". */
typedef struct
{
  HarkAdFeature feature;
  char *padded;
  gsize length;
} Phrase;

static GArray *phrases;

static gpointer
init_tables (gpointer data)
{
  stopword_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; stopwords[i]; i++)
    g_hash_table_add (stopword_set, (gpointer) stopwords[i]);
  phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint p = 0; tables[t].phrases[p]; p++)
      {
        Phrase phrase = { tables[t].feature, g_strdup_printf (" %s ", tables[t].phrases[p]), 0 };

        phrase.length = strlen (phrase.padded);
        g_array_append_val (phrases, phrase);
      }
  return NULL;
}

/* " words like these " from @text: lower case, marks to spaces. @map[i] is the offset in
 * @text of normalised character i, for quoting. */
static gsize
normalise (const char *text, gsize length, char *out, gsize *map)
{
  gsize n = 0;

  out[n] = ' ';
  map[n++] = 0;
  for (gsize i = 0; i < length && n + 2 < MAX_SENTENCE; i++)
    {
      guchar c = (guchar) text[i];
      char o;

      /* U+2019 ’ as an apostrophe */
      if (c == 0xE2 && i + 2 < length && (guchar) text[i + 1] == 0x80
          && (guchar) text[i + 2] == 0x99)
        {
          o = '\'';
          i += 2;
        }
      else if (g_ascii_isalnum (c) || c == '$' || c == '%' || c == '\'' || c >= 0x80)
        o = (char) g_ascii_tolower (c);
      else
        o = ' ';
      if (o == ' ' && out[n - 1] == ' ')
        continue;
      map[n] = i;
      out[n++] = o;
    }
  if (out[n - 1] != ' ')
    {
      map[n] = length;
      out[n++] = ' ';
    }
  out[n] = '\0';
  return n;
}

static void
note (HarkAdSentence *s, HarkAdFeature f, gsize at, gsize len)
{
  if (s->count[f] == 0)
    {
      s->quote_at[f] = at;
      s->quote_len[f] = (guint8) MIN (len, 60);
    }
  if (s->count[f] < 255)
    s->count[f]++;
}

static gboolean
is_tld (const char *p, gsize len)
{
  for (guint i = 0; tlds[i]; i++)
    if (strlen (tlds[i]) == len && g_ascii_strncasecmp (p, tlds[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Written domains: a word, a dot, a known top-level domain, then the end or a path. */
static void
find_domains (HarkAdSentence *s)
{
  const char *text = s->text;
  gsize n = MIN (s->length, (gsize) MAX_SENTENCE);

  for (gsize i = 1; i + 2 < n; i++)
    {
      gsize j = i + 1;

      if (text[i] != '.' || !g_ascii_isalnum (text[i - 1]))
        continue;
      while (j < n && g_ascii_isalpha (text[j]))
        j++;
      if (!is_tld (text + i + 1, j - i - 1) || (j < n && g_ascii_isalnum (text[j])))
        continue;
      {
        gsize k = i;

        while (k > 0 && (g_ascii_isalnum (text[k - 1]) || text[k - 1] == '-'
                         || text[k - 1] == '.'))
          k--;
        while (j < n && (g_ascii_isalnum (text[j]) || text[j] == '/' || text[j] == '-'))
          j++;
        note (s, HARK_AD_URL, k, j - k);
      }
      i = j;
    }
}

/* "my new testing course", "our Everything Bundle": the speaker's own product, up to ten words
 * after "my" or "our". */
static void
find_own_products (HarkAdSentence *s, const char *norm, const gsize *map)
{
  static const char *const products[] = {
    /* sold: the first n_sold */
    "course", "courses", "book", "books", "bundle", "workshop", "workshops", "membership",
    "merch", "class", "classes",
    /* the show's own places */
    "newsletter", "store", "shop", "academy", "training", "conference", "patreon", "substack",
    "community", "discord", NULL
  };

  /* Who owns what follows: "my course", "our bundle", "we have over 200 hours of courses". */
  static const char *const owners[] = { " my ", " our ", " we have ", " we've got ",
                                        " i've got ", " we offer ", " i have created ",
                                        " i've created ", " we've created ", NULL };
  /* What one sells; "we have a Discord" is where a project talks, not an offer. */
  static const guint n_sold = 11;
  const char *p = norm;

  for (;;)
    {
      const char *at = NULL;
      const char *w;
      gboolean sold_only;

      for (guint i = 0; owners[i]; i++)
        {
          const char *hit = strstr (p, owners[i]);

          if (hit && (at == NULL || hit < at))
            at = hit;
        }

      if (at == NULL)
        return;
      sold_only = !g_str_has_prefix (at, " my ") && !g_str_has_prefix (at, " our ");
      w = strchr (at + 1, ' ');
      for (guint k = 0; k < 10 && w && w[1]; k++)
        {
          const char *end = strchr (w + 1, ' ');
          gsize len = end ? (gsize) (end - w - 1) : strlen (w + 1);

          for (guint i = 0; products[i] && (!sold_only || i < n_sold); i++)
            if (strlen (products[i]) == len && strncmp (w + 1, products[i], len) == 0)
              {
                note (s, HARK_AD_SELF, map[at - norm + 1], (gsize) (w - at) + len);
                return;
              }
          w = end;
        }
      p = at + 1;
    }
}

/* An imperative starts a clause ("Go to …", "…, head over to …") or follows words that ask
 * ("so just visit", "be sure to check out", "please sign up"); "I wouldn't go to that talk" is
 * not one. */
static gboolean
asks (const HarkAdSentence *s, const char *norm, const char *hit, const gsize *map)
{
  static const char *const preface[] = { "so", "and", "just", "please", "simply", "now",
                                         "then", "you", "can", "should", "to", "go", "or",
                                         "definitely", "also", "today", "all", "right", NULL };
  gsize at = map[hit - norm + 1];
  const char *w = hit;

  /* "… grab the extension now at example.link": a verb leading to a written link asks, however
   * the transcript punctuated (unpunctuated captions have no clause starts to go by). */
  if (s->count[HARK_AD_URL] && s->quote_at[HARK_AD_URL] > at
      && s->quote_at[HARK_AD_URL] - at <= ASK_LINK_REACH)
    return TRUE;
  /* Punctuation right before it in the text as written starts a clause. */
  while (at > 0 && s->text[at - 1] == ' ')
    at--;
  if (at == 0 || strchr (".,;:!?-\"", s->text[at - 1]))
    return TRUE;
  /* The word before it asks. */
  {
    const char *start = w;
    gboolean known = FALSE;

    if (w <= norm)
      return TRUE;
    while (start > norm && start[-1] != ' ')
      start--;
    for (guint i = 0; preface[i]; i++)
      known |= (gsize) (w - start) == strlen (preface[i])
               && strncmp (start, preface[i], (gsize) (w - start)) == 0;
    return known;
  }
}

/* "Brought to you by us", "sponsored by our course": a read the show makes for itself. @after
 * points at the space after the sponsor phrase in normalised text. */
static gboolean
names_first_person (const char *after)
{
  static const char *const skip[] = { " by", " also", NULL };
  /* "Made possible by listeners like you": a show its listeners pay for promotes itself. */
  static const char *const own[] = { " us ", " our ", " me ", " my ", " myself ", " listeners ",
                                     " you ", NULL };
  const char *w = after;

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; skip[i]; i++)
      if (g_str_has_prefix (w, skip[i]) && w[strlen (skip[i])] == ' ')
        {
          w += strlen (skip[i]);
          break;
        }
  for (guint i = 0; own[i]; i++)
    if (g_str_has_prefix (w, own[i]))
      return TRUE;
  return FALSE;
}

static gboolean names_the_show (const HarkAdSentence *s);

/* Whether the word ending right before @at (a space in @norm) is one of @words. */
static gboolean
word_before_is (const char *norm, const char *at, const char *const *words)
{
  const char *start = at;

  while (start > norm && start[-1] != ' ')
    start--;
  for (guint i = 0; words[i]; i++)
    if ((gsize) (at - start) == strlen (words[i]) && strncmp (start, words[i], (gsize) (at - start)) == 0)
      return TRUE;
  return FALSE;
}

/* Sponsors told of rather than announced: "X sponsored the conference", "it was sponsored by
 * three companies". A read announces in the present ("is sponsored by", "our sponsors"), names
 * this very show ("this episode was sponsored by") or is brought to you. */
static gboolean
tells_of_sponsors (const HarkAdSentence *s, const char *norm, const gsize *map,
                   const char *hit, const Phrase *phrase)
{
  static const char *const past[] = { "was", "were", "been", "had", NULL };
  static const char *const negations[] = { "no", "not", "without", "never", NULL };
  static const char *const objects[] = { " the ", " a ", " an ", " his ", " her ", " their ",
                                         " its ", " some ", NULL };
  const char *after = hit + phrase->length - 1;

  /* "It's been brought to you by …" announces, whatever the tense. */
  if (strstr (phrase->padded, "sponsor") == NULL)
    return FALSE;
  /* "Sponsored" with an object ("X sponsored the conference", "they sponsored the show for a
   * while"), not "sponsored by" nor "thanks to X for sponsoring this episode". */
  if (g_str_has_prefix (phrase->padded, " sponsored "))
    for (guint i = 0; objects[i]; i++)
      if (g_str_has_prefix (after, objects[i]))
        return TRUE;
  /* "We don't have sponsors", "no sponsors": the show saying it has none. */
  if (hit > norm && (word_before_is (norm, hit, negations) || strstr (norm, " don't have sponsor")
                     || strstr (norm, " not sponsored ")))
    return TRUE;
  if (names_the_show (s))
    return FALSE;
  if (hit > norm && word_before_is (norm, hit, past))
    return TRUE;
  /* "GitHub Sponsors", a name in the middle of a sentence, is a programme, not a read. */
  if ((g_str_equal (phrase->padded, " sponsor ") || g_str_equal (phrase->padded, " sponsors "))
      && hit > norm)
    {
      gsize at = map[hit - norm + 1];
      gsize word = at;

      while (word > 0 && s->text[word - 1] == ' ')
        word--;
      while (word > 0 && s->text[word - 1] != ' ')
        word--;
      if (word > 0 && word < at && g_ascii_isupper (s->text[word])
          && !strchr (".!?:", s->text[word > 1 ? word - 2 : 0]))
        return TRUE;
    }
  return FALSE;
}

/* Whether the word starting right after @at (a space in normalised text) is one of @words. */
static gboolean
word_after_is (const char *at, const char *const *words)
{
  const char *end = strchr (at + 1, ' ');
  gsize len = end ? (gsize) (end - at - 1) : strlen (at + 1);

  for (guint i = 0; words[i]; i++)
    if (strlen (words[i]) == len && strncmp (at + 1, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

static void
find_phrases (HarkAdSentence *s, const char *norm, const gsize *map)
{
  static const char *const helping[] = { "helps", "help", "helping", NULL };
  static const char *const places[] = { "inside", "in", "into", "on", "at", "now", "here",
                                        "there", "away", "from", "to", "before", "after", "off",
                                        "out", "up", "down", "next", "where", "when", "back",
                                        "over", "under", "through", "within", NULL };

  for (guint i = 0; i < phrases->len; i++)
    {
      const Phrase *phrase = &g_array_index (phrases, Phrase, i);
      const char *hit;

      for (hit = strstr (norm, phrase->padded); hit; hit = strstr (hit + 1, phrase->padded))
        /* "Try it free by going to …" asks as much as "go to …" does. */
        if (phrase->feature != HARK_AD_IMPERATIVE || g_str_has_prefix (phrase->padded, " by ")
            || asks (s, norm, hit, map))
          {
            HarkAdFeature f = phrase->feature;

            /* "Right in your inbox", "right now": an adverb, not someone agreeing. */
            if (f == HARK_AD_DIALOGUE && g_str_equal (phrase->padded, " right ")
                && word_after_is (hit + phrase->length - 1, places))
              continue;
            /* "Checking them out really helps support the show": the sponsors help. */
            if (f == HARK_AD_SELF && hit > norm && word_before_is (norm, hit, helping))
              continue;

            if (f == HARK_AD_SPONSOR && tells_of_sponsors (s, norm, map, hit, phrase))
              continue;
            if (f == HARK_AD_SPONSOR && names_first_person (hit + phrase->length - 1))
              f = HARK_AD_SELF;
            note (s, f, map[hit - norm + 1], phrase->length - 2);
            if (f == HARK_AD_PLUG)
              note (s, HARK_AD_SELF, map[hit - norm + 1], phrase->length - 2);
            break;
          }
    }

  /* Spoken domains: "example dot com", "dot com slash show". */
  for (const char *dot = strstr (norm, " dot "); dot; dot = strstr (dot + 1, " dot "))
    {
      const char *word = dot + 5;
      const char *end = strchr (word, ' ');

      if (end && is_tld (word, (gsize) (end - word)))
        {
          note (s, HARK_AD_URL, map[dot - norm + 1], (gsize) (end - dot - 1));
          break;
        }
    }
  find_own_products (s, norm, map);
  /* A spoken path ("slash show") needs a host said or written with it: "Python slash typing" in
   * conversation is no link. */
  if (strstr (norm, " slash ") && s->count[HARK_AD_URL])
    note (s, HARK_AD_URL, map[strstr (norm, " slash ") - norm + 1], 5);

  /* Prices: "$5", "5 dollars", "99 cents". */
  for (const char *p = strchr (norm, '$'); p; p = strchr (p + 1, '$'))
    if (g_ascii_isdigit (p[1]))
      {
        gsize at = map[p - norm], end = at + 1;

        /* Quote the price as written: "$5", "$5.99", "$1,000". */
        while (end < s->length && (g_ascii_isdigit (s->text[end])
                                   || ((s->text[end] == '.' || s->text[end] == ',')
                                       && end + 1 < s->length
                                       && g_ascii_isdigit (s->text[end + 1]))))
          end++;
        note (s, HARK_AD_OFFER, at, end - at);
        break;
      }
  /* "20% off": the sign sticks to its number, so the padded phrases cannot see it. */
  {
    const char *hit = strstr (norm, "% off ");

    if (hit && hit > norm && g_ascii_isdigit (hit[-1]))
      {
        const char *from = hit;

        while (from > norm && g_ascii_isdigit (from[-1]))
          from--;
        note (s, HARK_AD_OFFER, map[from - norm], (gsize) (hit - from) + 5);
      }
  }
  /* "5 dollars", "ten dollars": an amount, said with digits or in words. */
  {
    static const char *const amounts[] = { "one", "two", "three", "four", "five", "six",
                                           "seven", "eight", "nine", "ten", "fifteen", "twenty",
                                           "thirty", "forty", "fifty", "hundred", NULL };
    const char *hit = strstr (norm, " dollars ");

    if (hit && hit > norm && (g_ascii_isdigit (hit[-1]) || word_before_is (norm, hit, amounts)))
      note (s, HARK_AD_OFFER, map[hit - norm + 1], 7);
  }
}

static gboolean
is_question (const HarkAdSentence *s)
{
  gsize n = s->length;

  while (n > 0 && (s->text[n - 1] == ' ' || s->text[n - 1] == '"'))
    n--;
  return n > 0 && s->text[n - 1] == '?';
}

/* Word occurrences for burstiness: (word, sentence) in time order. */
typedef struct
{
  GArray *sentences; /* guint */
} Occurrences;

static void
occurrences_free (gpointer data)
{
  Occurrences *o = data;

  g_array_unref (o->sentences);
  g_free (o);
}

static void
collect_words (GHashTable *words, const char *norm, guint index)
{
  const char *p = norm;

  while (*p)
    {
      const char *end;

      while (*p == ' ')
        p++;
      end = p;
      while (*end && *end != ' ')
        end++;
      if (end - p >= BURST_MIN_LENGTH && end - p < 40 && !g_ascii_isdigit (*p))
        {
          char word[40];
          Occurrences *o;

          memcpy (word, p, (gsize) (end - p));
          word[end - p] = '\0';
          if (!g_hash_table_contains (stopword_set, word))
            {
              o = g_hash_table_lookup (words, word);
              if (o == NULL)
                {
                  o = g_new0 (Occurrences, 1);
                  o->sentences = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (words, g_strdup (word), o);
                }
              if (o->sentences->len == 0
                  || g_array_index (o->sentences, guint, o->sentences->len - 1) != index)
                g_array_append_val (o->sentences, index);
            }
        }
      p = end;
    }
}

/* A word said in a short stretch and hardly anywhere else marks the sentences holding it. */
static void
mark_bursts (HarkAdSentence *sentences, GHashTable *words)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *at = ((Occurrences *) value)->sentences;
      guint total = at->len, lo = 0;

      if (total < BURST_MIN_LOCAL || total > BURST_MAX_TOTAL)
        continue;
      for (guint hi = 0; hi < total; hi++)
        {
          HarkAdSentence *s = &sentences[g_array_index (at, guint, hi)];
          guint local;

          while (sentences[g_array_index (at, guint, lo)].start < s->start - BURST_WINDOW)
            lo++;
          local = hi - lo + 1;
          /* Count the ones after it too. */
          for (guint k = hi + 1;
               k < total && sentences[g_array_index (at, guint, k)].start <= s->start + BURST_WINDOW;
               k++)
            local++;
          if (local >= BURST_MIN_LOCAL && (double) local >= BURST_MIN_SHARE * total
              && s->count[HARK_AD_BRAND] < 255)
            s->count[HARK_AD_BRAND]++;
        }
    }
}

/* "This episode is brought to you by", "today's show is sponsored by": talk of sponsors that
 * is about this very show, not sponsors in general. */
static gboolean
names_the_show (const HarkAdSentence *s)
{
  static const char *const words[] = { "episode", "show", "podcast", "portion", "program",
                                       "segment", NULL };
  g_autofree char *lower = g_ascii_strdown (s->text, (gssize) MIN (s->length, (gsize) 400));

  for (guint i = 0; words[i]; i++)
    if (strstr (lower, words[i]))
      return TRUE;
  return FALSE;
}

/* The sentences after an announced break or a named sponsor, up to the read's first link,
 * code or offer, or a return to the show. */
static void
mark_after_breaks (HarkAdSentence *sentences, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      if (sentences[i].count[HARK_AD_BREAK] == 0
          && !(sentences[i].count[HARK_AD_SPONSOR] && names_the_show (&sentences[i])))
        continue;
      /* "Check out our sponsors in the description" closes reads; it announces none. */
      if (sentences[i].count[HARK_AD_URL] || sentences[i].count[HARK_AD_IMPERATIVE]
          || sentences[i].count[HARK_AD_CODE])
        continue;
      int voice = sentences[i].speaker;
      gboolean handed_over = FALSE;

      for (guint k = i + 1; k < n && sentences[k].start - sentences[i].end <= AFTER_BREAK_REACH;
           k++)
        {
          if (sentences[k].count[HARK_AD_RESUME] || sentences[k].count[HARK_AD_HOUSEKEEPING])
            break;
          /* A read is said by one voice: the announcer's, or the one it hands over to right
           * after announcing. Another voice after that is the show again. */
          if (voice >= 0 && sentences[k].speaker >= 0 && sentences[k].speaker != voice)
            {
              if (handed_over || sentences[k].start - sentences[i].end > HAND_OVER_REACH)
                break;
              handed_over = TRUE;
              voice = sentences[k].speaker;
            }
          /* It bridges the story between the announcement and the read's link or code; what
           * follows those stands on its own evidence. A price said early ("$10 a month gets
           * you …") is part of the story, not its end. */
          if (sentences[k].count[HARK_AD_URL] || sentences[k].count[HARK_AD_CODE])
            break;
          sentences[k].count[HARK_AD_AFTER_BREAK] = 1;
        }
    }
}

static gboolean
speaks_for_itself (const char *norm)
{
  static const char *const words[] = { " i ", " i'm ", " i've ", " i'd ", " i'll ", " me ",
                                       " my ", " we ", " we're ", " we've ", " we'd ", " we'll ",
                                       " us ", " our ", " support ", " become a ", NULL };

  for (guint i = 0; words[i]; i++)
    if (strstr (norm, words[i]))
      return TRUE;
  return FALSE;
}

void
hark_ad_evidence_compute (HarkAdSentence *sentences, guint n)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr (GHashTable) words
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, occurrences_free);
  char *norm = g_malloc (MAX_SENTENCE + 2);
  gsize *map = g_new (gsize, MAX_SENTENCE + 2);

  g_once (&once, init_tables, NULL);
  for (guint i = 0; i < n; i++)
    {
      HarkAdSentence *s = &sentences[i];

      memset (s->count, 0, sizeof s->count);
      normalise (s->text, s->length, norm, map);
      find_domains (s);
      find_phrases (s, norm, map);
      /* Self-promotion is the show speaking for itself: "we", "my", an ask for support, or the
       * show named. "They collect donations from GitHub sponsors" describes someone else. */
      if (s->count[HARK_AD_SELF] && !s->count[HARK_AD_IMPERATIVE] && !s->count[HARK_AD_PLUG]
          && !speaks_for_itself (norm) && !names_the_show (s))
        s->count[HARK_AD_SELF] = 0;
      /* A link said with "subscribe" or "past episodes" is where to follow the show. */
      if (s->count[HARK_AD_HOUSEKEEPING])
        s->count[HARK_AD_URL] = 0;
      if (is_question (s))
        note (s, HARK_AD_QUESTION, 0, 0);
      collect_words (words, norm, i);
    }
  mark_bursts (sentences, words);
  mark_after_breaks (sentences, n);
  g_free (norm);
  g_free (map);
}
