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
      if (hark_sidecar_is_named_candidate (path))
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

/* A transcript joins the episode that is open: it is opened again with it, where it was. */
void
hark_window_add_transcript (HarkWindow *self, const char *path)
{
  const char *open = hark_session_get_snapshot (self->session)->path;
  const char *sidecars[] = { path, NULL };
  g_autofree char *audio = g_strdup (open);

  if (audio == NULL)
    {
      hark_window_show_toast (self, _("Open an episode first, then add its transcript"), NULL,
                              NULL);
      return;
    }
  /* Read into the session that is playing: the place, speed and play state stay as they are.
   * Only while the episode is still opening is it opened again with the transcript. */
  if (hark_session_add_transcript (self->session, path))
    g_object_set_data (G_OBJECT (self), HARK_WINDOW_ADDING_TRANSCRIPT, GINT_TO_POINTER (1));
  else
    hark_window_open (self, audio, sidecars);
}

static void
on_transcript_chosen (GtkNativeDialog *chooser, int response, HarkWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        hark_window_add_transcript (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->transcript_chooser);
}

/* "win.add-transcript": choose a transcript file for the episode that is open. */
static void
action_add_transcript (GtkWidget *widget, const char *name, GVariant *param)
{
  HarkWindow *self = HARK_WINDOW (widget);
  const char *audio = hark_session_get_snapshot (self->session)->path;
  GtkFileFilter *transcripts = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();
  static const char *const suffixes[] = { "vtt", "srt", "json", "txt", "md", "mdx", "tsv",
                                          "html", "htm", "xml", "ttml", "sbv", "lrc" };

  if (self->transcript_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->transcript_chooser));
      return;
    }
  self->transcript_chooser = gtk_file_chooser_native_new (_("Add a Transcript"), GTK_WINDOW (self),
                                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                                          _("_Cancel"));
  gtk_file_filter_set_name (transcripts, _("Transcripts and captions"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (transcripts, suffixes[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->transcript_chooser), transcripts);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->transcript_chooser), all);
  g_object_unref (transcripts);
  g_object_unref (all);
  if (audio != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (audio);
      g_autoptr (GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->transcript_chooser), folder,
                                             NULL);
    }
  g_signal_connect (self->transcript_chooser, "response", G_CALLBACK (on_transcript_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->transcript_chooser));
}

void
hark_window_class_add_drop (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-transcript", NULL,
                                   action_add_transcript);
}
