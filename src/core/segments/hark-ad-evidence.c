/* hark-ad-evidence.c — what one sentence says about being part of a read
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phrases are matched on a normalised copy of the sentence: lower case, every mark but "$", "%"
 * and "'" turned into a space, one space between words and one at each end, so " promo code "
 * matches however the transcript punctuated it. Domains are found on the text as written. An
 * episode in another language (hark-ad-language.h) is matched folded (accents and umlauts off)
 * against its lexicon and the English words of the trade it borrows.
 */
#include "segments/hark-ad-evidence.h"

#include "segments/hark-ad-domain.h"

#include <string.h>

#include "segments/hark-ad-language.h"

/* Longest sentence looked at; a longer one is judged on its start (a runaway cue). */
#define MAX_SENTENCE 2048
/* Brand burstiness: the window around a word, and how rare in the episode it must be. */
#define BURST_WINDOW 75.0
#define BURST_MAX_TOTAL 12
#define BURST_MIN_LOCAL 2
#define BURST_MIN_SHARE 0.4
#define BURST_MIN_LENGTH 4
/* A word all of whose uses lie within this span is new here: the topic changed. */
#define NOVEL_SPAN 180.0
#define NOVEL_MIN_EPISODE (2 * NOVEL_SPAN)
/* How far (bytes) a written link may follow a call to action for the two to be one ask. */
#define ASK_LINK_REACH 48
/* How long after "a word from our sponsors" the read it announces may run. */
#define AFTER_BREAK_REACH 90.0
/* How soon after announcing it the announcer may hand the read to another voice. */
#define HAND_OVER_REACH 15.0
/* A voice heard only within this long, in at most this many sentences, is not one of the
 * conversation's. */
#define NEW_VOICE_SECONDS 150.0
#define NEW_VOICE_SENTENCES 16
/* How many sentences after a product one subscribes to is named "subscribe" may still ask
 * for it. */
#define SUBSCRIPTION_REACH 3
/* How long a pause may lie between credits read one after another. */
#define CREDIT_RUN_GAP 2.0
/* How far from a link a sentence saying the link's name is its story. */
#define LINKED_NAME_REACH 45.0
/* How far from a guest's "my course" their calling it a plug makes it one, outside their turn
 * (seconds), and how many sentences at most are looked at either way. */
#define PLUG_REACH 45.0
#define PLUG_SENTENCES 40
/* How soon after a question about the other's own things an answer may say "my …" (seconds and
 * sentences). */
#define ANSWER_REACH 10.0
#define ANSWER_SENTENCES 2

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
  [HARK_AD_CREDIT] = "a backer named",
  [HARK_AD_SHOW_PROMO] = "a show promoted",
  [HARK_AD_LINKED_NAME] = "the link's name said",
  [HARK_AD_YOU] = "said to the listener",
  [HARK_AD_BENEFIT] = "benefit talk",
  [HARK_AD_PAUSE] = "the conversation paused",
  [HARK_AD_NOTES] = "where to find it",
  [HARK_AD_ASK] = "an ask",
  [HARK_AD_DEAL] = "a deal",
  [HARK_AD_OWN] = "the show's own things",
  [HARK_AD_WE] = "the speaker's own",
  [HARK_AD_NOVEL] = "words said nowhere else",
  [HARK_AD_ELSEWHERE] = "where to get it",
  [HARK_AD_NEW_VOICE] = "a voice heard only here",
  [HARK_AD_CRITICAL] = "doubt or complaint",
  [HARK_AD_OURS] = "the speaker's side runs it",
  [HARK_AD_EVENT] = "an event",
  [HARK_AD_THEY] = "someone else's",
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
                           "by heading over to", "by signing up",
                           /* Asked to write to the speaker's side: a show's ask has nowhere
                            * else to send the listener. */
                           "get in touch", "email us", "send us an email", "drop us a line",
                           "write to us", "reach out to us", NULL } },
  { HARK_AD_SPONSOR,
    (const char *const[]){ "sponsor", "sponsors", "sponsored", "sponsoring", "brought to you",
                           "supported by", "support for this", "underwritten", "presented by",
                           "made possible by", "our partner", "our partners", "ad read",
                           "ad reads", "partnered with",
                           "in partnership with", "affiliate link", "affiliate links",
                           "affiliate code", "message comes from", "messages come from",
                           NULL } },
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
                           "asking for money", "ask for your support", "chip in",
                           "if you can afford",
                           /* Listeners paying for the show itself. */
                           "pledge drive", "make a pledge", "your pledge", "donate to the show",
                           "donate to us", "back us", "backing us", "our crowdfunding",
                           "our campaign", "paid tier", "our paid",
                           /* Listeners sending value back as they listen, or a tip. */
                           "value for value", "send a boost", "send us a boost",
                           "send the show a boost", "boostagram", "boostagrams", "tip jar",
                           "send us a tip", "buy us a coffee", "buy me a coffee",
                           "become a supporter", "becoming a supporter", NULL } },
  { HARK_AD_HOUSEKEEPING,
    (const char *const[]){ "subscribe", "subscribed", "a review", "rate and review",
                           "rate us", "rate the show", "review the show", "ratings", "five star",
                           "5 star", "follow us", "follow me", "like and subscribe",
                           "thanks for listening", "thank you for listening",
                           "thanks for watching", "see you next", "join us next", "until next week",
                           "back next week", "same time next", "produced by",
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
  /* A show described as a thing to listen to, and where and when to hear it: a network's
   * promotion of its other shows, in another voice, often with no link. */
  { HARK_AD_SHOW_PROMO,
    (const char *const[]){ "is a podcast", "is a new podcast", "a podcast about",
                           "a podcast from", "is a show about", "a show about",
                           "a new show", "new podcast", "new season of", "a new season",
                           "new episodes", "episodes every", "episodes drop", "every episode is",
                           "wherever you get your podcasts", "wherever you get podcasts",
                           "wherever you listen", "in your podcast app", "give it a listen",
                           "listen and follow", "follow and listen", NULL } },
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
  /* The broad classes below are weighed by the window model only: wording of a kind, so that a
   * read worded as no table foresaw still shows what it is. */
  { HARK_AD_BENEFIT,
    (const char *const[]){ "in minutes", "in seconds", "in one place", "all in one", "one click",
                           "a click", "a few clicks", "effortless", "effortlessly", "seamless",
                           "seamlessly", "automatically", "hassle", "peace of mind",
                           "built for", "designed for", "made for", "trusted by", "used by",
                           "whether you're", "whether you", "no matter", "starting at",
                           "delivered", "delivers", "to your door", "straight to your",
                           "guarantee", "guaranteed", "customers", "pricing", "plans",
                           "subscription", "affordable", "any device", "on the go",
                           "game changer", "love it", "i love", "we love", "save time",
                           "save money", "saves you", "save you", "takes care of", "so you can",
                           "lets you", "let you", "helps you", "gives you", "makes it easy",
                           "easy to", "you'll get", "you get", "get access", "unlimited",
                           "support team", "customer support", "your team", "your business",
                           "your company", "your data", "your inbox", "your phone",
                           "your money", "your home", "your family", "your budget",
                           "every plan", "high quality", "best", "favorite", "ever since",
                           "i've been using", "i use it", "we use it", "switched to",
                           "privacy", "secure", "encrypted", "sustainable", "handmade",
                           "ingredients", "recipes", "no more", "never again", "say goodbye",
                           "tired of", "imagine", "that's why", "world class", "hundreds of",
                           "thousands of", "millions of", NULL } },
  { HARK_AD_PAUSE,
    (const char *const[]){ "real quick", "really quick", "quick break", "before we continue",
                           "before we go on", "before we get", "before we dive",
                           "before we jump", "before we move on", "before we keep going",
                           "let me tell you about", "tell you about", "want to tell you",
                           "a moment to", "a minute to", "take a second", "take a moment",
                           "interrupt", "pause", "hold that thought", "one more thing",
                           "quick thing", "quick note", "a quick word", "quick word",
                           "switch gears", "step away", "a break", "the break", "this break",
                           "sponsor", "sponsors",
                           "support", "supported", "brought", "partner", "partners",
                           "partnered", "thanks to", "thank you to", "shout out", "shoutout",
                           "heads up", "psa", "announcement", "by the way", "speaking of",
                           "now for", "quick message", "back in a", "right back",
                           "after this", NULL } },
  { HARK_AD_NOTES,
    (const char *const[]){ "show notes", "episode notes", "in the notes", "in the description",
                           "link below", "links below", "linked below", "link is below",
                           "link in the", "links in the", "our website", "the website",
                           /* The speaker's own place, named without its address. */
                           "our site", "my site", "my website", "our page", "our store",
                           "our shop", "my store", "my shop", "our channel", "my channel",
                           NULL } },
  /* A read never doubts what it sells; people talking about a product do. */
  { HARK_AD_CRITICAL,
    (const char *const[]){ "didn't love", "not a fan", "no longer", "stopped using",
                           "gave up on", "confidently wrong", "wrong", "worse", "broken",
                           "buggy", "annoying", "disappointed", "disappointing", "overpriced",
                           "too expensive", "paywall", "not worth", "rip off", "ripoff", "scam",
                           "used to sponsor", "used to be", "complain", "complained",
                           "i'm skeptical", "skeptical", "the catch", "the downside",
                           "downsides", "to be fair", "on the other hand", "i wouldn't",
                           "i don't trust", "be sad", "went up", "price hike", "raised their",
                           NULL } },
  { HARK_AD_ELSEWHERE,
    (const char *const[]){ "app store", "play store", "app stores", "your app store",
                           "wherever you", "wherever you get", "wherever you shop",
                           "wherever you buy",
                           "wherever you listen", "wherever books are sold", "search for",
                           "look for", "just search", "available on", "available at",
                           "available in", "find it in", "find it at", "find them at",
                           "find them in", "in stores", "at your local", "near you",
                           "their app", "free app", NULL } },
  { HARK_AD_ASK,
    (const char *const[]){ "try", "try out", "join", "use", "order", "grab", "claim", "snag",
                           "book", "get yours", "get your", "get it", "get started", "sign up",
                           "go to", "head to", "head over", "visit", "download", "check out",
                           "check it out", "check them out", "give it a try", "give them a try",
                           "go check", "hop over", "jump over", "swing by", "stop by", "pick up",
                           "treat yourself", "find out", "learn more", "see for yourself",
                           "look for", "search", "text", "call", "reserve", "register",
                           "subscribe", "upgrade", "start", "come", "come see", "don't miss",
                           "make sure", "be sure", "send a boost", "send us a boost",
                           "send the show a boost", "send us a tip", "send back",
                           NULL } },
  { HARK_AD_DEAL,
    (const char *const[]){ "trial", "free", "first month", "first year", "first box",
                           "first order", "first week", "first purchase", "free shipping",
                           "half off", "half price", "percent off", "percent", "off your",
                           "off the", "discount", "discounted", "cents a day", "a day",
                           "a month", "a year", "per month", "per year", "for just", "for only",
                           "just $", "only $", "price", "bucks", "dollars", "cancel anytime",
                           "cancel any time", "no commitment", "money back", "risk free",
                           "code", "coupon", "deal", "offer", "savings", "save", "credit",
                           "credits", "on us", "no cost", "extra", "bonus", "gift",
                           "early bird", "limited", "exclusive", "special", NULL } },
  { HARK_AD_OWN,
    (const char *const[]){ "tickets", "ticket", "live show", "live shows", "on tour", "tour",
                           "discord", "slack", "members", "member", "membership",
                           "memberships", "paid tier", "paid subscribers", "supporters",
                           "supporter", "bonus episodes", "bonus episode", "extra episodes",
                           "ad free", "early access", "patreon", "patrons", "merch",
                           "t shirts", "t shirt", "shirts", "hoodie", "hoodies", "stickers",
                           "mugs", "our store", "our shop", "my store", "my shop",
                           "merch store", "our other show", "other show", "sister show",
                           "our network", "same network", "this network", "podcast network",
                           "new show", "second show", "another show", "new podcast",
                           "other podcast", "second podcast", "my channel", "our channel",
                           "my book",
                           "our book", "my course", "our course", "the course", "workshop",
                           "cohort", "newsletter", "my newsletter", "our newsletter",
                           "community", "meetup", "conference", "come see us", "see us live",
                           "this show", "the show", "our show", "my show", "the podcast",
                           "we made", "i made", "i wrote", "we wrote", "i've been working on",
                           "we've been working on", "we launched", "i launched", "we're launching",
                           "i'm launching", "i've written", "we built", "i built", "we've made",
                           "we've ever made", "crowdfunding", "backers", "preorder",
                           "pre order", "paperback", "hardcover", "audiobook", "my album",
                           "our album", "new album", "signed copy", "signed copies",
                           "consulting", "my company", "my studio", "my agency",
                           "i've been building", "we've been building", "i'm building",
                           "we're building", "the beta", "our beta", "waitlist", "wait list",
                           "live recording", "recording live", "live stream", "livestream",
                           "stream live", "we stream", "tier", "tiers", "video channel",
                           "channel", NULL } },
  /* First-person ownership: what the speaker's side makes, runs, sells or hosts. Sponsor reads
   * speak of a product as someone else's ("they", "it"); the show's own promotion says "we". */
  { HARK_AD_OURS,
    (const char *const[]){ "we run", "i run", "we host", "i host", "we're hosting", "we are hosting",
                           "i'm hosting", "we're doing", "we are doing", "we're putting on",
                           "we put on", "come see us", "come see me", "come hang out",
                           "come say hi", "see us", "join us", "we sell", "we make",
                           "we're selling", "we opened", "we've opened", "we just launched",
                           "we're releasing", "we've released", "i'm releasing", "i just released",
                           "i'm teaching", "i teach", "we teach", "i'm running", "we're running",
                           "i organize", "we organize", "i founded", "we founded", "i co founded",
                           "my company", "our company", "my startup", "our startup", "our own",
                           "my own", "our store", "our shop", "our site", "our website", "my site",
                           "my website", "our tour", "our live", "our members", "our community",
                           "our newsletter", "my newsletter", "our book", "my book", "my course",
                           "our course", "our other", "our sister", "our new", "my new",
                           "we also have", "we also make", "we also do", "i also have",
                           "i also do", "i also teach", "i also write", "we also write",
                           "we write", "i write", "we stream", "i stream", "we record",
                           "our channel", "my channel", "our app", "my app", "we're launching",
                           "i'm launching", NULL } },
  /* Events: when and where to be, and how to get in. Dates are found apart (find_dates). */
  { HARK_AD_EVENT,
    (const char *const[]){ "tickets", "ticket", "seats", "on sale", "sold out", "venue", "doors open",
                           "early bird", "in person", "tour", "tour dates", "cohort", "starts on",
                           "registration", "register", "rsvp", "livestream", "live stream",
                           "live show", "live shows", "eastern", "pacific", "p m", "pm",
                           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday", "this spring", "this summer", "this fall", "this autumn",
                           "this winter", "next month", NULL } },
  { HARK_AD_DIALOGUE,
    (const char *const[]){ "i think", "i mean", "yeah", "you know", "right", "i guess",
                           "kind of", "sort of", "like i said", "i don't know", "exactly",
                           "totally", "haha", "that's true", NULL } },
};


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
  guint first;        /* its first word's number in first_words */
  gboolean anywhere;  /* an ask without a clause start before it (HARK_AD_LEXICON_ANYWHERE) */
  gboolean mine;      /* starts with a first-person singular owner: "my course" */
} Phrase;

/* A language's phrases: the English tables' (for English, all of them; for another language,
 * the words of the trade it borrows: sponsor, code, premium, Patreon) and its lexicon's. */
typedef struct
{
  GArray *phrases;
  /* The phrases' first words, numbered: a phrase is looked for only in a sentence that has its
   * first word (hundreds of phrases, most sentences hold few of them). */
  GHashTable *first_words;
  guint n_first_words;
  GHashTable *stopwords;
} PhraseSet;

static PhraseSet sets[HARK_AD_N_LANGUAGES];

/* English tables another language's episodes use too: words the trade borrows. The broad
 * classes and the wording of conversation come from the language's own lexicon. */
static gboolean
borrowed (HarkAdFeature feature)
{
  switch (feature)
    {
    case HARK_AD_CODE:
    case HARK_AD_OFFER:
    case HARK_AD_IMPERATIVE:
    case HARK_AD_SPONSOR:
    case HARK_AD_BREAK:
    case HARK_AD_SELF:
    case HARK_AD_HOUSEKEEPING:
    case HARK_AD_PLUG:
    case HARK_AD_SHOW_PROMO:
    case HARK_AD_URL:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
add_phrase (PhraseSet *set, HarkAdFeature feature, const char *text, gboolean anywhere,
            const char *const *mine)
{
  Phrase phrase = { feature, g_strdup_printf (" %s ", text), 0, 0, anywhere, FALSE };
  const char *space = strchr (text, ' ');
  g_autofree char *word = space ? g_strndup (text, (gsize) (space - text)) : g_strdup (text);
  gpointer id = g_hash_table_lookup (set->first_words, word);

  if (id == NULL)
    {
      id = GUINT_TO_POINTER (++set->n_first_words);
      g_hash_table_insert (set->first_words, g_strdup (word), id);
    }
  phrase.first = GPOINTER_TO_UINT (id) - 1;
  phrase.length = strlen (phrase.padded);
  phrase.mine = mine ? hark_ad_language_word_in (word, strlen (word), mine)
                     : g_str_has_prefix (phrase.padded, " my ");
  g_array_append_val (set->phrases, phrase);
}

static gpointer
init_tables (gpointer data)
{
  stopword_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; stopwords[i]; i++)
    g_hash_table_add (stopword_set, (gpointer) stopwords[i]);
  return NULL;
}

/* Each language's set is made the first time an episode in it is read. */
static gpointer
init_set (gpointer data)
{
  PhraseSet *set = &sets[GPOINTER_TO_UINT (data)];
  const HarkAdLexicon *lexicon = hark_ad_language_lexicon (GPOINTER_TO_UINT (data));

  set->phrases = g_array_new (FALSE, FALSE, sizeof (Phrase));
  set->first_words = g_hash_table_new (g_str_hash, g_str_equal);
  set->stopwords = stopword_set;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (lexicon == NULL || borrowed (tables[t].feature))
      for (guint p = 0; tables[t].phrases[p]; p++)
        add_phrase (set, tables[t].feature, tables[t].phrases[p], FALSE, NULL);
  if (lexicon == NULL)
    return NULL;
  for (guint t = 0; t < lexicon->n_tables; t++)
    for (guint p = 0; lexicon->tables[t].phrases[p]; p++)
      {
        const char *text = lexicon->tables[t].phrases[p];
        gsize size = 3 * strlen (text) + 3;
        g_autofree char *folded = g_malloc (size);
        gsize n = hark_ad_language_fold (text, strlen (text), folded, size, NULL);

        /* " ... " without its spaces around */
        folded[n - 1] = '\0';
        add_phrase (set, lexicon->tables[t].feature, folded + 1,
                    (lexicon->tables[t].flags & HARK_AD_LEXICON_ANYWHERE) != 0, lexicon->mine);
      }
  set->stopwords = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; stopwords[i]; i++)
    g_hash_table_add (set->stopwords, (gpointer) stopwords[i]);
  for (guint i = 0; lexicon->stopwords[i]; i++)
    g_hash_table_add (set->stopwords, (gpointer) lexicon->stopwords[i]);
  return NULL;
}

static const HarkAdLexicon *
lexicon_of (const HarkAdSentence *s)
{
  return hark_ad_language_lexicon (s->language);
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
  return hark_ad_domain_known_ending (p, len);
}

/* The endings of the domains of the episode's language's countries: ".at", ".fr". */
static gboolean
language_tld (const HarkAdSentence *s, const char *p, gsize len)
{
  const HarkAdLexicon *lexicon = lexicon_of (s);

  for (guint i = 0; lexicon && lexicon->tlds[i]; i++)
    if (strlen (lexicon->tlds[i]) == len && g_ascii_strncasecmp (p, lexicon->tlds[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the domain at @from..@to of @text (@n bytes) is a thing told of rather than a place
 * to go: a bare site said with what it did or did not do, then ("because example.com didn't
 * exist yet", "example.com went under"). A destination is named as somewhere to be, in the
 * present. */
static gboolean
named_as_a_thing (const char *text, gsize from, gsize to, gsize n)
{
  static const char *const told[] = { "didn't ", "did not ", "wasn't ", "was not ", "weren't ",
                                      "never ", "used to ", "existed", "went ", "was bought",
                                      "got bought", "shut down", "had ", "was just ", NULL };

  if (memchr (text + from, '/', to - from))
    return FALSE;
  while (to < n && (text[to] == ' ' || text[to] == ','))
    to++;
  for (guint i = 0; told[i]; i++)
    if (n - to >= strlen (told[i]) && g_ascii_strncasecmp (text + to, told[i], strlen (told[i])) == 0)
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
      /* Any ending, when a path follows: "example.bot/show" is somewhere to go. */
      if (!(is_tld (text + i + 1, j - i - 1) || language_tld (s, text + i + 1, j - i - 1)
            || (hark_ad_domain_plausible_ending (text + i + 1, j - i - 1) && j + 1 < n
                && text[j] == '/' && g_ascii_isalnum (text[j + 1])))
          || (j < n && g_ascii_isalnum (text[j])))
        continue;
      {
        gsize k = i;

        while (k > 0 && (g_ascii_isalnum (text[k - 1]) || text[k - 1] == '-'
                         || text[k - 1] == '.'))
          k--;
        while (j < n && (g_ascii_isalnum (text[j]) || text[j] == '/' || text[j] == '-'))
          j++;
        if (!named_as_a_thing (text, k, j, n))
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
    "merch", "class", "classes", "shirts", "hoodies", "mugs", "stickers", "pins", "posters",
    /* the show's own places */
    "newsletter", "store", "shop", "academy", "training", "conference", "patreon", "substack",
    "community", "discord", NULL
  };

  /* Who owns what follows: "my course", "our bundle", "we have over 200 hours of courses". */
  static const char *const owners[] = { " my ", " our ", " we have ", " we've got ",
                                        " i've got ", " we offer ", " i have created ",
                                        " i've created ", " we've created ", NULL };
  /* What one sells; "we have a Discord" is where a project talks, not an offer. */
  static const guint n_sold = 17;
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
                if (!g_str_has_prefix (at, " our ") && !g_str_has_prefix (at, " we") && s->mine < 255)
                  s->mine++;
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
  /* … and in another language, a dash or a quote mark of its own ("– werdet Mitglied"). */
  if (s->language != 0 && (guchar) s->text[at - 1] >= 0x80)
    {
      const char *before = g_utf8_find_prev_char (s->text, s->text + at);
      gunichar c = before ? g_utf8_get_char_validated (before, (gssize) (s->text + at - before))
                          : (gunichar) -1;

      if (c != (gunichar) -1 && c != (gunichar) -2 && !g_unichar_isalnum (c))
        return TRUE;
    }
  /* The word before it asks. */
  {
    const char *start = w;
    const HarkAdLexicon *lexicon = lexicon_of (s);
    gboolean known = FALSE;

    if (w <= norm)
      return TRUE;
    while (start > norm && start[-1] != ' ')
      start--;
    if (lexicon)
      return hark_ad_language_word_in (start, (gsize) (w - start), lexicon->preface);
    for (guint i = 0; preface[i]; i++)
      known |= (gsize) (w - start) == strlen (preface[i])
               && strncmp (start, preface[i], (gsize) (w - start)) == 0;
    return known;
  }
}

static gboolean word_after_is (const char *at, const char *const *words);

/* "Our friends at Acme", "our good friends over at Acme": a company the show calls its own only
 * in warmth. @after points at the space after "our" or "my". "Our members and friends" are
 * the show's own people: only the first word, or the one after a warm adjective, counts. */
static gboolean
names_others (const char *after)
{
  static const char *const others[] = { "friends", "friend", "partners", "partner", "pals",
                                        "buddies", "sponsor", "sponsors", NULL };
  static const char *const warm[] = { "good", "great", "dear", "old", "longtime", "wonderful",
                                      "awesome", "amazing", NULL };
  const char *w = after;

  if (word_after_is (w, warm))
    w = strchr (w + 1, ' ');
  return w != NULL && word_after_is (w, others);
}

/* "Brought to you by us", "sponsored by our course": a read the show makes for itself. @after
 * points at the space after the sponsor phrase in normalised text; @lexicon: the episode's
 * language's words for it, NULL in English. */
static gboolean
names_first_person (const HarkAdLexicon *lexicon, const char *after)
{
  static const char *const skip[] = { " by", " also", NULL };
  /* "Made possible by listeners like you": a show its listeners pay for promotes itself. */
  static const char *const own[] = { " us ", " our ", " me ", " my ", " myself ", " listeners ",
                                     " you ", NULL };
  const char *w = after;

  /* "Unterstützt von euch", "Werbung für unsere Sendung": the language's own words. */
  if (lexicon)
    {
      for (guint k = 0; k < 2 && w[0] && w[1] && word_after_is (w, lexicon->joiners); k++)
        w = strchr (w + 1, ' ');
      return w && w[0] && w[1] && word_after_is (w, lexicon->own_people);
    }
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; skip[i]; i++)
      if (g_str_has_prefix (w, skip[i]) && w[strlen (skip[i])] == ' ')
        {
          w += strlen (skip[i]);
          break;
        }
  for (guint i = 0; own[i]; i++)
    if (g_str_has_prefix (w, own[i]))
      return !names_others (w + strlen (own[i]) - 1);
  return FALSE;
}

/* "Brought to you by Inkwell, an app that I built", "… by our own course": the backer named is
 * the speaker's own making. @after points at the space after the sponsor phrase in normalised
 * text; the maker is looked for in the next few words, as the backer's description. Making
 * said in words that also mean using ("a tool we made the switch to") counts only after "that"
 * or "which". */
static gboolean
made_by_speaker (const char *after)
{
  static const char *const makers[] = { "i", "we", "i've", "we've", NULL };
  static const char *const making[] = { "built", "created", "wrote", "founded", "designed",
                                        "developed", "launched", NULL };
  static const char *const loosely[] = { "made", "make", "build", "run", "started", NULL };
  static const char *const relative[] = { "that", "which", NULL };
  static const char *const told[] = { "since", "when", "before", "after", "because", "if",
                                      "ever", "until", "once", "while", NULL };
  const char *w = after, *before = NULL;

  for (guint k = 0; k < 12 && w && w[1]; k++)
    {
      if (g_str_has_prefix (w, " our own ") || g_str_has_prefix (w, " my own "))
        return TRUE;
      if (word_after_is (w, makers))
        {
          const char *verb = strchr (w + 1, ' ');

          if (verb && before && word_after_is (before, relative)
              && (word_after_is (verb, making) || word_after_is (verb, loosely)))
            return TRUE;
          if (verb && word_after_is (verb, making) && !(before && word_after_is (before, told)))
            return TRUE;
        }
      before = w;
      w = strchr (w + 1, ' ');
    }
  return FALSE;
}

static gboolean names_the_show (const HarkAdSentence *s);

/* "Thanks to Example Co for supporting the show", "Example Co is supporting the show": support
 * from a named company is a sponsor's; from listeners, members, patrons or "all of you" it is the
 * show's own ask. @hit is where the support phrase starts in @norm. */
static gboolean
support_from_company (const char *norm, const char *hit)
{
  static const char *const thanks[] = { " thanks to ", " thank you to ", " thanks again to ",
                                        " grateful to ", NULL };
  static const char *const people[] = { "you", "all", "everyone", "everybody", "listeners",
                                        "listener", "members", "member", "patrons", "patron",
                                        "supporters", "subscribers", "fans", "folks", "friends",
                                        "people", "those", "who", "our", "my", "your", "of",
                                        "each", "every", "the", "it", "this", "that", "which",
                                        "we", "i", "they", "he", "she", "and", "so", "also",
                                        "really", "just", "for", "thank", "thanks", NULL };
  static const char *const verbs[] = { " for", " is", " are", " has been", " have been",
                                       " keeps", " who", " offered to", " agreed to",
                                       " decided to", " wanted to", " chose to", NULL };
  const char *from = NULL, *to = NULL, *w;
  guint words = 0;

  /* "… for supporting", "X is supporting", "X has been supporting" */
  for (guint i = 0; verbs[i] && to == NULL; i++)
    if ((gsize) (hit - norm) > strlen (verbs[i])
        && strncmp (hit - strlen (verbs[i]), verbs[i], strlen (verbs[i])) == 0)
      to = hit - strlen (verbs[i]);
  if (to == NULL)
    return FALSE;
  /* The last "thanks to" before the support, or else the sentence's start. */
  for (guint i = 0; thanks[i]; i++)
    for (const char *t = strstr (norm, thanks[i]); t && t < to; t = strstr (t + 1, thanks[i]))
      if (from == NULL || t + strlen (thanks[i]) > from)
        from = t + strlen (thanks[i]);
  if (from == NULL && g_str_has_prefix (to, " for"))
    return FALSE; /* "a big thank you for supporting": no one named */
  if (from == NULL)
    from = norm + 1;
  /* "So when X offered to support the show": the words opening the clause are no one. */
  for (gboolean again = TRUE; again;)
    {
      static const char *const openers[] = { "so ", "and ", "when ", "now ", "then ", "well ",
                                             "but ", "because ", NULL };

      again = FALSE;
      for (guint i = 0; openers[i]; i++)
        if (from < to && g_str_has_prefix (from, openers[i]))
          {
            from += strlen (openers[i]);
            again = TRUE;
          }
    }
  if (to <= from || to - from > 60)
    return FALSE;
  /* The words between: a name of one to five words, none of them a word for the show's own
   * listeners or the speaker. */
  for (w = from; w < to; words++)
    {
      const char *end = strchr (w, ' ');
      gsize len = (gsize) (end - w);

      for (guint i = 0; people[i]; i++)
        if (strlen (people[i]) == len && strncmp (w, people[i], len) == 0)
          return FALSE;
      w = end + 1;
    }
  return words >= 1 && words <= 5;
}

/* Words of @text from byte @from on, as written (for their capitals): at most @max. */
typedef struct
{
  gsize at, len;
} Word;

static guint
split_words (const char *text, gsize length, gsize from, Word *w, guint max)
{
  guint n = 0;

  for (gsize i = from; i < length && n < max;)
    {
      gsize j = i;

      while (j < length && (g_ascii_isalnum (text[j]) || text[j] == '\''))
        j++;
      if (j == i)
        {
          i++;
          continue;
        }
      w[n].at = i;
      w[n].len = j - i;
      n++;
      i = j;
    }
  return n;
}

/* A third party introduced as backing the show, however the hand-off is worded: a word of
 * backing ("support", "funding", "made possible", "brought"), the show (a word for it, or its
 * name written with capitals right after "for"), then "from" or "by" and a name written with a
 * capital ("Support for Morning Show comes from Acme", "funding for this program is provided by
 * the Acme Fund", "this episode is made possible by Acme"). Conversation about money a company
 * raised names no show. Returns where the backing word starts in @s->text, or -1. */
static gssize
backs_the_show (const HarkAdSentence *s)
{
  static const char *const backing[] = { "support", "supported", "funding", "funded", "backing",
                                         "backed", "underwriting", "underwritten", "possible",
                                         "brought", "sponsorship", "paid", "presented", NULL };
  static const char *const shows[] = { "show", "episode", "podcast", "program", "programme",
                                       "broadcast", "coverage", "series", "season", "newscast",
                                       "hour", NULL };
  static const char *const skip[] = { "the", "our", "friends", "folks", "at", "generous",
                                      "good", "people", NULL };
  enum { MAX_WORDS = 48, NEAR = 6 };
  Word w[MAX_WORDS];
  const char *text = s->text;
  guint n = split_words (text, MIN (s->length, (gsize) MAX_SENTENCE), 0, w, MAX_WORDS);
#define WORD_IS(k, word) (w[k].len == strlen (word) && g_ascii_strncasecmp (text + w[k].at, word, w[k].len) == 0)
  for (guint b = 0; b < n; b++)
    {
      gboolean is_backing = FALSE, show = FALSE;
      guint k;

      for (guint i = 0; backing[i] && !is_backing; i++)
        is_backing = WORD_IS (b, backing[i]);
      /* "The show got support from X back then": told of, not announced. */
      if (!is_backing || (b > 0 && (WORD_IS (b - 1, "was") || WORD_IS (b - 1, "were")
                                    || WORD_IS (b - 1, "got") || WORD_IS (b - 1, "had")
                                    || WORD_IS (b - 1, "received") || WORD_IS (b - 1, "raised"))))
        continue;
      /* The show: a word for it near the backing word, or a name right after "for". */
      for (guint k2 = b >= NEAR ? b - NEAR : 0; k2 < MIN (n, b + NEAR) && !show; k2++)
        for (guint i = 0; shows[i] && !show; i++)
          show = WORD_IS (k2, shows[i]);
      if (!show && b + 2 < n && WORD_IS (b + 1, "for") && g_ascii_isupper (text[w[b + 2].at])
          && !WORD_IS (b + 2, "I"))
        show = TRUE;
      if (!show)
        continue;
      /* Then "from" or "by" and a name. */
      for (k = b + 1; k < MIN (n, b + NEAR + 4); k++)
        if (WORD_IS (k, "from") || WORD_IS (k, "by"))
          break;
      if (k >= MIN (n, b + NEAR + 4))
        continue;
      for (k++; k < n; k++)
        {
          gboolean skipped = FALSE;

          for (guint i = 0; skip[i] && !skipped; i++)
            skipped = WORD_IS (k, skip[i]);
          if (!skipped)
            break;
        }
      if (k < n && g_ascii_isupper (text[w[k].at]) && !WORD_IS (k, "I") && !WORD_IS (k, "You")
          && !WORD_IS (k, "Listeners") && !WORD_IS (k, "Members") && !WORD_IS (k, "Patrons"))
        return (gssize) w[b].at;
    }
#undef WORD_IS
  return -1;
}

static gboolean
word_is (const char *text, const Word *w, const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (w->len == strlen (words[i]) && g_ascii_strncasecmp (text + w->at, words[i], w->len) == 0)
      return TRUE;
  return FALSE;
}

/* Whether words @k… of @w are "from" or "by", then a name written with a capital (after "the",
 * "our friends at", …): who the backing comes from. Returns how far the name is, or 0. */
static guint
names_a_backer (const char *text, const Word *w, guint n, guint k)
{
  static const char *const by[] = { "from", "by", NULL };
  static const char *const skip[] = { "the", "our", "friends", "folks", "at", "generous",
                                      "good", "people", "and", NULL };
  /* The show's own people, not a third party. */
  static const char *const people[] = { "I", "You", "Listeners", "Listener", "Members", "Patrons",
                                        "Supporters", "Us", "Me", "Our", "My", "We", NULL };

  if (k >= n || !word_is (text, &w[k], by))
    return 0;
  for (k++; k < n && word_is (text, &w[k], skip); k++)
    ;
  if (k >= n || !g_ascii_isupper (text[w[k].at]) || word_is (text, &w[k], people))
    return 0;
  return k;
}

/* Remembers the backer named at word @name of @w in @s, and whether the words after its name
 * say what it does: a comma, then a word in lower case ("Acme Freight, moving …"), not a list of
 * further names ("Acme, Bolt and Crane"). */
static void
note_backer (HarkAdSentence *s, const Word *w, guint n, guint name)
{
  static const char *const joins[] = { "and", "or", NULL };
  guint k = name;

  s->backer_at = w[name].at;
  s->backer_len = (guint8) MIN (w[name].len, 255);
  while (k + 1 < n && g_ascii_isupper (s->text[w[k + 1].at]))
    k++;
  s->backer_described = FALSE;
  if (k + 1 < n && !word_is (s->text, &w[k + 1], joins)
      && g_ascii_islower (s->text[w[k + 1].at]))
    for (gsize i = w[k].at + w[k].len; i < w[k + 1].at; i++)
      if (s->text[i] == ',' || s->text[i] == ':' || s->text[i] == '-')
        s->backer_described = TRUE;
}

/* How many backers a credit names from word @name of @w on: names written with capitals,
 * parted by commas or "and" ("Acme, Bolt and Crane" is three; "Acme Freight, moving …" one). */
static guint
backers_listed (const char *text, const Word *w, guint n, guint name)
{
  static const char *const joins[] = { "and", "or", "plus", NULL };
  static const char *const skip[] = { "the", "our", "also", NULL };
  guint count = 1, k = name;

  for (;;)
    {
      gboolean parted = FALSE;
      guint next;

      /* The rest of this name: capitals with nothing between them but a space. */
      while (k + 1 < n && g_ascii_isupper (text[w[k + 1].at])
             && w[k + 1].at == w[k].at + w[k].len + 1 && text[w[k].at + w[k].len] == ' ')
        k++;
      if (k + 1 >= n)
        break;
      for (gsize i = w[k].at + w[k].len; i < w[k + 1].at; i++)
        parted |= text[i] == ',';
      next = k + 1;
      if (word_is (text, &w[next], joins))
        parted = TRUE, next++;
      while (next < n && word_is (text, &w[next], skip))
        next++;
      if (!parted || next >= n || !g_ascii_isupper (text[w[next].at]))
        break;
      count++;
      k = next;
    }
  return count;
}

/* Sponsor talk that names who backs the show right after it, without a word to the listener
 * ("support for this podcast comes from Acme Freight", "this podcast is supported by Acme Labs",
 * "this message comes from Acme Bank"): a credit, the whole of a read in the way public and
 * network shows announce theirs, often with no link or offer. Told of in the past ("our first
 * season was supported by X") or asked about, it credits no one now. */
static void
find_credit (HarkAdSentence *s)
{
  static const char *const past[] = { "was", "were", "been", "had", "got", "used", "once",
                                      NULL };
  enum { MAX_WORDS = 24, REACH = 8 };
  Word w[MAX_WORDS];
  gsize from = s->quote_at[HARK_AD_SPONSOR];
  gsize length = MIN (s->length, (gsize) MAX_SENTENCE);
  guint n;

  /* A credit speaks of its backer, not to the listener: "brought to you by X, the app that
   * lets you …" is a pitch, which shows itself by its story, link and offer. A roll call of
   * backers ("brought to you by A, B and C") speaks of them all, whatever "you" it says. */
  if (!s->count[HARK_AD_SPONSOR] || s->count[HARK_AD_QUESTION] || from >= length)
    return;
  /* "Written and presented by" names a show's host, not its backer. */
  if (from + 9 <= length && g_ascii_strncasecmp (s->text + from, "presented", 9) == 0)
    return;
  /* The words right before the sponsor talk, for its tense. */
  {
    Word before[MAX_WORDS];
    gsize start = from > 24 ? from - 24 : 0;
    guint m = split_words (s->text, from, start, before, MAX_WORDS);

    for (guint k = m > 2 ? m - 2 : 0; k < m; k++)
      if (word_is (s->text, &before[k], past))
        return;
  }
  n = split_words (s->text, length, from, w, MAX_WORDS);
  for (guint k = 0; k < MIN (n, (guint) REACH); k++)
    {
      guint name = names_a_backer (s->text, w, n, k);

      if (name)
        {
          guint listed = backers_listed (s->text, w, n, name);

          if (s->count[HARK_AD_YOU] && listed < HARK_AD_ROLL_CALL)
            return;
          note (s, HARK_AD_CREDIT, from, MIN (length - from, (gsize) 48));
          note_backer (s, w, n, name);
          s->backers = (guint8) MIN (listed, 255u);
          return;
        }
    }
}

/* "And from the Acme Trust, …", "support also comes from Acme": a further credit read on in the
 * same breath after one, naming the next backer at its very start. */
static gboolean
credits_on (HarkAdSentence *s)
{
  static const char *const lead[] = { "and", "also", "additional", "additionally", "support",
                                      "comes", "come", "plus", "further", "more", "funding",
                                      NULL };
  enum { MAX_WORDS = 12 };
  Word w[MAX_WORDS];
  guint n = split_words (s->text, MIN (s->length, (gsize) MAX_SENTENCE), 0, w, MAX_WORDS);

  for (guint k = 0; k < MIN (n, 5u); k++)
    {
      guint name = names_a_backer (s->text, w, n, k);

      if (name)
        {
          note_backer (s, w, n, name);
          return TRUE;
        }
      if (!word_is (s->text, &w[k], lead))
        return FALSE;
    }
  return FALSE;
}

static void
mark_credit_runs (HarkAdSentence *sentences, guint n)
{
  for (guint i = 1; i < n; i++)
    {
      HarkAdSentence *s = &sentences[i];
      const HarkAdSentence *before = &sentences[i - 1];

      if (s->count[HARK_AD_CREDIT] || !before->count[HARK_AD_CREDIT]
          || before->speaker != s->speaker || s->start - before->end > CREDIT_RUN_GAP
          || s->count[HARK_AD_QUESTION] || s->count[HARK_AD_YOU] || !credits_on (s))
        continue;
      note (s, HARK_AD_SPONSOR, 0, MIN (s->length, (gsize) 40));
      note (s, HARK_AD_CREDIT, 0, MIN (s->length, (gsize) 48));
    }
}

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

/* The space before the word that ends at @at (a space) in @norm: one word further back. */
static const char *
word_start (const char *norm, const char *at)
{
  while (at > norm && at[-1] != ' ')
    at--;
  return at > norm ? at - 1 : norm;
}

/* Whether the sponsor word at @hit of @norm asks for backers rather than naming one: the
 * listener (or their company) is to become one ("if your company wants to sponsor us",
 * "anyone interested in sponsoring", "if you'd like to become a sponsor"), or the show is
 * looking for them. "Proud to sponsor this episode" is a backer's. */
static gboolean
asks_for_backers (const char *norm, const char *hit)
{
  static const char *const article[] = { "a", NULL };
  static const char *const seeking[] = { "looking", "searching", "seeking", "need", NULL };
  static const char *const wanting[] = { "want", "wants", "like", "love", "interested",
                                         "keen", NULL };
  static const char *const joining[] = { "to", "in", NULL };
  static const char *const becoming[] = { "become", "becoming", NULL };
  static const char *const listener[] = { " if ", " your ", " anyone ", " you'd ", " you're ",
                                          " you ", NULL };
  const char *at = hit, *before;

  if (strncmp (hit, " sponsor", 8) != 0 || hit <= norm)
    return FALSE;
  /* "become a sponsor", "looking for a sponsor": the article aside. */
  if (word_before_is (norm, at, article))
    at = word_start (norm, at);
  if (at > norm && word_before_is (norm, at, (const char *const[]){ "for", NULL }))
    return word_start (norm, at) > norm && word_before_is (norm, word_start (norm, at), seeking);
  if (at > norm && word_before_is (norm, at, becoming))
    at = word_start (norm, at);
  if (at <= norm || !word_before_is (norm, at, joining))
    return FALSE;
  before = word_start (norm, at);
  if (before <= norm || !word_before_is (norm, before, wanting))
    return FALSE;
  for (guint i = 0; listener[i]; i++)
    {
      const char *who = strstr (norm, listener[i]);

      if (who && who < before)
        return TRUE;
    }
  return FALSE;
}

/* Whether the break phrase at @hit of @norm is told of in a story rather than announced: a
 * message someone got or sent ("we got a message from the landlord"), or "take a break" in a
 * life told in the first or third person ("so I'll use my savings to take a break"). A break
 * announced speaks to the listener of the show: "let's", "we'll", "you", "here", "right back". */
static gboolean
break_told (const char *norm, const char *hit, const Phrase *phrase)
{
  static const char *const receiving[] = { "got", "get", "gets", "getting", "received", "sent",
                                           "send", "had", "left", "wrote", "forwarded", NULL };
  static const char *const persons[] = { "i", "i'll", "i'd", "i'm", "i've", "my", "me", "he",
                                         "she", "they", "his", "her", "their", "took", "taking",
                                         "needed", "decided", "wanted", NULL };
  static const char *const addressing[] = { " we ", " we'll ", " we're ", " we've ", " let's ",
                                            " us ", " you ", " you'll ", " your ", " here ",
                                            " now ", " right back ", " after this ",
                                            " real quick ", " show ", " episode ", " podcast ",
                                            NULL };
  const char *w = hit;

  if (g_str_equal (phrase->padded, " message from ") || g_str_equal (phrase->padded, " word from "))
    {
      /* The word before, past an article. */
      if (w > norm && word_before_is (norm, w, (const char *const[]){ "a", "the", "another", NULL }))
        w = word_start (norm, w);
      return w > norm && word_before_is (norm, w, receiving);
    }
  if (!g_str_equal (phrase->padded, " take a break "))
    return FALSE;
  for (guint i = 0; addressing[i]; i++)
    if (strstr (norm, addressing[i]))
      return FALSE;
  /* A person before it in the sentence, within a few words. */
  for (guint k = 0; k < 8 && w > norm; k++)
    {
      if (word_before_is (norm, w, persons))
        return TRUE;
      w = word_start (norm, w);
    }
  return FALSE;
}

/* Marks in @present (@set's n_first_words entries) the phrases' first words that @norm holds. */
static void
mark_first_words (const PhraseSet *set, const char *norm, guint8 *present)
{
  memset (present, 0, set->n_first_words);
  for (const char *p = norm; *p;)
    {
      const char *end;
      char word[48];
      gpointer id;

      while (*p == ' ')
        p++;
      end = p;
      while (*end && *end != ' ')
        end++;
      if (end > p && (gsize) (end - p) < sizeof word)
        {
          memcpy (word, p, (gsize) (end - p));
          word[end - p] = '\0';
          id = g_hash_table_lookup (set->first_words, word);
          if (id)
            present[GPOINTER_TO_UINT (id) - 1] = 1;
        }
      p = end;
    }
}

/* Whether the padded code phrase @padded may as well be talk of code ("use the code …"): a code
 * is given only when its token follows. "Promo code" and the like are codes whatever follows. */
static gboolean
code_token_needed (const char *padded)
{
  static const char *const verbs[] = { " use code ", " use the code ", " with code ",
                                       " with the code ", NULL };

  for (guint i = 0; verbs[i]; i++)
    if (g_str_equal (padded, verbs[i]))
      return TRUE;
  return FALSE;
}

typedef enum
{
  NOT_A_CODE,        /* nothing after, or a word of the language ("use the code from …") */
  MAYBE_A_CODE,      /* a word in lower case: a code if the sentence offers something */
  WRITTEN_AS_A_CODE, /* capitals, digits or letters spelled ("SAVE20", "S-H-O-W") */
} CodeToken;

/* What follows a code phrase at @after (the space ending it) in @norm. */
static CodeToken
token_after (const HarkAdSentence *s, const char *norm, const char *after, const gsize *map)
{
  const char *word = after + 1, *end = strchr (word, ' ');
  char buf[40];
  gsize len, at, upper = 0, digits = 0;

  if (*word == '\0' || end == NULL || end == word)
    return NOT_A_CODE;
  len = (gsize) (end - word);
  /* Letters spelled one by one: "s h o w". */
  if (len == 1 && g_ascii_isalpha (*word) && end[1] && end[2] == ' ')
    return WRITTEN_AS_A_CODE;
  if (len >= sizeof buf)
    return NOT_A_CODE;
  memcpy (buf, word, len);
  buf[len] = '\0';
  at = map[word - norm];
  for (gsize k = at; k < s->length && (g_ascii_isalnum (s->text[k])); k++)
    {
      upper += g_ascii_isupper (s->text[k]) ? 1 : 0;
      digits += g_ascii_isdigit (s->text[k]) ? 1 : 0;
    }
  if (digits > 0 || upper >= 2)
    return WRITTEN_AS_A_CODE;
  if (g_hash_table_contains (sets[s->language].stopwords, buf)
      || hark_ad_language_is_function_word (s->language, buf, len))
    return NOT_A_CODE;
  return MAYBE_A_CODE;
}

/* Whether the padded phrase @padded names the show itself and nothing it offers. */
static gboolean
names_only_the_show (const char *padded)
{
  static const char *const shows[] = { " this show ", " the show ", " our show ", " my show ",
                                       " the podcast ", NULL };

  for (guint i = 0; shows[i]; i++)
    if (g_str_equal (padded, shows[i]))
      return TRUE;
  return FALSE;
}

/* Whether "name dot ending" at @dot of @norm (the ending up to @end) is said as a place to go,
 * so any ending may be one: "go to example dot bot", "example dot cx slash show". The name is a
 * word of the sentence's own (not "the dot …"), or its letters spelled ("e x a m p l e dot
 * bot"). */
static gboolean
said_as_destination (const HarkAdSentence *s, const char *norm, const char *dot, const char *end)
{
  static const char *const leads[] = { "to", "at", "visit", "on", "over", NULL };
  const char *name = word_start (norm, dot);
  const char *ending = dot + 5;
  char word[40];
  gsize len;

  if (!hark_ad_domain_plausible_ending (ending, (gsize) (end - ending)))
    return FALSE;
  const char *first = *name == ' ' ? name + 1 : name;

  len = (gsize) (dot - first);
  if (len == 0 || len >= sizeof word)
    return FALSE;
  memcpy (word, first, len);
  word[len] = '\0';
  if (g_ascii_isdigit (word[0]) || g_hash_table_contains (sets[s->language].stopwords, word)
      || hark_ad_language_is_function_word (s->language, word, len))
    return FALSE;
  /* Spelled letters: the lead is before the first of them. */
  while (len == 1 && name > norm)
    {
      const char *before = word_start (norm, name);

      if (name - before != 2)
        break;
      name = before;
    }
  return g_str_has_prefix (end, " slash ") || (name > norm && word_before_is (norm, name, leads));
}

static void
find_phrases (HarkAdSentence *s, const char *norm, const gsize *map, const guint8 *present)
{
  static const char *const helping[] = { "helps", "help", "helping", NULL };
  static const char *const doing[] = { "is", "it's", "are", "they're", "been", "who's",
                                       "that's", "he's", "she's", NULL };
  static const char *const reaching[] = { "going", "goes", "went", "dating", "dates", "date",
                                          "way", "all", NULL };
  static const char *const places[] = { "inside", "in", "into", "on", "at", "now", "here",
                                        "there", "away", "from", "to", "before", "after", "off",
                                        "out", "up", "down", "next", "where", "when", "back",
                                        "over", "under", "through", "within", NULL };

  const GArray *phrases = sets[s->language].phrases;
  const HarkAdLexicon *lexicon = lexicon_of (s);
  gsize quoted;
  /* "Use code" that may be a code given or the code being talked about, decided at the end. */
  gsize code_at = G_MAXSIZE, code_len = 0;

  for (guint i = 0; i < phrases->len; i++)
    {
      const Phrase *phrase = &g_array_index (phrases, Phrase, i);
      const char *hit;

      if (!present[phrase->first])
        continue;
      for (hit = strstr (norm, phrase->padded); hit; hit = strstr (hit + 1, phrase->padded))
        /* "Try it free by going to …" asks as much as "go to …" does. */
        if ((phrase->feature != HARK_AD_IMPERATIVE && phrase->feature != HARK_AD_ASK)
            || g_str_has_prefix (phrase->padded, " by ") || phrase->anywhere
            || asks (s, norm, hit, map))
          {
            HarkAdFeature f = phrase->feature;

            /* "Right in your inbox", "right now": an adverb, not someone agreeing. */
            if (f == HARK_AD_DIALOGUE && g_str_equal (phrase->padded, " right ")
                && word_after_is (hit + phrase->length - 1, places))
              continue;
            /* "Going back to the fifties", "dating back to the war": time, not the show. */
            if (f == HARK_AD_RESUME && g_str_equal (phrase->padded, " back to the ") && hit > norm
                && word_before_is (norm, hit, reaching))
              continue;
            /* "Checking them out really helps support the show": the sponsors help. */
            if (f == HARK_AD_SELF && hit > norm && word_before_is (norm, hit, helping))
              continue;

            if (f == HARK_AD_SPONSOR && tells_of_sponsors (s, norm, map, hit, phrase))
              continue;
            /* "Keine Werbung", "sin publicidad": the show saying it has none. */
            if (f == HARK_AD_SPONSOR && lexicon && hit > norm
                && (word_before_is (norm, hit, lexicon->negations)
                    || word_before_is (norm, word_start (norm, hit), lexicon->negations)))
              continue;
            /* "If your company wants to sponsor the show", "we're looking for sponsors": the
             * show asking for backers is its own ask, not a backer's read. */
            if (f == HARK_AD_SPONSOR && asks_for_backers (norm, hit))
              f = HARK_AD_SELF;
            /* "Sponsor us on GitHub" asks for the show; "X is sponsoring us" is X's read. */
            if (f == HARK_AD_SPONSOR && names_first_person (lexicon, hit + phrase->length - 1)
                && !(hit > norm && g_str_has_suffix (phrase->padded, "ing ")
                     && word_before_is (norm, hit, doing)))
              f = HARK_AD_SELF;
            if (f == HARK_AD_SPONSOR && made_by_speaker (hit + phrase->length - 1))
              f = HARK_AD_SELF;
            if (f == HARK_AD_SELF && g_str_has_prefix (phrase->padded, " support")
                && support_from_company (norm, hit))
              f = HARK_AD_SPONSOR;
            /* "Use the code from the repo", "use code generation": in a show about
             * software, code is the topic. A code given says its token after the words. */
            if (f == HARK_AD_CODE && !lexicon && code_token_needed (phrase->padded))
              {
                CodeToken token = token_after (s, norm, hit + phrase->length - 1, map);

                if (token == NOT_A_CODE)
                  continue;
                if (token == WRITTEN_AS_A_CODE)
                  note (s, f, map[hit - norm + 1], phrase->length - 2);
                else if (code_at == G_MAXSIZE)
                  {
                    code_at = map[hit - norm + 1];
                    code_len = phrase->length - 2;
                  }
                break;
              }
            /* "I'll use my savings to take a break", "we got a message from the landlord":
             * a story told, no break announced to the listener. */
            if (f == HARK_AD_BREAK && break_told (norm, hit, phrase))
              continue;
            /* Folded text is shorter than what it was folded from ("ü" is "u"). */
            quoted = lexicon ? map[hit - norm + phrase->length - 1] - map[hit - norm + 1]
                             : phrase->length - 2;
            note (s, f, map[hit - norm + 1], quoted);
            if (f == HARK_AD_SELF && phrase->mine && s->mine < 255)
              s->mine++;
            if (f == HARK_AD_SELF && strstr (phrase->padded, " support") && s->support_asks < 255)
              s->support_asks++;
            if (f == HARK_AD_OWN && names_only_the_show (phrase->padded) && s->show_named < 255)
              s->show_named++;
            if (f == HARK_AD_PLUG)
              note (s, HARK_AD_SELF, map[hit - norm + 1], quoted);
            break;
          }
    }

  /* Spoken domains: "example dot com", "dot com slash show"; "beispiel punkt de". */
  for (const char *dot = strstr (norm, " dot "); dot; dot = strstr (dot + 1, " dot "))
    {
      const char *word = dot + 5;
      const char *end = strchr (word, ' ');

      if (end && (is_tld (word, (gsize) (end - word)) || said_as_destination (s, norm, dot, end)))
        {
          note (s, HARK_AD_URL, map[dot - norm + 1], (gsize) (end - dot - 1));
          break;
        }
    }
  for (guint d = 0; lexicon && lexicon->dots[d] && !s->count[HARK_AD_URL]; d++)
    {
      g_autofree char *padded = g_strdup_printf (" %s ", lexicon->dots[d]);

      for (const char *dot = strstr (norm, padded); dot && !s->count[HARK_AD_URL];
           dot = strstr (dot + 1, padded))
        {
          const char *word = dot + strlen (padded);
          const char *end = strchr (word, ' ');

          const char *name = word_start (norm, dot);

          /* A name before it and an ending after it, neither a word of the language: "beispiel
           * punkt de", not "el punto es que …" nor "mon point de vue". */
          if (dot - name > 3 && end
              && !hark_ad_language_is_function_word (s->language, name + 1,
                                                     (gsize) (dot - name - 1))
              && !hark_ad_language_is_function_word (s->language, word, (gsize) (end - word))
              && (is_tld (word, (gsize) (end - word))
                  || hark_ad_language_word_in (word, (gsize) (end - word), lexicon->tlds)))
            note (s, HARK_AD_URL, map[dot - norm + 1], map[end - norm] - map[dot - norm + 1]);
        }
    }
  /* Domains said without "dot": "at example com", "go to example io slash show". */
  {
    static const char *const spoken_tlds[] = { "com", "io", "fm", "org", "net", "dev", NULL };
    static const char *const leads[] = { "at", "to", "visit", "over", "on", NULL };

    for (const char *p = strchr (norm + 1, ' '); p && p[1] && !s->count[HARK_AD_URL];
         p = strchr (p + 1, ' '))
      {
        const char *name = p + 1, *end = strchr (name, ' ');
        const char *prev;
        gsize len;

        if (end == NULL || (gsize) (end - name) < 3 || !word_after_is (end, spoken_tlds))
          continue;
        len = (gsize) (end - name);
        {
          char word[40];

          if (len >= sizeof word)
            continue;
          memcpy (word, name, len);
          word[len] = '\0';
          if (g_hash_table_contains (stopword_set, word) || g_ascii_isdigit (word[0]))
            continue;
        }
        prev = p;
        if (prev > norm && word_before_is (norm, prev, leads))
          note (s, HARK_AD_URL, map[name - norm], (gsize) (strchr (end + 1, ' ') - name));
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
  /* "€5", "£5", "5 €": prices in other currencies, whatever the language around them. */
  for (gsize i = 0; i + 2 < s->length && !s->count[HARK_AD_OFFER]; i++)
    {
      const char *t = s->text + i;
      gboolean sign = ((guchar) t[0] == 0xE2 && (guchar) t[1] == 0x82 && (guchar) t[2] == 0xAC)
                      || ((guchar) t[0] == 0xC2 && (guchar) t[1] == 0xA3);
      gsize width = (guchar) t[0] == 0xE2 ? 3 : 2;

      if (!sign)
        continue;
      if ((i + width < s->length && g_ascii_isdigit (t[width]))
          || (i >= 1 && g_ascii_isdigit (t[-1]))
          || (i >= 2 && t[-1] == ' ' && g_ascii_isdigit (t[-2])))
        note (s, HARK_AD_OFFER, i, width);
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
  /* "5 dollars", "ten dollars", "a seven-dollar tier": an amount, said with digits or in words. */
  {
    static const char *const amounts[] = { "one", "two", "three", "four", "five", "six",
                                           "seven", "eight", "nine", "ten", "eleven", "twelve",
                                           "thirteen", "fourteen", "fifteen", "sixteen",
                                           "seventeen", "eighteen", "nineteen", "twenty",
                                           "thirty", "forty", "fifty", "sixty", "seventy",
                                           "eighty", "ninety", "hundred", "thousand", NULL };
    static const char *const units[] = { " dollars ", " dollar ", " bucks ", " euros ", NULL };

    for (guint u = 0; units[u]; u++)
      {
        const char *hit = strstr (norm, units[u]);

        if (hit && hit > norm && (g_ascii_isdigit (hit[-1]) || word_before_is (norm, hit, amounts)))
          {
            note (s, HARK_AD_OFFER, map[hit - norm + 1], strlen (units[u]) - 2);
            break;
          }
      }
  }
  /* "5 Euro", "fünf Euro", "dix euros": the language's currencies and amounts. */
  if (lexicon && !s->count[HARK_AD_OFFER])
    for (const char *p = norm; p && p[1] && !s->count[HARK_AD_OFFER]; p = strchr (p + 1, ' '))
      if (p > norm && word_after_is (p, lexicon->currencies)
          && (g_ascii_isdigit (p[-1]) || word_before_is (norm, p, lexicon->amounts)))
        {
          const char *end = strchr (p + 1, ' ');

          note (s, HARK_AD_OFFER, map[p - norm + 1], map[end - norm] - map[p - norm + 1]);
        }
  /* A word said after "use code" is a code when the sentence offers something with it. */
  if (code_at != G_MAXSIZE && !s->count[HARK_AD_CODE]
      && (s->count[HARK_AD_OFFER] || s->count[HARK_AD_URL] || strstr (norm, " checkout ")))
    note (s, HARK_AD_CODE, code_at, code_len);
  /* "code ONIONS", "code SAVE20": a code said as written, in capitals, after the word. */
  if (!s->count[HARK_AD_CODE])
    for (const char *hit = strstr (norm, " code "); hit; hit = strstr (hit + 1, " code "))
      {
        gsize at = map[hit - norm + 6], end = at;
        guint letters = 0;

        if (hit[6] == '\0' || at >= s->length)
          break;
        while (end < s->length && (g_ascii_isupper (s->text[end]) || g_ascii_isdigit (s->text[end])))
          letters += g_ascii_isupper (s->text[end++]) ? 1 : 0;
        if (letters >= 3 && end - at >= 4 && (end == s->length || !g_ascii_isalpha (s->text[end])))
          {
            note (s, HARK_AD_CODE, map[hit - norm + 1], 5 + (end - at));
            break;
          }
      }
}

/* Dates: a month named with a day ("March fourth", "on the 12th of May", "June 2"). "May" and
 * "march" alone are words, so the day must be there. */
static void
find_dates (HarkAdSentence *s, const char *norm, const gsize *map)
{
  static const char *const months[] = { "january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october", "november",
                                        "december", "jan", "feb", "mar", "apr", "jun", "jul",
                                        "aug", "sep", "sept", "oct", "nov", "dec", NULL };
  static const char *const days[] = { "first", "second", "third", "fourth", "fifth", "sixth",
                                      "seventh", "eighth", "ninth", "tenth", "eleventh",
                                      "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                      "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                                      "twentieth", "twenty", "thirtieth", "thirty", NULL };
  const HarkAdLexicon *lexicon = lexicon_of (s);

  /* Elsewhere the day comes first: "am 3. März", "le 3 mars", "el 12 de marzo". */
  if (lexicon)
    {
      for (const char *p = norm; p; p = strchr (p + 1, ' '))
        {
          const char *before = p;
          const char *next;

          if (p[1] == '\0' || p == norm || !word_after_is (p, lexicon->months))
            continue;
          next = strchr (p + 1, ' ');
          if (word_before_is (norm, before, (const char *const[]){ "de", NULL }))
            before = word_start (norm, before);
          if (next && before > norm && g_ascii_isdigit (before[-1]))
            {
              note (s, HARK_AD_EVENT, map[p - norm + 1], map[next - norm] - map[p - norm + 1]);
              return;
            }
        }
      return;
    }
  for (const char *p = norm; p; p = strchr (p + 1, ' '))
    {
      const char *next;

      if (p[1] == '\0' || !word_after_is (p, months))
        continue;
      next = strchr (p + 1, ' ');
      if (next == NULL || next[1] == '\0')
        return;
      /* "May 2", "May 2nd", "May second"; "the 2nd of May" */
      if (g_ascii_isdigit (next[1]) || word_after_is (next, days)
          || (p - norm >= 4 && strncmp (p - 3, " of", 3) == 0 && p - norm >= 6
              && (g_ascii_isdigit (p[-4]) || strncmp (p - 5, "th", 2) == 0)))
        {
          note (s, HARK_AD_EVENT, map[p - norm + 1], (gsize) (next - p - 1));
          return;
        }
    }
}

/* Its words, and how many of them speak to the listener, for the speaker's side or of someone
 * else. */
static void
count_words (HarkAdSentence *s, const char *norm)
{
  static const char *const english_second[] = { "you", "your", "you're", "you'll", "you've",
                                                "you'd", "yours", "yourself", NULL };
  static const char *const english_own[] = { "we", "our", "ours", "we're", "we've", "we'll",
                                             "my", "mine", "us", NULL };
  static const char *const english_third[] = { "they", "their", "them", "they're", "they've",
                                               "they'll", "theirs", NULL };
  const char *const *second = english_second, *const *own = english_own;
  const char *const *third = english_third;
  const HarkAdLexicon *lexicon = lexicon_of (s);

  if (lexicon)
    {
      second = lexicon->you;
      own = lexicon->we;
      third = lexicon->they;
    }
  s->words = 0;
  for (const char *p = norm; *p; p++)
    if (*p == ' ' && p[1])
      {
        s->words++;
        if (word_after_is (p, second) && s->count[HARK_AD_YOU] < 255)
          s->count[HARK_AD_YOU]++;
        else if (word_after_is (p, own) && s->count[HARK_AD_WE] < 255)
          s->count[HARK_AD_WE]++;
        else if (word_after_is (p, third) && s->count[HARK_AD_THEY] < 255)
          s->count[HARK_AD_THEY]++;
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
collect_words (GHashTable *words, HarkAdSentence *sentences, const char *norm, guint index)
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
          if (!g_hash_table_contains (sets[sentences[index].language].stopwords, word))
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
                {
                  g_array_append_val (o->sentences, index);
                  sentences[index].content++;
                }
            }
        }
      p = end;
    }
}

/* A word said in a short stretch and hardly anywhere else marks the sentences holding it. */
static void
mark_bursts (HarkAdSentence *sentences, guint n, GHashTable *words)
{
  GHashTableIter iter;
  gpointer key, value;
  /* In an excerpt of a few minutes every word is "said only here": a topic changes only
   * against more of the episode. */
  gboolean long_enough = n > 0 && sentences[n - 1].end - sentences[0].start >= NOVEL_MIN_EPISODE;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *at = ((Occurrences *) value)->sentences;
      guint total = at->len, lo = 0;

      if (long_enough
          && sentences[g_array_index (at, guint, total - 1)].start
                 - sentences[g_array_index (at, guint, 0)].start
             <= NOVEL_SPAN)
        for (guint k = 0; k < total; k++)
          {
            HarkAdSentence *s = &sentences[g_array_index (at, guint, k)];

            if (s->count[HARK_AD_NOVEL] < 255)
              s->count[HARK_AD_NOVEL]++;
          }

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
  const HarkAdLexicon *lexicon = lexicon_of (s);

  for (guint i = 0; words[i]; i++)
    if (strstr (lower, words[i]))
      return TRUE;
  /* The language's words for it, as words ("Folge", not "erfolgreich"). */
  if (lexicon)
    {
      char folded[MAX_SENTENCE + 2];
      gsize n = hark_ad_language_fold (s->text, MIN (s->length, (gsize) 400), folded,
                                       sizeof folded, NULL);

      for (const char *p = folded; p && p + 1 < folded + n; p = strchr (p + 1, ' '))
        if (word_after_is (p, lexicon->show_words))
          return TRUE;
    }
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
      /* Nor does "X sponsors the show, and you'll find it wherever you shop": a closing line
       * saying where to get it or what it costs. */
      if (sentences[i].count[HARK_AD_ELSEWHERE] || sentences[i].count[HARK_AD_OFFER])
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

/* The name a link is made of: "acme" of "www.acme.de/show" or "acme dot com", lower case, in
 * @name (room for @size); FALSE when the sentence's link has none of four letters or more. */
static gboolean
link_name (const HarkAdSentence *s, char *name, gsize size)
{
  const char *p = s->text + s->quote_at[HARK_AD_URL];
  const char *end = s->text + s->length;
  gsize n = 0;

  if (!s->count[HARK_AD_URL] || s->quote_at[HARK_AD_URL] >= s->length)
    return FALSE;
  /* Spoken: the word before " dot ". */
  if (end - p >= 4 && g_ascii_strncasecmp (p, "dot ", 4) == 0)
    {
      const char *w = p;

      while (w > s->text && w[-1] == ' ')
        w--;
      p = w;
      while (p > s->text && g_ascii_isalnum (p[-1]))
        p--;
      end = w;
    }
  else if (end - p >= 4 && g_ascii_strncasecmp (p, "www.", 4) == 0)
    p += 4;
  while (p < end && g_ascii_isalnum (*p) && n + 1 < size)
    name[n++] = g_ascii_tolower (*p++);
  name[n] = '\0';
  return n >= BURST_MIN_LENGTH;
}

/* Whether @s says @name as a word of its own, written as a name (with a capital: "for example"
 * is no product). */
static gboolean
says_name (const HarkAdSentence *s, const char *name)
{
  gsize len = strlen (name);

  for (gsize i = 0; i + len <= s->length; i++)
    if ((i == 0 || !g_ascii_isalnum (s->text[i - 1])) && g_ascii_isupper (s->text[i])
        && g_ascii_strncasecmp (s->text + i, name, len) == 0
        && (i + len == s->length || !g_ascii_isalnum (s->text[i + len])))
      return TRUE;
  return FALSE;
}

/* Sentences around a link that say the name the link is made of ("Acme … acme.de/show"): the
 * product's story told around its address, in whatever language. */
static void
mark_linked_names (HarkAdSentence *sentences, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      char name[40];

      if (!link_name (&sentences[i], name, sizeof name))
        continue;
      for (guint k = i; k > 0 && sentences[i].start - sentences[k - 1].start <= LINKED_NAME_REACH;
           k--)
        if (!sentences[k - 1].count[HARK_AD_URL] && says_name (&sentences[k - 1], name))
          note (&sentences[k - 1], HARK_AD_LINKED_NAME, 0, 0);
      for (guint k = i + 1; k < n && sentences[k].start - sentences[i].end <= LINKED_NAME_REACH;
           k++)
        if (!sentences[k].count[HARK_AD_URL] && says_name (&sentences[k], name))
          note (&sentences[k], HARK_AD_LINKED_NAME, 0, 0);
    }
}

/* Whether @norm names something one subscribes to that is a product, not the show's feed. */
static gboolean
names_a_subscription (const char *norm)
{
  static const char *const words[] = { " newsletter ", " newsletters ", " membership ",
                                       " members ", " paid tier ", " premium ", " digest ",
                                       " course ", " bonus episodes ", " supporter ",
                                       " paid ", " paying ", " edition ", " tier ", NULL };

  for (guint i = 0; words[i]; i++)
    if (strstr (norm, words[i]))
      return TRUE;
  return FALSE;
}

/* Whether a subscription named at @at (-1: none) is what "subscribe" at @i asks for: said a
 * few sentences before, by the same voice (a paid tier described, its price, then where to
 * subscribe). */
static gboolean
subscribable (const HarkAdSentence *sentences, gint at, guint i)
{
  return at >= 0 && i - (guint) at <= SUBSCRIPTION_REACH
         && sentences[at].speaker == sentences[i].speaker;
}

typedef struct
{
  double first, last; /* when the voice first starts and last ends */
  guint sentences;
} Voice;

/* Sentences said by a voice heard only within a read's length, and fewer than a read has,
 * while the episode's other voices talk on around it: an announcer, a skit's characters. A show
 * with one voice, or none named, has none. */
static void
mark_new_voices (HarkAdSentence *sentences, guint n)
{
  g_autoptr (GHashTable) voices = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         g_free);
  double episode_first = G_MAXDOUBLE, episode_last = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      Voice *v;

      if (sentences[i].speaker < 0)
        continue;
      v = g_hash_table_lookup (voices, GINT_TO_POINTER (sentences[i].speaker));
      if (v == NULL)
        {
          v = g_new0 (Voice, 1);
          v->first = sentences[i].start;
          g_hash_table_insert (voices, GINT_TO_POINTER (sentences[i].speaker), v);
        }
      v->first = MIN (v->first, sentences[i].start);
      v->last = MAX (v->last, sentences[i].end);
      v->sentences++;
      episode_first = MIN (episode_first, sentences[i].start);
      episode_last = MAX (episode_last, sentences[i].end);
    }
  if (g_hash_table_size (voices) < 2)
    return;
  for (guint i = 0; i < n; i++)
    {
      const Voice *v;

      if (sentences[i].speaker < 0)
        continue;
      v = g_hash_table_lookup (voices, GINT_TO_POINTER (sentences[i].speaker));
      /* Heard briefly, and not the whole of what the file holds. */
      if (v->last - v->first <= NEW_VOICE_SECONDS && v->sentences <= NEW_VOICE_SENTENCES
          && episode_last - episode_first > 4 * NEW_VOICE_SECONDS)
        note (&sentences[i], HARK_AD_NEW_VOICE, 0, 0);
    }
}

/* What a voice did in the episode, to tell the host from a guest. */
typedef struct
{
  guint turns;
  guint questions;
  guint hosting;  /* sentences introducing the show or a guest */
  guint guesting; /* sentences thanking for the invitation */
} Part;

static Part *
part_of (GHashTable *parts, int voice)
{
  Part *p = g_hash_table_lookup (parts, GINT_TO_POINTER (voice));

  if (p == NULL)
    {
      p = g_new0 (Part, 1);
      g_hash_table_insert (parts, GINT_TO_POINTER (voice), p);
    }
  return p;
}

/* Whether @s, said by someone's own "my …", answers a question about the other's own things put
 * just before by another voice (or in captions without voices): "is that through your
 * newsletter?" — "yes, my newsletter …" is the answerer's life. */
static gboolean
answers_about_own (const HarkAdSentence *sentences, guint i)
{
  const HarkAdSentence *s = &sentences[i];

  for (guint k = i; k > 0 && i - k < ANSWER_SENTENCES; k--)
    {
      const HarkAdSentence *q = &sentences[k - 1];

      if (s->start - q->end > ANSWER_REACH)
        return FALSE;
      /* "Want to level up your drawing? Try my course": a question put to the listener, and
       * the ask that follows it, is no answer. */
      if (q->role & HARK_AD_ROLE_ASKS_YOURS)
        return (q->speaker < 0 || s->speaker < 0 || q->speaker != s->speaker)
               && !s->count[HARK_AD_URL] && !s->count[HARK_AD_CODE]
               && ((s->role & HARK_AD_ROLE_ANSWERS)
                   || (!s->count[HARK_AD_IMPERATIVE] && !s->count[HARK_AD_ASK]));
    }
  return FALSE;
}

/* "My course", "my book" from a guest (noted in guests_own, see
 * hark_ad_evidence_hide_guests_own()): where voices are known, the show's own offers are its
 * host's. The host is the voice introducing the show or its guest ("my guest today", "I'm X and
 * this is …"), the voice that opens the episode (past an announcer heard only briefly) unless
 * it is a guest's cold open (it thanks for the invitation, or another voice introduces the show
 * and asks more questions), the voice taking clearly the most turns and the one asking the most
 * questions; any other voice's "my …" is their own life told, unless they call it a plug. A
 * voice thanking for the invitation and introducing nothing is a guest whatever else it does.
 * Captions with one voice or none are left as they are, but for an answer to a question about
 * the other's own things. A sentence saying "my …" is the guest's own whole: "the paid tier of
 * my newsletter" is one thing of theirs, not the show's paid tier. */
static void
mark_guests_own (HarkAdSentence *sentences, guint n)
{
  g_autoptr (GHashTable) parts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  int opening = -1, most = -1, previous = -1, asker = -1, introducer = -1;
  guint best = 0, asked = 0, introduced = 0;

  for (guint i = 0; i < n; i++)
    if (sentences[i].mine && answers_about_own (sentences, i))
      sentences[i].guests_own = sentences[i].count[HARK_AD_SELF];
  for (guint i = 0; i < n; i++)
    {
      int voice = sentences[i].speaker;
      Part *p;

      if (voice < 0)
        continue;
      if (opening < 0 && !sentences[i].count[HARK_AD_NEW_VOICE])
        opening = voice;
      p = part_of (parts, voice);
      p->hosting += (sentences[i].role & HARK_AD_ROLE_HOSTING) ? 1 : 0;
      p->guesting += (sentences[i].role & HARK_AD_ROLE_GUESTING) ? 1 : 0;
      if (sentences[i].count[HARK_AD_QUESTION] && ++p->questions > asked)
        {
          asked = p->questions;
          asker = voice;
        }
      if (voice == previous)
        continue;
      previous = voice;
      if (++p->turns > best)
        {
          best = p->turns;
          most = voice;
        }
    }
  if (g_hash_table_size (parts) < 2 || opening < 0)
    return;
  {
    GHashTableIter iter;
    gpointer voice, value;
    guint second = 0;

    g_hash_table_iter_init (&iter, parts);
    while (g_hash_table_iter_next (&iter, &voice, &value))
      {
        const Part *p = value;

        if (GPOINTER_TO_INT (voice) != most)
          second = MAX (second, p->turns);
        if (p->hosting > p->guesting && p->hosting > introduced)
          {
            introduced = p->hosting;
            introducer = GPOINTER_TO_INT (voice);
          }
      }
    /* Host and guest of an interview take turns about equally: the most turns names a host
     * only when a voice clearly leads (a panel's moderator, a host after a guest's cold open). */
    if (best * 4 < second * 5 + 4)
      most = opening;
  }
  {
    const Part *first = part_of (parts, opening);

    if (first->guesting > first->hosting
        || (introducer >= 0 && introducer != opening && first->hosting == 0
            && part_of (parts, introducer)->questions > first->questions))
      {
        /* A guest's cold open: it hosts nothing. */
        if (most == opening)
          most = introducer;
        opening = introducer;
      }
  }
  for (guint i = 0; i < n; i++)
    {
      HarkAdSentence *s = &sentences[i];
      const Part *p;
      gboolean plugged = FALSE;

      if (s->speaker < 0 || s->mine == 0 || s->guests_own)
        continue;
      p = part_of (parts, s->speaker);
      if (!(p->guesting > 0 && p->hosting == 0)
          && (s->speaker == opening || s->speaker == most || s->speaker == asker
              || s->speaker == introducer))
        continue;
      /* "Not a shameless plug. It is.": the voice calls it a plug, before or after, in the
       * same turn or nearby. */
      for (guint k = i, turn = 1; k > 0 && i - k < PLUG_SENTENCES && !plugged; k--)
        {
          const HarkAdSentence *other = &sentences[k - 1];

          turn = turn && other->speaker == s->speaker;
          if (!turn && s->start - other->start > PLUG_REACH)
            break;
          plugged = other->speaker == s->speaker && other->count[HARK_AD_PLUG];
        }
      for (guint k = i + 1, turn = 1; k < n && k - i < PLUG_SENTENCES && !plugged; k++)
        {
          const HarkAdSentence *other = &sentences[k];

          turn = turn && other->speaker == s->speaker;
          if (!turn && other->start - s->end > PLUG_REACH)
            break;
          plugged = other->speaker == s->speaker && other->count[HARK_AD_PLUG];
        }
      if (!plugged)
        s->guests_own = s->count[HARK_AD_SELF];
    }
}

void
hark_ad_evidence_hide_guests_own (HarkAdSentence *sentences, guint n)
{
  for (guint i = 0; i < n; i++)
    sentences[i].count[HARK_AD_SELF] -= MIN (sentences[i].count[HARK_AD_SELF],
                                             sentences[i].guests_own);
}

void
hark_ad_evidence_show_guests_own (HarkAdSentence *sentences, guint n)
{
  for (guint i = 0; i < n; i++)
    sentences[i].count[HARK_AD_SELF] = (guint8) MIN (255u, (guint) sentences[i].count[HARK_AD_SELF]
                                                               + sentences[i].guests_own);
}

/* Whether @norm tells of an ad as a thing heard or seen ("I heard an ad this morning, it said
 * use code X"): the code, the offer and the link in it are quoted, not offered. "An ad-free
 * feed" is an offer. */
static gboolean
tells_of_an_ad (const char *norm)
{
  static const char *const things[] = { " an ad ", " a commercial ", " an advert ",
                                        " an advertisement ", NULL };

  for (guint i = 0; things[i]; i++)
    for (const char *hit = strstr (norm, things[i]); hit; hit = strstr (hit + 1, things[i]))
      if (!g_str_has_prefix (hit + strlen (things[i]), "free "))
        return TRUE;
  return FALSE;
}

/* What @norm says of its speaker's part in the show (HarkAdSentence.role): the host introduces
 * the show and the guest, the guest thanks for the invitation, and a question about "your"
 * things is put to the other. */
static guint8
find_role (const HarkAdSentence *s, const char *norm)
{
  static const char *const hosting[] = { " my guest ", " my guests ", " my guest today ",
                                         " joining me ", " joining me today ", " i'm joined by ",
                                         " we're joined by ", " welcome to the show ",
                                         " welcome to the podcast ", " welcome back to ",
                                         " you're listening to ", " thanks for coming on ",
                                         " thank you for coming on ", " thanks for joining me ",
                                         " thank you for joining me ", " thanks for joining us ",
                                         " thank you for joining us ", NULL };
  static const char *const guesting[] = { " thanks for having me ", " thank you for having me ",
                                          " thanks for having us ", " thank you for having us ",
                                          " thanks for inviting me ", " thank you for inviting me ",
                                          " thanks for the invitation ", " good to be here ",
                                          " great to be here ", " glad to be here ",
                                          " happy to be here ", " a pleasure to be here ",
                                          " excited to be here ", " thrilled to be here ", NULL };
  static const char *const answering[] = { " yes ", " yeah ", " yep ", " no ", " nope ",
                                           " well ", " oh ", " right ", " exactly ", " actually ",
                                           " mostly ", " partly ", " kind of ", " sort of ",
                                           " it is ", " it was ", " that's right ", " mhm ",
                                           " uh huh ", NULL };
  guint8 role = 0;
  const char *me;

  for (guint i = 0; hosting[i] && !role; i++)
    if (strstr (norm, hosting[i]))
      role |= HARK_AD_ROLE_HOSTING;
  /* "I'm Rowan and this is Fieldnotes": a name, then the show. */
  me = strstr (norm, " i'm ");
  if (me)
    {
      const char *show = strstr (me, " and this is ");
      const char *with = strstr (me, " and you're listening ");

      if ((show && show - me < 40) || (with && with - me < 40))
        role |= HARK_AD_ROLE_HOSTING;
    }
  for (guint i = 0; guesting[i]; i++)
    if (strstr (norm, guesting[i]))
      {
        role |= HARK_AD_ROLE_GUESTING;
        break;
      }
  if (s->count[HARK_AD_QUESTION] && (strstr (norm, " your ") || strstr (norm, " yours ")))
    role |= HARK_AD_ROLE_ASKS_YOURS;
  for (guint i = 0; answering[i]; i++)
    if (g_str_has_prefix (norm, answering[i]))
      {
        role |= HARK_AD_ROLE_ANSWERS;
        break;
      }
  return role;
}

static gboolean
speaks_for_itself (const HarkAdSentence *s, const char *norm)
{
  static const char *const words[] = { " i ", " i'm ", " i've ", " i'd ", " i'll ", " me ",
                                       " my ", " we ", " we're ", " we've ", " we'd ", " we'll ",
                                       " us ", " our ", " support ", " become a ", NULL };
  const HarkAdLexicon *lexicon = lexicon_of (s);

  if (lexicon)
    {
      for (const char *p = norm; p && p[1]; p = strchr (p + 1, ' '))
        if (word_after_is (p, lexicon->speaks_for_itself))
          return TRUE;
      return FALSE;
    }

  for (guint i = 0; words[i]; i++)
    if (strstr (norm, words[i]))
      return TRUE;
  return FALSE;
}

void
hark_ad_evidence_compute (HarkAdSentence *sentences, guint n)
{
  HarkAdLanguageTally tally = { 0 };

  for (guint i = 0; i < n; i++)
    hark_ad_language_tally (&tally, sentences[i].text, sentences[i].length);
  hark_ad_evidence_compute_in (sentences, n, hark_ad_language_decide (&tally));
}

void
hark_ad_evidence_compute_in (HarkAdSentence *sentences, guint n, guint language)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr (GHashTable) words
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, occurrences_free);
  char *norm = g_malloc (MAX_SENTENCE + 2);
  gsize *map = g_new (gsize, MAX_SENTENCE + 2);

  g_autofree guint8 *present = NULL;
  gint subscribed_at = -1;       /* the last sentence naming a subscription */
  gboolean subscription;         /* this one names one */

  static GOnce set_once[HARK_AD_N_LANGUAGES] = { G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT,
                                                 G_ONCE_INIT, G_ONCE_INIT, G_ONCE_INIT,
                                                 G_ONCE_INIT };

  g_once (&once, init_tables, NULL);
  if (language >= HARK_AD_N_LANGUAGES)
    language = HARK_AD_LANGUAGE_ENGLISH;
  g_once (&set_once[language], init_set, GUINT_TO_POINTER (language));
  present = g_malloc (MAX (sets[language].n_first_words, 1u));
  for (guint i = 0; i < n; i++)
    {
      HarkAdSentence *s = &sentences[i];

      memset (s->count, 0, sizeof s->count);
      s->backer_at = 0;
      s->backer_len = 0;
      s->backer_described = FALSE;
      s->backers = 0;
      s->mine = 0;
      s->guests_own = 0;
      s->role = 0;
      s->language = (guint8) language;
      if (language == HARK_AD_LANGUAGE_ENGLISH)
        normalise (s->text, s->length, norm, map);
      else
        hark_ad_language_fold (s->text, s->length, norm, MAX_SENTENCE, map);
      find_domains (s);
      mark_first_words (&sets[language], norm, present);
      find_phrases (s, norm, map, present);
      find_dates (s, norm, map);
      /* A hand-off no phrase of the table words: a third party backing the show. */
      if (!s->count[HARK_AD_SPONSOR] && !s->count[HARK_AD_SELF]
          && (strstr (norm, " from ") || strstr (norm, " by ")))
        {
          gssize at = backs_the_show (s);

          if (at >= 0)
            note (s, HARK_AD_SPONSOR, (gsize) at, MIN (s->length - (gsize) at, (gsize) 40));
        }
      count_words (s, norm);
      if (tells_of_an_ad (norm))
        {
          static const HarkAdFeature quoted[] = { HARK_AD_URL, HARK_AD_CODE, HARK_AD_OFFER,
                                                  HARK_AD_IMPERATIVE, HARK_AD_SELF };

          for (guint f = 0; f < G_N_ELEMENTS (quoted); f++)
            s->count[quoted[f]] = 0;
        }
      /* Self-promotion is the show speaking for itself: "we", "my", an ask for support, or the
       * show named. "They collect donations from GitHub sponsors" describes someone else. */
      if (s->count[HARK_AD_SELF] && !s->count[HARK_AD_IMPERATIVE] && !s->count[HARK_AD_PLUG]
          && !speaks_for_itself (s, norm) && !names_the_show (s))
        s->count[HARK_AD_SELF] = 0;
      /* A link said with "subscribe" or "past episodes" is where to follow the show, unless
       * what one subscribes to is a product (a newsletter, a membership, a paid tier, named
       * here or just before) or comes with an offer: then "subscribe" asks for it, and it is
       * no housekeeping. */
      subscription = names_a_subscription (norm);
      if (s->count[HARK_AD_HOUSEKEEPING])
        {
          if (s->count[HARK_AD_URL]
              && (subscribable (sentences, subscribed_at, i) || subscription
                  || s->count[HARK_AD_OFFER]
                  || s->count[HARK_AD_CODE]))
            s->count[HARK_AD_HOUSEKEEPING] = 0;
          else
            s->count[HARK_AD_URL] = 0;
        }
      if (subscription && !s->count[HARK_AD_HOUSEKEEPING])
        subscribed_at = (gint) i;
      /* "Subscribe wherever you get your podcasts" is the show's own housekeeping. */
      if (s->count[HARK_AD_HOUSEKEEPING])
        s->count[HARK_AD_SHOW_PROMO] = 0;
      if (is_question (s))
        note (s, HARK_AD_QUESTION, 0, 0);
      s->role = find_role (s, norm);
      find_credit (s);
      s->content = 0;
      collect_words (words, sentences, norm, i);
    }
  mark_bursts (sentences, n, words);
  mark_new_voices (sentences, n);
  mark_guests_own (sentences, n);
  mark_credit_runs (sentences, n);
  mark_linked_names (sentences, n);
  mark_after_breaks (sentences, n);
  g_free (norm);
  g_free (map);
}
