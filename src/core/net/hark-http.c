/* hark-http.c — the request queue, redirects, back-off and bodies on libsoup 3
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "net/hark-http-private.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "hark-config.h"
#include "util/hark-error.h"

#define MAX_REDIRECTS 10
#define READ_SIZE (64 * 1024)

static void job_start (HarkHttpJob *job);
static void http_unref (HarkHttp *http);
static void pump (HarkHttp *http);

void
hark_http_response_free (HarkHttpResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->url);
  g_free (response->permanent_url);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response->content_type);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

HarkHttp *
hark_http_new (const HarkHttpOptions *options)
{
  HarkHttp *http = g_new0 (HarkHttp, 1);
  HarkHttpOptions defaults = { 0 };
  g_autofree char *user_agent = NULL;

  if (options != NULL)
    defaults = *options;
  http->timeout_seconds = defaults.timeout_seconds ? defaults.timeout_seconds : 30;
  http->max_hosts = defaults.max_hosts ? defaults.max_hosts : 4;
  http->max_body_bytes = defaults.max_body_bytes ? defaults.max_body_bytes : 64u * 1024 * 1024;
  http->max_retry_after = defaults.max_retry_after ? defaults.max_retry_after : 120;
  http->max_retries = defaults.max_retries ? defaults.max_retries : 2;
  user_agent = defaults.user_agent ? g_strdup (defaults.user_agent)
                                   : g_strdup_printf ("Hark/%s (podcast player)", HARK_VERSION);
  http->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", http->timeout_seconds,
                                                 "idle-timeout", 60,
                                                 "max-conns-per-host", 2,
                                                 "proxy-resolver", g_proxy_resolver_get_default (),
                                                 NULL);
  /* libsoup 3 decodes gzip and deflate itself; make sure, in case a default changes. */
  if (!soup_session_has_feature (http->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (http->session, SOUP_TYPE_CONTENT_DECODER);
  http->pending = g_queue_new ();
  http->busy_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  http->blocked_until = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  http->context = g_main_context_ref_thread_default ();
  g_mutex_init (&http->cancel_lock);
  g_atomic_ref_count_init (&http->ref_count);
  return http;
}

static void
job_free (HarkHttpJob *job)
{
  if (job->cancelled_id)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);
  g_clear_object (&job->cancellable);
  g_free (job->url);
  g_free (job->host);
  g_free (job->etag);
  g_free (job->last_modified);
  g_free (job->permanent_url);
  g_clear_object (&job->message);
  g_clear_object (&job->stream);
  g_clear_pointer (&job->body, g_byte_array_unref);
  if (job->body_free)
    job->body_free (job->body_data);
  http_unref (job->http);
  g_free (job);
}

static void
http_unref (HarkHttp *http)
{
  if (!g_atomic_ref_count_dec (&http->ref_count))
    return;
  if (http->wake_source)
    {
      g_source_destroy (http->wake_source);
      g_source_unref (http->wake_source);
    }
  if (http->cancel_source)
    {
      g_source_destroy (http->cancel_source);
      g_source_unref (http->cancel_source);
    }
  g_mutex_clear (&http->cancel_lock);
  g_queue_free (http->pending);
  g_hash_table_unref (http->busy_hosts);
  g_hash_table_unref (http->blocked_until);
  g_object_unref (http->session);
  g_main_context_unref (http->context);
  g_free (http);
}

/* Jobs still running finish (cancelled) from the main loop later; they keep the HarkHttp alive
 * until then, which is why it is reference counted inside. */
void
hark_http_free (HarkHttp *http)
{
  if (http == NULL)
    return;
  g_mutex_lock (&http->cancel_lock);
  http->closing = TRUE;
  g_mutex_unlock (&http->cancel_lock);
  while (!g_queue_is_empty (http->pending))
    {
      GTask *task = g_queue_pop_head (http->pending);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The request was cancelled");
      g_object_unref (task);
    }
  soup_session_abort (http->session);
  http_unref (http);
}

/* "https://example.com:443": one slot per scheme, host and port. */
static char *
host_key (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri),
                          g_uri_get_port (uri));
}

gint64
hark_http_parse_retry_after (const char *value, GDateTime *now)
{
  char *end;
  gint64 seconds;

  if (value == NULL)
    return -1;
  while (g_ascii_isspace (*value))
    value++;
  seconds = g_ascii_strtoll (value, &end, 10);
  if (end != value && *end == '\0')
    return seconds >= 0 ? seconds : -1;
  {
    g_autoptr (GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr (GDateTime) reference = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
    if (when == NULL)
      return -1;
    return MAX (0, g_date_time_difference (when, reference) / G_TIME_SPAN_SECOND);
  }
}

static HarkHttpJob *
task_job (GTask *task)
{
  return g_task_get_task_data (task);
}

static void
release_host (HarkHttpJob *job)
{
  if (!job->holds_host)
    return;
  job->holds_host = FALSE;
  g_hash_table_remove (job->http->busy_hosts, job->host);
  job->http->active--;
}

void
hark_http_job_fail (GTask *task, GError *error)
{
  HarkHttpJob *job = task_job (task);
  HarkHttp *http = job->http;

  release_host (job);
  /* The task owns the job, and the job a reference to @http: keep @http until the pump. */
  g_atomic_ref_count_inc (&http->ref_count);
  g_task_return_error (task, error);
  g_object_unref (task);
  if (!http->closing)
    pump (http);
  http_unref (http);
}

void
hark_http_job_succeed (GTask *task, gpointer result, GDestroyNotify result_free)
{
  HarkHttpJob *job = task_job (task);
  HarkHttp *http = job->http;

  release_host (job);
  /* The task owns the job, and the job a reference to @http: keep @http until the pump. */
  g_atomic_ref_count_inc (&http->ref_count);
  g_task_return_pointer (task, result, result_free);
  g_object_unref (task);
  if (!http->closing)
    pump (http);
  http_unref (http);
}

static gboolean
on_wake (gpointer data)
{
  HarkHttp *http = data;
  g_clear_pointer (&http->wake_source, g_source_unref);
  pump (http);
  return G_SOURCE_REMOVE;
}

/* Starts what may start: one job per host, max_hosts at once, none to a host still backing
 * off; wakes itself up when the earliest back-off ends. */
static void
pump (HarkHttp *http)
{
  gint64 now = g_get_monotonic_time ();
  gint64 wake = G_MAXINT64;
  GList *link = http->pending->head;

  while (link != NULL && http->active < http->max_hosts)
    {
      GList *next = link->next;
      GTask *task = link->data;
      HarkHttpJob *job = task_job (task);
      gint64 *until = g_hash_table_lookup (http->blocked_until, job->host);

      if (g_task_return_error_if_cancelled (task))
        {
          g_queue_delete_link (http->pending, link);
          g_object_unref (task);
        }
      else if (until != NULL && *until > now)
        {
          if ((*until - now) / G_USEC_PER_SEC > (gint64) http->max_retry_after)
            {
              g_queue_delete_link (http->pending, link);
              hark_http_job_fail (task, g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                                     "%s: the server asked to wait %" G_GINT64_FORMAT
                                                     " s before asking again",
                                                     job->url, (*until - now) / G_USEC_PER_SEC));
              return;
            }
          wake = MIN (wake, *until);
        }
      else if (!g_hash_table_contains (http->busy_hosts, job->host))
        {
          g_queue_delete_link (http->pending, link);
          g_hash_table_add (http->busy_hosts, g_strdup (job->host));
          job->holds_host = TRUE;
          http->active++;
          job_start (job);
        }
      link = next;
    }
  if (wake != G_MAXINT64 && http->wake_source == NULL)
    {
      guint ms = (guint) MAX (1, (wake - now + 999) / 1000);
      http->wake_source = g_timeout_source_new (ms);
      g_source_set_callback (http->wake_source, on_wake, http, NULL);
      g_source_attach (http->wake_source, http->context);
    }
}

static gboolean
pump_idle (gpointer data)
{
  HarkHttp *http = data;

  g_mutex_lock (&http->cancel_lock);
  g_clear_pointer (&http->cancel_source, g_source_unref);
  g_mutex_unlock (&http->cancel_lock);
  pump (http);
  return G_SOURCE_REMOVE;
}

/* May run in any thread: only schedules a pump in the HarkHttp's context. */
static void
on_cancelled (GCancellable *cancellable, gpointer data)
{
  HarkHttp *http = data;

  g_mutex_lock (&http->cancel_lock);
  if (http->cancel_source == NULL && !http->closing)
    {
      http->cancel_source = g_idle_source_new ();
      g_source_set_callback (http->cancel_source, pump_idle, http, NULL);
      g_source_attach (http->cancel_source, http->context);
    }
  g_mutex_unlock (&http->cancel_lock);
}

void
hark_http_job_enqueue (HarkHttp *http, GTask *task, gboolean front)
{
  if (http->closing)
    {
      hark_http_job_fail (task, g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             _("The request was cancelled")));
      return;
    }
  if (front)
    g_queue_push_head (http->pending, task);
  else
    g_queue_push_tail (http->pending, task);
  pump (http);
}

GTask *
hark_http_job_new (HarkHttp *http, const char *url, GCancellable *cancellable,
                   GAsyncReadyCallback callback, gpointer user_data, GError **error)
{
  HarkHttpJob *job;
  GTask *task;
  g_autofree char *host = NULL;
  const char *scheme = g_uri_peek_scheme (url);

  if (scheme == NULL || (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0)
      || (host = host_key (url)) == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("%s: not an http or https address"), url);
      return NULL;
    }
  job = g_new0 (HarkHttpJob, 1);
  job->http = http;
  g_atomic_ref_count_inc (&http->ref_count);
  job->url = g_strdup (url);
  job->host = g_steal_pointer (&host);
  job->permanent_chain = TRUE;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  job->task = task;
  /* A job still in the queue learns of its cancellation at the next pump; make one happen. */
  if (cancellable != NULL)
    {
      job->cancellable = g_object_ref (cancellable);
      job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), http,
                                                 NULL);
    }
  return task;
}

static GError *
status_error (HarkHttpJob *job, guint status, const char *reason)
{
  return g_error_new (HARK_ERROR, status == 404 || status == 410 ? HARK_ERROR_NOT_FOUND
                                                                  : HARK_ERROR_IO,
                      _("%s: HTTP %u %s"), job->url, status,
                      reason && *reason ? reason : soup_status_get_phrase (status));
}

/* A redirect: follow it by hand, remembering whether every hop so far was permanent. */
static void
follow_redirect (HarkHttpJob *job, guint status)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autofree char *target = NULL;
  g_autofree char *host = NULL;
  const char *scheme;

  if (location == NULL
      || (target = g_uri_resolve_relative (job->url, location, G_URI_FLAGS_NONE, NULL)) == NULL
      || (scheme = g_uri_peek_scheme (target)) == NULL
      || (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0)
      || (host = host_key (target)) == NULL)
    {
      hark_http_job_fail (job->task, g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                                  _("%s: HTTP %u redirects to %s, which cannot be "
                                                    "followed"), job->url, status,
                                                  location ? location : "nowhere"));
      return;
    }
  if (++job->redirects > MAX_REDIRECTS)
    {
      hark_http_job_fail (job->task, g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                                  _("%s: more than %d redirects"), job->url,
                                                  MAX_REDIRECTS));
      return;
    }
  if (job->permanent_chain && (status == 301 || status == 308))
    {
      g_free (job->permanent_url);
      job->permanent_url = g_strdup (target);
    }
  else
    job->permanent_chain = FALSE;
  g_free (job->url);
  job->url = g_steal_pointer (&target);
  g_clear_object (&job->message);
  g_clear_object (&job->stream);
  if (strcmp (host, job->host) == 0)
    job_start (job);
  else
    {
      release_host (job);
      g_free (job->host);
      job->host = g_steal_pointer (&host);
      hark_http_job_enqueue (job->http, job->task, TRUE);
    }
}

/* 429 and 503: the host waits as asked (or a few seconds), and the request goes back in line. */
static void
back_off (HarkHttpJob *job, guint status)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
  gint64 seconds = hark_http_parse_retry_after (soup_message_headers_get_one (headers,
                                                                              "Retry-After"),
                                                NULL);
  gint64 *until = g_new (gint64, 1);

  if (seconds < 0)
    seconds = 2 << job->retries;
  *until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  g_hash_table_replace (job->http->blocked_until, g_strdup (job->host), until);
  if (job->retries >= job->http->max_retries || seconds > (gint64) job->http->max_retry_after)
    {
      hark_http_job_fail (job->task,
                          g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                       "%s: HTTP %u %s; the server asks to wait %" G_GINT64_FORMAT
                                       " s", job->url, status, soup_status_get_phrase (status),
                                       seconds));
      return;
    }
  job->retries++;
  g_clear_object (&job->message);
  g_clear_object (&job->stream);
  release_host (job);
  hark_http_job_enqueue (job->http, job->task, TRUE);
}

static void
on_sent (GObject *source, GAsyncResult *result, gpointer data)
{
  HarkHttpJob *job = data;
  g_autoptr (GError) error = NULL;
  guint status;

  job->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (job->stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hark_http_job_fail (job->task, g_steal_pointer (&error));
      else
        hark_http_job_fail (job->task, g_error_new (HARK_ERROR, HARK_ERROR_IO, "%s: %s",
                                                    job->url, error->message));
      return;
    }
  status = soup_message_get_status (job->message);
  if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
    follow_redirect (job, status);
  else if (status == 429 || status == 503)
    back_off (job, status);
  else if ((status >= 200 && status < 300) || status == 304 || job->accept_status (job, status))
    job->on_response (job);
  else
    hark_http_job_fail (job->task, status_error (job, status,
                                                 soup_message_get_reason_phrase (job->message)));
}

static void
job_start (HarkHttpJob *job)
{
  SoupMessageHeaders *headers;

  if (job->http->closing)
    {
      hark_http_job_fail (job->task, g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                  _("The request was cancelled")));
      return;
    }
  job->message = soup_message_new (SOUP_METHOD_GET, job->url);
  if (job->message == NULL)
    {
      hark_http_job_fail (job->task, g_error_new (HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                                                  _("%s: not a valid address"), job->url));
      return;
    }
  soup_message_add_flags (job->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (job->message);
  if (job->etag)
    soup_message_headers_replace (headers, "If-None-Match", job->etag);
  if (job->last_modified)
    soup_message_headers_replace (headers, "If-Modified-Since", job->last_modified);
  if (job->prepare)
    job->prepare (job, headers);
  soup_session_send_async (job->http->session, job->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (job->task), on_sent, job);
}

void
hark_http_job_restart (HarkHttpJob *job)
{
  g_clear_object (&job->stream);
  g_clear_object (&job->message);
  job_start (job);
}

static gboolean
accept_none (HarkHttpJob *job, guint status)
{
  return FALSE;
}

/* GET into memory */

static void
fill_response (HarkHttpJob *job, HarkHttpResponse *response)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  response->status = soup_message_get_status (job->message);
  response->url = g_strdup (job->url);
  response->permanent_url = g_strdup (job->permanent_url);
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  response->content_type = g_strdup (type);
}

static void on_read (GObject *source, GAsyncResult *result, gpointer data);

static void
read_more (HarkHttpJob *job)
{
  g_input_stream_read_bytes_async (job->stream, READ_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (job->task), on_read, job);
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer data)
{
  HarkHttpJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                               &error);
  HarkHttpResponse *response;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hark_http_job_fail (job->task, g_steal_pointer (&error));
      else
        hark_http_job_fail (job->task, g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                                    _("%s: the transfer broke off: %s"), job->url,
                                                    error->message));
      return;
    }
  if (g_bytes_get_size (bytes) > 0)
    {
      if (job->body->len + g_bytes_get_size (bytes) > job->http->max_body_bytes)
        {
          hark_http_job_fail (job->task, g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                                      "%s: the answer is larger than %" G_GSIZE_FORMAT
                                                      " MB; refused", job->url,
                                                      job->http->max_body_bytes / (1024 * 1024)));
          return;
        }
      g_byte_array_append (job->body, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      read_more (job);
      return;
    }
  /* A body shorter than its Content-Length is a dropped connection, not a feed. */
  {
    SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
    goffset expected = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
                           && soup_message_headers_get_one (headers, "Content-Encoding") == NULL
                         ? soup_message_headers_get_content_length (headers)
                         : -1;
    if (expected >= 0 && (goffset) job->body->len < expected)
      {
        hark_http_job_fail (job->task,
                            g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                         "%s: the transfer broke off after %u of %" G_GOFFSET_FORMAT
                                         " bytes", job->url, job->body->len, expected));
        return;
      }
  }
  response = g_new0 (HarkHttpResponse, 1);
  fill_response (job, response);
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&job->body));
  hark_http_job_succeed (job->task, response, (GDestroyNotify) hark_http_response_free);
}

static void
get_on_response (HarkHttpJob *job)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
  goffset length = soup_message_headers_get_content_length (headers);

  if (soup_message_get_status (job->message) == 304)
    {
      HarkHttpResponse *response = g_new0 (HarkHttpResponse, 1);
      fill_response (job, response);
      /* A 304 may leave out validators that did not change. */
      if (response->etag == NULL)
        response->etag = g_strdup (job->etag);
      if (response->last_modified == NULL)
        response->last_modified = g_strdup (job->last_modified);
      hark_http_job_succeed (job->task, response, (GDestroyNotify) hark_http_response_free);
      return;
    }
  if (length > 0 && (guint64) length > job->http->max_body_bytes)
    {
      hark_http_job_fail (job->task, g_error_new (HARK_ERROR, HARK_ERROR_IO,
                                                  "%s: the answer is %" G_GOFFSET_FORMAT
                                                  " bytes, more than %" G_GSIZE_FORMAT " MB; refused",
                                                  job->url, length,
                                                  job->http->max_body_bytes / (1024 * 1024)));
      return;
    }
  job->body = g_byte_array_sized_new (length > 0 ? (guint) length : READ_SIZE);
  read_more (job);
}

void
hark_http_get_async (HarkHttp *http, const char *url, const char *etag, const char *last_modified,
                     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GError *error = NULL;
  GTask *task = hark_http_job_new (http, url, cancellable, callback, user_data, &error);
  HarkHttpJob *job;

  if (task == NULL)
    {
      g_task_report_error (NULL, callback, user_data, hark_http_get_async, error);
      return;
    }
  g_task_set_source_tag (task, hark_http_get_async);
  job = task_job (task);
  job->etag = g_strdup (etag);
  job->last_modified = g_strdup (last_modified);
  job->on_response = get_on_response;
  job->accept_status = accept_none;
  hark_http_job_enqueue (http, task, FALSE);
}

HarkHttpResponse *
hark_http_get_finish (HarkHttp *http, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GAsyncResult *result;
} SyncWait;

static void
on_sync_done (GObject *source, GAsyncResult *result, gpointer data)
{
  SyncWait *wait = data;
  wait->result = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

HarkHttpResponse *
hark_http_get_sync (HarkHttp *http, const char *url, const char *etag, const char *last_modified,
                    GCancellable *cancellable, GError **error)
{
  SyncWait wait = { NULL };
  HarkHttpResponse *response;

  hark_http_get_async (http, url, etag, last_modified, cancellable, on_sync_done, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (http->context, TRUE);
  response = hark_http_get_finish (http, wait.result, error);
  g_object_unref (wait.result);
  return response;
}
