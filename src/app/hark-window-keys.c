/* hark-window-keys.c — keys that mean the same wherever the focus is
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Space plays or pauses, U unskips, S skips what is offered and Ctrl+C copies the selected turn,
 * whether the focus is on a button, a row just clicked or the seek bar: a focused button would
 * otherwise take Space as "press me" and the list would take it as "select". So they are seen in
 * the capture phase, before the focus widget. Text entries keep every key, and keys typed in a
 * popover or dialog (another surface) are theirs. The library and the empty page are for
 * browsing, not listening: there a focused button or row keeps Space, U and S.
 */
#include "hark-config.h"

#include "hark-window-private.h"

static gboolean
focus_is_editable (HarkWindow *self)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (self)); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_EDITABLE (w))
      return TRUE;
  return FALSE;
}

static gboolean
page_is_for_listening (HarkWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  return g_strcmp0 (page, "library") != 0 && g_strcmp0 (page, "empty") != 0;
}

static const char *
action_for_key (guint keyval, GdkModifierType mods)
{
  if (mods == 0)
    switch (keyval)
      {
      case GDK_KEY_space:
      case GDK_KEY_KP_Space:
        return "app.play-pause";
      case GDK_KEY_u:
        return "win.unskip";
      case GDK_KEY_s:
        return "win.skip-segment";
      default:
        return NULL;
      }
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_c || keyval == GDK_KEY_Insert))
    return "win.copy-current";
  return NULL;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, HarkWindow *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  const char *action = action_for_key (gdk_keyval_to_lower (keyval), mods);

  if (action == NULL || focus_is_editable (self))
    return FALSE;
  if (mods == 0 && !page_is_for_listening (self))
    return FALSE;
  if (event != NULL &&
      gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (self)))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

void
hark_window_setup_keys (HarkWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
