/* hark-resume.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-resume.h"

#include "hark-library.h"

struct _HarkResume
{
  HarkLibrary *library; /* NULL when it could not be opened */
  char *key;
  char *path;
  char *title;
  double duration;
  gboolean failing; /* the last save failed and was reported */
};

HarkResume *
hark_resume_new (const char *path, GError **error)
{
  HarkResume *self = g_new0 (HarkResume, 1);

  self->library = hark_library_open (path, error);
  return self;
}

void
hark_resume_free (HarkResume *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->library, hark_library_free);
  g_free (self->key);
  g_free (self->path);
  g_free (self->title);
  g_free (self);
}

void
hark_resume_set_episode (HarkResume *self, const char *key, const char *path, const char *title,
                         double duration)
{
  g_free (self->key);
  g_free (self->path);
  g_free (self->title);
  self->key = g_strdup (key);
  self->path = g_strdup (path);
  self->title = g_strdup (title);
  self->duration = duration;
}

gboolean
hark_resume_lookup (HarkResume *self, gboolean rewind, double *position, double *speed)
{
  g_autoptr (HarkLibraryEntry) entry = NULL;

  if (self->library == NULL || self->key == NULL)
    return FALSE;
  entry = hark_library_lookup (self->library, self->key, NULL);
  if (entry == NULL)
    return FALSE;
  *position = hark_library_entry_get_resume_position (entry, g_get_real_time () / G_USEC_PER_SEC,
                                                      rewind);
  *speed = entry->speed;
  return TRUE;
}

gboolean
hark_resume_save (HarkResume *self, double position, double speed, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (self->library == NULL || self->key == NULL)
    return TRUE;
  if (hark_library_save (self->library, self->key, self->path, self->title, self->duration,
                         position, speed, &local_error))
    {
      self->failing = FALSE;
      return TRUE;
    }
  if (self->failing)
    return TRUE;
  self->failing = TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

GPtrArray *
hark_resume_list_recent (HarkResume *self, guint limit)
{
  GPtrArray *recent = NULL;

  if (self->library != NULL)
    recent = hark_library_list_recent (self->library, limit, NULL);
  return recent != NULL ? recent : g_ptr_array_new_with_free_func ((GDestroyNotify) hark_library_entry_free);
}
