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

/* How far from the read another voice's mention still makes the name the conversation's. */
#define TOPIC_REACH 60.0
#define MIN_LABEL 4
#define MAX_LABEL 40

/* The label of the first link in @s (lower case, into @label): the word a written domain
 * starts with, or the word said before a spoken "dot". */
static gsize
link_label (const HarkAdSentence *s, char *label)
{
  gsize at = s->quote_at[HARK_AD_URL], from, to;

  if (at >= s->length)
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
    }
  if (to - from < MIN_LABEL || to - from >= MAX_LABEL)
    return 0;
  for (gsize k = from; k < to; k++)
    label[k - from] = g_ascii_tolower (s->text[k]);
  label[to - from] = '\0';
  return to - from;
}

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
      char label[MAX_LABEL];
      gsize len;

      if (!s[k].count[HARK_AD_URL] || s[k].speaker < 0)
        continue;
      len = link_label (&s[k], label);
      if (len == 0)
        continue;
      for (guint j = first; j-- > 0 && s[first].start - s[j].end <= TOPIC_REACH;)
        if (s[j].speaker >= 0 && s[j].speaker != s[k].speaker && s[j].count[HARK_AD_QUESTION]
            && says_word (&s[j], label, len))
          return TRUE;
    }
  return FALSE;
}
