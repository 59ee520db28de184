/* hark-ad-window.h — a few sentences in a row judged as a whole: is this a read?
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads that no hand-off phrase announces still look like reads: somewhere to go (a link, a
 * spoken domain, "in the show notes"), something offered, an ask of the listener, "you" said
 * again and again, a name dense here and rare in the rest of the episode, benefit talk, one
 * voice. A window of two to six sentences is summed up in a handful of numbers (its structure,
 * not its words) and a small logistic model, fitted by tools/hark-ad-fit on made-up reads
 * (data/ad-training/) against real conversation, says how likely it is a read, and whose.
 */
#pragma once

#include "segments/hark-ad-evidence.h"

G_BEGIN_DECLS

#define HARK_AD_WINDOW_MIN 2
#define HARK_AD_WINDOW_MAX 6

typedef enum
{
  HARK_AD_W_URL,          /* a link or a spoken domain in it */
  HARK_AD_W_URLS,         /* in two sentences or more */
  HARK_AD_W_OFFER,        /* a price, a percentage off, a free trial (the strict table) */
  HARK_AD_W_CODE,
  HARK_AD_W_IMPERATIVE,   /* "go to", "sign up" (the strict table) */
  HARK_AD_W_HANDOFF,      /* sponsor talk or an announced break */
  HARK_AD_W_SELF,         /* the show's own offer (the strict table) */
  HARK_AD_W_NOTES,        /* "in the show notes", "link below" */
  HARK_AD_W_ASK,          /* share of sentences asking something of the listener */
  HARK_AD_W_DEAL,         /* share of sentences with deal words */
  HARK_AD_W_OWN,          /* share of sentences naming the show's own things */
  HARK_AD_W_BENEFIT,      /* share of sentences with benefit talk */
  HARK_AD_W_PAUSE_FIRST,  /* the first sentence pauses the conversation */
  HARK_AD_W_PAUSE,        /* any does */
  HARK_AD_W_BRAND,        /* share of sentences with a name dense here and rare elsewhere */
  HARK_AD_W_YOU,          /* second-person words per word, times ten, at most one */
  HARK_AD_W_DIALOGUE,     /* share of sentences with conversation words */
  HARK_AD_W_QUESTION,     /* share of questions */
  HARK_AD_W_TURNS,        /* speaker changes per sentence boundary */
  HARK_AD_W_RESUME,       /* a return to the show in it */
  HARK_AD_W_HOUSEKEEPING, /* subscribe, rate, credits */
  HARK_AD_W_AFTER_BREAK,  /* within reach of an announced break */
  HARK_AD_W_KINDS,        /* distinct kinds of evidence, of seven */
  HARK_AD_W_URL_DEAL,     /* a link and a deal */
  HARK_AD_W_URL_ASK,      /* a link and an ask */
  HARK_AD_W_DEAL_ASK,     /* a deal and an ask */
  HARK_AD_W_NAMED_LINK,   /* a name repeated in two sentences or more, and a destination */
  HARK_AD_W_EMPTY,        /* share of sentences with no evidence at all */
  HARK_AD_W_NOVEL,        /* share of its words said nowhere else in the episode */
  HARK_AD_W_ONE_VOICE,    /* one known voice says all of it */
  HARK_AD_W_WE,           /* first-person words ("we", "our", "my") per word, times ten, at most one */
  HARK_AD_W_ELSEWHERE,    /* a destination with no link: an app store, "search for", "wherever you …" */
  HARK_AD_W_NEW_VOICE,    /* share of sentences by a voice heard only in this stretch */
  HARK_AD_W_NEW_VOICE_DEAL, /* a voice heard only here, and a deal or an ask */
  HARK_AD_W_SUPPORTED,    /* a named company thanked for its support (sponsor talk, no self) */
  HARK_AD_W_ANSWER,       /* the sentence before it is another voice's question: an answer */
  HARK_AD_W_BRAND_LINK,   /* a link said with a name that is also said in another sentence */
  HARK_AD_W_CRITICAL,     /* share of sentences doubting or complaining */
  HARK_AD_W_TALK_TURNS,   /* turns between the conversation's own voices, per sentence boundary */
  HARK_AD_W_OURS,         /* share of sentences where the speaker's side runs or owns it */
  HARK_AD_W_EVENT,        /* a date, a weekday, tickets or seats, and "we": an event of its own */
  HARK_AD_W_OURS_PLACE,   /* one sentence says "ours" and where to find it ("our store at …") */
  HARK_AD_W_THEY,         /* third-person words per word, times ten, at most one: someone else's */
  HARK_AD_W_N
} HarkAdWindowFeature;

typedef struct
{
  guint first, last;   /* sentences */
  gboolean self;       /* the show's own promotion, not a sponsor's */
  double logit;        /* of its best window */
} HarkAdWindowRead;

/* The features' names, for the fitter's header and explanations. */
const char *hark_ad_window_feature_name (HarkAdWindowFeature feature);

/* Sums up sentences @first..@last in @x (HARK_AD_W_N values); the sentence before @first, when
 * there is one in @s, tells whether they answer a question. */
void hark_ad_window_features (const HarkAdSentence *s, guint first, guint last, double *x);

/* Whether a span with features @x holds the structure a read needs (somewhere to go — a link,
 * the show notes, a store to search in — or something to pay less with, or a voice heard only
 * there offering something; the listener addressed; and three kinds of evidence): nothing less
 * is ever a read. */
gboolean hark_ad_window_structural (const double *x);

/* Log-odds that @x is a read, and that a read with @x is the show's own. */
double hark_ad_window_read_logit (const double *x);
double hark_ad_window_self_logit (const double *x);
/* Log-odds that @x is the show's own promotion rather than conversation (a model of its own:
 * such promotions often have no link nor price, which most reads have). */
double hark_ad_window_own_logit (const double *x);
/* Whether @x has a link, a code or a price: the read model's to judge, not the own model's. */
gboolean hark_ad_window_pays (const double *x);
/* Whether @x is shaped as an aside to the listener, where the own model may decide: a read
 * with no link nor price looks much like talk, which the model alone does not tell apart. */
gboolean hark_ad_window_own_aside (const double *x);

/* Log-odds that one sentence next to a read is part of it. */
double hark_ad_window_edge_logit (const HarkAdSentence *sentence);

/* Reads among the @n sentences that no sentence marked in @taken belongs to: the best windows
 * whose log-odds pass the fitted threshold, each grown over its neighbours while that keeps it
 * as likely a read, its edges trimmed to sentences that carry evidence. Appends
 * HarkAdWindowRead entries to @out (in no particular order). */
void hark_ad_window_find (const HarkAdSentence *s, guint n, const gboolean *taken, GArray *out);

G_END_DECLS
