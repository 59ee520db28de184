/* hark-window-sleep.c — the sleep timer's menu: stop after some minutes or at an end
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "win.sleep" (s) holds the choice: "off", a number of minutes, "chapter" or "episode". The
 * session runs the timer (fade and pause); when it has fired, the choice goes back to "off".
 */
#include "hark-config.h"

#include "hark-window-private.h"

static const char *
target_of_session (HarkWindow *self)
{
  switch (hark_session_get_sleep_mode (self->session))
    {
    case HARK_SLEEP_AFTER_MINUTES:
      return NULL; /* the minutes chosen stay shown */
    case HARK_SLEEP_END_OF_CHAPTER:
      return "chapter";
    case HARK_SLEEP_END_OF_EPISODE:
      return "episode";
    case HARK_SLEEP_OFF:
    default:
      return "off";
    }
}

static void
on_sleep_change_state (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  HarkWindow *self = user_data;
  const char *target = g_variant_get_string (value, NULL);
  HarkSleepMode mode = HARK_SLEEP_OFF;
  double minutes = 0;

  if (g_str_equal (target, "chapter"))
    mode = HARK_SLEEP_END_OF_CHAPTER;
  else if (g_str_equal (target, "episode"))
    mode = HARK_SLEEP_END_OF_EPISODE;
  else if (!g_str_equal (target, "off"))
    {
      mode = HARK_SLEEP_AFTER_MINUTES;
      minutes = g_ascii_strtod (target, NULL);
    }
  if (!hark_session_set_sleep (self->session, mode, minutes))
    return;
  g_simple_action_set_state (action, value);
}

/* The session changed something: when the timer has fired (or was turned off elsewhere), the
 * menu says so. */
void
hark_window_sync_sleep (HarkWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "sleep");
  const char *target = target_of_session (self);
  g_autoptr (GVariant) state = NULL;

  if (action == NULL || target == NULL)
    return;
  state = g_action_get_state (action);
  if (g_str_equal (g_variant_get_string (state, NULL), target))
    return;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (target));
}

/* The choices are a submenu of the main menu (ui/hark-window.ui), which shows the one made. */
void
hark_window_setup_sleep (HarkWindow *self)
{
  g_autoptr (GSimpleAction) action = g_simple_action_new_stateful ("sleep", G_VARIANT_TYPE_STRING,
                                                                    g_variant_new_string ("off"));

  g_signal_connect (action, "change-state", G_CALLBACK (on_sleep_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}
