/* test-wrap-label.c — the episode title's label: the lines it takes and what it draws
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hark-wrap-label.h"

#define LONG_TITLE "Episode 12 of a show, with a title long enough to wrap on a narrow window " \
                   "and then some more words that no two lines could ever hold"

static int
height_at (GtkWidget *label, int width)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return minimum;
}

static GtkWidget *
in_window (GtkWidget *label)
{
  GtkWidget *window = gtk_window_new ();

  /* Given the height it asks for at the window's width, as in a list row. */
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 100);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* One line when the text fits, two (never more) when it does not, none when empty. */
static void
test_lines (void)
{
  GtkWidget *label = hark_wrap_label_new (2);
  GtkWidget *window = in_window (label);
  int one;

  hark_wrap_label_set_text (HARK_WRAP_LABEL (label), "Short");
  one = height_at (label, 1000);
  g_assert_cmpint (one, >, 0);
  g_assert_cmpint (height_at (label, 1000), ==, one);
  g_assert_cmpint (height_at (label, -1), ==, one);

  hark_wrap_label_set_text (HARK_WRAP_LABEL (label), LONG_TITLE);
  g_assert_cmpstr (hark_wrap_label_get_text (HARK_WRAP_LABEL (label)), ==, LONG_TITLE);
  g_assert_cmpint (height_at (label, 5000), ==, one);
  g_assert_cmpint (height_at (label, 150), ==, 2 * one);
  g_assert_cmpint (height_at (label, 20), ==, 2 * one);

  hark_wrap_label_set_text (HARK_WRAP_LABEL (label), "");
  g_assert_cmpint (height_at (label, 150), ==, 0);
  hark_wrap_label_set_text (HARK_WRAP_LABEL (label), NULL);
  g_assert_cmpstr (hark_wrap_label_get_text (HARK_WRAP_LABEL (label)), ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A line break of the text's own makes it two lines at any width. */
static void
test_paragraphs (void)
{
  GtkWidget *label = hark_wrap_label_new (2);
  GtkWidget *window = in_window (label);
  int one;

  hark_wrap_label_set_text (HARK_WRAP_LABEL (label), "One");
  one = height_at (label, 1000);
  hark_wrap_label_set_text (HARK_WRAP_LABEL (label), "One\nTwo\nThree");
  g_assert_cmpint (height_at (label, 1000), ==, 2 * one);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Drawn at its allocated width, a long text fills two lines and ends in an ellipsis. */
static void
test_draws_within_width (void)
{
  GtkWidget *label = hark_wrap_label_new (2);
  GtkWidget *window = in_window (label);
  g_autoptr (GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr (GskRenderNode) node = NULL;
  graphene_rect_t bounds;

  hark_wrap_label_set_text (HARK_WRAP_LABEL (label), LONG_TITLE);
  gtk_window_set_default_size (GTK_WINDOW (window), 160, 100);
  while (gtk_widget_get_width (label) == 0 || gtk_widget_get_width (label) > 200)
    g_main_context_iteration (NULL, TRUE);
  paintable = gtk_widget_paintable_new (label);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (label),
                          gtk_widget_get_height (label));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  /* Nothing drawn past the right edge: the text wrapped, then was cut. */
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (label) + 1);
  g_assert_cmpint (gtk_widget_get_height (label), ==, height_at (label, gtk_widget_get_width (label)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/wrap-label/lines", test_lines);
  g_test_add_func ("/wrap-label/paragraphs", test_paragraphs);
  g_test_add_func ("/wrap-label/draws-within-width", test_draws_within_width);
  return g_test_run ();
}
