/* hark-window-drop.c — files dropped on the window
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first audio file opens with the transcripts dropped beside it; transcripts alone join the
 * episode that is open.
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-window-private.h"
#include "formats/hark-sidecar.h"


/* Opens what the user gave: the first audio file, with the transcripts among the rest. */
static void
open_files (HarkWindow *self, GFile **files, guint n_files)
{
  g_autoptr (GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *audio = NULL;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        continue;
      if (hark_sidecar_is_candidate (path))
        g_ptr_array_add (sidecars, g_steal_pointer (&path));
      else if (audio == NULL)
        audio = g_steal_pointer (&path);
    }
  /* Transcripts alone are added to the episode that is open. */
  if (audio == NULL && sidecars->len > 0 && hark_session_get_snapshot (self->session)->path != NULL)
    audio = g_strdup (hark_session_get_snapshot (self->session)->path);
  if (audio == NULL && sidecars->len == 0)
    {
      hark_window_show_toast (self, _("Hark can only open audio files and transcripts"), NULL, NULL);
      return;
    }
  g_ptr_array_add (sidecars, NULL);
  hark_window_open (self, audio, sidecars->len > 1 ? (const char *const *) sidecars->pdata : NULL);
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, HarkWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr (GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* Files dropped on the window open like files given on the command line. */
void
hark_window_setup_drop (HarkWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
