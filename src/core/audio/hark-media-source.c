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

struct _HarkMediaSource
{
  gatomicrefcount ref_count;
  char *name;
  GMutex lock;
  GCond cond;
  char *path;        /* NULL until the writer names the file */
  guint generation;  /* grows with every set_file() */
  guint64 available;
  guint64 total;
  gboolean finished;
  GError *error;     /* the writer's, when it finished failing */
  gboolean cancelled;
  int fd;            /* the reader's, opened at fd_generation */
  guint fd_generation;
};

HarkMediaSource *
hark_media_source_new (const char *name)
{
  HarkMediaSource *self = g_new0 (HarkMediaSource, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name != NULL ? name : "");
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->fd = -1;
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
  self->available = available;
  self->total = total;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
hark_media_source_set_available (HarkMediaSource *self, guint64 available)
{
  g_mutex_lock (&self->lock);
  self->available = available;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
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
    self->total = self->available;
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

static gssize
read_locked (HarkMediaSource *self, guint64 offset, void *buffer, gsize length, gboolean wait,
             GCancellable *cancellable, GError **error)
{
  gssize got;

  for (;;)
    {
      if (self->cancelled || g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped reading “%s”."),
                       self->name);
          return -1;
        }
      if (self->path != NULL && offset < self->available)
        break;
      if (self->finished)
        {
          if (self->error != NULL && (self->total == 0 || offset < self->total))
            {
              g_propagate_error (error, g_error_copy (self->error));
              return -1;
            }
          return 0;
        }
      if ((self->total > 0 && offset >= self->total) || !wait)
        return 0;
      g_cond_wait (&self->cond, &self->lock);
    }
  if (!ensure_fd (self, error))
    return -1;
  length = MIN (length, self->available - offset);
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
