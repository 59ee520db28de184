/* hark-subscriptions-opml.h — subscriptions to and from OPML, the format players exchange
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Podcasts, gPodder, AntennaPod and Pocket Casts all read and write OPML: a list of feed
 * addresses with titles. Importing adds the feeds to the library without fetching them; the
 * caller refreshes the shows returned (hark_subscriptions_refresh_async()).
 */
#pragma once

#include "library/hark-library-shows.h"

G_BEGIN_DECLS

/* Adds every feed of the OPML document @data (@name says where it came from, for errors) that
 * is not already a subscription. Returns the shows it lists (HarkShow *, those already there
 * included), or NULL with the reason (not OPML, or the library could not be written). */
GPtrArray *hark_subscriptions_import_opml (HarkLibrary *library, const char *data, gsize length,
                                           const char *name, GError **error);

/* The subscriptions as an OPML 2.0 document. */
char *hark_subscriptions_export_opml (HarkLibrary *library, GError **error);

G_END_DECLS
