/* hark-flat-node.h — a widget's drawing flattened to one image, for GTK's cairo renderer
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's cairo renderer (the one Xvfb and many X11 desktops use) draws the whole render tree
 * at every frame, clipped to what changed but not culled: every glyph run of the visible
 * transcript goes through pango and cairo again when only the elapsed time ticks. A drawing
 * flattened to a cairo node holding one image costs one clipped paint instead, and GTK keeps
 * that node until the widget draws again (its render node cache), so the flattening is paid
 * only when the widget's own content changes.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One flattened drawing and the node it was made from. */
typedef struct
{
  GskRenderNode *source;
  GskRenderNode *flat;
  int scale;
} HarkFlatNode;

/* Appends @node (in @widget's coordinates) to @snapshot as one image at @widget's scale factor,
 * covering @node's bounds rounded out to whole device pixels. When @node is the node @cache
 * was made from (GTK hands back a child's cached render node while the child has not changed),
 * the image made then is appended again: the same node, so the frame's damage leaves it out.
 * Takes @node; NULL appends nothing. */
void hark_flat_node_append (HarkFlatNode *cache, GtkSnapshot *snapshot, GtkWidget *widget,
                            GskRenderNode *node);
/* @node (in its own coordinates) drawn into one image at @scale, as a cairo node over @node's
 * bounds rounded out to whole device pixels; NULL when @node is empty or too big to hold. */
GskRenderNode *hark_flat_node_flatten (GskRenderNode *node, int scale);

/* Drops the image and the node it was made from. */
void hark_flat_node_clear (HarkFlatNode *cache);

G_END_DECLS
