/* hark-cue-text.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-cue-text.h"

#include "hark-flat-node.h"

#include <math.h>
#include <string.h>

struct _HarkCueText
{
  GtkWidget parent_instance;

  GtkLabel *label;
  gsize start;
  gsize end;
  HarkFlatNode words;
};

static void hark_cue_text_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HarkCueText, hark_cue_text, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      hark_cue_text_buildable_init))

static GtkBuildableIface *parent_buildable;

/* A template gives the label as the child; anything else is refused as GtkWidget would. */
static void
hark_cue_text_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child,
                         const char *type)
{
  HarkCueText *self = HARK_CUE_TEXT (buildable);

  if (GTK_IS_LABEL (child) && type == NULL && self->label == NULL)
    {
      self->label = GTK_LABEL (child);
      gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (self));
      return;
    }
  parent_buildable->add_child (buildable, builder, child, type);
}

static void
hark_cue_text_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = hark_cue_text_add_child;
}

/* Rounds to the device's pixels, so a one-pixel underline stays one sharp line. */
static float
snap (float v, int scale)
{
  return roundf (v * scale) / scale;
}

/* Calls @emit for each piece of the tint: per line, the part of the range on it, clamped to the
 * line's own extent (a range that goes on to the next line does not paint to the layout's
 * edge), and the underline below it. */
static void
for_each_rect (HarkCueText *self, void (*emit) (const graphene_rect_t *rect, gboolean underline,
                                                 gpointer data),
               gpointer data)
{
  PangoLayout *layout;
  PangoLayoutIter *iter;
  PangoFontMetrics *metrics;
  int layout_x, layout_y, scale, ul_position, ul_thickness;
  gsize len;
  graphene_point_t origin;

  if (self->label == NULL || self->end <= self->start ||
      !gtk_widget_get_visible (GTK_WIDGET (self->label)))
    return;
  layout = gtk_label_get_layout (self->label);
  len = strlen (pango_layout_get_text (layout));
  if (self->end > len)
    return;
  gtk_label_get_layout_offsets (self->label, &layout_x, &layout_y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->label), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (layout_x, layout_y), &origin))
    return;
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  metrics = pango_context_get_metrics (pango_layout_get_context (layout),
                                       pango_context_get_font_description (
                                         pango_layout_get_context (layout)),
                                       NULL);
  ul_position = pango_font_metrics_get_underline_position (metrics);
  ul_thickness = pango_font_metrics_get_underline_thickness (metrics);
  pango_font_metrics_unref (metrics);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int *ranges = NULL, n_ranges = 0, baseline;

      if ((gsize) line->start_index >= self->end)
        break;
      if ((gsize) (line->start_index + line->length) <= self->start || line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      pango_layout_line_get_x_ranges (line, (int) self->start, (int) self->end, &ranges,
                                      &n_ranges);
      for (int i = 0; i < n_ranges; i++)
        {
          int from = MAX (ranges[2 * i], logical.x);
          int to = MIN (ranges[2 * i + 1], logical.x + logical.width);
          float x0, x1, top, bottom, ul_top;

          if (to <= from)
            continue;
          x0 = snap (origin.x + from / (float) PANGO_SCALE, scale);
          x1 = snap (origin.x + to / (float) PANGO_SCALE, scale);
          top = snap (origin.y + logical.y / (float) PANGO_SCALE, scale);
          bottom = snap (origin.y + (logical.y + logical.height) / (float) PANGO_SCALE, scale);
          ul_top = snap (origin.y + (baseline - ul_position) / (float) PANGO_SCALE, scale);
          emit (&GRAPHENE_RECT_INIT (x0, top, x1 - x0, bottom - top), FALSE, data);
          emit (&GRAPHENE_RECT_INIT (x0, ul_top, x1 - x0,
                                     MAX (snap (ul_thickness / (float) PANGO_SCALE, scale),
                                          1.0f / scale)),
                TRUE, data);
        }
      g_free (ranges);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

typedef struct
{
  GtkSnapshot *snapshot;
  GdkRGBA tint;
  GdkRGBA ink;
} Paint;

static void
paint_rect (const graphene_rect_t *rect, gboolean underline, gpointer data)
{
  Paint *paint = data;

  gtk_snapshot_append_color (paint->snapshot, underline ? &paint->ink : &paint->tint, rect);
}

static void
hark_cue_text_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HarkCueText *self = HARK_CUE_TEXT (widget);
  /* A tint strong enough to find at a glance, light enough that the words keep 4.5:1 on it in
   * both themes, and an underline in the text's colour for those who cannot tell the tint. */
  Paint paint = { snapshot, { 0x35 / 255.0f, 0x84 / 255.0f, 0xe4 / 255.0f, 0.3f }, { 0 } };
  GtkSnapshot *words;

  if (self->label == NULL)
    return;
  if (self->end > self->start)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->label)),
                                   &paint.ink);
      G_GNUC_END_IGNORE_DEPRECATIONS
      for_each_rect (self, paint_rect, &paint);
    }
  /* The words as one image (see hark-flat-node.h), made again only when the label draws anew:
   * a caption moving redraws the tint, not the words. */
  words = gtk_snapshot_new ();
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->label), words);
  hark_flat_node_append (&self->words, snapshot, widget, gtk_snapshot_free_to_node (words));
}

static void
collect_rect (const graphene_rect_t *rect, gboolean underline, gpointer data)
{
  if (!underline)
    g_array_append_val ((GArray *) data, *rect);
}

GArray *
hark_cue_text_get_rects (HarkCueText *self)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for_each_rect (self, collect_rect, rects);
  return rects;
}

void
hark_cue_text_set_range (HarkCueText *self, gsize start, gsize end)
{
  if (end <= start)
    start = end = 0;
  if (self->start == start && self->end == end)
    return;
  self->start = start;
  self->end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hark_cue_text_get_range (HarkCueText *self, gsize *start, gsize *end)
{
  *start = self->start;
  *end = self->end;
}

GtkLabel *
hark_cue_text_get_label (HarkCueText *self)
{
  if (self->label == NULL)
    {
      self->label = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
    }
  return self->label;
}

static void
hark_cue_text_dispose (GObject *object)
{
  HarkCueText *self = HARK_CUE_TEXT (object);

  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }
  hark_flat_node_clear (&self->words);
  G_OBJECT_CLASS (hark_cue_text_parent_class)->dispose (object);
}

static void
hark_cue_text_class_init (HarkCueTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_cue_text_dispose;
  widget_class->snapshot = hark_cue_text_snapshot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hark_cue_text_init (HarkCueText *self)
{
}
