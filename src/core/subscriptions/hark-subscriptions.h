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

/* What a listener typed or pasted, as a feed address: surrounding blanks dropped, "https://"
 * added when no scheme is given, feed:, podcast:, itpc: and pcast: links unwrapped. NULL with
 * HARK_ERROR_INVALID_ARGUMENT when it cannot be an http or https address. */
char *hark_subscriptions_normalize_url (const char *text, GError **error);

/* Adds @url and fetches it once on @http (the caller's main context keeps running); a URL that
 * does not answer with a feed, or a cancelled fetch, is not kept. */
void hark_subscriptions_subscribe_async (HarkHttp *http, HarkLibrary *library, const char *url,
                                         GCancellable *cancellable, GAsyncReadyCallback callback,
                                         gpointer user_data);
/* The show's id and how many episodes it brought, or 0 with the reason. */
gint64 hark_subscriptions_subscribe_finish (GAsyncResult *result, guint *n_episodes,
                                            GError **error);
/* The same, running the thread-default main context until done: for command-line tools. */
gint64 hark_subscriptions_subscribe (HarkHttp *http, HarkLibrary *library, const char *url,
                                     guint *n_episodes, GError **error);

/* Loads the next older page of a paged feed (the show's next_page) into the library: fetched
 * on @http, parsed on a worker thread, stored from the caller's main context.
 * HARK_ERROR_NOT_FOUND when the show has no older page left. */
void hark_subscriptions_load_older_async (HarkHttp *http, HarkLibrary *library,
                                          const HarkShow *show, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
/* How many episodes the page brought in @n_new. */
gboolean hark_subscriptions_load_older_finish (GAsyncResult *result, guint *n_new,
                                               GError **error);
/* The same, running the thread-default main context until done: for command-line tools. */
gboolean hark_subscriptions_load_older (HarkHttp *http, HarkLibrary *library,
                                        const HarkShow *show, guint *n_new, GError **error);

G_END_DECLS
