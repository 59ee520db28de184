/* hark-window-recent.c — the episodes listened to last, offered by the empty window
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read from the session's library; an episode whose file is gone is not offered.
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-window-private.h"
#include "util/hark-time.h"


static void
on_recent_activated (HarkWindow *self, GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    hark_window_open (self, path, NULL);
}

/* Where the listener is in it: not started, stopped somewhere, or finished. */
char *
hark_window_describe_place (double position, double duration)
{
  g_autofree char *where = hark_time_format (position, FALSE);
  g_autofree char *length = hark_time_format (duration, FALSE);

  if (position < 1)
    /* Translators: an episode never played, "Not started · 59:11" */
    return g_strdup_printf (_("Not started · %s"), length);
  if (duration > 0 && position >= duration - HARK_LIBRARY_FINISHED_MARGIN)
    /* Translators: "Finished · 59:11" */
    return g_strdup_printf (_("Finished · %s"), length);
  /* Translators: "Stopped at 12:00 of 59:11" */
  return g_strdup_printf (_("Stopped at %s of %s"), where, length);
}

/* The empty state offers the episodes listened to last, where they still exist. */
void
hark_window_fill_recent (HarkWindow *self)
{
  HarkLibrary *library = self->session ? hark_session_get_library (self->session) : NULL;
  g_autoptr (GPtrArray) recent = library != NULL ? hark_library_list_recent (library, 5, NULL)
                                                 : NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent != NULL && i < recent->len; i++)
    {
      HarkLibraryEntry *entry = g_ptr_array_index (recent, i);
      g_autofree char *base = NULL, *subtitle = NULL;
      GtkWidget *row;

      if (entry->path == NULL || !g_file_test (entry->path, G_FILE_TEST_EXISTS))
        continue;
      base = g_path_get_basename (entry->path);
      subtitle = hark_window_describe_place (entry->position, entry->duration);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     entry->title != NULL ? entry->title : base);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (entry->path), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  self->n_recent = shown;
}

void
hark_window_class_add_recent (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);
}
