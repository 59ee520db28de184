/* test-server.h — a scripted HTTP server on 127.0.0.1 for the network tests
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in the test's own main context. Each test adds handlers for the paths it needs; the
 * server counts requests and records what the client sent, and can answer late, slowly, in
 * pieces, compressed, or by dropping the connection.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct
{
  SoupServer *server;
  char *base;             /* "http://127.0.0.1:PORT" */
  char *base_localhost;   /* the same server as "http://localhost:PORT" (another host) */
  guint requests;
  guint in_flight;
  guint max_in_flight;
  GHashTable *last_headers; /* path → SoupMessageHeaders * of the last request */
  GPtrArray *ranges;        /* every request's Range header in order, "" for none */
} TestServer;

TestServer *test_server_new (void);
void test_server_free (TestServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

char *test_server_url (TestServer *server, const char *path);
/* The last request's header @name for @path, or NULL. */
const char *test_server_request_header (TestServer *server, const char *path, const char *name);

/* Canned answers. */
void test_server_add_body (TestServer *server, const char *path, guint status,
                           const char *content_type, const char *body, gssize length);
void test_server_add_redirect (TestServer *server, const char *path, guint status,
                               const char *location);
/* Answers after @delay_ms (to overlap requests and count them). */
void test_server_add_delayed (TestServer *server, const char *path, guint delay_ms,
                              const char *body);
/* Sends @first bytes of a body, then stalls for @stall_ms before the rest. */
void test_server_add_stalling (TestServer *server, const char *path, guint stall_ms);
/* Promises @promised bytes, sends @sent of them and closes the connection. */
void test_server_add_dropping (TestServer *server, const char *path, gsize promised, gsize sent);
/* Answers @body gzip-compressed with Content-Encoding: gzip. */
void test_server_add_gzip (TestServer *server, const char *path, const char *body);
/* First @failures requests get @status with "Retry-After: @retry_after"; then 200 @body. */
void test_server_add_busy (TestServer *server, const char *path, guint failures, guint status,
                           const char *retry_after, const char *body);
/* 304 when If-None-Match equals @etag and If-Modified-Since equals @last_modified. */
void test_server_add_conditional (TestServer *server, const char *path, const char *etag,
                                  const char *last_modified, const char *body);
/* A body of @size bytes of XML, chunked (no Content-Length). */
void test_server_add_huge (TestServer *server, const char *path, gsize size);

typedef enum
{
  TEST_RANGE_HONOUR,
  TEST_RANGE_IGNORE,       /* always 200 with the whole file */
  TEST_RANGE_WRONG_OFFSET, /* 206 from byte 0 whatever was asked */
} TestRangeMode;

/* A file (audio, say) with an ETag, answering Range requests as @mode says. */
void test_server_add_file (TestServer *server, const char *path, const char *content_type,
                           const char *data, gsize length, const char *etag, TestRangeMode mode);

/* A file served @chunk bytes every @interval_ms from a thread of its own (the test's context
 * is never blocked), honouring Range and If-Range; the first request is cut off after
 * @drop_after body bytes (0: never). *@stop (may be NULL) nonzero ends every body at once. */
void test_server_add_throttled (TestServer *server, const char *path, const char *content_type,
                                const char *data, gsize length, const char *etag, gsize chunk,
                                guint interval_ms, gsize drop_after, gint *stop);

/* The same, honouring Range (TEST_RANGE_HONOUR) or ignoring it (TEST_RANGE_IGNORE). */
void test_server_add_throttled_full (TestServer *server, const char *path,
                                     const char *content_type, const char *data, gsize length,
                                     const char *etag, gsize chunk, guint interval_ms,
                                     gsize drop_after, gint *stop, TestRangeMode mode);

/* Runs the default main context until *@flag or @timeout_ms. */
void test_server_wait (gboolean *flag, guint timeout_ms);

G_END_DECLS
