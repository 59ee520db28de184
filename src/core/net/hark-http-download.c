/* hark-http-download.c — episodes to disk: .part files, resume, atomic rename
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The validator of the bytes in "FILE.part" (its ETag, else its Last-Modified) is kept in
 * "FILE.part.etag", so a resume days later can still ask "the rest, if it is the same file"
 * (If-Range) and get the whole file otherwise. A download that jumped ahead writes its .part
 * sparse, at the offsets the bytes belong at, and keeps which ranges are there in
 * "FILE.part.ranges" (util/hark-byte-ranges.h); each request runs to the next range held or
 * the end, then the next one fills the first hole, until the file is whole.
 */
#include "net/hark-http-private.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "util/hark-error.h"
#include "util/hark-file-saver.h"

#define WRITE_SIZE (64 * 1024)
/* An HTML body smaller than this is an error page, not an episode. */
#define HTML_PAGE_LIMIT (256 * 1024)
/* How often the map of downloaded ranges is saved while bytes arrive. */
#define MAP_SAVE_INTERVAL (G_USEC_PER_SEC)

typedef struct
{
  char *path;
  char *part_path;
  char *map_path;    /* "FILE.part.ranges": which bytes of a .part with holes are there */
  HarkFileSaver *map_saver; /* saves the map while bytes arrive, off the main thread */
  char *etag;        /* the validator sent with If-Range (an ETag, else a Last-Modified) */
  HarkByteRanges *held;
  gboolean has_map;  /* the .part may have holes: the map must be kept beside it */
  guint64 offset;    /* where the current request starts */
  guint64 stop;      /* where it ends: the next range held, or the end (G_MAXUINT64: unknown) */
  guint64 pos;       /* where the next byte goes */
  guint64 total;
  gboolean start_used; /* the stream's start_at was asked for and answered */
  gboolean resumed;
  gboolean restarted;
  gboolean ranged;   /* this request asked for a range */
  int fd;
  HarkDownloadControl *control;
  HarkDownloadProgressFunc progress;
  gpointer progress_data;
  gint64 last_progress;
  gint64 last_map_save;
  gint64 rate_time;
  guint64 rate_bytes;
  double rate;
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
close_part (Download *d)
{
  if (d->fd >= 0)
    close (d->fd);
  d->fd = -1;
}

static void
download_free (Download *d)
{
  close_part (d);
  g_free (d->path);
  g_free (d->part_path);
  g_free (d->map_path);
  g_clear_pointer (&d->map_saver, hark_file_saver_unref);
  g_free (d->etag);
  hark_byte_ranges_free (d->held);
  g_clear_pointer (&d->source, hark_media_source_unref);
  g_free (d);
}

static Download *
job_download (HarkHttpJob *job)
{
  return job->body_data;
}

/* Written whole or not at all (a new file renamed over the old), so a crash leaves the last
 * saved map, which never claims a byte not written. A map not saved only lags behind: the
 * bytes it leaves out are fetched again. Here, at the ends of requests, the map is written
 * before going on, after the background save in flight (an older map must not land after
 * it). */
static gboolean
save_map (Download *d, GError **error)
{
  g_autofree char *text = NULL;

  if (!d->has_map)
    return TRUE;
  hark_file_saver_drain (d->map_saver, TRUE);
  d->last_map_save = g_get_monotonic_time ();
  text = hark_byte_ranges_to_text (d->held, d->total);
  return g_file_set_contents_full (d->map_path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                   error);
}

/* While bytes arrive: the save's fsync can wait long on a disk busy with the download, so a
 * worker writes it. */
static void
save_map_in_background (Download *d)
{
  g_autofree char *text = hark_byte_ranges_to_text (d->held, d->total);

  d->last_map_save = g_get_monotonic_time ();
  hark_file_saver_save (d->map_saver, text);
}

/* Removes the map, after any save of it in flight. */
static void
remove_map (Download *d)
{
  hark_file_saver_drain (d->map_saver, TRUE);
  g_unlink (d->map_path);
}

static void
save_map_quietly (Download *d)
{
  g_autoptr (GError) error = NULL;

  if (!save_map (d, &error))
    g_debug ("Could not save the map of downloaded ranges: %s", error->message);
}

/* Throws the .part away: the next request fetches the whole file. */
static void
forget_part (Download *d)
{
  close_part (d);
  g_unlink (d->part_path);
  remove_map (d);
  hark_byte_ranges_clear (d->held);
  d->has_map = FALSE;
  d->total = 0;
}

/* What is already in the .part: its map when there is one (checked, as anything read from
 * disk), else every byte of it from the start (a .part written straight through). */
static void
load_part (Download *d)
{
  GStatBuf part, map;
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkByteRanges) held = NULL;
  guint64 total = 0, last_start = 0, last_end = 0;

  if (g_stat (d->part_path, &part) != 0)
    {
      /* A map without its file says nothing. */
      remove_map (d);
      return;
    }
  if (g_stat (d->map_path, &map) != 0)
    {
      hark_byte_ranges_add (d->held, 0, (guint64) part.st_size);
      return;
    }
  if (map.st_size > HARK_BYTE_RANGES_MAX_TEXT)
    g_set_error (&error, HARK_ERROR, HARK_ERROR_PARSE,
                 _("%s: the map of downloaded ranges is larger than %u KB"), d->map_path,
                 HARK_BYTE_RANGES_MAX_TEXT / 1024);
  else if (g_file_get_contents (d->map_path, &text, &length, &error))
    held = hark_byte_ranges_parse (text, length, d->map_path, &total, &error);
  if (held != NULL && hark_byte_ranges_get_count (held) > 0)
    hark_byte_ranges_get (held, hark_byte_ranges_get_count (held) - 1, &last_start, &last_end);
  if (held != NULL && ((guint64) part.st_size < last_end || (guint64) part.st_size > total))
    {
      g_set_error (&error, HARK_ERROR, HARK_ERROR_PARSE,
                   _("%s: does not fit the %" G_GUINT64_FORMAT " bytes of %s"), d->map_path,
                   (guint64) part.st_size, d->part_path);
      g_clear_pointer (&held, hark_byte_ranges_free);
    }
  if (held == NULL)
    {
      /* Which bytes are real is unknown: none can be trusted. */
      g_warning ("Ignoring the map of downloaded ranges (%s); the download starts over",
                 error->message);
      forget_part (d);
      return;
    }
  hark_byte_ranges_free (d->held);
  d->held = g_steal_pointer (&held);
  d->total = total;
  d->has_map = TRUE;
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
  close_part (d);
  save_map_quietly (d);
  hark_http_job_fail (job->task, g_error_new (HARK_ERROR, code, "%s: %s", job->url, message));
}

static gboolean
complete_held (Download *d)
{
  return d->total > 0 && hark_byte_ranges_contains (d->held, 0, d->total);
}

static void
prepare_range (HarkHttpJob *job, SoupMessageHeaders *headers)
{
  Download *d = job_download (job);
  guint64 next;

  d->offset = hark_byte_ranges_first_hole (d->held);
  /* The first request of a stream that jumped ahead starts where the listener is (again
   * after a redirect: only an answer uses it up). */
  if (!d->start_used && d->control != NULL && d->control->start_at != G_MAXUINT64)
    {
      guint64 from = hark_byte_ranges_end_of (d->held, d->control->start_at);

      if (d->total == 0 || from < d->total)
        d->offset = from;
    }
  next = hark_byte_ranges_next_start (d->held, d->offset);
  d->stop = d->total > 0 ? MIN (next, d->total) : next;
  /* Up to the next range held, else open-ended. */
  d->ranged = d->offset > 0 || next != G_MAXUINT64;
  if (d->ranged)
    {
      soup_message_headers_set_range (headers, (goffset) d->offset,
                                      next < d->stop || (next == d->stop && next != d->total)
                                        ? (goffset) d->stop - 1
                                        : -1);
      /* Without a validator the server could send the rest of a different file. */
      if (d->etag)
        soup_message_headers_replace (headers, "If-Range", d->etag);
    }
  if (d->control != NULL)
    d->control->position = d->offset;
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
  guint64 held = hark_byte_ranges_get_held (d->held);
  HarkDownloadProgress progress;

  if (now - d->rate_time >= G_USEC_PER_SEC)
    {
      if (d->rate_time > 0 && held >= d->rate_bytes)
        d->rate = (held - d->rate_bytes) * (double) G_USEC_PER_SEC / (now - d->rate_time);
      d->rate_time = now;
      d->rate_bytes = held;
      if (d->control != NULL)
        d->control->rate = d->rate;
    }
  if (d->has_map && now - d->last_map_save >= MAP_SAVE_INTERVAL)
    save_map_in_background (d);
  if (d->progress == NULL || (!force && now - d->last_progress < G_USEC_PER_SEC / 10))
    return;
  d->last_progress = now;
  progress.bytes = held;
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
  HarkDownloadResult *result;
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
  guint64 written = hark_byte_ranges_first_hole (d->held);
  GStatBuf st;

  if (d->fd >= 0 && close (d->fd) != 0)
    {
      int saved = errno;

      d->fd = -1;
      fail (job, HARK_ERROR_IO, "could not finish writing %s: %s", d->part_path,
            g_strerror (saved));
      return;
    }
  d->fd = -1;
  if (d->total > 0 && written != d->total)
    {
      fail (job, HARK_ERROR_IO, "the transfer broke off after %" G_GUINT64_FORMAT " of %"
            G_GUINT64_FORMAT " bytes (kept in %s to resume)", written, d->total, d->part_path);
      return;
    }
  /* Every range is there: the file must be exactly as long as the server said. */
  if (g_stat (d->part_path, &st) != 0 || (guint64) st.st_size != written)
    {
      forget_part (d);
      fail (job, HARK_ERROR_IO, "%s does not have the %" G_GUINT64_FORMAT " bytes downloaded; "
            "it was thrown away", d->part_path, written);
      return;
    }
  if (written < HTML_PAGE_LIMIT)
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      if ((type && strcmp (type, "text/html") == 0)
          || (g_file_get_contents (d->part_path, &contents, &length, NULL)
              && looks_like_html (contents, length)))
        {
          forget_part (d);
          fail (job, HARK_ERROR_UNSUPPORTED, "the server answered with a web page, not the "
                                             "episode's audio");
          return;
        }
    }
  {
    g_autofree char *etag_path = g_strconcat (d->part_path, ".etag", NULL);
    g_unlink (etag_path);
  }
  remove_map (d);
  d->has_map = FALSE;
  if (g_rename (d->part_path, d->path) != 0)
    {
      int saved = errno;
      fail (job, HARK_ERROR_IO, "could not move %s into place: %s", d->part_path,
            g_strerror (saved));
      return;
    }
  if (d->source != NULL)
    hark_media_source_set_file (d->source, d->path, written, written);
  report_progress (d, TRUE);
  result = g_new0 (HarkDownloadResult, 1);
  result->path = g_strdup (d->path);
  result->bytes = written;
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  result->resumed = d->resumed;
  result->restarted = d->restarted;
  hark_http_job_succeed (job->task, result, (GDestroyNotify) hark_download_result_free);
}

/* The current request has brought what it was for: the file is whole, or the next request
 * fills the first hole left. */
static void
request_done (HarkHttpJob *job)
{
  Download *d = job_download (job);

  if (d->total == 0 || complete_held (d) || d->pos < d->stop)
    {
      complete (job);
      return;
    }
  save_map_quietly (d);
  hark_http_job_restart (job);
}

static gboolean
write_at (int fd, const char *data, gsize length, guint64 offset, GError **error)
{
  while (length > 0)
    {
      gssize n = pwrite (fd, data, length, (off_t) offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
      offset += (guint64) n;
    }
  return TRUE;
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
          close_part (d);
          save_map_quietly (d);
          hark_http_job_fail (job->task, g_steal_pointer (&error));
        }
      else
        fail (job, HARK_ERROR_IO, "the transfer broke off after %" G_GUINT64_FORMAT " bytes "
              "(kept in %s to resume): %s", hark_byte_ranges_get_held (d->held), d->part_path,
              error->message);
      return;
    }
  chunk = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      request_done (job);
      return;
    }
  /* A server sending past the end asked for (or the file's end) is not believed. */
  length = (gsize) MIN ((guint64) length, d->stop - d->pos);
  if (!write_at (d->fd, chunk, length, d->pos, &error))
    {
      fail (job, HARK_ERROR_IO, "could not write %s: %s", d->part_path, error->message);
      return;
    }
  hark_byte_ranges_add (d->held, d->pos, d->pos + length);
  if (d->source != NULL)
    hark_media_source_add_range (d->source, d->pos, d->pos + length);
  d->pos += length;
  if (d->control != NULL)
    d->control->position = d->pos;
  report_progress (d, FALSE);
  if (d->pos >= d->stop)
    {
      /* Reached a range already there (or the end): the rest of this answer is not needed. */
      request_done (job);
      return;
    }
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

/* The validator If-Range can carry: a strong ETag, else the Last-Modified date. */
static const char *
response_validator (SoupMessageHeaders *headers)
{
  const char *etag = soup_message_headers_get_one (headers, "ETag");

  if (etag != NULL && !g_str_has_prefix (etag, "W/"))
    return etag;
  return soup_message_headers_get_one (headers, "Last-Modified");
}

/* A Range request answered with the whole file: a server that ignores Range is not asked
 * again in this stream; one whose file changed may well honour the next. */
static void
ranges_refused (Download *d, gboolean same_file)
{
  if (d->control == NULL)
    return;
  if (same_file)
    d->control->ranges_refused = TRUE;
  if (d->source != NULL)
    hark_media_source_set_notice (
      d->source, same_file ? _("This server can’t jump ahead; playing as it downloads.")
                           : _("The episode changed on the server; it is downloading again "
                               "from the start."));
}

static void
download_on_response (HarkHttpJob *job)
{
  Download *d = job_download (job);
  SoupMessageHeaders *headers = soup_message_get_response_headers (job->message);
  guint status = soup_message_get_status (job->message);
  const char *validator = response_validator (headers);
  goffset start = -1, end = -1, total = -1;
  gboolean keep = FALSE;

  d->start_used = TRUE;
  if (status == 416 && complete_held (d))
    {
      /* Everything had arrived before the last run could move the file into place. */
      complete (job);
      return;
    }
  if (status == 416 || status == 304)
    {
      /* The part cannot be continued (it may even be complete, but nothing proves it). */
      forget_part (d);
      d->restarted = TRUE;
      hark_http_job_restart (job);
      return;
    }
  if (status == 206)
    {
      if (!d->ranged || !soup_message_headers_get_content_range (headers, &start, &end, &total)
          || (guint64) start != d->offset || end < start
          || (d->total > 0 && (guint64) total != d->total) || total <= 0)
        {
          /* A range we did not ask for, or of another file: start over without one. */
          forget_part (d);
          d->restarted = TRUE;
          hark_http_job_restart (job);
          return;
        }
      keep = TRUE;
      d->resumed = TRUE;
      d->total = (guint64) total;
      d->stop = MIN (d->stop, (guint64) end + 1);
      d->pos = d->offset;
    }
  else
    {
      goffset length = soup_message_headers_get_content_length (headers);
      guint64 new_total = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
                                  && soup_message_headers_get_one (headers, "Content-Encoding") == NULL
                                  && length > 0
                              ? (guint64) length
                              : 0;

      /* The whole file again: the server ignores Range, or the file changed (If-Range). When
       * it is the same file, the bytes held stay and the body is written over them. */
      keep = d->ranged && d->etag != NULL && g_strcmp0 (validator, d->etag) == 0
             && new_total > 0 && new_total == d->total;
      if (d->ranged)
        {
          d->restarted = TRUE;
          ranges_refused (d, d->etag == NULL || g_strcmp0 (validator, d->etag) == 0);
        }
      if (!keep)
        forget_part (d);
      d->total = new_total;
      d->offset = d->pos = 0;
      d->stop = new_total > 0 ? new_total : G_MAXUINT64;
    }
  if (d->total > 0 && !check_free_space (job, d->total - hark_byte_ranges_get_held (d->held)))
    return;
  /* A file replaced in place is written to a new file (readers reopen it): a reader of the
   * old one would not see the new bytes. */
  if (!keep)
    g_unlink (d->part_path);
  close_part (d);
  d->fd = g_open (d->part_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (d->fd < 0)
    {
      int saved = errno;
      fail (job, HARK_ERROR_IO, "could not write %s: %s", d->part_path, g_strerror (saved));
      return;
    }
  g_free (d->etag);
  d->etag = g_strdup (validator);
  /* The validator goes beside the .part so a resume in another run can send If-Range. */
  {
    g_autofree char *etag_path = g_strconcat (d->part_path, ".etag", NULL);
    if (d->etag)
      g_file_set_contents (etag_path, d->etag, -1, NULL);
    else
      g_unlink (etag_path);
  }
  /* Bytes past the first hole make a .part whose size no longer says what is there: the map
   * is saved before the first of them is written. */
  if (!d->has_map && d->pos > hark_byte_ranges_first_hole (d->held))
    {
      g_autoptr (GError) map_error = NULL;

      d->has_map = TRUE;
      if (!save_map (d, &map_error))
        {
          /* Without it, the .part would later pass for whole up to its size. */
          d->has_map = FALSE;
          fail (job, HARK_ERROR_IO, "could not save the map of downloaded ranges: %s",
                map_error->message);
          return;
        }
    }
  if (d->source != NULL)
    hark_media_source_set_ranges (d->source, d->part_path, d->held, d->total);
  if (d->control != NULL)
    {
      d->control->position = d->pos;
      d->control->total = d->total;
    }
  report_progress (d, TRUE);
  if (d->pos >= d->stop)
    request_done (job);
  else
    read_chunk (job);
}

void
hark_http_download_async (HarkHttp *http, const char *url, const char *path, const char *etag,
                          HarkDownloadProgressFunc progress, gpointer progress_data,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  hark_http_download_start (http, url, path, etag, NULL, NULL, progress, progress_data,
                            cancellable, callback, user_data);
}

void
hark_http_download_start (HarkHttp *http, const char *url, const char *path, const char *etag,
                          HarkMediaSource *source, HarkDownloadControl *control,
                          HarkDownloadProgressFunc progress,
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
  d->map_path = g_strconcat (path, ".part.ranges", NULL);
  d->map_saver = hark_file_saver_new (d->map_path);
  d->held = hark_byte_ranges_new ();
  d->fd = -1;
  d->control = control;
  d->etag = g_strdup (etag);
  if (d->etag == NULL)
    {
      g_autofree char *etag_path = g_strconcat (d->part_path, ".etag", NULL);
      g_file_get_contents (etag_path, &d->etag, NULL, NULL);
    }
  load_part (d);
  /* A stream's earlier request learnt the size; a .part written straight through has no map. */
  if (d->total == 0 && control != NULL && control->total > 0
      && hark_byte_ranges_first_hole (d->held) <= control->total)
    d->total = control->total;
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
