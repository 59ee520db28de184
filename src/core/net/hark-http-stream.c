/* hark-http-stream.c — a download that a decoder plays while it runs
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A listener who is already hearing an episode should not get silence because a connection
 * dropped: a broken transfer is picked up where it stopped (the .part file and its ETag make
 * that a Range request with If-Range) a few times before the source is told it failed.
 *
 * A listener who seeks past what has arrived should not wait for the transfer to get there:
 * when a read of the source waits further ahead than about a second of transfer, the request
 * under way is dropped and the next one starts at that offset (the download keeps the .part's
 * holes in its map and fills them afterwards). A server that answered a Range with the whole
 * file is not asked again.
 */
#include "net/hark-http-private.h"

#include "util/hark-error.h"

/* Resumptions in a row that bring no new byte before giving up. */
#define STREAM_RETRIES 3
#define STREAM_RETRY_DELAY_MS 500
/* A read waiting this far ahead of the transfer (or less than a second of it) is waited for:
 * a new request costs a round trip or two. */
#define JUMP_MIN_BYTES (128 * 1024)
#define JUMP_AHEAD_SECONDS 1.0

typedef struct
{
  HarkHttp *http;
  char *url;
  char *path;
  char *etag;
  HarkMediaSource *source;
  HarkDownloadProgressFunc progress;
  gpointer progress_data;
  guint failures;      /* attempts in a row without progress */
  guint64 last_bytes;  /* bytes held when the last attempt started */
  gboolean resumed;
  GSource *retry;
  HarkDownloadControl control;
  GCancellable *attempt;   /* the request under way's, NULL between attempts */
  GCancellable *cancellable; /* the task's, may be NULL */
  gulong cancel_handler;   /* on it, cancelling @attempt */
  guint64 jump_to;         /* where the next attempt starts, G_MAXUINT64: the first hole */
  guint jumps;
} Stream;

static void
stream_free (Stream *s)
{
  hark_media_source_set_want_func (s->source, NULL, NULL, NULL);
  if (s->cancel_handler != 0)
    g_cancellable_disconnect (s->cancellable, s->cancel_handler);
  g_clear_object (&s->cancellable);
  g_clear_object (&s->attempt);
  if (s->retry != NULL)
    {
      g_source_destroy (s->retry);
      g_source_unref (s->retry);
    }
  hark_media_source_unref (s->source);
  g_free (s->url);
  g_free (s->path);
  g_free (s->etag);
  g_free (s);
}

static void stream_attempt (GTask *task);

static gboolean
on_retry (gpointer data)
{
  GTask *task = data;
  Stream *s = g_task_get_task_data (task);

  g_clear_pointer (&s->retry, g_source_unref);
  stream_attempt (task);
  return G_SOURCE_REMOVE;
}

static void
on_attempt_done (GObject *object, GAsyncResult *async, gpointer data)
{
  GTask *task = data;
  Stream *s = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  HarkDownloadResult *result = hark_http_download_finish (s->http, async, &error);
  HarkMediaSourceProgress progress;
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_clear_object (&s->attempt);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && s->jump_to != G_MAXUINT64
      && !g_cancellable_is_cancelled (cancellable))
    {
      /* Dropped to jump ahead, not given up. */
      stream_attempt (task);
      return;
    }
  if (result != NULL)
    {
      result->resumed = result->resumed || s->resumed;
      hark_media_source_finish (s->source, NULL);
      g_task_return_pointer (task, result, (GDestroyNotify) hark_download_result_free);
      g_object_unref (task);
      return;
    }
  hark_media_source_get_progress (s->source, &progress);
  if (progress.held > s->last_bytes)
    s->failures = 0;
  if (g_error_matches (error, HARK_ERROR, HARK_ERROR_IO) && ++s->failures <= STREAM_RETRIES
      && !g_cancellable_is_cancelled (cancellable))
    {
      g_debug ("%s broke off after %" G_GUINT64_FORMAT " bytes, resuming: %s", s->url,
               progress.available, error->message);
      s->resumed = TRUE;
      s->retry = g_timeout_source_new (STREAM_RETRY_DELAY_MS);
      g_source_set_callback (s->retry, on_retry, task, NULL);
      g_source_attach (s->retry, g_task_get_context (task));
      return;
    }
  hark_media_source_finish (s->source, error);
  g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
}

static void
stream_attempt (GTask *task)
{
  Stream *s = g_task_get_task_data (task);
  HarkMediaSourceProgress progress;

  hark_media_source_get_progress (s->source, &progress);
  s->last_bytes = progress.held;
  s->control.start_at = s->jump_to;
  s->jump_to = G_MAXUINT64;
  s->control.position = G_MAXUINT64;
  s->attempt = g_cancellable_new ();
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    g_cancellable_cancel (s->attempt);
  /* The ETag of the .part is read from beside it (the first attempt wrote it). */
  hark_http_download_start (s->http, s->url, s->path, s->failures == 0 ? s->etag : NULL,
                            s->source, &s->control, s->progress, s->progress_data, s->attempt,
                            on_attempt_done, task);
}

static void
on_task_cancelled (GCancellable *cancellable, gpointer data)
{
  Stream *s = data;

  /* Runs on the thread that cancels; the attempt's cancellable is thread-safe. */
  if (s->attempt != NULL)
    g_cancellable_cancel (s->attempt);
}

/* A read waits for bytes not there: fetch them next unless the transfer is about to. */
static void
on_want (HarkMediaSource *source, gpointer data)
{
  GTask *task = data;
  Stream *s = g_task_get_task_data (task);
  guint64 wanted = hark_media_source_get_wanted (source);
  guint64 soon = MAX (JUMP_MIN_BYTES, (guint64) (s->control.rate * JUMP_AHEAD_SECONDS));

  if (wanted == G_MAXUINT64 || s->control.ranges_refused || s->control.total == 0
      || wanted >= s->control.total)
    return;
  if (s->attempt != NULL && s->control.position != G_MAXUINT64
      && wanted >= s->control.position && wanted - s->control.position <= soon)
    return;
  if (s->attempt == NULL && s->retry == NULL)
    return;
  g_debug ("%s: a read waits at %" G_GUINT64_FORMAT ", the transfer is at %" G_GUINT64_FORMAT
           ": jumping there", s->url, wanted, s->control.position);
  s->jump_to = wanted;
  s->jumps++;
  if (s->attempt != NULL)
    g_cancellable_cancel (s->attempt);
}

void
hark_http_download_to_source_async (HarkHttp *http, const char *url, const char *path,
                                    const char *etag, HarkMediaSource *source,
                                    HarkDownloadProgressFunc progress, gpointer progress_data,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Stream *s = g_new0 (Stream, 1);

  g_task_set_source_tag (task, hark_http_download_to_source_async);
  s->http = http;
  s->url = g_strdup (url);
  s->path = g_strdup (path);
  s->etag = g_strdup (etag);
  s->source = hark_media_source_ref (source);
  s->progress = progress;
  s->progress_data = progress_data;
  s->jump_to = G_MAXUINT64;
  s->control.start_at = G_MAXUINT64;
  g_task_set_task_data (task, s, (GDestroyNotify) stream_free);
  if (cancellable != NULL)
    s->cancellable = g_object_ref (cancellable);
  if (cancellable != NULL)
    s->cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_task_cancelled), s,
                                               NULL);
  hark_media_source_set_want_func (source, g_task_get_context (task), on_want, task);
  stream_attempt (task);
}

HarkDownloadResult *
hark_http_download_to_source_finish (HarkHttp *http, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
