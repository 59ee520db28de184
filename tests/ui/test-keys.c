/* test-keys.c — real key presses (XTest on the X server) reach the right place
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are typed through the X server, as a keyboard would, so what is tested is where GTK
 * delivers them (a focused button, a clicked row, the search entry), not only what an action
 * does. Runs only on X11 (Xvfb under tests/harness/hark-test-session).
 */
#include <math.h>

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "hark-test-util.h"
#include "hark-ui-test.h"

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
  Display *xdisplay;
  GSettings *settings;
  GVariant *old_policy;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GdkDisplay *display;

  if (!hark_ui_test_have_display ())
    return;
  display = gdk_display_get_default ();
  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_skip ("typing keys needs X11 (XTest)");
      return;
    }
  f->xdisplay = gdk_x11_display_get_xdisplay (display);
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
  f->settings = g_settings_new ("org.hark.Hark");
  f->old_policy = g_settings_get_value (f->settings, "category-policy");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->settings != NULL)
    {
      g_settings_set_value (f->settings, "category-policy", f->old_policy);
      g_settings_reset (f->settings, "transcript-text-scale");
    }
  g_clear_pointer (&f->old_policy, g_variant_unref);
  g_clear_object (&f->settings);
  if (f->app != NULL)
    hark_ui_test_app_free (f->app);
}

static gboolean
has_x_focus (gpointer user_data)
{
  Fixture *f = user_data;

  return gtk_window_is_active (GTK_WINDOW (f->window));
}

static gboolean
open_ep189 (Fixture *f)
{
  g_autofree char *audio = NULL;

  if (f->app == NULL)
    return FALSE;
  audio = hark_test_fixture ("ep189/ep189.opus");
  if (audio == NULL)
    return FALSE;
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  hark_ui_test_wait_until (has_x_focus, f, 10, "the window to have the keyboard");
  g_assert_true (hark_ui_test_open (f->window, audio, NULL));
  g_assert_nonnull (hark_window_get_reading (f->window));
  return TRUE;
}

static void
activate (Fixture *f, const char *action, GVariant *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), action, parameter);
}

/* Types @keysym with @modifier (a modifier keysym, or 0) held, then lets GTK handle it. */
static void
type_key (Fixture *f, KeySym modifier, KeySym keysym)
{
  KeyCode mod = modifier != 0 ? XKeysymToKeycode (f->xdisplay, modifier) : 0;
  KeyCode key = XKeysymToKeycode (f->xdisplay, keysym);

  g_assert_cmpuint (key, !=, 0);
  if (mod != 0)
    XTestFakeKeyEvent (f->xdisplay, mod, True, CurrentTime);
  XTestFakeKeyEvent (f->xdisplay, key, True, CurrentTime);
  XTestFakeKeyEvent (f->xdisplay, key, False, CurrentTime);
  if (mod != 0)
    XTestFakeKeyEvent (f->xdisplay, mod, False, CurrentTime);
  XFlush (f->xdisplay);
  /* The server echoes the events back; a few frames let GTK dispatch them. */
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 4);
}

/* Clicks @widget at (@x, @y) of its own coordinates with the first mouse button. */
static void
click (Fixture *f, GtkWidget *widget, double x, double y)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  double wx, wy, sx, sy;
  int rx, ry;
  Window child;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (f->window), x, y, &wx, &wy));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &sx, &sy);
  XTranslateCoordinates (f->xdisplay, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (f->xdisplay), (int) (wx + sx), (int) (wy + sy), &rx,
                         &ry, &child);
  XTestFakeMotionEvent (f->xdisplay, -1, rx, ry, CurrentTime);
  XTestFakeButtonEvent (f->xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (f->xdisplay, 1, False, CurrentTime);
  XFlush (f->xdisplay);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 6);
}

static gboolean
is_playing (Fixture *f)
{
  return hark_player_get_state (hark_window_get_player (f->window)) == HARK_PLAYER_STATE_PLAYING;
}

static gboolean
playing_is (gpointer user_data)
{
  Fixture *f = user_data;

  return is_playing (f) == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (f->window), "want"));
}

/* Space toggles playback: waits for the player to say so. */
static void
space_toggles (Fixture *f, const char *where)
{
  gboolean was = is_playing (f);
  g_autofree char *what = g_strdup_printf ("Space %s to %s", where, was ? "pause" : "play");

  type_key (f, 0, XK_space);
  g_object_set_data (G_OBJECT (f->window), "want", GINT_TO_POINTER (!was));
  hark_ui_test_wait_until (playing_is, f, 10, what);
}

static gboolean
focus_in_list (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (hark_window_get_list_view (f->window)));
}

static gboolean
focus_in_list_cb (gpointer user_data)
{
  return focus_in_list (user_data);
}

static void
test_space (Fixture *f, gconstpointer data)
{
  HarkTurnRow *row;
  GtkWidget *speakers;
  int clicked;
  double top_y;

  if (!open_ep189 (f))
    return;
  /* After opening, the transcript has the focus (not the Open button) and Space plays. */
  hark_ui_test_wait_until (focus_in_list_cb, f, 5, "the focus to be in the transcript");
  g_assert_false (is_playing (f));
  space_toggles (f, "after opening");
  space_toggles (f, "again");

  /* A clicked row listens from there; Space then plays, the row does not swallow it. */
  activate (f, "seek", g_variant_new_double (
                         hark_reading_get_rows (hark_window_get_reading (f->window), NULL)[0].start));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  clicked = hark_window_get_current_row (f->window) + 1;
  row = hark_window_get_row_widget (f->window, clicked);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  top_y = gtk_widget_get_height (GTK_WIDGET (row)) / 2.0;
  click (f, GTK_WIDGET (row), 40, MIN (top_y, 20));
  g_assert_cmpint (hark_window_get_current_row (f->window), ==, clicked);
  space_toggles (f, "after clicking a row");
  space_toggles (f, "after clicking a row, again");

  /* A focused button is not pressed by Space: the Speakers menu stays closed, playback toggles. */
  speakers = GTK_WIDGET (hark_player_bar_get_speaker_button (f->window->player_bar));
  g_assert_true (gtk_widget_grab_focus (speakers));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), speakers));
  space_toggles (f, "on a focused button");
  g_assert_false (gtk_widget_get_visible (
    GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (speakers)))));
  space_toggles (f, "on a focused button, again");

  /* In the search entry, Space is a space. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  type_key (f, 0, XK_a);
  type_key (f, 0, XK_space);
  type_key (f, 0, XK_b);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "a b");
  g_assert_false (is_playing (f));
  type_key (f, 0, XK_Escape);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
      gtk_widget_is_sensitive (widget) && gtk_widget_get_focusable (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_click (GtkButton *button, int *clicks)
{
  (*clicks)++;
}

/* The library is for browsing: a focused button there takes Space as "press me", and playback
 * going on behind it is not toggled. */
static void
test_space_in_library (Fixture *f, gconstpointer data)
{
  GtkWidget *button;
  int clicks = 0;

  if (!open_ep189 (f))
    return;
  hark_ui_test_wait_until (focus_in_list_cb, f, 5, "the focus to be in the transcript");
  space_toggles (f, "before going to the library");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "nav.library", NULL));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 6);
  button = find_button (GTK_WIDGET (hark_window_get_library_view (f->window)));
  g_assert_nonnull (button);
  g_signal_connect (button, "clicked", G_CALLBACK (count_click), &clicks);
  g_assert_true (gtk_widget_grab_focus (button));
  type_key (f, 0, XK_space);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 6);
  g_assert_cmpint (clicks, ==, 1);
  g_assert_true (is_playing (f));
  g_signal_handlers_disconnect_by_func (button, count_click, &clicks);
}

/* Tab stops once in the list, however many rows it has; Shift+Tab too. */
static void
test_tab_once (Fixture *f, gconstpointer data)
{
  guint stops = 0, in_list = 0;

  if (!open_ep189 (f))
    return;
  hark_ui_test_wait_until (focus_in_list_cb, f, 5, "the focus to be in the transcript");
  type_key (f, 0, XK_Tab);
  g_assert_false (focus_in_list (f));
  /* Around the window once: back in the list after a few controls, not after every row. */
  for (stops = 1; stops < 40 && !focus_in_list (f); stops++)
    type_key (f, 0, XK_Tab);
  g_assert_true (focus_in_list (f));
  g_test_message ("Tab goes round the window in %u stops", stops);
  g_assert_cmpuint (stops, <, 25);
  type_key (f, XK_Shift_L, XK_Tab);
  g_assert_false (focus_in_list (f));
  type_key (f, 0, XK_Tab);
  g_assert_true (focus_in_list (f));
  /* Arrows move inside it. */
  for (guint i = 0; i < 3; i++)
    {
      type_key (f, 0, XK_Down);
      in_list += focus_in_list (f);
    }
  g_assert_cmpuint (in_list, ==, 3);
}

static const HarkReadingRow *
first_segment (Fixture *f)
{
  guint n_rows;
  const HarkReadingRow *rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT)
      return &rows[i];
  g_assert_not_reached ();
}

static gboolean
skipped (gpointer user_data)
{
  Fixture *f = user_data;
  const char *toast = hark_window_get_last_toast (f->window);

  return toast != NULL && g_str_has_prefix (toast, "Skipped");
}

static gboolean
played_past (gpointer user_data)
{
  Fixture *f = user_data;

  return hark_window_get_position (f->window) >=
         *(double *) g_object_get_data (G_OBJECT (f->window), "until");
}

static gboolean
offered (gpointer user_data)
{
  Fixture *f = user_data;

  return gtk_revealer_get_reveal_child (f->window->skip_revealer);
}

/* U unskips the read just skipped; S skips the read being offered. */
static void
test_unskip_and_skip_keys (Fixture *f, gconstpointer data)
{
  const HarkReadingRow *segment;
  double start, end, until;

  if (!open_ep189 (f))
    return;
  segment = first_segment (f);
  start = segment->start;
  end = segment->end;
  g_assert_cmpfloat (end - start, >, 20);

  activate (f, "seek", g_variant_new_double (start - 2));
  activate (f, "play", NULL);
  hark_ui_test_wait_until (skipped, f, 30, "the sponsor read to be skipped");
  type_key (f, 0, XK_u);
  g_assert_cmpfloat (hark_window_get_position (f->window), <=, start + 1.5);
  activate (f, "pause", NULL);

  g_settings_set_value (f->settings, "category-policy",
                        g_variant_new_parsed ("{'sponsor': 'ask'}"));
  activate (f, "seek", g_variant_new_double (start + 1));
  activate (f, "play", NULL);
  hark_ui_test_wait_until (offered, f, 30, "Skip to be offered");
  type_key (f, 0, XK_s);
  /* The decoder jumps at once; the clock crosses once the audio queued before it has played,
   * and it never plays the read itself. */
  until = end - 1.5;
  g_object_set_data (G_OBJECT (f->window), "until", &until);
  hark_ui_test_wait_until (played_past, f, 10, "S to skip the offered read");
  g_assert_cmpfloat (hark_window_get_position (f->window), <, end + 5);
  activate (f, "pause", NULL);
}

static char *
clipboard_text (Fixture *f)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (content == NULL)
    return NULL;
  g_value_init (&value, G_TYPE_STRING);
  if (gdk_content_provider_get_value (content, &value, NULL))
    text = g_value_dup_string (&value);
  g_value_unset (&value);
  return text;
}

/* Ctrl+C copies the selected turn; Ctrl+plus, Ctrl+minus and Ctrl+0 size the text. */
static void
test_copy_and_text_size (Fixture *f, gconstpointer data)
{
  g_autofree char *copied = NULL, *expected = NULL;
  double normal;
  int row;

  if (!open_ep189 (f))
    return;
  activate (f, "seek", g_variant_new_double (600));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  row = hark_window_get_selected_row (f->window);
  g_assert_cmpint (row, >=, 0);
  type_key (f, XK_Control_L, XK_c);
  copied = clipboard_text (f);
  expected = hark_reading_row_to_markdown (hark_window_get_reading (f->window), row);
  g_assert_cmpstr (copied, ==, expected);

  normal = hark_text_size_get_scale (f->window->text_size);
  type_key (f, XK_Control_L, XK_equal);
  g_assert_cmpfloat (hark_text_size_get_scale (f->window->text_size), >, normal);
  type_key (f, XK_Control_L, XK_minus);
  type_key (f, XK_Control_L, XK_minus);
  g_assert_cmpfloat (hark_text_size_get_scale (f->window->text_size), <, normal);
  type_key (f, XK_Control_L, XK_0);
  g_assert_cmpfloat (hark_text_size_get_scale (f->window->text_size), ==, normal);
}

int
main (int argc, char *argv[])
{
  hark_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/keys/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("ep189/space", test_space);
  ADD ("ep189/space-in-library", test_space_in_library);
  ADD ("ep189/tab-reaches-the-list-once", test_tab_once);
  ADD ("ep189/unskip-and-skip", test_unskip_and_skip_keys);
  ADD ("ep189/copy-and-text-size", test_copy_and_text_size);
#undef ADD
  return g_test_run ();
}
