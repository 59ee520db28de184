/* hark-subscriptions-opml.c — OPML import into the library, export from it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "subscriptions/hark-subscriptions-opml.h"

#include "feeds/hark-opml.h"

GPtrArray *
hark_subscriptions_import_opml (HarkLibrary *library, const char *data, gsize length,
                                const char *name, GError **error)
{
  g_autoptr (GPtrArray) outlines = hark_opml_parse (data, length, name, error);
  g_autoptr (GPtrArray) shows = NULL;

  if (outlines == NULL)
    return NULL;
  shows = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_show_free);
  for (guint i = 0; i < outlines->len; i++)
    {
      const HarkOpmlOutline *o = g_ptr_array_index (outlines, i);
      HarkShow *show;

      if (hark_library_add_show (library, o->url, error) == 0
          || (show = hark_library_find_show (library, o->url, error)) == NULL)
        return NULL;
      g_ptr_array_add (shows, show);
    }
  return g_steal_pointer (&shows);
}

char *
hark_subscriptions_export_opml (HarkLibrary *library, GError **error)
{
  g_autoptr (GPtrArray) shows = hark_library_list_shows (library, error);
  g_autoptr (GPtrArray) outlines = NULL;

  if (shows == NULL)
    return NULL;
  outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_opml_outline_free);
  for (guint i = 0; i < shows->len; i++)
    {
      const HarkShow *s = g_ptr_array_index (shows, i);
      HarkOpmlOutline *o = g_new0 (HarkOpmlOutline, 1);
      o->url = g_strdup (s->feed_url);
      o->title = g_strdup (s->title);
      o->link = g_strdup (s->link);
      g_ptr_array_add (outlines, o);
    }
  return hark_opml_write (outlines, "Hark subscriptions");
}
