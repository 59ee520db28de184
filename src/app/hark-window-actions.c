/* hark-window-actions.c — the window's win.* actions and its single-key shortcuts
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Playback keys go to the application's actions (app.play-pause, app.back, …), which reach the
 * session; what only concerns this window (back to now, Unskip, Skip, search, the chosen
 * speaker, copy) is a win.* action here.
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-window-private.h"


static void
action_back_to_now (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_window_set_following (HARK_WINDOW (widget), TRUE);
}

static void
action_unskip (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_window_unskip (HARK_WINDOW (widget));
}

static void
action_skip_segment (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_session_skip_offered (HARK_WINDOW (widget)->session);
}

static void
action_toast (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_window_show_toast (HARK_WINDOW (widget), g_variant_get_string (param, NULL), NULL, NULL);
}

static void
action_dismiss_banner (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_window_show_banner (HARK_WINDOW (widget), NULL);
}

static void
action_search (GtkWidget *widget, const char *name, GVariant *param)
{
  HarkWindow *self = HARK_WINDOW (widget);

  if (self->reading == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_choose_speaker (GtkWidget *widget, const char *name, GVariant *param)
{
  HarkWindow *self = HARK_WINDOW (widget);

  if (self->reading != NULL)
    hark_window_choose_speaker (self, g_variant_get_int32 (param));
}

static void
action_answer (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_window_next_answer (HARK_WINDOW (widget), NULL,
                           g_str_equal (name, "win.next-answer") ? +1 : -1);
}

static void
action_copy_current (GtkWidget *widget, const char *name, GVariant *param)
{
  HarkWindow *self = HARK_WINDOW (widget);
  g_autofree char *quote = NULL;
  int row = hark_transcript_view_get_current_row (self->transcript_view);

  if (self->reading == NULL || row < 0)
    return;
  quote = hark_reading_row_to_markdown (self->reading, row);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), quote);
  hark_window_show_toast (self, _("Copied as quote"), NULL, NULL);
}

static void
add_shortcut (GtkShortcutController *controller, const char *trigger, const char *action,
              GVariant *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Single keys (arrows, N, P, brackets; Space, U and S are in hark-window-keys.c) must not steal typing from the search entry, so
 * they live in a bubble-phase controller: the entry sees them first. Application accelerators
 * run before the focus widget and are only for chords. */
void
hark_window_setup_shortcuts (HarkWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  add_shortcut (shortcuts, "Left", "app.back", NULL);
  add_shortcut (shortcuts, "Right", "app.forward", NULL);
  add_shortcut (shortcuts, "n", "app.next-turn", NULL);
  add_shortcut (shortcuts, "p", "app.previous-turn", NULL);
  add_shortcut (shortcuts, "bracketleft", "app.slower", NULL);
  add_shortcut (shortcuts, "bracketright", "app.faster", NULL);
  add_shortcut (shortcuts, "<Control>plus", "win.text-larger", NULL);
  add_shortcut (shortcuts, "<Control>equal", "win.text-larger", NULL);
  add_shortcut (shortcuts, "<Control>KP_Add", "win.text-larger", NULL);
  add_shortcut (shortcuts, "<Control>minus", "win.text-smaller", NULL);
  add_shortcut (shortcuts, "<Control>KP_Subtract", "win.text-smaller", NULL);
  add_shortcut (shortcuts, "<Control>0", "win.text-normal", NULL);
  add_shortcut (shortcuts, "<Control>KP_0", "win.text-normal", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
hark_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back-to-now", NULL, action_back_to_now);
  gtk_widget_class_install_action (widget_class, "win.unskip", NULL, action_unskip);
  gtk_widget_class_install_action (widget_class, "win.skip-segment", NULL, action_skip_segment);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", action_toast);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, action_dismiss_banner);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.choose-speaker", "i", action_choose_speaker);
  gtk_widget_class_install_action (widget_class, "win.next-answer", NULL, action_answer);
  gtk_widget_class_install_action (widget_class, "win.previous-answer", NULL, action_answer);
  gtk_widget_class_install_property_action (widget_class, "win.filter-speaker", "filter-speaker");
  gtk_widget_class_install_action (widget_class, "win.copy-current", NULL, action_copy_current);
}
