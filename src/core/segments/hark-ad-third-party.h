/* hark-ad-third-party.h — whose offer a read makes: the show's, or someone else's
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "segments/hark-ad-evidence.h"
#include "segments/hark-show-context.h"

G_BEGIN_DECLS

/* Whether what @s[@first..@last] offers is a third party's: it sends the listener, with a deal
 * or a code, to a site that is not the show's (as @mentions, hark_show_context_scan() over the
 * same sentences, counted), and of the show's own it names nothing but asks for support ("use
 * the link, it's a great way to support the show"): no membership, course, merch, tickets, no
 * plug, no show promoted, nothing the speaker's side runs. Such a read is a sponsor's, whatever
 * it said of supporting the show; "support the show by joining our membership" stays the
 * show's own. */
gboolean hark_ad_third_party_offer (const HarkAdSentence *s, guint first, guint last,
                                    const HarkShowMentions *mentions);

G_END_DECLS
