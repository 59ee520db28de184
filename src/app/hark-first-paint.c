/* hark-first-paint.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-first-paint.h"

#include <stdio.h>

typedef struct
{
  GApplication *app;
  const char *what;
  gboolean quit;
} Report;

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  Report *report = user_data;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  printf ("first-paint %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (), report->what);
  fflush (stdout);
  if (report->quit)
    g_application_quit (report->app);
  g_free (report);
}

static void
report_next_frame (GtkWidget *widget, const char *what, gboolean quit)
{
  Report *report = g_new0 (Report, 1);

  report->app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));
  report->what = what;
  report->quit = quit;
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint), report);
  gtk_widget_queue_draw (widget);
}

static void
on_episode_shown (HarkWindow *window, gboolean ok, gpointer user_data)
{
  report_next_frame (GTK_WIDGET (window), ok ? "transcript" : "failed", TRUE);
}

/* After the command line was handled: the first frame shows either the empty window or the
 * episode open (title, player, and the spinner while the transcript is read). */
static gboolean
report_first_frame (gpointer user_data)
{
  GtkWidget *window = user_data;
  gboolean empty = !hark_window_is_loading (HARK_WINDOW (window)) &&
                   hark_session_get_snapshot (hark_window_get_session (HARK_WINDOW (window)))->state
                     == HARK_PLAYER_STATE_EMPTY;

  report_next_frame (window, empty ? "empty" : "opened", empty);
  return G_SOURCE_REMOVE;
}

static void
on_map (GtkWidget *window, gpointer user_data)
{
  g_idle_add_full (G_PRIORITY_HIGH, report_first_frame, g_object_ref (window), g_object_unref);
}

static void
on_window_added (GtkApplication *app, GtkWindow *window, gpointer user_data)
{
  if (!HARK_IS_WINDOW (window))
    return;
  g_signal_connect (window, "episode-shown", G_CALLBACK (on_episode_shown), NULL);
  g_signal_connect_after (window, "map", G_CALLBACK (on_map), NULL);
}

void
hark_first_paint_watch (HarkApplication *app)
{
  if (g_getenv ("HARK_REPORT_FIRST_PAINT") == NULL)
    return;
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
}
