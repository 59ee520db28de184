/* test-http.c — HarkHttp against a scripted local server
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "net/hark-http.h"
#include "test-server.h"
#include "util/hark-error.h"

typedef struct
{
  gboolean done;
  HarkHttpResponse *response;
  GError *error;
  gint64 finished_at;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->response, hark_http_response_free);
  g_clear_error (&r->error);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Result *r = data;
  r->response = hark_http_get_finish (NULL, result, &r->error);
  r->finished_at = g_get_monotonic_time ();
  r->done = TRUE;
}

static void
get (HarkHttp *http, const char *url, const char *etag, const char *last_modified, Result *r,
     guint timeout_ms)
{
  hark_http_get_async (http, url, etag, last_modified, NULL, on_done, r);
  test_server_wait (&r->done, timeout_ms);
  g_assert_true (r->done);
}

static const char *feed_body = "<rss><channel><title>T</title></channel></rss>";

static void
test_conditional_get (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/feed");
  g_auto (Result) first = { 0 };
  g_auto (Result) second = { 0 };
  g_auto (Result) changed = { 0 };
  const char *user_agent, *accept;

  test_server_add_conditional (server, "/feed", "\"v1\"",
                               "Tue, 01 Dec 2026 07:00:00 GMT", feed_body);
  get (http, url, NULL, NULL, &first, 5000);
  g_assert_no_error (first.error);
  g_assert_cmpuint (first.response->status, ==, 200);
  g_assert_cmpstr (first.response->etag, ==, "\"v1\"");
  g_assert_cmpstr (first.response->last_modified, ==, "Tue, 01 Dec 2026 07:00:00 GMT");
  g_assert_cmpstr (first.response->content_type, ==, "application/rss+xml");
  g_assert_cmpmem (g_bytes_get_data (first.response->body, NULL),
                   g_bytes_get_size (first.response->body), feed_body, strlen (feed_body));
  user_agent = test_server_request_header (server, "/feed", "User-Agent");
  g_assert_true (g_str_has_prefix (user_agent, "Hark/"));
  accept = test_server_request_header (server, "/feed", "Accept-Encoding");
  g_assert_nonnull (accept);
  g_assert_nonnull (strstr (accept, "gzip"));

  /* Both validators go back, and the 304 keeps them. */
  get (http, url, first.response->etag, first.response->last_modified, &second, 5000);
  g_assert_no_error (second.error);
  g_assert_cmpuint (second.response->status, ==, 304);
  g_assert_null (second.response->body);
  g_assert_cmpstr (second.response->etag, ==, "\"v1\"");
  g_assert_cmpstr (second.response->last_modified, ==, "Tue, 01 Dec 2026 07:00:00 GMT");
  g_assert_cmpstr (test_server_request_header (server, "/feed", "If-None-Match"), ==, "\"v1\"");

  /* One validator out of date: the server sends the feed again. */
  get (http, url, "\"v0\"", first.response->last_modified, &changed, 5000);
  g_assert_cmpuint (changed.response->status, ==, 200);
}

static void
test_redirects (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *final = test_server_url (server, "/final");
  g_autofree char *p2 = test_server_url (server, "/p2");
  g_autofree char *r302 = test_server_url (server, "/r302");

  test_server_add_body (server, "/final", 200, "application/rss+xml", feed_body, -1);
  test_server_add_redirect (server, "/p1", 308, "/p2");
  test_server_add_redirect (server, "/p2", 301, final);
  test_server_add_redirect (server, "/m1", 301, "/r302");
  test_server_add_redirect (server, "/r302", 302, "/final");
  test_server_add_redirect (server, "/t307", 307, "/final");
  test_server_add_redirect (server, "/loop", 301, "/loop");
  test_server_add_redirect (server, "/nowhere", 302, "ftp://example.invalid/x");
  {
    g_auto (Result) r = { 0 };
    g_autofree char *url = test_server_url (server, "/p1");
    get (http, url, NULL, NULL, &r, 5000);
    g_assert_no_error (r.error);
    g_assert_cmpstr (r.response->url, ==, final);
    g_assert_cmpstr (r.response->permanent_url, ==, final);
  }
  {
    /* 301 then 302: the subscription moves as far as the permanent hop, no further. */
    g_auto (Result) r = { 0 };
    g_autofree char *url = test_server_url (server, "/m1");
    get (http, url, NULL, NULL, &r, 5000);
    g_assert_no_error (r.error);
    g_assert_cmpstr (r.response->url, ==, final);
    g_assert_cmpstr (r.response->permanent_url, ==, r302);
  }
  {
    g_auto (Result) r = { 0 };
    g_autofree char *url = test_server_url (server, "/t307");
    get (http, url, NULL, NULL, &r, 5000);
    g_assert_no_error (r.error);
    g_assert_cmpstr (r.response->url, ==, final);
    g_assert_null (r.response->permanent_url);
  }
  {
    g_auto (Result) r = { 0 };
    g_autofree char *url = test_server_url (server, "/loop");
    get (http, url, NULL, NULL, &r, 5000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "more than 10 redirects"));
  }
  {
    g_auto (Result) r = { 0 };
    g_autofree char *url = test_server_url (server, "/nowhere");
    get (http, url, NULL, NULL, &r, 5000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "cannot be followed"));
  }
  (void) p2;
}

static void
test_gzip (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/gz");
  g_auto (Result) r = { 0 };
  GString *big = g_string_new ("<rss><channel>");
  g_autofree char *body = NULL;

  for (int i = 0; i < 2000; i++)
    g_string_append_printf (big, "<item><title>Episode %d</title></item>", i);
  g_string_append (big, "</channel></rss>");
  body = g_string_free (big, FALSE);
  test_server_add_gzip (server, "/gz", body);
  get (http, url, NULL, NULL, &r, 5000);
  g_assert_no_error (r.error);
  g_assert_cmpmem (g_bytes_get_data (r.response->body, NULL), g_bytes_get_size (r.response->body),
                   body, strlen (body));
}

static void
test_http_errors (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *missing = test_server_url (server, "/missing");
  g_autofree char *broken = test_server_url (server, "/broken");

  test_server_add_body (server, "/broken", 500, "text/plain", "oops", -1);
  {
    g_auto (Result) r = { 0 };
    get (http, missing, NULL, NULL, &r, 5000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (r.error->message, missing));
    g_assert_nonnull (strstr (r.error->message, "HTTP 404"));
  }
  {
    g_auto (Result) r = { 0 };
    get (http, broken, NULL, NULL, &r, 5000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "HTTP 500"));
  }
  {
    g_auto (Result) r = { 0 };
    get (http, "ftp://example.invalid/feed", NULL, NULL, &r, 5000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT);
  }
  {
    /* Nothing listens on port 1. */
    g_auto (Result) r = { 0 };
    get (http, "http://127.0.0.1:1/feed", NULL, NULL, &r, 5000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "http://127.0.0.1:1/feed"));
  }
}

static void
test_slow_body_times_out (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  HarkHttpOptions options = { .timeout_seconds = 1 };
  g_autoptr (HarkHttp) http = hark_http_new (&options);
  g_autofree char *url = test_server_url (server, "/slow");
  g_auto (Result) r = { 0 };
  gint64 start = g_get_monotonic_time ();

  test_server_add_stalling (server, "/slow", 4000);
  get (http, url, NULL, NULL, &r, 8000);
  g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_nonnull (strstr (r.error->message, url));
  g_assert_cmpint (r.finished_at - start, <, 3500 * 1000);
}

static void
test_slow_body_completes (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  HarkHttpOptions options = { .timeout_seconds = 5 };
  g_autoptr (HarkHttp) http = hark_http_new (&options);
  g_autofree char *url = test_server_url (server, "/slow");
  g_auto (Result) r = { 0 };

  test_server_add_stalling (server, "/slow", 500);
  get (http, url, NULL, NULL, &r, 8000);
  g_assert_no_error (r.error);
  g_assert_cmpmem (g_bytes_get_data (r.response->body, NULL), g_bytes_get_size (r.response->body),
                   "<rss>rest</rss>", 15);
}

static void
test_dropped_connection (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/drop");
  g_auto (Result) r = { 0 };

  test_server_add_dropping (server, "/drop", 100000, 1000);
  get (http, url, NULL, NULL, &r, 5000);
  g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_nonnull (strstr (r.error->message, "broke off"));
}

static void
test_retry_after (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *busy = test_server_url (server, "/busy");
  g_autofree char *later = test_server_url (server, "/later");
  g_autofree char *unavailable = test_server_url (server, "/unavailable");
  gint64 start = g_get_monotonic_time ();

  test_server_add_busy (server, "/busy", 1, 429, "1", feed_body);
  test_server_add_busy (server, "/later", 5, 503, "9999", feed_body);
  test_server_add_busy (server, "/unavailable", 5, 503, NULL, feed_body);
  {
    g_auto (Result) r = { 0 };
    get (http, busy, NULL, NULL, &r, 6000);
    g_assert_no_error (r.error);
    g_assert_cmpuint (r.response->status, ==, 200);
    g_assert_cmpint (r.finished_at - start, >=, 1000 * 1000);
  }
  {
    /* The same host is left alone for as long as it asked. */
    g_auto (Result) r = { 0 };
    get (http, later, NULL, NULL, &r, 3000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "HTTP 503"));
    g_assert_nonnull (strstr (r.error->message, "9999 s"));
  }
  {
    g_auto (Result) r = { 0 };
    guint before = server->requests;
    get (http, unavailable, NULL, NULL, &r, 3000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "asked to wait"));
    g_assert_cmpuint (server->requests, ==, before);
  }
}

static void
test_retry_after_parse (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 12, 1, 7, 0, 0);

  g_assert_cmpint (hark_http_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (hark_http_parse_retry_after (" 0", now), ==, 0);
  g_assert_cmpint (hark_http_parse_retry_after ("Tue, 01 Dec 2026 07:02:00 GMT", now), ==, 120);
  g_assert_cmpint (hark_http_parse_retry_after ("Tue, 01 Dec 2026 06:00:00 GMT", now), ==, 0);
  g_assert_cmpint (hark_http_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (hark_http_parse_retry_after ("-5", now), ==, -1);
  g_assert_cmpint (hark_http_parse_retry_after (NULL, now), ==, -1);
}

static void
test_huge_body (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  HarkHttpOptions options = { .max_body_bytes = 1024 * 1024 };
  g_autoptr (HarkHttp) http = hark_http_new (&options);
  g_autofree char *chunked = test_server_url (server, "/huge");
  g_autofree char *declared = test_server_url (server, "/declared");
  g_autofree char *big = g_malloc0 (3 * 1024 * 1024);

  memset (big, ' ', 3 * 1024 * 1024 - 1);
  test_server_add_huge (server, "/huge", 3 * 1024 * 1024);
  test_server_add_body (server, "/declared", 200, "application/rss+xml", big, -1);
  {
    g_auto (Result) r = { 0 };
    get (http, chunked, NULL, NULL, &r, 10000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "larger than 1 MB"));
  }
  {
    g_auto (Result) r = { 0 };
    get (http, declared, NULL, NULL, &r, 10000);
    g_assert_error (r.error, HARK_ERROR, HARK_ERROR_IO);
    g_assert_nonnull (strstr (r.error->message, "more than 1 MB"));
  }
}

/* One request per host at a time; different hosts in parallel. */
static void
test_per_host_limit (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  Result results[4] = { { 0 } };
  gboolean all_done = FALSE;

  test_server_add_delayed (server, "/hold", 150, feed_body);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *url = test_server_url (server, "/hold");
      hark_http_get_async (http, url, NULL, NULL, NULL, on_done, &results[i]);
    }
  while (!all_done)
    {
      all_done = TRUE;
      for (guint i = 0; i < 4; i++)
        all_done &= results[i].done;
      g_main_context_iteration (NULL, TRUE);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_assert_no_error (results[i].error);
      result_clear (&results[i]);
    }
  g_assert_cmpuint (server->max_in_flight, ==, 1);

  /* 127.0.0.1 and localhost are two hosts to the queue. */
  server->max_in_flight = 0;
  memset (results, 0, sizeof results);
  {
    g_autofree char *a = test_server_url (server, "/hold");
    g_autofree char *b = g_strconcat (server->base_localhost, "/hold", NULL);
    hark_http_get_async (http, a, NULL, NULL, NULL, on_done, &results[0]);
    hark_http_get_async (http, b, NULL, NULL, NULL, on_done, &results[1]);
  }
  while (!results[0].done || !results[1].done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (results[0].error);
  g_assert_no_error (results[1].error);
  result_clear (&results[0]);
  result_clear (&results[1]);
  g_assert_cmpuint (server->max_in_flight, ==, 2);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GCancellable) running = g_cancellable_new ();
  g_autoptr (GCancellable) queued = g_cancellable_new ();
  g_autofree char *url = test_server_url (server, "/slow");
  g_auto (Result) a = { 0 };
  g_auto (Result) b = { 0 };
  gint64 start = g_get_monotonic_time ();

  test_server_add_stalling (server, "/slow", 3000);
  hark_http_get_async (http, url, NULL, NULL, running, on_done, &a);
  /* Same host: waits in the queue behind the first. */
  hark_http_get_async (http, url, NULL, NULL, queued, on_done, &b);
  g_timeout_add (100, cancel_later, queued);
  g_timeout_add (200, cancel_later, running);
  test_server_wait (&a.done, 5000);
  test_server_wait (&b.done, 5000);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (b.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (b.finished_at - start, <, 1000 * 1000);
  g_assert_cmpint (a.finished_at - start, <, 1500 * 1000);
}

/* Freeing the HarkHttp with requests in flight cancels them, and nothing runs after. */
static void
test_free_while_running (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  HarkHttp *http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/slow");
  g_auto (Result) a = { 0 };
  g_auto (Result) b = { 0 };

  test_server_add_stalling (server, "/slow", 2000);
  hark_http_get_async (http, url, NULL, NULL, NULL, on_done, &a);
  hark_http_get_async (http, url, NULL, NULL, NULL, on_done, &b);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  hark_http_free (http);
  test_server_wait (&a.done, 3000);
  test_server_wait (&b.done, 3000);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (b.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The tests talk to 127.0.0.1 only, whatever the environment's proxy says. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_add_func ("/http/conditional-get", test_conditional_get);
  g_test_add_func ("/http/redirects", test_redirects);
  g_test_add_func ("/http/gzip", test_gzip);
  g_test_add_func ("/http/errors", test_http_errors);
  g_test_add_func ("/http/slow-body-times-out", test_slow_body_times_out);
  g_test_add_func ("/http/slow-body-completes", test_slow_body_completes);
  g_test_add_func ("/http/dropped-connection", test_dropped_connection);
  g_test_add_func ("/http/retry-after", test_retry_after);
  g_test_add_func ("/http/retry-after-parse", test_retry_after_parse);
  g_test_add_func ("/http/huge-body", test_huge_body);
  g_test_add_func ("/http/per-host-limit", test_per_host_limit);
  g_test_add_func ("/http/cancel", test_cancel);
  g_test_add_func ("/http/free-while-running", test_free_while_running);
  return g_test_run ();
}
