/* hark-subscriptions.c — refresh: conditional fetch, parse, move, store
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "subscriptions/hark-subscriptions.h"
#include "util/hark-i18n.h"

#include <libxml/parser.h>
#include <string.h>

#include "util/hark-error.h"

void
hark_refresh_result_free (HarkRefreshResult *result)
{
  if (result == NULL)
    return;
  g_free (result->feed_url);
  g_free (result->moved_to);
  g_clear_error (&result->error);
  g_free (result);
}

typedef struct
{
  HarkHttp *http;
  HarkLibrary *library;
  GPtrArray *results; /* HarkRefreshResult *, one per show, in order */
  guint pending;
  guint done;
  HarkRefreshProgress progress;
  gpointer progress_data;
} Refresh;

typedef struct
{
  GTask *task;
  HarkRefreshResult *result;
} ShowFetch;

static void
refresh_free (Refresh *r)
{
  g_ptr_array_unref (r->results);
  g_free (r);
}

static gboolean
is_web_address (const char *url)
{
  const char *scheme = url ? g_uri_peek_scheme (url) : NULL;
  return scheme && (strcmp (scheme, "http") == 0 || strcmp (scheme, "https") == 0);
}

/* Moves the subscription; a clash with another subscription is reported, not fatal. */
static void
move (Refresh *r, HarkRefreshResult *result, const char *to)
{
  g_autoptr (GError) error = NULL;

  if (to == NULL || strcmp (to, result->feed_url) == 0
      || (result->moved_to && strcmp (to, result->moved_to) == 0) || !is_web_address (to))
    return;
  if (hark_library_move_show (r->library, result->show_id, to, &error))
    {
      g_free (result->moved_to);
      result->moved_to = g_strdup (to);
    }
  else if (result->error == NULL)
    result->error = g_steal_pointer (&error);
}

static void
store (Refresh *r, HarkRefreshResult *result, HarkHttpResponse *response)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkFeed) feed = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gsize length = 0;
  const char *data;

  move (r, result, response->permanent_url);
  if (response->status == 304)
    {
      result->not_modified = TRUE;
      hark_library_mark_checked (r->library, result->show_id, now, NULL, &result->error);
      return;
    }
  data = g_bytes_get_data (response->body, &length);
  feed = hark_feed_parse (data, length, result->feed_url, response->url, &error);
  if (feed == NULL)
    {
      hark_library_mark_checked (r->library, result->show_id, now, error->message, NULL);
      result->error = g_steal_pointer (&error);
      return;
    }
  if (!hark_library_store_feed (r->library, result->show_id, feed, response->etag,
                                response->last_modified, now, &result->n_new, &result->error))
    return;
  /* The publisher's own word that the feed moved. */
  move (r, result, feed->new_feed_url);
}

static void
finish_one (Refresh *r, GTask *task, HarkRefreshResult *result)
{
  r->done++;
  if (r->progress)
    r->progress (result, r->done, r->results->len, r->progress_data);
  if (--r->pending == 0)
    {
      if (g_task_return_error_if_cancelled (task))
        ;
      else
        g_task_return_pointer (task, g_ptr_array_ref (r->results),
                               (GDestroyNotify) g_ptr_array_unref);
    }
  g_object_unref (task);
}

static void
on_fetched (GObject *source, GAsyncResult *async, gpointer data)
{
  ShowFetch *fetch = data;
  Refresh *r = g_task_get_task_data (fetch->task);
  g_autoptr (HarkHttpResponse) response = hark_http_get_finish (r->http, async,
                                                                &fetch->result->error);

  if (response != NULL)
    store (r, fetch->result, response);
  else
    hark_library_mark_checked (r->library, fetch->result->show_id,
                               g_get_real_time () / G_USEC_PER_SEC, fetch->result->error->message,
                               NULL);
  finish_one (r, fetch->task, fetch->result);
  g_free (fetch);
}

void
hark_subscriptions_refresh_async (HarkHttp *http, HarkLibrary *library, GPtrArray *shows,
                                  HarkRefreshProgress progress, gpointer progress_data,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Refresh *r = g_new0 (Refresh, 1);

  r->http = http;
  r->library = library;
  r->results = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_refresh_result_free);
  r->progress = progress;
  r->progress_data = progress_data;
  g_task_set_task_data (task, r, (GDestroyNotify) refresh_free);
  if (shows->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (r->results), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  r->pending = shows->len;
  for (guint i = 0; i < shows->len; i++)
    {
      const HarkShow *show = g_ptr_array_index (shows, i);
      HarkRefreshResult *result = g_new0 (HarkRefreshResult, 1);
      ShowFetch *fetch = g_new0 (ShowFetch, 1);

      result->show_id = show->id;
      result->feed_url = g_strdup (show->feed_url);
      g_ptr_array_add (r->results, result);
      fetch->task = g_object_ref (task);
      fetch->result = result;
      /* Validators only when the library has what they vouch for. */
      hark_http_get_async (http, show->feed_url, show->n_episodes ? show->etag : NULL,
                           show->n_episodes ? show->last_modified : NULL, cancellable,
                           on_fetched, fetch);
    }
  g_object_unref (task);
}

GPtrArray *
hark_subscriptions_refresh_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sync_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

GPtrArray *
hark_subscriptions_refresh_sync (HarkHttp *http, HarkLibrary *library, GPtrArray *shows,
                                 HarkRefreshProgress progress, gpointer progress_data,
                                 GError **error)
{
  GAsyncResult *result = NULL;
  GPtrArray *results;

  hark_subscriptions_refresh_async (http, library, shows, progress, progress_data, NULL,
                                    on_sync_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = hark_subscriptions_refresh_finish (result, error);
  g_object_unref (result);
  return results;
}

char *
hark_subscriptions_normalize_url (const char *text, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *url = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (*trimmed == '\0')
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT, _("No address given"));
      return NULL;
    }
  scheme = g_uri_peek_scheme (trimmed);
  /* "feed:" and "podcast:" are how web pages hand a feed to a player; "itpc:" is iTunes'. */
  if (scheme != NULL && (strcmp (scheme, "feed") == 0 || strcmp (scheme, "podcast") == 0
                         || strcmp (scheme, "itpc") == 0 || strcmp (scheme, "pcast") == 0))
    {
      const char *rest = trimmed + strlen (scheme) + 1;
      if (g_uri_peek_scheme (rest) != NULL)
        url = g_strdup (rest);
      else
        url = g_strconcat ("https:", g_str_has_prefix (rest, "//") ? "" : "//", rest, NULL);
    }
  else if (scheme == NULL)
    url = g_strconcat ("https://", trimmed, NULL);
  else
    url = g_strdup (trimmed);
  if (!is_web_address (url) || (uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL)) == NULL
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || strchr (trimmed, ' ') != NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address (http or https)"), trimmed);
      return NULL;
    }
  return g_steal_pointer (&url);
}

typedef struct
{
  HarkLibrary *library;
  gint64 id;
  guint n_new;
} Subscribe;

static void
on_subscribe_refreshed (GObject *source, GAsyncResult *async, gpointer data)
{
  g_autoptr (GTask) task = data;
  Subscribe *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GPtrArray) results = hark_subscriptions_refresh_finish (async, &error);
  HarkRefreshResult *result;

  if (results == NULL)
    {
      hark_library_remove_show (s->library, s->id, NULL);
      g_task_return_error (task, error);
      return;
    }
  result = g_ptr_array_index (results, 0);
  if (result->error != NULL)
    {
      /* A URL that does not give a feed is not kept. */
      hark_library_remove_show (s->library, s->id, NULL);
      g_task_return_error (task, g_steal_pointer (&result->error));
      return;
    }
  s->n_new = result->n_new;
  g_task_return_boolean (task, TRUE);
}

void
hark_subscriptions_subscribe_async (HarkHttp *http, HarkLibrary *library, const char *url,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (HarkShow) existing = hark_library_find_show (library, url, NULL);
  g_autoptr (GPtrArray) shows = NULL;
  Subscribe *s = g_new0 (Subscribe, 1);
  GError *error = NULL;
  HarkShow *show;

  g_task_set_source_tag (task, hark_subscriptions_subscribe_async);
  g_task_set_task_data (task, s, g_free);
  s->library = library;
  if (!is_web_address (url))
    {
      g_task_return_new_error (task, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                               _("%s: not an http or https address"), url);
      return;
    }
  if (existing != NULL && strcmp (existing->feed_url, url) == 0)
    {
      g_task_return_new_error (task, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                               _("You are already subscribed to %s"),
                               existing->title ? existing->title : url);
      return;
    }
  if ((s->id = hark_library_add_show (library, url, &error)) == 0
      || (show = hark_library_find_show (library, url, &error)) == NULL)
    {
      if (s->id != 0)
        hark_library_remove_show (library, s->id, NULL);
      g_task_return_error (task, error);
      return;
    }
  shows = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_show_free);
  g_ptr_array_add (shows, show);
  hark_subscriptions_refresh_async (http, library, shows, NULL, NULL, cancellable,
                                    on_subscribe_refreshed, g_steal_pointer (&task));
}

gint64
hark_subscriptions_subscribe_finish (GAsyncResult *result, guint *n_episodes, GError **error)
{
  Subscribe *s = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  if (n_episodes)
    *n_episodes = s->n_new;
  return s->id;
}

gint64
hark_subscriptions_subscribe (HarkHttp *http, HarkLibrary *library, const char *url,
                              guint *n_episodes, GError **error)
{
  GAsyncResult *result = NULL;
  gint64 id;

  hark_subscriptions_subscribe_async (http, library, url, NULL, on_sync_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  id = hark_subscriptions_subscribe_finish (result, n_episodes, error);
  g_object_unref (result);
  return id;
}

/* Loading an older page: fetched on the main context, parsed on a worker (a page can be as
 * large as a whole feed), stored on the main context again (the library's thread). */
typedef struct
{
  HarkHttp *http;
  HarkLibrary *library;
  gint64 show_id;
  char *next_page;
  char *feed_url;
  GBytes *body;
  char *url; /* the address that answered */
  guint n_new;
} Older;

static void
older_free (Older *o)
{
  g_free (o->next_page);
  g_free (o->feed_url);
  g_clear_pointer (&o->body, g_bytes_unref);
  g_free (o->url);
  g_free (o);
}

static void
parse_older_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Older *o = data;
  GError *error = NULL;
  gsize length = 0;
  const char *bytes = g_bytes_get_data (o->body, &length);
  HarkFeed *page = hark_feed_parse (bytes, length, o->next_page, o->url, &error);

  if (page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, page, (GDestroyNotify) hark_feed_free);
}

static void
on_older_parsed (GObject *object, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Older *o = g_task_get_task_data (task);
  g_autoptr (HarkFeed) page = NULL;
  GError *error = NULL;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  /* A page that points back at itself would be loaded for ever. */
  if (page->next_page && (strcmp (page->next_page, o->next_page) == 0
                          || strcmp (page->next_page, o->feed_url) == 0))
    g_clear_pointer (&page->next_page, g_free);
  if (hark_library_store_older_page (o->library, o->show_id, page,
                                     g_get_real_time () / G_USEC_PER_SEC, &o->n_new, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_older_fetched (GObject *object, GAsyncResult *result, gpointer data)
{
  GTask *task = data;
  Older *o = g_task_get_task_data (task);
  g_autoptr (HarkHttpResponse) response = NULL;
  GError *error = NULL;
  GTask *parse;

  response = hark_http_get_finish (o->http, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  o->body = g_bytes_ref (response->body);
  o->url = g_strdup (response->url);
  parse = g_task_new (NULL, g_task_get_cancellable (task), on_older_parsed, task);
  g_task_set_task_data (parse, o, NULL);
  g_task_run_in_thread (parse, parse_older_thread);
  g_object_unref (parse);
}

void
hark_subscriptions_load_older_async (HarkHttp *http, HarkLibrary *library, const HarkShow *show,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Older *o;

  g_task_set_source_tag (task, hark_subscriptions_load_older_async);
  if (show->next_page == NULL)
    {
      g_task_return_new_error (task, HARK_ERROR, HARK_ERROR_NOT_FOUND,
                               _("%s has no older page of episodes to load"),
                               show->title ? show->title : show->feed_url);
      g_object_unref (task);
      return;
    }
  /* libxml2 2.9 sets itself up on first use, which is not safe on a worker thread. */
  xmlInitParser ();
  o = g_new0 (Older, 1);
  o->http = http;
  o->library = library;
  o->show_id = show->id;
  o->next_page = g_strdup (show->next_page);
  o->feed_url = g_strdup (show->feed_url);
  g_task_set_task_data (task, o, (GDestroyNotify) older_free);
  hark_http_get_async (http, o->next_page, NULL, NULL, cancellable, on_older_fetched, task);
}

gboolean
hark_subscriptions_load_older_finish (GAsyncResult *result, guint *n_new, GError **error)
{
  Older *o = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_new)
    *n_new = o->n_new;
  return TRUE;
}

gboolean
hark_subscriptions_load_older (HarkHttp *http, HarkLibrary *library, const HarkShow *show,
                               guint *n_new, GError **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  hark_subscriptions_load_older_async (http, library, show, NULL, on_sync_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = hark_subscriptions_load_older_finish (result, n_new, error);
  g_object_unref (result);
  return ok;
}
