/* hark-flat-node.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-flat-node.h"

#include <math.h>

/* A drawing bigger than this (16 MB as an image) is left as it is: a turn of several screens
 * would hold more memory than the redraws it saves are worth. */
#define MAX_PIXELS (2048 * 2048)

GskRenderNode *
hark_flat_node_flatten (GskRenderNode *node, int scale)
{
  graphene_rect_t bounds;
  cairo_surface_t *image;
  GskRenderNode *flat;
  cairo_t *cr;
  double x0, y0, x1, y1;
  int width, height;

  gsk_render_node_get_bounds (node, &bounds);
  /* Whole device pixels, so the image lands on the pixel grid it was drawn on. */
  x0 = floor (bounds.origin.x * scale) / scale;
  y0 = floor (bounds.origin.y * scale) / scale;
  x1 = ceil ((bounds.origin.x + bounds.size.width) * scale) / scale;
  y1 = ceil ((bounds.origin.y + bounds.size.height) * scale) / scale;
  width = (int) lround ((x1 - x0) * scale);
  height = (int) lround ((y1 - y0) * scale);
  if (width <= 0 || height <= 0 || (gint64) width * height > MAX_PIXELS)
    return NULL;

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_set_device_scale (image, scale, scale);
  cairo_surface_set_device_offset (image, -x0 * scale, -y0 * scale);
  cr = cairo_create (image);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  /* The cairo node records one paint of the image; the renderer replays it clipped to the
   * frame's damage. */
  flat = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  cr = gsk_cairo_node_get_draw_context (flat);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return flat;
}

void
hark_flat_node_append (HarkFlatNode *cache, GtkSnapshot *snapshot, GtkWidget *widget,
                       GskRenderNode *node)
{
  int scale = gtk_widget_get_scale_factor (widget);

  if (node == NULL)
    {
      hark_flat_node_clear (cache);
      return;
    }
  if (node != cache->source || scale != cache->scale)
    {
      hark_flat_node_clear (cache);
      cache->source = node;
      cache->scale = scale;
      cache->flat = hark_flat_node_flatten (node, scale);
    }
  else
    gsk_render_node_unref (node);
  /* Too big or empty to flatten: drawn as it is. */
  gtk_snapshot_append_node (snapshot, cache->flat != NULL ? cache->flat : cache->source);
}

void
hark_flat_node_clear (HarkFlatNode *cache)
{
  g_clear_pointer (&cache->source, gsk_render_node_unref);
  g_clear_pointer (&cache->flat, gsk_render_node_unref);
}
