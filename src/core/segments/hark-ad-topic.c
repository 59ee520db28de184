/* hark-ad-topic.c — a name the conversation is about, not a product being pitched
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a show about software, "use", "code", "free", "download" and "available on" are the
 * topic's own words, and a project's name and site are said again and again within a minute:
 * everything the window model weighs for an unannounced read. What a read does not have is the
 * other voice talking about the same name: a pitch is one voice, its product no one's topic.
 */
#include "segments/hark-ad-topic.h"

#include <string.h>

#include "segments/hark-ad-domain.h"

/* How far from the read another voice's mention still makes the name the conversation's. */
#define TOPIC_REACH 60.0
#define MIN_LABEL 4

/* Whether @s says @label (@len bytes) as a word of its own, not as a link's. */
static gboolean
says_word (const HarkAdSentence *s, const char *label, gsize len)
{
  for (gsize i = 0; i + len <= s->length; i++)
    {
      gsize end = i + len;

      if (g_ascii_strncasecmp (s->text + i, label, len) != 0
          || (i > 0 && (g_ascii_isalnum (s->text[i - 1]) || s->text[i - 1] == '.'
                        || s->text[i - 1] == '/'))
          || (end < s->length && (g_ascii_isalnum (s->text[end]) || s->text[end] == '.'
                                  || s->text[end] == '/')))
        continue;
      /* "… tokenhaus dot dev": a link said, not the name talked about. */
      if (s->length - end >= 5 && g_ascii_strncasecmp (s->text + end, " dot ", 5) == 0)
        continue;
      return TRUE;
    }
  return FALSE;
}

gboolean
hark_ad_topic_name_discussed (const HarkAdSentence *s, guint n, guint first, guint last)
{
  g_return_val_if_fail (s != NULL && first <= last && last < n, FALSE);
  for (guint k = first; k <= last; k++)
    {
      char label[HARK_AD_DOMAIN_MAX_LABEL];
      gsize len;

      if (!s[k].count[HARK_AD_URL] || s[k].speaker < 0)
        continue;
      len = hark_ad_domain_label (&s[k], label);
      if (len < MIN_LABEL)
        continue;
      for (guint j = first; j-- > 0 && s[first].start - s[j].end <= TOPIC_REACH;)
        if (s[j].speaker >= 0 && s[j].speaker != s[k].speaker && s[j].count[HARK_AD_QUESTION]
            && says_word (&s[j], label, len))
          return TRUE;
    }
  return FALSE;
}
