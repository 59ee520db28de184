/* hark-ui-test.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-ui-test.h"

static gboolean have_display;

gboolean
hark_ui_test_init (int *argc, char ***argv)
{
  g_test_init (argc, argv, NULL);
  have_display = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL) &&
                 gtk_init_check ();
  if (have_display)
    adw_init ();
  return have_display;
}

gboolean
hark_ui_test_have_display (void)
{
  if (!have_display)
    g_test_skip ("no display (DISPLAY and WAYLAND_DISPLAY unset): run the UI tests inside "
                 "tests/harness/hark-test-session, which provides Xvfb");
  return have_display;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
hark_ui_test_wait_until (HarkUiTestCondition condition, gpointer user_data, double timeout_s,
                         const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add ((guint) (timeout_s * 1000), on_timeout, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("waited %.0f s in vain for %s", timeout_s, what);
  g_source_remove (id);
}

static gboolean
count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  guint *left = user_data;

  if (*left > 0)
    (*left)--;
  return *left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
no_frames_left (gpointer user_data)
{
  return *(guint *) user_data == 0;
}

void
hark_ui_test_wait_frames (GtkWidget *widget, guint n_frames)
{
  guint left = n_frames;

  gtk_widget_add_tick_callback (widget, count_frame, &left, NULL);
  hark_ui_test_wait_until (no_frames_left, &left, 30, "frames to be drawn");
}

/* One application for the whole program: its D-Bus objects stay exported until the process
 * ends, so a second instance could not register. Each test gets a fresh window instead. */
static HarkApplication *shared_app;

HarkApplication *
hark_ui_test_app_new (void)
{
  HarkWindow *window;

  if (shared_app == NULL)
    {
      g_autoptr (GError) error = NULL;

      shared_app = hark_application_new (G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (shared_app), NULL, &error));
      g_assert_no_error (error);
      /* Keep it alive between windows, as the running program would be. */
      g_application_hold (G_APPLICATION (shared_app));
    }
  g_application_activate (G_APPLICATION (shared_app));
  window = hark_application_get_window (shared_app);
  hark_ui_test_wait_frames (GTK_WIDGET (window), 3);
  return g_object_ref (shared_app);
}

static gboolean
no_windows (gpointer user_data)
{
  return gtk_application_get_windows (user_data) == NULL;
}

void
hark_ui_test_app_free (HarkApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  if (windows != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  hark_ui_test_wait_until (no_windows, app, 10, "the window to go");
  g_object_unref (app);
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Shown;

static void
on_shown (HarkWindow *window, gboolean ok, Shown *shown)
{
  shown->done = TRUE;
  shown->ok = ok;
}

static gboolean
is_shown (gpointer user_data)
{
  return ((Shown *) user_data)->done;
}

gboolean
hark_ui_test_open (HarkWindow *window, const char *audio, const char *const *sidecars)
{
  Shown shown = { FALSE, FALSE };
  gulong id = g_signal_connect (window, "episode-shown", G_CALLBACK (on_shown), &shown);

  hark_window_open (window, audio, sidecars);
  hark_ui_test_wait_until (is_shown, &shown, 60, "the episode to load");
  g_signal_handler_disconnect (window, id);
  hark_ui_test_wait_frames (GTK_WIDGET (window), 3);
  return shown.ok;
}

char *
hark_ui_test_screenshot (GtkWidget *widget, const char *name)
{
  const char *build = g_getenv ("HARK_BUILD_DIR");
  g_autofree char *dir = g_build_filename (build != NULL ? build : ".", "tests", "ui",
                                           "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* Render what is there now, not what was painted last. */
  gtk_widget_queue_draw (widget);
  hark_ui_test_wait_frames (widget, 2);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return path;
}
