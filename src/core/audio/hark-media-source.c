/* hark-media-source.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One lock guards the counts and the reader's file descriptor; the read itself runs under it
 * too. Reads are at most one FFmpeg buffer from the page cache, so the writer, which only
 * takes the lock to move a count, is never held up for long.
 */
#include "audio/hark-media-source.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "util/hark-error.h"
#include "util/hark-i18n.h"
#include "util/hark-main-context.h"

typedef struct
{
  GMainContext *context;
  HarkMediaSourceFunc func;
  gpointer data;
  guint serial; /* grows with every set, so a post made for an old func does nothing */
} Watch;

struct _HarkMediaSource
{
  gatomicrefcount ref_count;
  char *name;
  GMutex lock;
  GCond cond;
  char *path;        /* NULL until the writer names the file */
  guint generation;  /* grows with every set_file() */
  guint64 available;  /* the first hole of held */
  HarkByteRanges *held;
  guint64 total;
  gboolean finished;
  GError *error;     /* the writer's, when it finished failing */
  gboolean cancelled;
  int fd;            /* the reader's, opened at fd_generation */
  guint fd_generation;
  guint64 wanted;    /* what the latest waiting read wants, G_MAXUINT64 when none waits */
  guint n_waiting;
  Watch want_watch;
  Watch notice_watch;
  char *notice;
};

typedef struct
{
  HarkMediaSource *source;
  Watch *watch;
  guint serial;
} Post;

HarkMediaSource *
hark_media_source_new (const char *name)
{
  HarkMediaSource *self = g_new0 (HarkMediaSource, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name != NULL ? name : "");
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->fd = -1;
  self->held = hark_byte_ranges_new ();
  self->wanted = G_MAXUINT64;
  return self;
}

HarkMediaSource *
hark_media_source_ref (HarkMediaSource *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hark_media_source_unref (HarkMediaSource *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->fd >= 0)
    close (self->fd);
  g_clear_error (&self->error);
  hark_byte_ranges_free (self->held);
  g_free (self->notice);
  g_clear_pointer (&self->want_watch.context, g_main_context_unref);
  g_clear_pointer (&self->notice_watch.context, g_main_context_unref);
  g_free (self->path);
  g_free (self->name);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
hark_media_source_get_name (HarkMediaSource *self)
{
  return self->name;
}

void
hark_media_source_set_file (HarkMediaSource *self, const char *path, guint64 available,
                            guint64 total)
{
  g_mutex_lock (&self->lock);
  if (g_strcmp0 (self->path, path) != 0 || available < self->available)
    self->generation++;
  g_free (self->path);
  self->path = g_strdup (path);
  hark_byte_ranges_clear (self->held);
  hark_byte_ranges_add (self->held, 0, available);
  self->available = available;
  self->total = total;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
hark_media_source_set_available (HarkMediaSource *self, guint64 available)
{
  hark_media_source_add_range (self, 0, available);
}

void
hark_media_source_set_ranges (HarkMediaSource *self, const char *path,
                              const HarkByteRanges *held, guint64 total)
{
  g_mutex_lock (&self->lock);
  /* Readers reopen: the file may be a new one under the same name. */
  self->generation++;
  g_free (self->path);
  self->path = g_strdup (path);
  hark_byte_ranges_free (self->held);
  self->held = hark_byte_ranges_copy (held);
  self->available = hark_byte_ranges_first_hole (self->held);
  self->total = total;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
hark_media_source_add_range (HarkMediaSource *self, guint64 start, guint64 end)
{
  g_mutex_lock (&self->lock);
  hark_byte_ranges_add (self->held, start, end);
  self->available = hark_byte_ranges_first_hole (self->held);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static gboolean
dispatch_post (gpointer data)
{
  Post *post = data;
  HarkMediaSourceFunc func = NULL;
  gpointer user_data = NULL;

  g_mutex_lock (&post->source->lock);
  if (post->watch->serial == post->serial)
    {
      func = post->watch->func;
      user_data = post->watch->data;
    }
  g_mutex_unlock (&post->source->lock);
  /* Runs on the watch's context, where only that context's owner changes the func. */
  if (func != NULL)
    func (post->source, user_data);
  return G_SOURCE_REMOVE;
}

static void
post_free (Post *post)
{
  hark_media_source_unref (post->source);
  g_free (post);
}

/* Under the lock. */
static void
watch_post (HarkMediaSource *self, Watch *watch)
{
  Post *post;

  if (watch->func == NULL)
    return;
  post = g_new0 (Post, 1);
  post->source = hark_media_source_ref (self);
  post->watch = watch;
  post->serial = watch->serial;
  hark_main_context_post (watch->context, dispatch_post, post, (GDestroyNotify) post_free);
}

static void
watch_set (HarkMediaSource *self, Watch *watch, GMainContext *context, HarkMediaSourceFunc func,
           gpointer user_data)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&watch->context, g_main_context_unref);
  watch->context = func != NULL ? g_main_context_ref (context != NULL ? context
                                                      : g_main_context_default ())
                                : NULL;
  watch->func = func;
  watch->data = user_data;
  watch->serial++;
  g_mutex_unlock (&self->lock);
}

void
hark_media_source_set_want_func (HarkMediaSource *self, GMainContext *context,
                                 HarkMediaSourceFunc func, gpointer user_data)
{
  watch_set (self, &self->want_watch, context, func, user_data);
}

guint64
hark_media_source_get_wanted (HarkMediaSource *self)
{
  guint64 wanted;

  g_mutex_lock (&self->lock);
  /* A read woken by the bytes it waited for but not yet running wants nothing more. */
  wanted = self->n_waiting > 0 && hark_byte_ranges_end_of (self->held, self->wanted) <= self->wanted
               ? self->wanted
               : G_MAXUINT64;
  g_mutex_unlock (&self->lock);
  return wanted;
}

void
hark_media_source_set_notice (HarkMediaSource *self, const char *notice)
{
  g_mutex_lock (&self->lock);
  if (g_strcmp0 (self->notice, notice) != 0)
    {
      g_free (self->notice);
      self->notice = g_strdup (notice);
      watch_post (self, &self->notice_watch);
    }
  g_mutex_unlock (&self->lock);
}

char *
hark_media_source_dup_notice (HarkMediaSource *self)
{
  char *notice;

  g_mutex_lock (&self->lock);
  notice = g_strdup (self->notice);
  g_mutex_unlock (&self->lock);
  return notice;
}

void
hark_media_source_set_notice_func (HarkMediaSource *self, GMainContext *context,
                                   HarkMediaSourceFunc func, gpointer user_data)
{
  watch_set (self, &self->notice_watch, context, func, user_data);
}

void
hark_media_source_finish (HarkMediaSource *self, const GError *error)
{
  g_mutex_lock (&self->lock);
  self->finished = TRUE;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  else
    {
      /* Complete: every byte is there, whatever ranges were told. */
      hark_byte_ranges_clear (self->held);
      hark_byte_ranges_add (self->held, 0, self->total > 0 ? self->total : self->available);
      self->available = hark_byte_ranges_first_hole (self->held);
      self->total = self->available;
    }
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
hark_media_source_cancel (HarkMediaSource *self)
{
  g_mutex_lock (&self->lock);
  self->cancelled = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
hark_media_source_get_progress (HarkMediaSource *self, HarkMediaSourceProgress *progress)
{
  g_mutex_lock (&self->lock);
  progress->available = self->available;
  progress->held = hark_byte_ranges_get_held (self->held);
  progress->total = self->total;
  progress->complete = self->finished && self->error == NULL;
  progress->failed = self->finished && self->error != NULL;
  g_mutex_unlock (&self->lock);
}

/* Under the lock: the reader's descriptor for the current file. */
static gboolean
ensure_fd (HarkMediaSource *self, GError **error)
{
  if (self->fd >= 0 && self->fd_generation == self->generation)
    return TRUE;
  if (self->fd >= 0)
    close (self->fd);
  self->fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0)
    {
      int saved = errno;

      g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Cannot read the downloaded part of “%s”: %s."),
                   self->name, g_strerror (saved));
      return FALSE;
    }
  self->fd_generation = self->generation;
  return TRUE;
}

static void
on_reader_cancelled (GCancellable *cancellable, gpointer data)
{
  HarkMediaSource *self = data;

  g_mutex_lock (&self->lock);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Under the lock: whether a read at @offset can go on (*@end is then where its bytes end) or
 * must stop (*@result says how: 0 for the end, -1 with @error), or else must wait. */
static gboolean
read_ready (HarkMediaSource *self, guint64 offset, gboolean wait, GCancellable *cancellable,
            guint64 *end, gssize *result, GError **error)
{
  *result = 0;
  *end = 0;
  if (self->cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped reading “%s”."),
                   self->name);
      *result = -1;
      return TRUE;
    }
  if (self->path != NULL && (*end = hark_byte_ranges_end_of (self->held, offset)) > offset)
    return TRUE;
  *end = 0;
  if (self->finished)
    {
      if (self->error != NULL && (self->total == 0 || offset < self->total))
        {
          g_propagate_error (error, g_error_copy (self->error));
          *result = -1;
        }
      return TRUE;
    }
  return (self->total > 0 && offset >= self->total) || !wait;
}

static gssize
read_locked (HarkMediaSource *self, guint64 offset, void *buffer, gsize length, gboolean wait,
             GCancellable *cancellable, GError **error)
{
  gssize got;
  guint64 end;
  gboolean waiting = FALSE;

  while (!read_ready (self, offset, wait, cancellable, &end, &got, error))
    {
      if (!waiting)
        {
          /* The writer may fetch this part next instead of waiting to reach it. */
          waiting = TRUE;
          self->n_waiting++;
          self->wanted = offset;
          watch_post (self, &self->want_watch);
        }
      g_cond_wait (&self->cond, &self->lock);
    }
  if (waiting && --self->n_waiting == 0)
    self->wanted = G_MAXUINT64;
  if (end == 0 || got < 0)
    return got;
  if (!ensure_fd (self, error))
    return -1;
  length = MIN (length, end - offset);
  do
    got = pread (self->fd, buffer, length, (off_t) offset);
  while (got < 0 && errno == EINTR);
  if (got < 0)
    {
      int saved = errno;

      g_set_error (error, HARK_ERROR, HARK_ERROR_IO, _("Cannot read the downloaded part of “%s”: %s."),
                   self->name, g_strerror (saved));
    }
  else if (got == 0)
    g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                 _("The downloaded part of “%s” is shorter than the download said."), self->name);
  return got > 0 ? got : -1;
}

gssize
hark_media_source_read (HarkMediaSource *self, guint64 offset, void *buffer, gsize length,
                        gboolean wait, GCancellable *cancellable, GError **error)
{
  gulong handler = 0;
  gssize got;

  if (length == 0)
    return 0;
  /* Connected before taking the lock: the handler runs at once when already cancelled. */
  if (wait && cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (on_reader_cancelled), self, NULL);
  g_mutex_lock (&self->lock);
  got = read_locked (self, offset, buffer, length, wait, cancellable, error);
  g_mutex_unlock (&self->lock);
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  return got;
}
