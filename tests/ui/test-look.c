/* test-look.c — what a listener sees: layout at phone to desktop widths, names for assistive
 * technologies, the seek bar from the keyboard, contrast measured on rendered pixels
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "hark-player-bar.h"
#include "hark-test-util.h"
#include "hark-ui-test.h"

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!hark_ui_test_have_display ())
    return;
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  if (f->app != NULL)
    hark_ui_test_app_free (f->app);
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
  g_assert_true (hark_ui_test_open (f->window, audio, NULL));
  g_assert_nonnull (hark_window_get_reading (f->window));
  return TRUE;
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static void
resize (Fixture *f, int width, int height)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 8);
}

/* What a user sees as separate things in the player bar: the seek bar, the time labels and
 * every button (a menu button counts once, not as the button inside it). */
static void
collect_controls (GtkWidget *widget, GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (HARK_IS_SEEK_BAR (widget) || GTK_IS_LABEL (widget) || GTK_IS_MENU_BUTTON (widget) ||
      GTK_IS_SCALE_BUTTON (widget) || GTK_IS_BUTTON (widget))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_controls (c, out);
}

static void
check_player_bar_layout (GtkWindow *window, int width, const char *name)
{
  GtkWidget *bar = find_descendant (GTK_WIDGET (window), HARK_TYPE_PLAYER_BAR);
  g_autoptr (GPtrArray) controls = g_ptr_array_new ();
  graphene_rect_t bar_bounds;

  gtk_window_set_default_size (window, width, 640);
  hark_ui_test_wait_frames (GTK_WIDGET (window), 8);
  /* Nothing in the window forces it wider than asked (its frame may take a few pixels). */
  g_test_message ("window asked %d px, got %d", width, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_compute_bounds (bar, bar, &bar_bounds));
  collect_controls (bar, controls);
  g_assert_cmpuint (controls->len, >=, 10);
  for (guint i = 0; i < controls->len; i++)
    {
      graphene_rect_t a;

      g_assert_true (gtk_widget_compute_bounds (controls->pdata[i], bar, &a));
      g_test_message ("%d px: %s at %.0f,%.0f %.0f×%.0f", width,
                      G_OBJECT_TYPE_NAME (controls->pdata[i]), a.origin.x, a.origin.y,
                      a.size.width, a.size.height);
      /* Inside the bar, at a size that shows something. */
      g_assert_true (graphene_rect_contains_rect (&bar_bounds, &a));
      g_assert_cmpfloat (a.size.width, >=, 16);
      for (guint j = 0; j < i; j++)
        {
          graphene_rect_t b, overlap;

          g_assert_true (gtk_widget_compute_bounds (controls->pdata[j], bar, &b));
          if (graphene_rect_intersection (&a, &b, &overlap) && overlap.size.width > 0.5 &&
              overlap.size.height > 0.5)
            g_error ("at %d px, %s overlaps %s by %.0f×%.0f px", width,
                     G_OBJECT_TYPE_NAME (controls->pdata[i]),
                     G_OBJECT_TYPE_NAME (controls->pdata[j]), overlap.size.width,
                     overlap.size.height);
        }
    }
  g_free (hark_ui_test_screenshot (GTK_WIDGET (window), name));
}

static void
test_player_bar_layout (Fixture *f, gconstpointer data)
{
  if (!open_ep189 (f))
    return;
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (1100));
  check_player_bar_layout (GTK_WINDOW (f->window), 1200, "window-1200");
  check_player_bar_layout (GTK_WINDOW (f->window), 600, "window-600");
}

/* The player bar alone at phone width, with a long speaker name and a long episode. */
static void
test_player_bar_narrow (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  HarkPlayerBar *bar;

  if (f->app == NULL)
    return;
  window = GTK_WINDOW (gtk_window_new ());
  bar = g_object_new (HARK_TYPE_PLAYER_BAR, NULL);
  gtk_window_set_child (window, GTK_WIDGET (bar));
  hark_seek_bar_set_episode (hark_player_bar_get_seek_bar (bar), NULL, 4 * 3600 + 59 * 60);
  hark_player_bar_set_times (bar, 3 * 3600 + 33 * 60, 4 * 3600 + 59 * 60);
  hark_player_bar_set_speed (bar, 1.25);
  hark_player_bar_set_speaker (bar, "Michael Kennedy and Friends");
  gtk_window_present (window);
  check_player_bar_layout (window, 360, "player-360");
  check_player_bar_layout (window, 600, "player-600");
  gtk_window_destroy (window);
}

/* A button's name as a screen reader would say it: its own label property, or the text of the
 * label inside it, or (for the button inside a menu or volume button) its owner's. */
static gboolean
has_clean_name (GtkWidget *button)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *parent = gtk_widget_get_parent (button);

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (GTK_IS_MENU_BUTTON (parent) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  collect (button, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (*gtk_label_get_text (labels->pdata[i]) != '\0')
      return TRUE;
  return FALSE;
}

static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  HarkSeekBar *seek;
  HarkTurnRow *row;
  GtkWidget *bar;
  double before;

  if (!open_ep189 (f))
    return;
  resize (f, 980, 720);
  bar = find_descendant (GTK_WIDGET (f->window), HARK_TYPE_PLAYER_BAR);
  collect (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >=, 8);
  for (guint i = 0; i < buttons->len; i++)
    if (!has_clean_name (buttons->pdata[i]))
      g_error ("a %s inside a %s has no name", G_OBJECT_TYPE_NAME (buttons->pdata[i]),
               G_OBJECT_TYPE_NAME (gtk_widget_get_parent (buttons->pdata[i])));

  /* The volume button's focusable inner button says "Volume", not the name of its icon. */
  g_ptr_array_set_size (buttons, 0);
  collect (find_descendant (bar, GTK_TYPE_SCALE_BUTTON), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_test_accessible_assert_property (buttons->pdata[0], GTK_ACCESSIBLE_PROPERTY_LABEL, "Volume");

  /* The seek bar: a focusable slider with a value a screen reader can say. */
  seek = hark_player_bar_get_seek_bar (HARK_PLAYER_BAR (bar));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (seek)));
  gtk_test_accessible_assert_role (seek, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (seek, GTK_ACCESSIBLE_PROPERTY_LABEL, "Position");
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (600.4));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (seek),
                                                   GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT));
  gtk_test_accessible_assert_property (seek, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "10:00 of 59:11");

  /* Its keys (bound to these actions) move the episode, not just the knob. */
  before = hark_window_get_position (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (seek), "seekbar.step", "d", 60.0));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_cmpfloat (fabs (hark_window_get_position (f->window) - (before + 60)), <, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (seek), "seekbar.jump-to", "d", 0.0));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_cmpfloat (hark_window_get_position (f->window), <, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (seek), "seekbar.step", "d", NAN));
  g_assert_cmpfloat (hark_window_get_position (f->window), <, 1.0);

  /* "Now playing" is said by the row a screen reader lands on, not a part inside it. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (600.4));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  row = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
  g_assert_nonnull (row);
  g_assert_true (hark_turn_row_get_now_playing (row));
  gtk_test_accessible_assert_property (gtk_widget_get_parent (GTK_WIDGET (row)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now playing");
}

int
main (int argc, char *argv[])
{
  hark_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/look/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("player-bar-layout", test_player_bar_layout);
  ADD ("player-bar-narrow", test_player_bar_narrow);
  ADD ("accessible-names", test_accessible_names);
#undef ADD
  return g_test_run ();
}
