/* hark-file-saver.c — one small file kept up to date from a worker thread
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-file-saver.h"

struct _HarkFileSaver
{
  gatomicrefcount refs;
  char *path;
  GMutex lock;
  GCond idle;
  char *pending;     /* the newest text not yet taken by the worker */
  gboolean busy;     /* a worker job is queued or running */
  guint n_written;
  char *last_error;
};

static void save_job (gpointer data, gpointer user_data);

static GThreadPool *
get_pool (void)
{
  static gsize once;
  static GThreadPool *pool;

  if (g_once_init_enter (&once))
    {
      /* Shared, non-exclusive: idle threads are let go; each saver has one job at most. */
      pool = g_thread_pool_new (save_job, NULL, 2, FALSE, NULL);
      g_once_init_leave (&once, 1);
    }
  return pool;
}

HarkFileSaver *
hark_file_saver_new (const char *path)
{
  HarkFileSaver *self = g_new0 (HarkFileSaver, 1);

  g_atomic_ref_count_init (&self->refs);
  self->path = g_strdup (path);
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  return self;
}

void
hark_file_saver_unref (HarkFileSaver *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->refs))
    return;
  g_free (self->path);
  g_free (self->pending);
  g_free (self->last_error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);
  g_free (self);
}

static void
save_job (gpointer data, gpointer user_data)
{
  HarkFileSaver *self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_mutex_lock (&self->lock);
  while ((text = g_steal_pointer (&self->pending)) != NULL)
    {
      g_mutex_unlock (&self->lock);
      g_clear_error (&error);
      g_file_set_contents_full (self->path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                  &error);
      g_clear_pointer (&text, g_free);
      g_mutex_lock (&self->lock);
      self->n_written++;
      g_free (self->last_error);
      self->last_error = error ? g_strdup (error->message) : NULL;
    }
  self->busy = FALSE;
  g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
  hark_file_saver_unref (self);
}

void
hark_file_saver_save (HarkFileSaver *self, const char *text)
{
  g_mutex_lock (&self->lock);
  g_free (self->pending);
  self->pending = g_strdup (text);
  if (!self->busy)
    {
      self->busy = TRUE;
      g_atomic_ref_count_inc (&self->refs);
      g_thread_pool_push (get_pool (), self, NULL);
    }
  g_mutex_unlock (&self->lock);
}

void
hark_file_saver_drain (HarkFileSaver *self, gboolean discard)
{
  g_mutex_lock (&self->lock);
  if (discard)
    g_clear_pointer (&self->pending, g_free);
  while (self->busy)
    g_cond_wait (&self->idle, &self->lock);
  g_mutex_unlock (&self->lock);
}

guint
hark_file_saver_get_n_written (HarkFileSaver *self, char **last_error)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->n_written;
  if (last_error)
    *last_error = g_strdup (self->last_error);
  g_mutex_unlock (&self->lock);
  return n;
}
