/* test-server.c — a scripted HTTP server on 127.0.0.1 for the network tests
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-server.h"

#include <string.h>

static void
record (TestServer *server, SoupServerMessage *msg, const char *path)
{
  SoupMessageHeaders *copy = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_append (copy, name, value);
  g_hash_table_replace (server->last_headers, g_strdup (path), copy);
  value = soup_message_headers_get_one (copy, "Range");
  g_ptr_array_add (server->ranges, g_strdup (value != NULL ? value : ""));
  server->requests++;
}

TestServer *
test_server_new (void)
{
  TestServer *server = g_new0 (TestServer, 1);
  g_autoptr (GError) error = NULL;
  GSList *uris;
  int port;

  server->server = soup_server_new ("server-header", "hark-test", NULL);
  server->ranges = g_ptr_array_new_with_free_func (g_free);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  server->base = g_strdup_printf ("http://127.0.0.1:%d", port);
  server->base_localhost = g_strdup_printf ("http://localhost:%d", port);
  server->last_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) soup_message_headers_unref);
  return server;
}

void
test_server_free (TestServer *server)
{
  soup_server_disconnect (server->server);
  g_object_unref (server->server);
  g_hash_table_unref (server->last_headers);
  g_ptr_array_unref (server->ranges);
  g_free (server->base);
  g_free (server->base_localhost);
  g_free (server);
}

char *
test_server_url (TestServer *server, const char *path)
{
  return g_strconcat (server->base, path, NULL);
}

const char *
test_server_request_header (TestServer *server, const char *path, const char *name)
{
  SoupMessageHeaders *headers = g_hash_table_lookup (server->last_headers, path);
  return headers ? soup_message_headers_get_one (headers, name) : NULL;
}

static gboolean
on_wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
test_server_wait (gboolean *flag, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_wait_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

/* Canned answers */

typedef struct
{
  TestServer *server;
  guint status;
  char *content_type;
  char *body;
  gsize length;
  char *location;
  guint delay_ms;
  gsize promised;
  gsize sent;
  guint failures;
  char *retry_after;
  char *etag;
  char *last_modified;
} Script;

static void
script_free (Script *s)
{
  g_free (s->content_type);
  g_free (s->body);
  g_free (s->location);
  g_free (s->retry_after);
  g_free (s->etag);
  g_free (s->last_modified);
  g_free (s);
}

static Script *
script_new (TestServer *server, const char *body, gssize length)
{
  Script *s = g_new0 (Script, 1);
  s->server = server;
  if (body)
    {
      s->length = length < 0 ? strlen (body) : (gsize) length;
      s->body = g_malloc (s->length + 1);
      memcpy (s->body, body, s->length);
      s->body[s->length] = '\0';
    }
  return s;
}

static void
on_body (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Script *s = data;
  record (s->server, msg, path);
  soup_server_message_set_status (msg, s->status, NULL);
  soup_server_message_set_response (msg, s->content_type, SOUP_MEMORY_COPY, s->body, s->length);
}

void
test_server_add_body (TestServer *server, const char *path, guint status,
                      const char *content_type, const char *body, gssize length)
{
  Script *s = script_new (server, body, length);
  s->status = status;
  s->content_type = g_strdup (content_type);
  soup_server_add_handler (server->server, path, on_body, s, (GDestroyNotify) script_free);
}

static void
on_redirect (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer data)
{
  Script *s = data;
  record (s->server, msg, path);
  soup_server_message_set_status (msg, s->status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                s->location);
}

void
test_server_add_redirect (TestServer *server, const char *path, guint status, const char *location)
{
  Script *s = script_new (server, NULL, 0);
  s->status = status;
  s->location = g_strdup (location);
  soup_server_add_handler (server->server, path, on_redirect, s, (GDestroyNotify) script_free);
}

typedef struct
{
  Script *script;
  SoupServerMessage *msg;
} Delayed;

static gboolean
on_delay_done (gpointer data)
{
  Delayed *d = data;
  d->script->server->in_flight--;
  soup_server_message_set_status (d->msg, 200, NULL);
  soup_server_message_set_response (d->msg, "application/rss+xml", SOUP_MEMORY_COPY,
                                    d->script->body, d->script->length);
  soup_server_message_unpause (d->msg);
  g_object_unref (d->msg);
  g_free (d);
  return G_SOURCE_REMOVE;
}

static void
on_delayed (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer data)
{
  Script *s = data;
  Delayed *d = g_new0 (Delayed, 1);
  record (s->server, msg, path);
  s->server->in_flight++;
  s->server->max_in_flight = MAX (s->server->max_in_flight, s->server->in_flight);
  d->script = s;
  d->msg = g_object_ref (msg);
  soup_server_message_pause (msg);
  g_timeout_add (s->delay_ms, on_delay_done, d);
}

void
test_server_add_delayed (TestServer *server, const char *path, guint delay_ms, const char *body)
{
  Script *s = script_new (server, body, -1);
  s->delay_ms = delay_ms;
  soup_server_add_handler (server->server, path, on_delayed, s, (GDestroyNotify) script_free);
}

typedef struct
{
  SoupServerMessage *msg;
  gboolean finished; /* the client went away before the rest was due */
} Stall;

static void
on_stall_finished (SoupServerMessage *msg, gpointer data)
{
  ((Stall *) data)->finished = TRUE;
}

static gboolean
on_stall_done (gpointer data)
{
  Stall *stall = data;

  if (!stall->finished)
    {
      SoupMessageBody *body = soup_server_message_get_response_body (stall->msg);
      g_signal_handlers_disconnect_by_data (stall->msg, stall);
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "rest</rss>", 10);
      soup_message_body_complete (body);
      soup_server_message_unpause (stall->msg);
    }
  else
    g_signal_handlers_disconnect_by_data (stall->msg, stall);
  g_object_unref (stall->msg);
  g_free (stall);
  return G_SOURCE_REMOVE;
}

static void
on_stalling (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer data)
{
  Script *s = data;
  Stall *stall = g_new0 (Stall, 1);

  record (s->server, msg, path);
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            "<rss>", 5);
  stall->msg = g_object_ref (msg);
  g_signal_connect (msg, "finished", G_CALLBACK (on_stall_finished), stall);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_stall_finished), stall);
  g_timeout_add (s->delay_ms, on_stall_done, stall);
}

void
test_server_add_stalling (TestServer *server, const char *path, guint stall_ms)
{
  Script *s = script_new (server, NULL, 0);
  s->delay_ms = stall_ms;
  soup_server_add_handler (server->server, path, on_stalling, s, (GDestroyNotify) script_free);
}

static void
on_dropping (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
             gpointer data)
{
  Script *s = data;
  g_autoptr (GIOStream) stream = NULL;
  g_autofree char *head = NULL;
  g_autofree char *body = g_malloc0 (s->sent + 1);
  GOutputStream *out;

  record (s->server, msg, path);
  stream = soup_server_message_steal_connection (msg);
  out = g_io_stream_get_output_stream (stream);
  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", s->promised);
  memset (body, 'x', s->sent);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, body, s->sent, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

void
test_server_add_dropping (TestServer *server, const char *path, gsize promised, gsize sent)
{
  Script *s = script_new (server, NULL, 0);
  s->promised = promised;
  s->sent = sent;
  soup_server_add_handler (server->server, path, on_dropping, s, (GDestroyNotify) script_free);
}

static void
on_gzip (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Script *s = data;
  record (s->server, msg, path);
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Encoding", "gzip");
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, s->body,
                                    s->length);
}

void
test_server_add_gzip (TestServer *server, const char *path, const char *body)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP,
                                                                   9);
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) zipped = g_converter_output_stream_new (memory,
                                                                    G_CONVERTER (compressor));
  Script *s;

  g_assert_true (g_output_stream_write_all (zipped, body, strlen (body), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (zipped, NULL, NULL));
  s = script_new (server, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  soup_server_add_handler (server->server, path, on_gzip, s, (GDestroyNotify) script_free);
}

static void
on_busy (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Script *s = data;
  record (s->server, msg, path);
  if (s->failures > 0)
    {
      s->failures--;
      soup_server_message_set_status (msg, s->status, NULL);
      if (s->retry_after)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", s->retry_after);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, s->body,
                                    s->length);
}

void
test_server_add_busy (TestServer *server, const char *path, guint failures, guint status,
                      const char *retry_after, const char *body)
{
  Script *s = script_new (server, body, -1);
  s->failures = failures;
  s->status = status;
  s->retry_after = g_strdup (retry_after);
  soup_server_add_handler (server->server, path, on_busy, s, (GDestroyNotify) script_free);
}

static void
on_conditional (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
                gpointer data)
{
  Script *s = data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  record (s->server, msg, path);
  soup_message_headers_replace (response, "ETag", s->etag);
  soup_message_headers_replace (response, "Last-Modified", s->last_modified);
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), s->etag) == 0
      && g_strcmp0 (soup_message_headers_get_one (request, "If-Modified-Since"),
                    s->last_modified) == 0)
    {
      soup_server_message_set_status (msg, 304, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, s->body,
                                    s->length);
}

void
test_server_add_conditional (TestServer *server, const char *path, const char *etag,
                             const char *last_modified, const char *body)
{
  Script *s = script_new (server, body, -1);
  s->etag = g_strdup (etag);
  s->last_modified = g_strdup (last_modified);
  soup_server_add_handler (server->server, path, on_conditional, s, (GDestroyNotify) script_free);
}

static void
on_huge (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Script *s = data;
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  static const char filler[] = "<item><title>filler filler filler filler</title></item>\n";
  gsize written = 0;

  record (s->server, msg, path);
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  {
    GString *text = g_string_sized_new (s->length + 64);
    g_string_append (text, "<rss><channel>");
    while (written < s->length)
      {
        g_string_append_len (text, filler, sizeof filler - 1);
        written += sizeof filler - 1;
      }
    g_string_append (text, "</channel></rss>");
    soup_message_body_append (body, SOUP_MEMORY_TAKE, text->str, text->len);
    g_string_free (text, FALSE);
  }
  soup_message_body_complete (body);
}

void
test_server_add_huge (TestServer *server, const char *path, gsize size)
{
  Script *s = script_new (server, NULL, 0);
  s->length = size;
  soup_server_add_handler (server->server, path, on_huge, s, (GDestroyNotify) script_free);
}

/* A file with a validator, serving Range requests as @mode says. */
static void
on_file (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
         gpointer data)
{
  Script *s = data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  SoupRange *ranges = NULL;
  int n_ranges = 0;
  const char *if_range = soup_message_headers_get_one (request, "If-Range");

  record (s->server, msg, path);
  soup_message_headers_replace (response, "ETag", s->etag);
  soup_message_headers_replace (response, "Accept-Ranges", "bytes");
  if (s->status != TEST_RANGE_IGNORE
      && soup_message_headers_get_ranges (request, s->length, &ranges, &n_ranges)
      && n_ranges == 1 && (if_range == NULL || g_strcmp0 (if_range, s->etag) == 0))
    {
      goffset start = s->status == TEST_RANGE_WRONG_OFFSET ? 0 : ranges[0].start;
      goffset end = ranges[0].end;
      soup_message_headers_free_ranges (request, ranges);
      soup_server_message_set_status (msg, 206, NULL);
      soup_server_message_set_response (msg, s->content_type, SOUP_MEMORY_COPY, s->body + start,
                                        end - start + 1);
      soup_message_headers_set_content_range (response, start, end, s->length);
      return;
    }
  if (ranges)
    soup_message_headers_free_ranges (request, ranges);
  /* Otherwise SoupServer would cut the 200 down to the requested range by itself. */
  soup_message_headers_remove (request, "Range");
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, s->content_type, SOUP_MEMORY_COPY, s->body, s->length);
}

void
test_server_add_file (TestServer *server, const char *path, const char *content_type,
                      const char *data, gsize length, const char *etag, TestRangeMode mode)
{
  Script *s = script_new (server, data, (gssize) length);
  s->content_type = g_strdup (content_type);
  s->etag = g_strdup (etag);
  s->status = mode;
  soup_server_add_handler (server->server, path, on_file, s, (GDestroyNotify) script_free);
}

/* Throttled files: the connection is taken from SoupServer after it parsed the request, and a
 * thread of its own writes the answer piece by piece, so the test's main context (where the
 * client runs) is never blocked by a slow or stalled body. */
typedef struct
{
  Script *script; /* the file; shared with later requests */
  GIOStream *stream;
  gsize start;
  gsize end;      /* one past the last byte sent */
  gboolean partial;
  gsize drop_after; /* body bytes, 0: send everything */
} Throttle;

typedef struct
{
  Script base;
  gsize chunk;
  guint interval_ms;
  gsize drop_after;
  gint requests; /* atomic */
  gint *stop;    /* the test's: nonzero ends every body at once */
  gboolean ignore_range;
} ThrottleScript;

static void
throttle_script_clear (ThrottleScript *ts)
{
  g_free (ts->base.body);
  g_free (ts->base.content_type);
  g_free (ts->base.etag);
}

static void
throttle_script_release (ThrottleScript *ts)
{
  g_atomic_rc_box_release_full (ts, (GDestroyNotify) throttle_script_clear);
}

static gpointer
throttle_thread (gpointer data)
{
  Throttle *t = data;
  ThrottleScript *ts = (ThrottleScript *) t->script;
  GOutputStream *out = g_io_stream_get_output_stream (t->stream);
  g_autoptr (GString) head = g_string_new (NULL);
  gsize pos = t->start, sent = 0;

  g_string_append_printf (head, "HTTP/1.1 %s\r\nContent-Type: %s\r\nETag: %s\r\n"
                          "Accept-Ranges: bytes\r\nConnection: close\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n",
                          t->partial ? "206 Partial Content" : "200 OK",
                          ts->base.content_type, ts->base.etag, t->end - t->start);
  if (t->partial)
    g_string_append_printf (head, "Content-Range: bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
                            "/%" G_GSIZE_FORMAT "\r\n", t->start, t->end - 1, ts->base.length);
  g_string_append (head, "\r\n");
  if (g_output_stream_write_all (out, head->str, head->len, NULL, NULL, NULL))
    while (pos < t->end && !(ts->stop && g_atomic_int_get (ts->stop)))
      {
        gsize n = MIN (ts->chunk, t->end - pos);

        if (t->drop_after > 0)
          n = MIN (n, t->drop_after - sent);
        if (!g_output_stream_write_all (out, ts->base.body + pos, n, NULL, NULL, NULL))
          break;
        pos += n;
        sent += n;
        if (t->drop_after > 0 && sent >= t->drop_after)
          break;
        g_usleep (ts->interval_ms * 1000);
      }
  g_io_stream_close (t->stream, NULL, NULL);
  g_object_unref (t->stream);
  throttle_script_release (ts);
  g_free (t);
  return NULL;
}

static void
on_throttled (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query,
              gpointer data)
{
  ThrottleScript *ts = data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  const char *if_range = soup_message_headers_get_one (request, "If-Range");
  SoupRange *ranges = NULL;
  int n_ranges = 0;
  Throttle *t = g_new0 (Throttle, 1);

  record (ts->base.server, msg, path);
  t->script = &g_atomic_rc_box_acquire (ts)->base;
  t->end = ts->base.length;
  if (!ts->ignore_range
      && soup_message_headers_get_ranges (request, ts->base.length, &ranges, &n_ranges)
      && n_ranges == 1 && (if_range == NULL || g_strcmp0 (if_range, ts->base.etag) == 0))
    {
      t->partial = TRUE;
      t->start = ranges[0].start;
      t->end = ranges[0].end + 1;
    }
  if (ranges)
    soup_message_headers_free_ranges (request, ranges);
  if (g_atomic_int_add (&ts->requests, 1) == 0)
    t->drop_after = ts->drop_after;
  t->stream = soup_server_message_steal_connection (msg);
  g_thread_unref (g_thread_new ("test-throttle", throttle_thread, t));
}

void
test_server_add_throttled (TestServer *server, const char *path, const char *content_type,
                           const char *data, gsize length, const char *etag, gsize chunk,
                           guint interval_ms, gsize drop_after, gint *stop)
{
  test_server_add_throttled_full (server, path, content_type, data, length, etag, chunk,
                                  interval_ms, drop_after, stop, TEST_RANGE_HONOUR);
}

void
test_server_add_throttled_full (TestServer *server, const char *path, const char *content_type,
                                const char *data, gsize length, const char *etag, gsize chunk,
                                guint interval_ms, gsize drop_after, gint *stop,
                                TestRangeMode mode)
{
  ThrottleScript *ts = g_atomic_rc_box_new0 (ThrottleScript);

  g_assert (mode != TEST_RANGE_WRONG_OFFSET);
  ts->ignore_range = mode == TEST_RANGE_IGNORE;

  ts->base.server = server;
  ts->base.body = g_memdup2 (data, length);
  ts->base.length = length;
  ts->base.content_type = g_strdup (content_type);
  ts->base.etag = g_strdup (etag);
  ts->chunk = chunk;
  ts->interval_ms = interval_ms;
  ts->drop_after = drop_after;
  ts->stop = stop;
  /* Writer threads may outlive the handler's registration: each holds a reference. */
  soup_server_add_handler (server->server, path, on_throttled, ts,
                           (GDestroyNotify) throttle_script_release);
}
