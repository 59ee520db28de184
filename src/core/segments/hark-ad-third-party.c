/* hark-ad-third-party.c — whose offer a read makes: the show's, or someone else's
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hosts often close a sponsor's read by saying that taking the offer helps the show. The words
 * are the show's own ask, but what the listener is asked to do is go to someone else's site and
 * take someone else's deal: whose thing is offered decides the category, not whether "support"
 * was said.
 */
#include "segments/hark-ad-third-party.h"

gboolean
hark_ad_third_party_offer (const HarkAdSentence *s, guint first, guint last,
                           const HarkShowMentions *mentions)
{
  guint asks = 0, own = 0;
  gboolean deal = FALSE;

  g_return_val_if_fail (s != NULL && mentions != NULL, FALSE);
  /* Somewhere to go that is someone else's, and none of the show's. */
  if (mentions->other_sites == 0 || mentions->own_sites > 0 || mentions->n_paths > 0)
    return FALSE;
  for (guint k = first; k <= last; k++)
    {
      /* The show's own things offered: a plug, a show promoted, the speaker's side running
       * something, "my book", a membership, merch, tickets. */
      if (s[k].count[HARK_AD_PLUG] || s[k].count[HARK_AD_SHOW_PROMO] || s[k].count[HARK_AD_OURS]
          || s[k].mine || s[k].count[HARK_AD_OWN] > s[k].show_named)
        return FALSE;
      asks += s[k].support_asks;
      own += s[k].count[HARK_AD_SELF];
      deal = deal || s[k].count[HARK_AD_OFFER] || s[k].count[HARK_AD_CODE];
    }
  return deal && own <= asks;
}
