/* hark-ad-topic.h — a name the conversation is about, not a product being pitched
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "segments/hark-ad-evidence.h"

G_BEGIN_DECLS

/* Whether the name the links of @s[@first..@last] are made of ("tokenhaus" in
 * "tokenhaus.dev/docs") is the topic of the conversation around them: said as a word, within
 * a minute or so before or after, by a voice other than the one saying the link. A read is one
 * voice pitching a name the rest of the episode does not talk about; two people discussing a
 * library say its name to each other, and where to find it. Needs known voices. @n is the
 * number of sentences in @s. */
gboolean hark_ad_topic_name_discussed (const HarkAdSentence *s, guint n, guint first,
                                       guint last);

G_END_DECLS
