/* hark-window-library.c — the library as a page of the window
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library view is one more page of the window's stack, with its own header bars (the
 * window's hides while it shows). The window starts on it when there are subscriptions and no
 * file was given; "nav.library" goes there, "nav.add-show" subscribes from the empty state.
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-window-private.h"

/* The page the library returns to with "Now Playing". */
#define RETURN_PAGE "hark-return-page"

static GtkWidget *
get_header_bar (HarkWindow *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self->window_title), ADW_TYPE_HEADER_BAR);
}

static void
on_page_changed (HarkWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  gboolean library = g_strcmp0 (name, "library") == 0;

  gtk_widget_set_visible (get_header_bar (self), !library);
  if (library)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      hark_library_view_reload (self->library_view);
    }
  else if (name != NULL && g_strcmp0 (name, "empty") != 0)
    g_object_set_data_full (G_OBJECT (self), RETURN_PAGE, g_strdup (name), g_free);
  hark_library_view_set_can_return (self->library_view,
                                    g_object_get_data (G_OBJECT (self), RETURN_PAGE) != NULL);
}

void
hark_window_show_library (HarkWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "library");
}

static void
on_open_episode (HarkWindow *self, const char *path, gint64 row)
{
  hark_window_open_episode (self, path, row);
}

static void
on_open_stream (HarkWindow *self, HarkEpisodeStream *stream)
{
  hark_window_open_stream (self, stream);
}

static void
on_now_playing (HarkWindow *self)
{
  const char *page = g_object_get_data (G_OBJECT (self), RETURN_PAGE);
  gtk_stack_set_visible_child_name (self->stack, page != NULL ? page : "empty");
}

static void
action_library (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  hark_window_show_library (data);
}

static void
action_add_show (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkWindow *self = data;

  hark_window_show_library (self);
  hark_library_view_add_show (self->library_view);
}

void
hark_window_setup_library (HarkWindow *self)
{
  static const GActionEntry entries[] = {
    { "library", action_library },
    { "add-show", action_add_show },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("go-previous-symbolic");

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "nav", G_ACTION_GROUP (group));

  self->library_view = HARK_LIBRARY_VIEW (hark_library_view_new ());
  hark_library_view_set_library (self->library_view, hark_session_get_library (self->session));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->library_view), "library");
  g_signal_connect_swapped (self->library_view, "open-episode", G_CALLBACK (on_open_episode),
                            self);
  g_signal_connect_swapped (self->library_view, "open-stream", G_CALLBACK (on_open_stream), self);
  g_signal_connect_swapped (self->library_view, "now-playing", G_CALLBACK (on_now_playing), self);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "nav.library");
  gtk_widget_set_tooltip_text (button, _("Library"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Library"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (get_header_bar (self)), button);

  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (on_page_changed), self);
  /* Subscriptions and nothing opened yet: the library is where listening starts. */
  if (hark_library_view_has_shows (self->library_view)
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    hark_window_show_library (self);
}
