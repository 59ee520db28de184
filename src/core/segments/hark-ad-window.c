/* hark-ad-window.c — a few sentences in a row judged as a whole: is this a read?
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The weights come from hark-ad-window-weights.h, written by tools/hark-ad-fit; nothing here is
 * tuned by hand but the spans' edges: a window that passes may hold a sentence of the
 * conversation at either end, so the edges are trimmed back to sentences with evidence, and a
 * window is never longer than a read is spoken (MAX_WINDOW_SECONDS).
 */
#include "segments/hark-ad-window.h"

#include <math.h>

#include "segments/hark-ad-window-weights.h"

/* No window of a read lasts longer than this, nor a read. */
#define MAX_WINDOW_SECONDS 120.0
#define MAX_READ_SECONDS 240.0
/* How sure the edge model must be that a sentence next to a read is its own (the fit weighs
 * both kinds alike, but most sentences are conversation), and surer when another voice says it. */
#define EDGE_MIN 1.0
#define OTHER_VOICE 2.0
/* "You" at least once in forty words: the show's own model's aside speaks to the listener. */
#define OWN_YOU_MIN 0.25

static const char *const names[HARK_AD_W_N] = {
  [HARK_AD_W_URL] = "url",
  [HARK_AD_W_URLS] = "urls",
  [HARK_AD_W_OFFER] = "offer",
  [HARK_AD_W_CODE] = "code",
  [HARK_AD_W_IMPERATIVE] = "imperative",
  [HARK_AD_W_HANDOFF] = "handoff",
  [HARK_AD_W_SELF] = "self",
  [HARK_AD_W_NOTES] = "notes",
  [HARK_AD_W_ASK] = "ask",
  [HARK_AD_W_DEAL] = "deal",
  [HARK_AD_W_OWN] = "own",
  [HARK_AD_W_BENEFIT] = "benefit",
  [HARK_AD_W_PAUSE_FIRST] = "pause_first",
  [HARK_AD_W_PAUSE] = "pause",
  [HARK_AD_W_BRAND] = "brand",
  [HARK_AD_W_YOU] = "you",
  [HARK_AD_W_DIALOGUE] = "dialogue",
  [HARK_AD_W_QUESTION] = "question",
  [HARK_AD_W_TURNS] = "turns",
  [HARK_AD_W_RESUME] = "resume",
  [HARK_AD_W_HOUSEKEEPING] = "housekeeping",
  [HARK_AD_W_AFTER_BREAK] = "after_break",
  [HARK_AD_W_KINDS] = "kinds",
  [HARK_AD_W_URL_DEAL] = "url_deal",
  [HARK_AD_W_URL_ASK] = "url_ask",
  [HARK_AD_W_DEAL_ASK] = "deal_ask",
  [HARK_AD_W_NAMED_LINK] = "named_link",
  [HARK_AD_W_EMPTY] = "empty",
  [HARK_AD_W_NOVEL] = "novel",
  [HARK_AD_W_ONE_VOICE] = "one_voice",
  [HARK_AD_W_WE] = "we",
  [HARK_AD_W_ELSEWHERE] = "elsewhere",
  [HARK_AD_W_NEW_VOICE] = "new_voice",
  [HARK_AD_W_NEW_VOICE_DEAL] = "new_voice_deal",
  [HARK_AD_W_SUPPORTED] = "supported",
  [HARK_AD_W_ANSWER] = "answer",
  [HARK_AD_W_BRAND_LINK] = "brand_link",
  [HARK_AD_W_CRITICAL] = "critical",
  [HARK_AD_W_TALK_TURNS] = "talk_turns",
  [HARK_AD_W_OURS] = "ours",
  [HARK_AD_W_EVENT] = "event",
  [HARK_AD_W_OURS_PLACE] = "ours_place",
  [HARK_AD_W_THEY] = "they",
};

G_STATIC_ASSERT (G_N_ELEMENTS (hark_ad_window_read_weights) == HARK_AD_W_N + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (hark_ad_window_self_weights) == HARK_AD_W_N + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (hark_ad_window_edge_weights) == HARK_AD_W_N + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (hark_ad_window_own_weights) == HARK_AD_W_N + 1);

const char *
hark_ad_window_feature_name (HarkAdWindowFeature feature)
{
  g_return_val_if_fail (feature < HARK_AD_W_N, "");
  return names[feature];
}

static gboolean
any_evidence (const HarkAdSentence *s)
{
  static const HarkAdFeature kinds[] = { HARK_AD_URL, HARK_AD_CODE, HARK_AD_OFFER,
                                         HARK_AD_IMPERATIVE, HARK_AD_SPONSOR, HARK_AD_BREAK,
                                         HARK_AD_SELF, HARK_AD_PLUG, HARK_AD_BRAND,
                                         HARK_AD_BENEFIT, HARK_AD_PAUSE, HARK_AD_NOTES,
                                         HARK_AD_ASK, HARK_AD_DEAL, HARK_AD_OWN,
                                         HARK_AD_ELSEWHERE, HARK_AD_NEW_VOICE, HARK_AD_OURS,
                                         HARK_AD_EVENT };

  for (guint f = 0; f < G_N_ELEMENTS (kinds); f++)
    if (s->count[kinds[f]])
      return TRUE;
  return FALSE;
}

void
hark_ad_window_features (const HarkAdSentence *s, guint first, guint last, double *x)
{
  guint n = last - first + 1, you = 0, we = 0, they = 0, words = 0, turns = 0, named = 0;
  gboolean has[HARK_AD_N_FEATURES] = { FALSE };
  guint sentences[HARK_AD_N_FEATURES] = { 0 };
  guint empty = 0, novel = 0, content = 0, linked = 0, talk_turns = 0, ours_place = 0;
  gboolean dest, deal, ask;

  for (guint i = first; i <= last; i++)
    {
      for (guint f = 0; f < HARK_AD_N_FEATURES; f++)
        if (s[i].count[f])
          {
            has[f] = TRUE;
            sentences[f]++;
          }
      you += s[i].count[HARK_AD_YOU];
      we += s[i].count[HARK_AD_WE];
      they += s[i].count[HARK_AD_THEY];
      words += s[i].words;
      if (i > first && s[i].speaker != s[i - 1].speaker)
        {
          turns++;
          talk_turns += !s[i].count[HARK_AD_NEW_VOICE] && !s[i - 1].count[HARK_AD_NEW_VOICE];
        }
      named += s[i].count[HARK_AD_BRAND] ? 1 : 0;
      linked += s[i].count[HARK_AD_BRAND] && (s[i].count[HARK_AD_URL] || s[i].count[HARK_AD_CODE]
                                              || s[i].count[HARK_AD_ELSEWHERE]);
      ours_place += (s[i].count[HARK_AD_OURS] || s[i].count[HARK_AD_SELF])
                    && (s[i].count[HARK_AD_URL] || s[i].count[HARK_AD_NOTES]
                        || s[i].count[HARK_AD_ELSEWHERE]);
      empty += any_evidence (&s[i]) ? 0 : 1;
      novel += s[i].count[HARK_AD_NOVEL];
      content += s[i].content;
    }
  dest = has[HARK_AD_URL] || has[HARK_AD_NOTES] || has[HARK_AD_ELSEWHERE];
  deal = has[HARK_AD_OFFER] || has[HARK_AD_DEAL] || has[HARK_AD_CODE];
  ask = has[HARK_AD_IMPERATIVE] || has[HARK_AD_ASK];

  x[HARK_AD_W_URL] = has[HARK_AD_URL];
  x[HARK_AD_W_URLS] = sentences[HARK_AD_URL] >= 2;
  x[HARK_AD_W_OFFER] = has[HARK_AD_OFFER];
  x[HARK_AD_W_CODE] = has[HARK_AD_CODE];
  x[HARK_AD_W_IMPERATIVE] = has[HARK_AD_IMPERATIVE];
  x[HARK_AD_W_HANDOFF] = has[HARK_AD_SPONSOR] || has[HARK_AD_BREAK];
  x[HARK_AD_W_SELF] = has[HARK_AD_SELF];
  x[HARK_AD_W_NOTES] = has[HARK_AD_NOTES];
  x[HARK_AD_W_ASK] = (double) sentences[HARK_AD_ASK] / n;
  x[HARK_AD_W_DEAL] = (double) sentences[HARK_AD_DEAL] / n;
  x[HARK_AD_W_OWN] = (double) sentences[HARK_AD_OWN] / n;
  x[HARK_AD_W_BENEFIT] = (double) sentences[HARK_AD_BENEFIT] / n;
  x[HARK_AD_W_PAUSE_FIRST] = s[first].count[HARK_AD_PAUSE] > 0;
  x[HARK_AD_W_PAUSE] = has[HARK_AD_PAUSE];
  x[HARK_AD_W_BRAND] = (double) named / n;
  x[HARK_AD_W_YOU] = words ? MIN (1.0, 10.0 * you / words) : 0;
  x[HARK_AD_W_DIALOGUE] = (double) sentences[HARK_AD_DIALOGUE] / n;
  x[HARK_AD_W_QUESTION] = (double) sentences[HARK_AD_QUESTION] / n;
  x[HARK_AD_W_TURNS] = n > 1 ? (double) turns / (n - 1) : 0;
  x[HARK_AD_W_RESUME] = has[HARK_AD_RESUME];
  x[HARK_AD_W_HOUSEKEEPING] = has[HARK_AD_HOUSEKEEPING];
  x[HARK_AD_W_AFTER_BREAK] = has[HARK_AD_AFTER_BREAK];
  x[HARK_AD_W_KINDS] = (dest + deal + ask + (has[HARK_AD_SPONSOR] || has[HARK_AD_BREAK]
                                            || has[HARK_AD_PAUSE])
                        + (has[HARK_AD_SELF] || has[HARK_AD_OWN] || has[HARK_AD_OURS])
                        + (named >= 2) + (has[HARK_AD_BENEFIT] || has[HARK_AD_EVENT]))
                       / 7.0;
  x[HARK_AD_W_URL_DEAL] = has[HARK_AD_URL] && deal;
  x[HARK_AD_W_URL_ASK] = has[HARK_AD_URL] && ask;
  x[HARK_AD_W_DEAL_ASK] = deal && ask;
  x[HARK_AD_W_NAMED_LINK] = named >= 2 && dest;
  x[HARK_AD_W_EMPTY] = (double) empty / n;
  x[HARK_AD_W_NOVEL] = content ? (double) novel / content : 0;
  x[HARK_AD_W_WE] = words ? MIN (1.0, 10.0 * we / words) : 0;
  x[HARK_AD_W_THEY] = words ? MIN (1.0, 10.0 * they / words) : 0;
  x[HARK_AD_W_ONE_VOICE] = turns == 0 && s[first].speaker >= 0;
  x[HARK_AD_W_ELSEWHERE] = has[HARK_AD_ELSEWHERE];
  x[HARK_AD_W_NEW_VOICE] = (double) sentences[HARK_AD_NEW_VOICE] / n;
  x[HARK_AD_W_NEW_VOICE_DEAL] = has[HARK_AD_NEW_VOICE] && (deal || ask);
  x[HARK_AD_W_SUPPORTED] = has[HARK_AD_SPONSOR] && !has[HARK_AD_SELF] && !has[HARK_AD_OWN];
  x[HARK_AD_W_BRAND_LINK] = linked >= 1 && named >= 2;
  x[HARK_AD_W_CRITICAL] = (double) sentences[HARK_AD_CRITICAL] / n;
  x[HARK_AD_W_TALK_TURNS] = n > 1 ? (double) talk_turns / (n - 1) : 0;
  x[HARK_AD_W_OURS] = (double) sentences[HARK_AD_OURS] / n;
  /* An event of the speaker's side ("we're on tour", "come see us"), not one talked about. */
  x[HARK_AD_W_EVENT] = has[HARK_AD_EVENT] && (has[HARK_AD_OURS] || we > 0);
  x[HARK_AD_W_OURS_PLACE] = ours_place > 0;
  x[HARK_AD_W_ANSWER] = first > 0 && s[first - 1].count[HARK_AD_QUESTION]
                        && s[first - 1].speaker >= 0 && s[first].speaker >= 0
                        && s[first - 1].speaker != s[first].speaker;
}

static double
logit (const double *w, const double *x)
{
  double z = w[HARK_AD_W_N];

  for (guint f = 0; f < HARK_AD_W_N; f++)
    z += w[f] * x[f];
  return z;
}

double
hark_ad_window_read_logit (const double *x)
{
  return logit (hark_ad_window_read_weights, x);
}

double
hark_ad_window_self_logit (const double *x)
{
  return logit (hark_ad_window_self_weights, x);
}

gboolean
hark_ad_window_pays (const double *x)
{
  return x[HARK_AD_W_URL] > 0 || x[HARK_AD_W_CODE] > 0 || x[HARK_AD_W_OFFER] > 0;
}

double
hark_ad_window_own_logit (const double *x)
{
  return logit (hark_ad_window_own_weights, x);
}

/* Whether @s may be a read's edge next to @inner: it carries evidence, and it is not someone
 * else answering. */
double
hark_ad_window_edge_logit (const HarkAdSentence *s)
{
  double x[HARK_AD_W_N];

  hark_ad_window_features (s, 0, 0, x);
  return logit (hark_ad_window_edge_weights, x);
}

/* Strong evidence: a sentence holding it is the read's own, whatever the edge model says. */
static gboolean
strong (const HarkAdSentence *s)
{
  static const HarkAdFeature kinds[] = { HARK_AD_URL, HARK_AD_CODE, HARK_AD_OFFER,
                                         HARK_AD_IMPERATIVE, HARK_AD_SPONSOR, HARK_AD_BREAK,
                                         HARK_AD_SELF, HARK_AD_PLUG, HARK_AD_OURS };

  for (guint f = 0; f < G_N_ELEMENTS (kinds); f++)
    if (s->count[kinds[f]])
      return TRUE;
  return FALSE;
}

/* Whether @s, next to a read's edge sentence @inner, is part of it: the edge model says so
 * (more surely when another voice says it), and it is no return to the show or housekeeping.
 * @is_strong: whether @s holds strong evidence (strong()), known to the caller. */
static gboolean
belongs_as (const HarkAdSentence *s, const HarkAdSentence *inner, gboolean is_strong)
{
  gboolean other = s->speaker != inner->speaker;

  if (s->count[HARK_AD_RESUME] || s->count[HARK_AD_HOUSEKEEPING])
    return FALSE;
  /* Another of the conversation's own voices taking over is the conversation again, unless
   * it carries the read's strong evidence itself. */
  if (other && s->speaker >= 0 && inner->speaker >= 0 && !s->count[HARK_AD_NEW_VOICE]
      && !is_strong)
    return FALSE;
  return hark_ad_window_edge_logit (s) >= (other ? OTHER_VOICE : EDGE_MIN);
}

static gboolean
belongs (const HarkAdSentence *s, const HarkAdSentence *inner)
{
  return belongs_as (s, inner, strong (s));
}

/* Whether a read may start or end with @s, next to @inner: strong evidence holds it whatever
 * the edge model says. */
static gboolean
edge_holds (const HarkAdSentence *s, const HarkAdSentence *inner)
{
  if (s->count[HARK_AD_RESUME] || s->count[HARK_AD_HOUSEKEEPING])
    return FALSE;
  return strong (s) || belongs_as (s, inner, FALSE);
}

/* What a read has and conversation about a product seldom has all of: somewhere to go or
 * something to pay less with (a link, a code, a price or an offer; for the show's own, a place
 * to find it), and at least three kinds of evidence in all. */
gboolean
hark_ad_window_structural (const double *x)
{
  gboolean pays = x[HARK_AD_W_URL] > 0 || x[HARK_AD_W_CODE] > 0 || x[HARK_AD_W_OFFER] > 0;
  gboolean own_place = x[HARK_AD_W_NOTES] > 0 && (x[HARK_AD_W_SELF] > 0 || x[HARK_AD_W_OWN] > 0);
  /* Somewhere to get it with no link ("in your app store", "wherever you get podcasts"), for a
   * name said again and again, or the show's own. */
  gboolean store = x[HARK_AD_W_ELSEWHERE] > 0
                   && (x[HARK_AD_W_NAMED_LINK] > 0 || x[HARK_AD_W_SELF] > 0 || x[HARK_AD_W_OWN] > 0);

  /* The show's own: its side says it runs the thing, or names its own offer or things. */
  gboolean ours = x[HARK_AD_W_OURS] > 0 || x[HARK_AD_W_SELF] > 0 || x[HARK_AD_W_OWN] > 0;
  /* An event of its own needs no link: a date and "come see us" say where to be. */
  gboolean own_event = x[HARK_AD_W_EVENT] > 0 && ours;
  /* A sponsor's read speaks to the listener: it asks something, says "you", or is a voice of
   * its own. The show's own promotion may instead speak for itself ("our store is at …",
   * "we're doing a live show in May"), which conversation about someone else's product does
   * not. */
  gboolean addressed = x[HARK_AD_W_ASK] > 0 || x[HARK_AD_W_IMPERATIVE] > 0 || x[HARK_AD_W_YOU] > 0
                       || x[HARK_AD_W_NEW_VOICE] > 0 || x[HARK_AD_W_OURS_PLACE] > 0
                       || (x[HARK_AD_W_OURS] > 0 && (x[HARK_AD_W_EVENT] > 0 || x[HARK_AD_W_URL] > 0));

  /* One voice naming its side's own thing (its offer, or what it runs) and asking the listener
   * for something needs no link: "come hang out with us in the chat", "we've got new shirts …
   * go grab one". A guest's book told to the host asks the listener nothing. */
  gboolean own_ask = (x[HARK_AD_W_SELF] > 0 || x[HARK_AD_W_OURS] > 0)
                     && (x[HARK_AD_W_IMPERATIVE] > 0 || x[HARK_AD_W_ASK] > 0)
                     && x[HARK_AD_W_YOU] > 0 && x[HARK_AD_W_ONE_VOICE] > 0;

  /* The speaker's side saying it runs a thing and where it is ("we write a newsletter … it's
   * at x dot com") is two kinds of evidence that say as much as three; so is one voice naming
   * the show's own thing and asking the listener for it ("send back what it was worth"). */
  gboolean own_site = x[HARK_AD_W_OURS] > 0 && (x[HARK_AD_W_URL] > 0 || x[HARK_AD_W_NOTES] > 0);

  return (pays || own_place || store || own_event || own_ask || x[HARK_AD_W_NEW_VOICE_DEAL] > 0)
         && addressed
         && x[HARK_AD_W_KINDS] * 7 >= (own_site || own_ask ? 2 : 3) - 1e-9;
}

/* One voice says all of it (a plug is one speaker's; conversation passes between voices); it
 * speaks to the listener (asks, tells them to do something, says "you" often) or for the show
 * about an event of its own; and it says whose the thing is ("we", "our", "my", the show's own
 * offer): a guest telling of their store in the conversation speaks to no listener, and a fair
 * urged on the listener is nobody's here. */
gboolean
hark_ad_window_own_aside (const double *x)
{
  gboolean addressed = x[HARK_AD_W_ASK] > 0 || x[HARK_AD_W_IMPERATIVE] > 0
                       || x[HARK_AD_W_YOU] >= OWN_YOU_MIN
                       || (x[HARK_AD_W_EVENT] > 0 && x[HARK_AD_W_OURS_PLACE] > 0);
  gboolean owner = x[HARK_AD_W_WE] > 0 || x[HARK_AD_W_SELF] > 0 || x[HARK_AD_W_OURS] > 0;

  return x[HARK_AD_W_TURNS] == 0 && addressed && owner;
}

/* Whether sentences @first..@last sit inside a run of the show's housekeeping: the same voice
 * says housekeeping (follow, subscribe, past episodes) right before and right after them. */
static gboolean
inside_housekeeping (const HarkAdSentence *s, guint n, guint first, guint last)
{
  return first > 0 && last + 1 < n && s[first - 1].count[HARK_AD_HOUSEKEEPING]
         && s[last + 1].count[HARK_AD_HOUSEKEEPING] && s[first - 1].speaker == s[first].speaker
         && s[last + 1].speaker == s[last].speaker;
}

/* Whether sentences from @first, with features @x, only answer the question before them (from
 * another voice, or with no voices known): nothing in them speaks to the listener, nor gives a
 * link, a code or a price. A guest telling of their store when asked about it is talk. */
static gboolean
answers_only (const HarkAdSentence *s, guint first, const double *x)
{
  if (first == 0 || !s[first - 1].count[HARK_AD_QUESTION]
      || (s[first - 1].speaker >= 0 && s[first - 1].speaker == s[first].speaker))
    return FALSE;
  return !hark_ad_window_pays (x) && x[HARK_AD_W_ASK] == 0 && x[HARK_AD_W_IMPERATIVE] == 0
         && x[HARK_AD_W_YOU] == 0;
}

typedef struct
{
  guint first, last;
  double logit;
  gboolean own; /* passed on the show's own model */
} Window;

static int
by_logit (gconstpointer a, gconstpointer b)
{
  const Window *x = a, *y = b;

  if (x->logit != y->logit)
    return x->logit > y->logit ? -1 : 1;
  return x->first < y->first ? -1 : x->first > y->first; /* a stable order on ties */
}

/* Housekeeping ends a read: what follows it is the show's outro, unless a code or an offer
 * comes after. */
static void
cut_at_housekeeping (const HarkAdSentence *s, guint first, guint *last)
{
  for (guint k = first + 1; k <= *last; k++)
    if (s[k].count[HARK_AD_HOUSEKEEPING])
      {
        gboolean offered = FALSE;

        for (guint j = k; j <= *last && !offered; j++)
          offered = s[j].count[HARK_AD_CODE] || s[j].count[HARK_AD_OFFER];
        if (!offered)
          {
            *last = k - 1;
            return;
          }
      }
}

void
hark_ad_window_find (const HarkAdSentence *s, guint n, const gboolean *taken, GArray *out)
{
  g_autoptr (GArray) passing = g_array_new (FALSE, FALSE, sizeof (Window));
  g_autofree gboolean *used = NULL;
  double x[HARK_AD_W_N];

  if (n == 0)
    return;
  used = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    for (guint len = HARK_AD_WINDOW_MIN; len <= HARK_AD_WINDOW_MAX && i + len <= n; len++)
      {
        Window w = { i, i + len - 1, 0, FALSE };

        if (taken[w.last] || taken[i] || s[w.last].end - s[i].start > MAX_WINDOW_SECONDS)
          break;
        hark_ad_window_features (s, i, w.last, x);
        w.logit = hark_ad_window_read_logit (x);
        /* The show's own promotion is judged by its own model too: its log-odds over its bar
         * rank it with the reads' over theirs. */
        if (w.logit < HARK_AD_WINDOW_THRESHOLD)
          {
            double own = hark_ad_window_own_logit (x) - HARK_AD_WINDOW_OWN_THRESHOLD;

            if (own < 0 || hark_ad_window_pays (x) || !hark_ad_window_own_aside (x))
              continue;
            w.logit = HARK_AD_WINDOW_THRESHOLD + own;
            w.own = TRUE;
          }
        g_array_append_val (passing, w);
      }
  g_array_sort (passing, by_logit);

  /* The best window first; it grows by a sentence at either end while that does not make it
   * less likely a read, then its edges are trimmed to sentences with evidence. */
  for (guint p = 0; p < passing->len; p++)
    {
      const Window *w = &g_array_index (passing, Window, p);
      guint first = w->first, last = w->last, grown_first, grown_last;
      gboolean clear = TRUE;

      for (guint k = first; k <= last && clear; k++)
        clear = !used[k];
      if (!clear)
        continue;
      /* Grow over the sentences around it that the edge model takes for the read's own. */
      while (first > 0 && !used[first - 1] && !taken[first - 1]
             && s[last].end - s[first - 1].start <= MAX_READ_SECONDS
             && belongs (&s[first - 1], &s[first]))
        first--;
      while (last + 1 < n && !used[last + 1] && !taken[last + 1]
             && s[last + 1].end - s[first].start <= MAX_READ_SECONDS
             && belongs (&s[last + 1], &s[last]))
        last++;
      grown_first = first, grown_last = last;
      /* Then trim what the window itself held of the conversation. */
      while (first < last && !edge_holds (&s[first], &s[first + 1]))
        first++;
      cut_at_housekeeping (s, first, &last);
      while (last > first && !edge_holds (&s[last], &s[last - 1]))
        last--;
      /* A window the model passed, trimmed down to its one sentence with strong evidence,
       * is still the read it judged: the sentence naming what is offered belongs to it. */
      if (last == first && w->last > w->first)
        {
          first = w->first, last = w->last;
          cut_at_housekeeping (s, first, &last);
        }
      if (last == first || s[first].count[HARK_AD_HOUSEKEEPING])
        continue;
      hark_ad_window_features (s, first, last, x);
      if (!hark_ad_window_structural (x) || answers_only (s, first, x))
        continue;
      /* Passed as the show's own, it is still the show's own once trimmed. */
      if (w->own && (hark_ad_window_own_logit (x) < HARK_AD_WINDOW_OWN_THRESHOLD
                     || hark_ad_window_pays (x) || !hark_ad_window_own_aside (x)
                     || inside_housekeeping (s, n, first, last)
                     || hark_ad_window_self_logit (x) <= 0))
        continue;
      /* Only a read found keeps the sentences it grew over from other windows: one that
       * came to nothing leaves them to a window of its own. */
      for (guint k = grown_first; k <= grown_last; k++)
        used[k] = TRUE;
      {
        HarkAdWindowRead read = { first, last, hark_ad_window_self_logit (x) > 0, w->logit };

        g_array_append_val (out, read);
      }
    }
}
