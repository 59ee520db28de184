/* hark-window-context.c — what the window says about the episode
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header names the episode and its show (the file name only when the tags say nothing),
 * the player bar shows the cover and the chapter being heard, and controls that need a
 * transcript are insensitive without one rather than doing nothing.
 */
#include "hark-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hark-window-private.h"
#include "library/hark-library-context.h"

/* The cover is a file the session wrote (or found beside the audio): read off the main thread,
 * as a large picture would stall a frame. */
static void
read_art (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GFile) file = g_file_new_for_uri (task_data);
  GError *error = NULL;
  GdkTexture *texture = gdk_texture_new_from_file (file, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
on_art_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  HarkWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = HARK_WINDOW (source);
  if (error != NULL)
    g_debug ("cover art: %s", error->message);
  hark_player_bar_set_art (self->player_bar, GDK_PAINTABLE (texture));
}

static void
show_art (HarkWindow *self, const char *art_url)
{
  g_autoptr (GTask) task = NULL;

  if (g_strcmp0 (art_url, self->art_url) == 0)
    return;
  g_free (self->art_url);
  self->art_url = g_strdup (art_url);
  g_cancellable_cancel (self->art_cancellable);
  g_clear_object (&self->art_cancellable);
  hark_player_bar_set_art (self->player_bar, NULL);
  if (art_url == NULL)
    return;
  self->art_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->art_cancellable, on_art_read, NULL);
  g_task_set_task_data (task, g_strdup (art_url), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, read_art);
}

/* What the library knows of the file open: its show and artwork when it is a download. */
static HarkLibraryContext *
find_library_context (HarkWindow *self, const char *path)
{
  HarkLibrary *library = hark_session_get_library (self->session);
  g_autofree char *absolute = NULL;
  g_autoptr (GError) error = NULL;
  HarkLibraryContext *context;

  if (library == NULL)
    return NULL;
  absolute = g_canonicalize_filename (path, NULL);
  context = hark_library_find_context (library, absolute,
                                       hark_session_get_library_key (self->session), &error);
  if (error != NULL)
    g_debug ("library context: %s", error->message);
  return context;
}

/* Title and show: the tags' title (else the file name); the show from the library when the file
 * is one of its downloads, else from the tags' artist, else the file name. The cover: the file's
 * own (or one beside it), else the feed's (the session finds either). What the transcript was read from goes in the
 * title's tooltip. */
void
hark_window_show_context (HarkWindow *self)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (self->session);
  HarkEpisode *episode = hark_session_get_episode (self->session);
  g_autofree char *base = NULL, *sources = NULL;
  g_autoptr (HarkLibraryContext) context = NULL;
  const char *show, *title;

  if (snap->path == NULL)
    return;
  base = g_path_get_basename (snap->path);
  context = find_library_context (self, snap->path);
  title = snap->title;
  /* A download without tags is titled by its file name: the feed's title says more. */
  if (context != NULL && context->episode_title != NULL &&
      (title == NULL || (g_str_has_prefix (base, title) &&
                         (base[strlen (title)] == '\0' || base[strlen (title)] == '.'))))
    title = context->episode_title;
  if (title != NULL)
    {
      adw_window_title_set_title (self->window_title, title);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  if (context != NULL && context->show_title != NULL)
    show = context->show_title;
  else if (snap->artist != NULL && g_strcmp0 (snap->artist, title) != 0)
    show = snap->artist;
  else
    show = base;
  adw_window_title_set_subtitle (self->window_title, show);
  if (episode != NULL)
    sources = hark_window_describe_sources (episode);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), sources);
  show_art (self, snap->art_url);
  hark_player_bar_set_chapter (self->player_bar, snap->chapter_title);
}

/* The chapter being heard changed (or may have). */
void
hark_window_show_chapter (HarkWindow *self)
{
  hark_player_bar_set_chapter (self->player_bar,
                               hark_session_get_snapshot (self->session)->chapter_title);
}

/* Nothing is open (closed, or a file that could not be played): the window is Hark again. */
void
hark_window_clear_context (HarkWindow *self)
{
  adw_window_title_set_title (self->window_title, _("Hark"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Hark"));
  show_art (self, NULL);
  hark_player_bar_set_chapter (self->player_bar, NULL);
}

/* Speakers, the answer arrows and search need turns: without a transcript they are off. */
void
hark_window_set_has_transcript (HarkWindow *self, gboolean has_transcript)
{
  hark_player_bar_set_has_transcript (self->player_bar, has_transcript);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-answer", has_transcript);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-answer", has_transcript);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-speaker", has_transcript);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), has_transcript);
}
