/* hark-ad-segmenter.c — deciding where reads are, over the whole episode at once
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The weights are set by hand and checked on the labelled real shows (tests/segments/
 * test-realworld.c prints the figures); each says how much one hit of a feature in a sentence
 * speaks for a state. Counts saturate at two: a sentence naming the URL three times is no more a
 * read than one naming it twice. Links, codes, offers and names weigh the same in both read
 * states: they say a read is here, not whose it is; only sponsor talk, a break and the show's
 * own offers choose the category, so a read keeps the category it was entered with.
 */
#include "segments/hark-ad-segmenter.h"

#include <math.h>
#include <string.h>

static const double weights[HARK_AD_N_STATES][HARK_AD_N_FEATURES] = {
  [HARK_AD_STATE_SPONSOR] = {
    [HARK_AD_URL] = 1.6,
    [HARK_AD_CODE] = 1.4,
    [HARK_AD_OFFER] = 0.9,
    [HARK_AD_IMPERATIVE] = 0.6,
    [HARK_AD_SPONSOR] = 1.4,
    [HARK_AD_BREAK] = 1.0,
    [HARK_AD_SELF] = -1.0,
    [HARK_AD_HOUSEKEEPING] = -1.2,
    [HARK_AD_BRAND] = 0.3,
    [HARK_AD_RESUME] = -2.5,
    [HARK_AD_QUESTION] = -0.2,
    [HARK_AD_DIALOGUE] = -0.6,
    [HARK_AD_AFTER_BREAK] = 0.5,
    /* A backer named is a whole read for shows that credit their sponsors in a line. */
    [HARK_AD_CREDIT] = 2.0,
    [HARK_AD_SHOW_PROMO] = -0.5,
  },
  [HARK_AD_STATE_SELF] = {
    [HARK_AD_URL] = 1.6,
    [HARK_AD_CODE] = 1.4,
    [HARK_AD_OFFER] = 0.9,
    [HARK_AD_IMPERATIVE] = 0.6,
    [HARK_AD_SPONSOR] = 0.0,
    [HARK_AD_BREAK] = -0.5,
    [HARK_AD_SELF] = 2.0,
    [HARK_AD_HOUSEKEEPING] = -0.6,
    [HARK_AD_BRAND] = 0.3,
    [HARK_AD_RESUME] = -2.5,
    [HARK_AD_QUESTION] = -0.2,
    [HARK_AD_DIALOGUE] = -0.6,
    /* Another show of the network, described and pointed to. */
    [HARK_AD_SHOW_PROMO] = 1.5,
  },
};

/* What a second inside a read costs without evidence, and what entering and leaving cost. */
#define COST_PER_SECOND 0.05
#define COST_ENTER 1.6
#define COST_LEAVE 0.5
#define COST_SWITCH 1.0
/* Staying in a read while another known voice takes over: reads are said by one voice, and
 * people answering each other are a conversation. */
#define COST_TURN 1.5
/* A sentence longer than this is charged as this long (a long Otter paragraph, a section). */
#define MAX_CHARGED_SECONDS 20.0

double
hark_ad_sentence_evidence (const HarkAdSentence *s, HarkAdState state)
{
  double score = 0;

  if (state == HARK_AD_STATE_SHOW)
    return 0;
  for (guint f = 0; f < HARK_AD_N_FEATURES; f++)
    score += weights[state][f] * MIN (s->count[f], f == HARK_AD_BRAND ? 1 : 2);
  return score;
}

double
hark_ad_sentence_score (const HarkAdSentence *s, HarkAdState state)
{
  if (state == HARK_AD_STATE_SHOW)
    return 0;
  return hark_ad_sentence_evidence (s, state)
         - COST_PER_SECOND * CLAMP (s->end - s->start, 0.0, MAX_CHARGED_SECONDS);
}

/* Another known voice speaks @b after @a, and @a did not hand over to it ("let's hear from
 * one of our sponsors" said by one host, the read by another). */
static gboolean
turn_between (const HarkAdSentence *a, const HarkAdSentence *b)
{
  return a->speaker >= 0 && b->speaker >= 0 && a->speaker != b->speaker
         && !a->count[HARK_AD_BREAK] && !a->count[HARK_AD_SPONSOR] && !a->count[HARK_AD_AFTER_BREAK];
}

static double
transition (HarkAdState from, HarkAdState to, gboolean turn)
{
  if (from == to)
    return from != HARK_AD_STATE_SHOW && turn ? -COST_TURN : 0;
  if (from == HARK_AD_STATE_SHOW)
    return -COST_ENTER;
  if (to == HARK_AD_STATE_SHOW)
    return -COST_LEAVE;
  return -COST_SWITCH;
}

void
hark_ad_segment (const HarkAdSentence *sentences, guint n, HarkAdState *states)
{
  g_autofree double *score = NULL;
  g_autofree guint8 *back = NULL;
  double best[HARK_AD_N_STATES];

  if (n == 0)
    return;
  score = g_new (double, (gsize) n * HARK_AD_N_STATES);
  back = g_new0 (guint8, (gsize) n * HARK_AD_N_STATES);
  for (guint s = 0; s < HARK_AD_N_STATES; s++)
    best[s] = (s == HARK_AD_STATE_SHOW ? 0 : -COST_ENTER)
              + hark_ad_sentence_score (&sentences[0], s);
  memcpy (score, best, sizeof best);

  for (guint i = 1; i < n; i++)
    for (guint s = 0; s < HARK_AD_N_STATES; s++)
      {
        gboolean turn = turn_between (&sentences[i - 1], &sentences[i]);
        double top = -INFINITY;
        guint from = 0;

        for (guint p = 0; p < HARK_AD_N_STATES; p++)
          {
            double v = score[(gsize) (i - 1) * HARK_AD_N_STATES + p] + transition (p, s, turn);

            if (v > top)
              top = v, from = p;
          }
        score[(gsize) i * HARK_AD_N_STATES + s] = top + hark_ad_sentence_score (&sentences[i], s);
        back[(gsize) i * HARK_AD_N_STATES + s] = (guint8) from;
      }

  {
    guint s = 0;
    double top = -INFINITY;

    /* The episode may end inside a read (a post-roll): leaving at the end costs nothing. */
    for (guint k = 0; k < HARK_AD_N_STATES; k++)
      if (score[(gsize) (n - 1) * HARK_AD_N_STATES + k] > top)
        top = score[(gsize) (n - 1) * HARK_AD_N_STATES + k], s = k;
    for (guint i = n; i > 0; i--)
      {
        states[i - 1] = s;
        s = back[(gsize) (i - 1) * HARK_AD_N_STATES + s];
      }
  }
}
