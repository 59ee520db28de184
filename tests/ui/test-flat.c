/* test-flat.c — drawings flattened to one image: the same pixels, made again only on change
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "hark-flat-bin.h"
#include "hark-flat-node.h"

#define WIDTH 120
#define HEIGHT 40

/* Words, a one-pixel line and a translucent group of words (a dimmed time), on nothing: what
 * the window flattens (a caption's translucent tint stays outside, under the words' image:
 * drawn into the image, its blend with the words would round differently, by one level). */
static GskRenderNode *
sample_node (PangoContext *context, const char *text)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (PangoLayout) layout = pango_layout_new (context);
  GdkRGBA ink = { 0.1f, 0.1f, 0.1f, 1 };

  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_append_color (snapshot, &ink, &GRAPHENE_RECT_INIT (3, 20, 70, 1));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (4, 3));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_push_opacity (snapshot, 0.75);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, 18));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_pop (snapshot);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* @node drawn on a light background at @scale, as the window's frame would draw it. */
static cairo_surface_t *
draw_at (GskRenderNode *node, int scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale,
                                                         HEIGHT * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.98, 0.97, 0.96);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a, cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                         (gsize) stride * height) == 0);
}

/* Flattened, a drawing gives the very pixels it gave drawn node by node, at scale 1 and 2. */
static void
test_same_pixels (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  PangoContext *context = gtk_widget_get_pango_context (widget);

  for (int scale = 1; scale <= 2; scale++)
    {
      GskRenderNode *node = sample_node (context, "Words, tinted");
      GskRenderNode *flat = hark_flat_node_flatten (node, scale);
      cairo_surface_t *direct, *flattened;

      g_assert_nonnull (flat);
      g_assert_cmpint (gsk_render_node_get_node_type (flat), ==, GSK_CAIRO_NODE);
      direct = draw_at (node, scale);
      flattened = draw_at (flat, scale);
      assert_same_pixels (direct, flattened);
      cairo_surface_destroy (direct);
      cairo_surface_destroy (flattened);
      gsk_render_node_unref (flat);
      gsk_render_node_unref (node);
    }
  g_object_unref (widget);
}

static GskRenderNode *
append_to_new (HarkFlatNode *cache, GtkWidget *widget, GskRenderNode *node)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

  hark_flat_node_append (cache, snapshot, widget, node);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The image is made once per drawing: the same node again gives the same image node (so the
 * frame's damage leaves it out), a new node a new image, nothing nothing. */
static void
test_made_once (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  PangoContext *context = gtk_widget_get_pango_context (widget);
  HarkFlatNode cache = { 0 };
  GskRenderNode *node = sample_node (context, "First");
  GskRenderNode *first, *again, *other;

  first = append_to_new (&cache, widget, gsk_render_node_ref (node));
  g_assert_cmpint (gsk_render_node_get_node_type (first), ==, GSK_CAIRO_NODE);
  again = append_to_new (&cache, widget, gsk_render_node_ref (node));
  g_assert_true (again == first);
  other = append_to_new (&cache, widget, sample_node (context, "Second"));
  g_assert_cmpint (gsk_render_node_get_node_type (other), ==, GSK_CAIRO_NODE);
  g_assert_true (other != first);
  g_assert_null (append_to_new (&cache, widget, NULL));
  g_assert_null (cache.source);
  g_assert_null (cache.flat);

  gsk_render_node_unref (first);
  gsk_render_node_unref (again);
  gsk_render_node_unref (other);
  gsk_render_node_unref (node);
  hark_flat_node_clear (&cache);
  g_object_unref (widget);
}

/* A bin is shown exactly when its child is, so the box around it spaces it as the child. */
static void
test_bin_follows_child (void)
{
  HarkFlatBin *bin = HARK_FLAT_BIN (g_object_ref_sink (hark_flat_bin_new ()));
  GtkWidget *label = gtk_label_new ("Heading");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bin)));
  hark_flat_bin_set_child (bin, label);
  g_assert_true (hark_flat_bin_get_child (bin) == label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bin)));
  gtk_widget_set_visible (label, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bin)));
  gtk_widget_set_visible (label, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bin)));
  hark_flat_bin_set_child (bin, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bin)));
  g_object_unref (bin);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/flat/same-pixels", test_same_pixels);
  g_test_add_func ("/flat/made-once", test_made_once);
  g_test_add_func ("/flat/bin-follows-child", test_bin_follows_child);
  return g_test_run ();
}
