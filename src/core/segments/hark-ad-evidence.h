/* hark-ad-evidence.h — what one sentence says about being part of a read
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each sentence of a transcript gets a few evidence counts: the ways reads are worded in
 * general (URLs and spoken domains, codes, offers and prices, imperatives, talk of sponsors and
 * breaks, the show's own products and memberships, housekeeping), never a show, a sponsor or a
 * phrase of one episode. Brand burstiness is measured over the whole episode: a word dense in
 * this minute and rare everywhere else is likely a product being pitched.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HARK_AD_URL,        /* "example.com/show", "example dot com slash show" */
  HARK_AD_CODE,       /* "promo code", "use code SHOW" */
  HARK_AD_OFFER,      /* "$5", "20% off", "free trial", "for free" */
  HARK_AD_IMPERATIVE, /* "go to", "head over to", "sign up", "check them out" */
  HARK_AD_SPONSOR,    /* "sponsor", "brought to you by", "ad", "partner" */
  HARK_AD_BREAK,      /* "let's take a quick break", "a word from" */
  HARK_AD_SELF,       /* memberships, "support the show", "my course", "we're hiring" */
  HARK_AD_HOUSEKEEPING, /* subscribe, rate, review, follow, credits */
  HARK_AD_BRAND,      /* a word dense here and rare in the rest of the episode */
  HARK_AD_RESUME,     /* "back to the conversation", "here's my conversation with" */
  HARK_AD_QUESTION,   /* the sentence asks something */
  HARK_AD_DIALOGUE,   /* "I think", "yeah", "you know": people talking with each other */
  HARK_AD_AFTER_BREAK, /* within a read's length after a break was announced, before a return */
  HARK_AD_PLUG,       /* the speaker calls it a plug or self-promotion (also counted as SELF) */
  HARK_AD_CREDIT,     /* sponsor talk handing off to a named party: "… comes from Acme Freight" */
  HARK_AD_SHOW_PROMO, /* a show described or pointed to: "a podcast about", "new episodes every" */
  HARK_AD_LINKED_NAME, /* names what a link nearby is named after: "Acme" near "acme.de/show" */
  /* Broad classes the window model (hark-ad-window.h) weighs; the segmenter gives them no
   * weight. Each is a kind of wording, never a read's phrase. */
  HARK_AD_YOU,        /* second-person words: "you", "your", "you'll" (every one counted) */
  HARK_AD_BENEFIT,    /* commerce and benefit talk: "in minutes", "your team", "customers" */
  HARK_AD_PAUSE,      /* the conversation paused or handed off: "real quick", "before we go on" */
  HARK_AD_NOTES,      /* a destination without a link: "in the show notes", "link below" */
  HARK_AD_ASK,        /* any ask of the listener: "try", "join", "use", "order", "grab" */
  HARK_AD_DEAL,       /* any deal: "trial", "first year", "free shipping", "cancel anytime" */
  HARK_AD_OWN,        /* the show's own things: tickets, a live show, members, merch, a paid tier */
  HARK_AD_WE,         /* the speaker's own side: "we", "our", "my" (every one counted) */
  HARK_AD_NOVEL,      /* words said only around here in the whole episode (a change of topic) */
  HARK_AD_ELSEWHERE,  /* a destination with no link: "in your app store", "search for", "wherever you shop" */
  HARK_AD_NEW_VOICE,  /* said by a voice heard only in this stretch of the episode (an announcer, a skit) */
  HARK_AD_CRITICAL,   /* doubt or complaint: "didn't love it", "no longer use", "overpriced" */
  HARK_AD_OURS,       /* the speaker's side owns or runs it: "our store", "we're doing", "I run" */
  HARK_AD_EVENT,      /* an event: a date ("March fourth"), a weekday, tickets, seats, a cohort */
  HARK_AD_THEY,       /* third-person words: "they", "their", "them" (every one counted) */
  HARK_AD_N_FEATURES
} HarkAdFeature;

typedef struct
{
  double start;
  double end;
  int speaker;      /* -1 when unknown */
  guint unit;       /* the cue (or turn) it starts in */
  guint last_unit;  /* the one it ends in (captions split sentences over cues) */
  const char *text; /* as written, not NUL-terminated: @length bytes */
  gsize length;
  guint words;      /* how many words it has */
  guint content;    /* how many different words of four letters or more, not stop words */
  guint8 count[HARK_AD_N_FEATURES];
  gsize quote_at[HARK_AD_N_FEATURES]; /* where in @text the first hit of each feature is */
  guint8 quote_len[HARK_AD_N_FEATURES];
  /* The first word of the backer a credit names (HARK_AD_CREDIT), in @text. */
  gsize backer_at;
  guint8 backer_len;
  /* … and the credit goes on to say what the backer does ("from Acme, makers of …"). */
  gboolean backer_described;
  /* How many backers the credit names in a row ("by Acme, Bolt and Crane" is three). */
  guint8 backers;
  /* Of the SELF hits, those said as the speaker's own ("my course", "I've created a class"):
   * the show's offer from its host, a guest's life from anyone else. */
  guint8 mine;
  /* The SELF hits of a sentence a guest said of their own (hark_ad_evidence_hide_guests_own()). */
  guint8 guests_own;
  /* Of the SELF hits, those that only ask for support ("support the show", "supporting this
   * show"): they name nothing the show offers, so whose offer the read is lies elsewhere. */
  guint8 support_asks;
  /* Of the OWN hits, those that only name the show itself ("the show", "this podcast"). */
  guint8 show_named;
  /* What the sentence says of its speaker's part in the show (HARK_AD_ROLE_*). */
  guint8 role;
  /* The episode's language (a HarkAdLanguage, hark-ad-language.h): whose words count. */
  guint8 language;
} HarkAdSentence;

/* Bits of HarkAdSentence.role. */
enum
{
  HARK_AD_ROLE_HOSTING = 1 << 0, /* introduces the show or a guest: "my guest today", "I'm X and this is" */
  HARK_AD_ROLE_GUESTING = 1 << 1, /* thanks for the invitation: "thanks for having me" */
  HARK_AD_ROLE_ASKS_YOURS = 1 << 2, /* a question about the other's own things: "your newsletter?" */
  HARK_AD_ROLE_ANSWERS = 1 << 3, /* opens as an answer does: "yes, …", "well, …" */
};

/* A credit naming this many backers in a row is a roll call of them, even said "to you". */
#define HARK_AD_ROLL_CALL 2

/* "promo URL", "code", … for explanations. */
const char *hark_ad_feature_label (HarkAdFeature feature);

/* Fills the counts of @n sentences (their text, times and speakers set), including brand
 * burstiness across all of them, in the language their words say (hark-ad-language.h). */
void hark_ad_evidence_compute (HarkAdSentence *sentences, guint n);
/* … in @language (a HarkAdLanguage) known already. */
void hark_ad_evidence_compute_in (HarkAdSentence *sentences, guint n, guint language);

/* A guest's "my course" is their life told, not the show's offer, for the segmenter: hide
 * takes those hits out of the SELF counts, show puts them back. The window model weighs a
 * window as a whole, as the reads it was fitted on do (a guest asked where to find their work
 * plugs it), and sees them. Computed evidence starts shown. */
void hark_ad_evidence_hide_guests_own (HarkAdSentence *sentences, guint n);
void hark_ad_evidence_show_guests_own (HarkAdSentence *sentences, guint n);

G_END_DECLS
