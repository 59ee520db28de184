/* hark-ad-domain.c — what may end a web address, written or said
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads spell out their links ("example dot io slash show") with whatever ending the company
 * bought. A fixed table of endings cannot keep up, so the table only says which endings are
 * common enough to be a link by themselves; any other short run of letters is an ending too
 * when the rest of what was said makes it a place to go.
 */
#include "segments/hark-ad-domain.h"

#include <string.h>

/* Endings common enough that "name dot ending" is a link however it was said. */
static const char *const known[] = {
  "com", "fm", "io", "org", "net", "co", "ai", "dev", "app", "ly", "tv", "show", "us", "uk",
  "me", "gg", "so", "sh", "xyz", "info", "link", "shop", "store", "live", "news", "blog", "tech",
  "site", "online", "club", "studio", "media", "email", "page", "tools", "cloud", "school",
  "academy", "courses", "press", "audio", "works", "art", "design", "games", "books",
  "community", "social", "fyi", "ca", "au", "nz", "de", "pub", "network", "events", "health",
  "coffee", "team", "fund", "money", "radio", "podcast", "party", "zone", "host", "jobs",
  "travel", "fr", "biz", "cc", "edu", "gov", "pod", "pet", NULL
};

/* Endings set aside never to be anyone's site (documentation, tests, a local network). */
static const char *const reserved[] = { "example", "test", "invalid", "localhost", "local",
                                        NULL };

/* The longest ending taken on its own shape. */
#define MAX_ENDING 10

gboolean
hark_ad_domain_known_ending (const char *word, gsize length)
{
  if (word == NULL)
    return FALSE;
  for (guint i = 0; known[i]; i++)
    if (strlen (known[i]) == length && g_ascii_strncasecmp (word, known[i], length) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hark_ad_domain_plausible_ending (const char *word, gsize length)
{
  if (word == NULL || length < 2 || length > MAX_ENDING)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (word[i]))
      return FALSE;
  for (guint i = 0; reserved[i]; i++)
    if (strlen (reserved[i]) == length && g_ascii_strncasecmp (word, reserved[i], length) == 0)
      return FALSE;
  return TRUE;
}

gsize
hark_ad_domain_label (const HarkAdSentence *s, char *label)
{
  gsize at, from, to;

  g_return_val_if_fail (s != NULL && label != NULL, 0);
  label[0] = '\0';
  at = s->quote_at[HARK_AD_URL];
  if (!s->count[HARK_AD_URL] || at >= s->length)
    return 0;
  if (s->length - at >= 4 && g_ascii_strncasecmp (s->text + at, "dot ", 4) == 0)
    {
      to = at;
      while (to > 0 && s->text[to - 1] == ' ')
        to--;
      from = to;
      while (from > 0 && g_ascii_isalnum (s->text[from - 1]))
        from--;
    }
  else
    {
      from = at;
      to = at;
      while (to < s->length && g_ascii_isalnum (s->text[to]))
        to++;
      /* "Link below" is where a link is, not one. */
      if (to >= s->length || s->text[to] != '.')
        return 0;
    }
  if (to == from || to - from >= HARK_AD_DOMAIN_MAX_LABEL)
    return 0;
  for (gsize k = from; k < to; k++)
    label[k - from] = g_ascii_tolower (s->text[k]);
  label[to - from] = '\0';
  return to - from;
}
