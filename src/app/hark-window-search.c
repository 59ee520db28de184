/* hark-window-search.c — Ctrl+F: find text in the transcript
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matches are the reading's (hark_reading_search()), limited to the rows the list shows;
 * HarkTranscriptView highlights them. Enter / Shift+Enter move between them, starting from the
 * first one after now.
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-window-private.h"


static void
show_search_match (HarkWindow *self)
{
  g_autofree char *count = NULL;

  if (self->search_matches == NULL || self->search_matches->len == 0)
    {
      hark_transcript_view_show_match (self->transcript_view, -1);
      gtk_label_set_label (self->search_count,
                           self->search_query != NULL && *self->search_query != '\0'
                             ? _("No results") : "");
      return;
    }
  count = g_strdup_printf (_("%d of %u"), self->search_index + 1, self->search_matches->len);
  gtk_label_set_label (self->search_count, count);
  hark_transcript_view_show_match (
    self->transcript_view,
    g_array_index (self->search_matches, HarkReadingMatch, self->search_index).row);
}

void
hark_window_search (HarkWindow *self, const char *query)
{
  double position = hark_window_get_position (self);

  g_free (self->search_query);
  self->search_query = query != NULL && *query != '\0' ? g_strdup (query) : NULL;
  g_clear_pointer (&self->search_matches, g_array_unref);
  self->search_index = -1;
  if (self->reading != NULL && self->search_query != NULL)
    {
      GArray *all = hark_reading_search (self->reading, self->search_query);
      const HarkReadingRow *rows = hark_reading_get_rows (self->reading, NULL);

      /* Only rows the list shows; start from the first match after now. */
      self->search_matches = g_array_new (FALSE, FALSE, sizeof (HarkReadingMatch));
      for (guint i = 0; i < all->len; i++)
        {
          HarkReadingMatch *m = &g_array_index (all, HarkReadingMatch, i);

          if (!hark_transcript_view_is_shown (self->transcript_view, m->row))
            continue;
          if (self->search_index < 0 && rows[m->row].start >= position)
            self->search_index = self->search_matches->len;
          g_array_append_val (self->search_matches, *m);
        }
      g_array_unref (all);
      if (self->search_index < 0)
        self->search_index = 0;
    }

  hark_transcript_view_set_query (self->transcript_view, self->search_query);
  show_search_match (self);
}

static void
on_search_changed (HarkWindow *self)
{
  hark_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
move_search (HarkWindow *self, int direction)
{
  guint n = self->search_matches != NULL ? self->search_matches->len : 0;

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  self->search_index = (self->search_index + direction + n) % n;
  show_search_match (self);
}

static void
on_search_next (HarkWindow *self)
{
  move_search (self, +1);
}

static void
on_search_previous (HarkWindow *self)
{
  move_search (self, -1);
}

static void
on_search_stop (HarkWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Ctrl+Enter in the search entry: go and listen to the match. */
static gboolean
on_search_seek (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  HarkWindow *self = HARK_WINDOW (user_data);
  int row = hark_transcript_view_get_match_row (self->transcript_view);

  if (row < 0)
    return FALSE;
  hark_window_seek (self, hark_reading_get_rows (self->reading, NULL)[row].start);
  hark_window_set_following (self, TRUE);
  return TRUE;
}

static gboolean
on_search_shift_enter (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  move_search (HARK_WINDOW (user_data), -1);
  return TRUE;
}

void
hark_window_class_add_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
}

/* Shift+Enter goes back a match, Ctrl+Enter listens from the match. */
void
hark_window_setup_search (HarkWindow *self)
{
  GtkEventController *entry_keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (entry_keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (entry_keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return"),
                      gtk_callback_action_new (on_search_shift_enter, self, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (entry_keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                      gtk_callback_action_new (on_search_seek, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), entry_keys);
}
