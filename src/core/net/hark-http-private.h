/* hark-http-private.h — the request queue shared by GETs into memory and downloads to files
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "net/hark-http.h"

G_BEGIN_DECLS

struct _HarkHttp
{
  gatomicrefcount ref_count; /* the owner's, plus one per job not yet freed */
  SoupSession *session;
  GMainContext *context;
  guint timeout_seconds;
  guint max_hosts;
  gsize max_body_bytes;
  guint max_retry_after;
  guint max_retries;
  GQueue *pending;           /* GTask *, waiting for their host or a free slot */
  GHashTable *busy_hosts;    /* host key → present while a job holds it */
  GHashTable *blocked_until; /* host key → gint64 * monotonic time the back-off ends */
  guint active;
  GSource *wake_source;
  GMutex cancel_lock;
  GSource *cancel_source; /* a pump scheduled by a cancellation, under cancel_lock */
  gboolean closing;
};

typedef struct _HarkHttpJob HarkHttpJob;
struct _HarkHttpJob
{
  HarkHttp *http;
  GTask *task; /* owns this job as its task data */
  char *url;   /* current address (changes with redirects) */
  char *host;  /* host key of @url */
  gboolean holds_host;
  char *etag;
  char *last_modified;
  guint redirects;
  gboolean permanent_chain;
  char *permanent_url;
  guint retries;
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *body;
  /* What kind of job this is. */
  void (*prepare) (HarkHttpJob *job, SoupMessageHeaders *headers); /* extra request headers */
  gboolean (*accept_status) (HarkHttpJob *job, guint status);      /* beyond 2xx and 304 */
  void (*on_response) (HarkHttpJob *job);                          /* reads job->stream */
  gpointer body_data;
  GDestroyNotify body_free;
  GCancellable *cancellable;
  gulong cancelled_id;
};

GTask *hark_http_job_new (HarkHttp *http, const char *url, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data, GError **error);
void hark_http_job_enqueue (HarkHttp *http, GTask *task, gboolean front);
/* Sends the job's request again (same host slot), dropping the current answer. */
void hark_http_job_restart (HarkHttpJob *job);
/* What a stream and the download it runs tell each other (hark-http-stream.c). */
typedef struct
{
  guint64 start_at;        /* in: the first request asks from here; G_MAXUINT64: the first hole */
  guint64 position;        /* out: where the running request writes next */
  guint64 total;           /* out: the file's size, once an answer said (0 until then) */
  double rate;             /* out: bytes per second lately */
  gboolean ranges_refused; /* out: a Range request was answered with the whole file */
} HarkDownloadControl;

/* hark_http_download_async() telling @source (may be NULL) of every byte written; it does
 * not finish the source. @control (may be NULL) is the stream's, valid until the callback.
 * The task's source tag stays hark_http_download_async. */
void hark_http_download_start (HarkHttp *http, const char *url, const char *path,
                               const char *etag, HarkMediaSource *source,
                               HarkDownloadControl *control, HarkDownloadProgressFunc progress,
                               gpointer progress_data, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
/* Complete the job (releasing its host) with an error or a result. */
void hark_http_job_fail (GTask *task, GError *error);
void hark_http_job_succeed (GTask *task, gpointer result, GDestroyNotify result_free);

G_END_DECLS
