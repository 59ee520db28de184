/* hark-ad-domain.h — what may end a web address, written or said
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "segments/hark-ad-evidence.h"

G_BEGIN_DECLS

/* Whether @word (@length bytes, any case) is a common ending of a web address ("com", "fm",
 * "io", a country's): a domain said with it needs nothing more to be one. */
gboolean hark_ad_domain_known_ending (const char *word, gsize length);

/* Whether @word (@length bytes, any case) could be an ending at all: new endings are made all
 * the time ("bot", "cx", "gay"), so any short run of letters may be one. Only a domain said as
 * a place to go (a path after it, "go to" before it) should be taken on this alone. */
gboolean hark_ad_domain_plausible_ending (const char *word, gsize length);

#define HARK_AD_DOMAIN_MAX_LABEL 40

/* The own label of the first link @s holds (HARK_AD_URL), lower case, into @label
 * (HARK_AD_DOMAIN_MAX_LABEL bytes): the word a written domain starts with ("example" of
 * "example.com/show"), or the word said before a spoken "dot". Its length; 0 when there is none. */
gsize hark_ad_domain_label (const HarkAdSentence *s, char *label);

G_END_DECLS
