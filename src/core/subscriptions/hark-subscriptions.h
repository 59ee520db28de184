/* hark-subscriptions.h — subscribing and refreshing: feeds fetched, parsed and stored
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ties HarkHttp, the feed parser and the library together. A refresh asks each show's feed
 * conditionally (its ETag and Last-Modified), follows a permanent redirect or an
 * itunes:new-feed-url by moving the subscription, and stores what changed; one show's failure
 * is recorded with that show and does not stop the others.
 */
#pragma once

#include "library/hark-library-shows.h"
#include "net/hark-http.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 show_id;
  char *feed_url;    /* the address asked */
  char *moved_to;    /* where the subscription moved, or NULL */
  gboolean not_modified;
  guint n_new;
  GError *error;     /* why this show could not be refreshed, or NULL */
} HarkRefreshResult;

void hark_refresh_result_free (HarkRefreshResult *result);

/* Called as each show finishes (done of total). */
typedef void (*HarkRefreshProgress) (const HarkRefreshResult *result, guint done, guint total,
                                     gpointer user_data);

/* Refreshes @shows (HarkShow *), all queued at once on @http (which spaces them per host). */
void hark_subscriptions_refresh_async (HarkHttp *http, HarkLibrary *library, GPtrArray *shows,
                                       HarkRefreshProgress progress, gpointer progress_data,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
/* HarkRefreshResult *, in the order of @shows. Fails only when cancelled. */
GPtrArray *hark_subscriptions_refresh_finish (GAsyncResult *result, GError **error);

/* Runs the thread-default main context until the refresh completes. */
GPtrArray *hark_subscriptions_refresh_sync (HarkHttp *http, HarkLibrary *library,
                                            GPtrArray *shows, HarkRefreshProgress progress,
                                            gpointer progress_data, GError **error);

/* Adds @url and fetches it once; a URL that does not answer with a feed is not kept. Returns
 * the show's id, or 0 with the reason. */
gint64 hark_subscriptions_subscribe (HarkHttp *http, HarkLibrary *library, const char *url,
                                     guint *n_episodes, GError **error);

/* Loads the next older page of a paged feed (the show's next_page) into the library.
 * HARK_ERROR_NOT_FOUND when the show has no older page left. */
gboolean hark_subscriptions_load_older (HarkHttp *http, HarkLibrary *library,
                                        const HarkShow *show, guint *n_new, GError **error);

G_END_DECLS
