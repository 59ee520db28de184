/* hark-http-download.c — episodes to disk: .part files, resume, atomic rename
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ETag of the bytes in "FILE.part" is kept in "FILE.part.etag", so a resume days later
 * can still ask "the rest, if it is the same file" (If-Range) and get the whole file otherwise.
 */
#include "net/hark-http-private.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "util/hark-error.h"

#define WRITE_SIZE (64 * 1024)
/* An HTML body smaller than this is an error page, not an episode. */
#define HTML_PAGE_LIMIT (256 * 1024)

typedef struct
{
  char *path;
  char *part_path;
  char *etag;
  guint64 offset;    /* bytes of the .part when the request went out */
  guint64 written;   /* bytes in the .part now */
  guint64 total;
  gboolean resumed;
  gboolean restarted;
  gboolean ranged;   /* this request asked for a range */
  GOutputStream *out;
  HarkDownloadProgressFunc progress;
  gpointer progress_data;
  gint64 last_progress;
  gint64 rate_time;
  guint64 rate_bytes;
  double rate;
  gboolean checked_head; /* the first bytes were looked at for an HTML page */
  HarkMediaSource *source; /* told of every byte written, for playing while downloading */
} Download;

void
hark_download_result_free (HarkDownloadResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->etag);
  g_free (result->content_type);
  g_free (result);
}

static void
download_free (Download *d)
{
  g_free (d->path);
  g_free (d->part_path);
  g_free (d->etag);
  g_clear_object (&d->out);
  g_clear_pointer (&d->source, hark_media_source_unref);
  g_free (d);
}

static Download *
job_download (HarkHttpJob *job)
{
  return job->body_data;
}

static void
fail (HarkHttpJob *job, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
fail (HarkHttpJob *job, int code, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  Download *d = job_download (job);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (d->out)
    g_output_stream_close (d->out, NULL, NULL);
  g_clear_object (&d->out);
  hark_http_job_fail (job->task, g_error_new (HARK_ERROR, code, "%s: %s", job->url, message));
}

static void
prepare_range (HarkHttpJob *job, SoupMessageHeaders *headers)
{
  Download *d = job_download (job);
  GStatBuf st;

  d->offset = 0;
  d->ranged = FALSE;
  if (g_stat (d->part_path, &st) == 0 && st.st_size > 0)
    {
      d->offset = (guint64) st.st_size;
      soup_message_headers_set_range (headers, (goffset) d->offset, -1);
      /* Without a validator the server could send the rest of a different file. */
      if (d->etag)
        soup_message_headers_replace (headers, "If-Range", d->etag);
      d->ranged = TRUE;
    }
}

static gboolean
accept_range_status (HarkHttpJob *job, guint status)
{
  return status == 416;
}

static void
report_progress (Download *d, gboolean force)
{
  gint64 now = g_get_monotonic_time ();
  HarkDownloadProgress progress;

  if (now - d->rate_time >= G_USEC_PER_SEC)
    {
      if (d->rate_time > 0)
        d->rate = (d->written - d->rate_bytes) * (double) G_USEC_PER_SEC / (now - d->rate_time);
      d->rate_time = now;
      d->rate_bytes = d->written;
    }
  if (d->progress == NULL || (!force && now - d->last_progress < G_USEC_PER_SEC / 10))
    return;
  d->last_progress = now;
  progress.bytes = d->written;
  progress.total = d->total;
  progress.rate = d->rate;
  d->progress (&progress, d->progress_data);
}

static void on_chunk (GObject *source, GAsyncResult *result, gpointer data);

static void
read_chunk (HarkHttpJob *job)
{
  g_input_stream_read_bytes_async (job->stream, WRITE_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (job->task), on_chunk, job);
}

static gboolean
looks_like_html (const char *data, gsize length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 512));
  const char *p = head;

  while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
    p++;
  return g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html")
         || strstr (head, "<head>") != NULL || strstr (head, "<body") != NULL;
}

static void
complete (HarkHttpJob *job)
{
  Download *d = job_download (job);
  g_autoptr (GError) error = NULL;
  HarkDownloadResult *result;
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);

  if (!g_output_stream_close (d->out, NULL, &error))
    {
      fail (job, HARK_ERROR_IO, "could not finish writing %s: %s", d->part_path, error->message);
      return;
    }
  g_clear_object (&d->out);
  if (d->total > 0 && d->written != d->total)
    {
      fail (job, HARK_ERROR_IO, "the transfer broke off after %" G_GUINT64_FORMAT " of %"
            G_GUINT64_FORMAT " bytes (kept in %s to resume)", d->written, d->total, d->part_path);
      return;
    }
  if (d->written < HTML_PAGE_LIMIT)
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      if ((type && strcmp (type, "text/html") == 0)
          || (g_file_get_contents (d->part_path, &contents, &length, NULL)
              && looks_like_html (contents, length)))
        {
          g_unlink (d->part_path);
          fail (job, HARK_ERROR_UNSUPPORTED, "the server answered with a web page, not the "
                                             "episode's audio");
          return;
        }
    }
  {
    g_autofree char *etag_path = g_strconcat (d->part_path, ".etag", NULL);
    g_unlink (etag_path);
  }
  if (g_rename (d->part_path, d->path) != 0)
    {
      int saved = errno;
      fail (job, HARK_ERROR_IO, "could not move %s into place: %s", d->part_path,
            g_strerror (saved));
      return;
    }
  if (d->source != NULL)
    hark_media_source_set_file (d->source, d->path, d->written, d->written);
  report_progress (d, TRUE);
  result = g_new0 (HarkDownloadResult, 1);
  result->path = g_strdup (d->path);
  result->bytes = d->written;
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  result->resumed = d->resumed;
  result->restarted = d->restarted;
  hark_http_job_succeed (job->task, result, (GDestroyNotify) hark_download_result_free);
}

static void
on_chunk (GObject *source, GAsyncResult *async, gpointer data)
{
  HarkHttpJob *job = data;
  Download *d = job_download (job);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), async,
                                                               &error);
  gsize length;
  const char *chunk;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_output_stream_close (d->out, NULL, NULL);
          g_clear_object (&d->out);
          hark_http_job_fail (job->task, g_steal_pointer (&error));
        }
      else
        fail (job, HARK_ERROR_IO, "the transfer broke off after %" G_GUINT64_FORMAT " bytes "
              "(kept in %s to resume): %s", d->written, d->part_path, error->message);
      return;
    }
  chunk = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      complete (job);
      return;
    }
  if (!g_output_stream_write_all (d->out, chunk, length, NULL, NULL, &error))
    {
      fail (job, HARK_ERROR_IO, "could not write %s: %s", d->part_path, error->message);
      return;
    }
  d->written += length;
  if (d->source != NULL)
    hark_media_source_set_available (d->source, d->written);
  report_progress (d, FALSE);
  read_chunk (job);
}

/* Whether the disk under @path has room for @needed more bytes. */
static gboolean
check_free_space (HarkHttpJob *job, guint64 needed)
{
  Download *d = job_download (job);
  g_autofree char *dir = g_path_get_dirname (d->part_path);
  g_autoptr (GFile) file = g_file_new_for_path (dir);
  g_autoptr (GFileInfo) info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE,
                                                             NULL, NULL);
  guint64 free_bytes;

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    return TRUE;
  free_bytes = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  /* Keep some room so the rest of the desktop does not hit a full disk because of us. */
  if (needed + 64 * 1024 * 1024 <= free_bytes)
    return TRUE;
  fail (job, HARK_ERROR_IO, "not enough free space in %s: the episode needs %" G_GUINT64_FORMAT
        " MB more and %" G_GUINT64_FORMAT " MB are free", dir, needed / (1024 * 1024),
        free_bytes / (1024 * 1024));
  return FALSE;
}

static void
download_on_response (HarkHttpJob *job)
{
  Download *d = job_download (job);
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
  guint status = soup_message_get_status (job->message);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) part = g_file_new_for_path (d->part_path);
  goffset start = -1, end = -1, total = -1;
  gboolean append = FALSE;

  if (status == 416 || status == 304)
    {
      /* The part cannot be continued (it may even be complete, but nothing proves it). */
      g_unlink (d->part_path);
      d->restarted = TRUE;
      hark_http_job_restart (job);
      return;
    }
  if (status == 206)
    {
      if (!d->ranged || !soup_message_headers_get_content_range (headers, &start, &end, &total)
          || (guint64) start != d->offset)
        {
          /* A range we did not ask for: start over without one. */
          g_unlink (d->part_path);
          d->restarted = TRUE;
          hark_http_job_restart (job);
          return;
        }
      append = TRUE;
      d->resumed = TRUE;
      d->written = d->offset;
      d->total = total > 0 ? (guint64) total : 0;
    }
  else
    {
      goffset length = soup_message_headers_get_content_length (headers);
      if (d->ranged)
        d->restarted = TRUE; /* a 200 to a Range request: the whole file again */
      d->written = 0;
      d->total = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
                     && soup_message_headers_get_one (headers, "Content-Encoding") == NULL
                     && length > 0
                   ? (guint64) length
                   : 0;
    }
  if (d->total > 0 && !check_free_space (job, d->total - d->written))
    return;
  /* A file replaced in place is written to a new file renamed over it at the end: a reader
   * of the growing .part would not see the new bytes. A new file is created directly. */
  if (!append)
    g_unlink (d->part_path);
  d->out = G_OUTPUT_STREAM (append ? g_file_append_to (part, G_FILE_CREATE_NONE, NULL, &error)
                                   : g_file_replace (part, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                     &error));
  if (d->out == NULL)
    {
      fail (job, HARK_ERROR_IO, "could not write %s: %s", d->part_path, error->message);
      return;
    }
  g_free (d->etag);
  d->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  /* The validator goes beside the .part so a resume in another run can send If-Range. */
  {
    g_autofree char *etag_path = g_strconcat (d->part_path, ".etag", NULL);
    if (d->etag)
      g_file_set_contents (etag_path, d->etag, -1, NULL);
    else
      g_unlink (etag_path);
  }
  if (d->source != NULL)
    hark_media_source_set_file (d->source, d->part_path, d->written, d->total);
  report_progress (d, TRUE);
  read_chunk (job);
}

void
hark_http_download_async (HarkHttp *http, const char *url, const char *path, const char *etag,
                          HarkDownloadProgressFunc progress, gpointer progress_data,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  hark_http_download_start (http, url, path, etag, NULL, progress, progress_data, cancellable,
                            callback, user_data);
}

void
hark_http_download_start (HarkHttp *http, const char *url, const char *path, const char *etag,
                          HarkMediaSource *source, HarkDownloadProgressFunc progress,
                          gpointer progress_data, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  GError *error = NULL;
  GTask *task = hark_http_job_new (http, url, cancellable, callback, user_data, &error);
  HarkHttpJob *job;
  Download *d;

  if (task == NULL)
    {
      g_task_report_error (NULL, callback, user_data, hark_http_download_async, error);
      return;
    }
  g_task_set_source_tag (task, hark_http_download_async);
  job = g_task_get_task_data (task);
  d = g_new0 (Download, 1);
  d->path = g_strdup (path);
  d->part_path = g_strconcat (path, ".part", NULL);
  d->etag = g_strdup (etag);
  if (d->etag == NULL)
    {
      g_autofree char *etag_path = g_strconcat (d->part_path, ".etag", NULL);
      g_file_get_contents (etag_path, &d->etag, NULL, NULL);
    }
  d->progress = progress;
  d->progress_data = progress_data;
  d->source = source != NULL ? hark_media_source_ref (source) : NULL;
  job->body_data = d;
  job->body_free = (GDestroyNotify) download_free;
  job->prepare = prepare_range;
  job->accept_status = accept_range_status;
  job->on_response = download_on_response;
  hark_http_job_enqueue (http, task, FALSE);
}

HarkDownloadResult *
hark_http_download_finish (HarkHttp *http, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sync_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

HarkDownloadResult *
hark_http_download_sync (HarkHttp *http, const char *url, const char *path, const char *etag,
                         HarkDownloadProgressFunc progress, gpointer progress_data,
                         GCancellable *cancellable, GError **error)
{
  GAsyncResult *result = NULL;
  HarkDownloadResult *download;

  hark_http_download_async (http, url, path, etag, progress, progress_data, cancellable,
                            on_sync_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  download = hark_http_download_finish (http, result, error);
  g_object_unref (result);
  return download;
}
