/* hark-ad-chapters.c — chapters whose titles say they are ads
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "segments/hark-segments.h"

#include <string.h>

/* Whole titles that name an ad break. A title merely containing "ad" ("Adding tests",
 * "Road trip") must not match, so these compare against the whole, trimmed title. */
static const char *const ad_titles[] = {
  "ad", "ads", "advert", "advertisement", "advertisements", "ad break", "ad-break",
  "commercial", "commercial break", "sponsor", "sponsors", "sponsor break", "sponsor read",
  "sponsor message", "sponsored", "sponsorship", "a word from our sponsor",
  "a word from our sponsors", "message from our sponsor", "message from our sponsors", "promo",
  "paid promotion", NULL,
};

/* Title beginnings that make it an ad whatever follows ("Sponsored by Acme", "Ad: Acme"). */
static const char *const ad_prefixes[] = {
  "sponsored by ", "sponsor: ", "sponsor - ", "sponsor – ", "ad: ", "ad - ", "ad – ",
  "ad break: ", "advertisement: ", "brought to you by ", "thanks to our sponsor", NULL,
};

gboolean
hark_chapter_title_is_ad (const char *title)
{
  g_autofree char *lower = NULL;
  char *t;
  gsize n;

  if (title == NULL)
    return FALSE;
  lower = g_utf8_strdown (title, -1);
  t = g_strstrip (lower);
  /* "[Ad]", "(Sponsor)", "Ad break." */
  n = strlen (t);
  while (n > 0 && strchr (".!:)]", t[n - 1]))
    t[--n] = '\0';
  while (*t == '(' || *t == '[')
    t++;
  if (g_strv_contains (ad_titles, t))
    return TRUE;
  for (guint i = 0; ad_prefixes[i]; i++)
    if (g_str_has_prefix (t, ad_prefixes[i]))
      return TRUE;
  return FALSE;
}
