/* hark-first-paint.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-first-paint.h"

#include <stdio.h>

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  GApplication *app = user_data;
  const char *what = g_object_get_data (G_OBJECT (clock), "hark-first-paint-what");

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  printf ("first-paint %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (), what);
  fflush (stdout);
  g_application_quit (app);
}

static void
report_next_frame (GtkWidget *widget, GApplication *app, const char *what)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_object_set_data (G_OBJECT (clock), "hark-first-paint-what", (gpointer) what);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), app);
  gtk_widget_queue_draw (widget);
}

static void
on_episode_shown (HarkWindow *window, gboolean ok, GApplication *app)
{
  report_next_frame (GTK_WIDGET (window), app, ok ? "episode" : "failed");
}

static void
on_map (GtkWidget *window, GApplication *app)
{
  if (!hark_window_is_loading (HARK_WINDOW (window)) &&
      hark_player_get_state (hark_window_get_player (HARK_WINDOW (window))) ==
        HARK_PLAYER_STATE_EMPTY)
    report_next_frame (window, app, "empty");
}

static void
on_window_added (GtkApplication *app, GtkWindow *window, gpointer user_data)
{
  if (!HARK_IS_WINDOW (window))
    return;
  g_signal_connect (window, "episode-shown", G_CALLBACK (on_episode_shown), app);
  g_signal_connect_after (window, "map", G_CALLBACK (on_map), app);
}

void
hark_first_paint_watch (HarkApplication *app)
{
  if (g_getenv ("HARK_REPORT_FIRST_PAINT") == NULL)
    return;
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
}
