/* hark-http.h — HTTP for feeds and downloads: polite, conditional, cancellable
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One HarkHttp per program, used from the thread whose main context created it. Requests queue
 * so that at most one runs per host and a few hosts at once; a 429 or 503 makes that host wait
 * as its Retry-After asks; redirects are followed by hand so a chain of permanent ones (301,
 * 308) can move a subscription while a temporary one (302, 307) does not. The desktop's proxy
 * settings apply (GProxyResolver), gzip is decoded, and every request has an I/O timeout.
 */
#pragma once

#include <gio/gio.h>

#include "audio/hark-media-source.h"

G_BEGIN_DECLS

typedef struct _HarkHttp HarkHttp;

typedef struct
{
  const char *user_agent;  /* NULL: "Hark/VERSION (podcast player)" */
  guint timeout_seconds;   /* I/O inactivity; 0: 30 */
  guint max_hosts;         /* hosts served at once; 0: 4 */
  gsize max_body_bytes;    /* a larger body fails the request; 0: 64 MB */
  guint max_retry_after;   /* longest Retry-After waited for, seconds; 0: 120 */
  guint max_retries;       /* retries after a 429/503; 0: 2 */
} HarkHttpOptions;

typedef struct
{
  guint status;         /* 200 or 304 */
  char *url;            /* the address that answered, after redirects */
  char *permanent_url;  /* where 301/308 (and only those) moved the request, or NULL */
  char *etag;           /* validators to send next time (both kept), may be NULL */
  char *last_modified;
  char *content_type;   /* without parameters, may be NULL */
  GBytes *body;         /* NULL for 304 */
} HarkHttpResponse;

HarkHttp *hark_http_new (const HarkHttpOptions *options);
/* Cancels whatever is queued or running. */
void hark_http_free (HarkHttp *http);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkHttp, hark_http_free)

void hark_http_response_free (HarkHttpResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkHttpResponse, hark_http_response_free)

/* GET @url, conditional when @etag or @last_modified is given (a 304 then completes with
 * status 304 and no body). Errors name the URL: HARK_ERROR_NOT_FOUND for 404/410,
 * HARK_ERROR_IO for other HTTP errors, timeouts, dropped connections and oversize bodies,
 * G_IO_ERROR_CANCELLED when cancelled. */
void hark_http_get_async (HarkHttp *http, const char *url, const char *etag,
                          const char *last_modified, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data);
HarkHttpResponse *hark_http_get_finish (HarkHttp *http, GAsyncResult *result, GError **error);

/* Runs the thread-default main context until the GET completes: for command-line tools. */
HarkHttpResponse *hark_http_get_sync (HarkHttp *http, const char *url, const char *etag,
                                      const char *last_modified, GCancellable *cancellable,
                                      GError **error);

/* Seconds a Retry-After value asks for ("120" or an HTTP date), or -1 when it is neither. */
gint64 hark_http_parse_retry_after (const char *value, GDateTime *now);

/* Downloads */

typedef struct
{
  guint64 bytes; /* on disk so far, resumed part included */
  guint64 total; /* 0 when the server does not say */
  double rate;   /* bytes per second over the last second or so */
} HarkDownloadProgress;

typedef void (*HarkDownloadProgressFunc) (const HarkDownloadProgress *progress, gpointer user_data);

typedef struct
{
  char *path;          /* the finished file */
  guint64 bytes;
  char *etag;          /* of what was downloaded */
  char *content_type;
  gboolean resumed;    /* continued a .part file with a Range request */
  gboolean restarted;  /* a .part file could not be continued and was started over */
} HarkDownloadResult;

void hark_download_result_free (HarkDownloadResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkDownloadResult, hark_download_result_free)

/* Downloads @url to @path: into "@path.part" first, resumed with Range and If-Range (@etag,
 * the validator of the part already there, may be NULL) when that file exists; a 200 instead
 * of 206, or a 206 at another offset, starts over cleanly. A .part with holes (a stream that
 * jumped ahead) has its map of ranges in "@path.part.ranges": only the holes are fetched, and
 * a map that does not parse or fit is ignored with a warning and the download starts over. Refuses before writing when the
 * disk has not room for what is announced, and refuses small HTML pages (an error page served
 * with 200). The finished file is renamed into place atomically; on failure or cancellation
 * the .part stays for next time. @progress runs at most ten times a second. */
void hark_http_download_async (HarkHttp *http, const char *url, const char *path,
                               const char *etag, HarkDownloadProgressFunc progress,
                               gpointer progress_data, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
HarkDownloadResult *hark_http_download_finish (HarkHttp *http, GAsyncResult *result,
                                               GError **error);
HarkDownloadResult *hark_http_download_sync (HarkHttp *http, const char *url, const char *path,
                                             const char *etag, HarkDownloadProgressFunc progress,
                                             gpointer progress_data, GCancellable *cancellable,
                                             GError **error);

/* Playing while downloading: hark_http_download_async() that tells @source of every byte as
 * it reaches "@path.part" (then of the renamed file), so a decoder opened on @source
 * (hark_decoder_open_source()) plays the episode from the same bytes. A transfer that breaks
 * off is resumed from where it stopped, up to three times in a row without a new byte, before
 * it fails. A read of @source waiting far ahead of the transfer (a seek) makes the download
 * fetch that part next and fill the hole afterwards; when the server answers a Range with the
 * whole file, @source gets a notice (hark_media_source_dup_notice()) and reads wait. At the
 * end @source is finished: complete, or failed with the error returned. A cancelled download
 * fails the source with G_IO_ERROR_CANCELLED; the .part (and its map) stays. */
void hark_http_download_to_source_async (HarkHttp *http, const char *url, const char *path,
                                         const char *etag, HarkMediaSource *source,
                                         HarkDownloadProgressFunc progress,
                                         gpointer progress_data, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
HarkDownloadResult *hark_http_download_to_source_finish (HarkHttp *http, GAsyncResult *result,
                                                         GError **error);

G_END_DECLS
