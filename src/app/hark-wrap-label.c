/* hark-wrap-label.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-wrap-label.h"

/* The natural width asked for, in characters: what GtkLabel's max-width-chars would give. */
#define NATURAL_CHARS 40

struct _HarkWrapLabel
{
  GtkWidget parent_instance;

  char *text;
  int lines;
  PangoLayout *layout;  /* NULL until first needed */
  int layout_width;     /* the layout's width, Pango units: -1 unwrapped */
  /* Of the text on one unwrapped line, Pango units; text_width is -1 until measured. */
  int text_width, line_height, baseline;
  gboolean paragraphs;  /* the text has line breaks of its own */
  int char_width;       /* of the font, Pango units; 0 until asked */
};

G_DEFINE_FINAL_TYPE (HarkWrapLabel, hark_wrap_label, GTK_TYPE_WIDGET)

static void
set_layout_width (HarkWrapLabel *self, int width)
{
  if (self->layout_width != width)
    {
      pango_layout_set_width (self->layout, width);
      self->layout_width = width;
    }
}

/* Shapes the text once on one line: its width tells how many lines any width gives it (the
 * text fits, or it wraps and is cut at self->lines), so measuring never shapes again. */
static void
ensure_measured (HarkWrapLabel *self)
{
  PangoRectangle logical;
  int n_lines;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->layout, -self->lines);
      self->layout_width = -1;
      self->text_width = -1;
    }
  if (self->text_width >= 0)
    return;
  set_layout_width (self, -1);
  pango_layout_get_extents (self->layout, NULL, &logical);
  n_lines = MAX (pango_layout_get_line_count (self->layout), 1);
  self->text_width = logical.width;
  self->line_height = logical.height / n_lines;
  self->baseline = pango_layout_get_baseline (self->layout);
  self->paragraphs = n_lines > 1;
}

static int
lines_at (HarkWrapLabel *self, int width)
{
  return self->paragraphs || self->text_width > width * PANGO_SCALE ? self->lines : 1;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The layout to draw at @width pixels: the one-line layout when the text fits. */
static void
lay_out_for (HarkWrapLabel *self, int width)
{
  ensure_measured (self);
  set_layout_width (self, lines_at (self, width) == 1 ? -1 : width * PANGO_SCALE);
}

static void
hark_wrap_label_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                         int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  HarkWrapLabel *self = HARK_WRAP_LABEL (widget);
  int lines;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Any width will do: the text wraps, then ends in an ellipsis. The natural width does
       * not depend on the text, so a new text never changes it. */
      if (self->char_width == 0)
        {
          PangoFontMetrics *metrics = pango_context_get_metrics (
            gtk_widget_get_pango_context (widget), NULL, NULL);
          self->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics), 1);
          pango_font_metrics_unref (metrics);
        }
      *minimum = 0;
      *natural = PANGO_PIXELS_CEIL (self->char_width * NATURAL_CHARS);
      return;
    }
  if (is_empty (self->text))
    {
      *minimum = *natural = 0;
      return;
    }
  ensure_measured (self);
  /* No width given: one line is the least the text takes. */
  lines = for_size < 0 ? 1 : lines_at (self, for_size);
  *minimum = *natural = PANGO_PIXELS_CEIL (lines * self->line_height);
  if (minimum_baseline)
    *minimum_baseline = PANGO_PIXELS (self->baseline);
  if (natural_baseline)
    *natural_baseline = PANGO_PIXELS (self->baseline);
}

static GtkSizeRequestMode
hark_wrap_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hark_wrap_label_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  HarkWrapLabel *self = HARK_WRAP_LABEL (widget);

  if (!is_empty (self->text))
    lay_out_for (self, width);
}

static void
hark_wrap_label_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HarkWrapLabel *self = HARK_WRAP_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color;

  if (is_empty (self->text))
    return;
  /* A new text of as many lines was only redrawn, not allocated. */
  lay_out_for (self, width);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* Right-to-left text on one line goes to the right, as wrapped text does. */
  if (self->layout_width < 0 && pango_layout_get_direction (self->layout, 0) == PANGO_DIRECTION_RTL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (width - PANGO_PIXELS (self->text_width), 0));
      gtk_snapshot_append_layout (snapshot, self->layout, &color);
      gtk_snapshot_restore (snapshot);
    }
  else
    gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

/* A new font (a style class, the text size setting) changes the widget's Pango context in
 * place; the layout made from it must be told, and the text measured again. */
static void
hark_wrap_label_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  HarkWrapLabel *self = HARK_WRAP_LABEL (widget);

  GTK_WIDGET_CLASS (hark_wrap_label_parent_class)->css_changed (widget, change);
  self->char_width = 0;
  if (self->layout != NULL)
    {
      pango_layout_context_changed (self->layout);
      self->text_width = -1;
    }
}

static void
hark_wrap_label_system_setting_changed (GtkWidget *widget, GtkSystemSetting setting)
{
  HarkWrapLabel *self = HARK_WRAP_LABEL (widget);

  GTK_WIDGET_CLASS (hark_wrap_label_parent_class)->system_setting_changed (widget, setting);
  self->char_width = 0;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
hark_wrap_label_finalize (GObject *object)
{
  HarkWrapLabel *self = HARK_WRAP_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  G_OBJECT_CLASS (hark_wrap_label_parent_class)->finalize (object);
}

static void
hark_wrap_label_class_init (HarkWrapLabelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hark_wrap_label_finalize;
  widget_class->measure = hark_wrap_label_measure;
  widget_class->get_request_mode = hark_wrap_label_get_request_mode;
  widget_class->size_allocate = hark_wrap_label_size_allocate;
  widget_class->snapshot = hark_wrap_label_snapshot;
  widget_class->css_changed = hark_wrap_label_css_changed;
  widget_class->system_setting_changed = hark_wrap_label_system_setting_changed;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
hark_wrap_label_init (HarkWrapLabel *self)
{
  self->layout_width = -1;
  self->text_width = -1;
}

GtkWidget *
hark_wrap_label_new (int lines)
{
  HarkWrapLabel *self = g_object_new (HARK_TYPE_WRAP_LABEL, NULL);

  self->lines = MAX (lines, 1);
  return GTK_WIDGET (self);
}

void
hark_wrap_label_set_text (HarkWrapLabel *self, const char *text)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean was_empty = is_empty (self->text);
  int lines_before = 0;

  if (g_strcmp0 (self->text, text) == 0)
    return;
  if (self->layout != NULL && !was_empty && self->text_width >= 0)
    lines_before = lines_at (self, width);
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text ? text : "", -1);
  if (self->layout == NULL)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }
  pango_layout_set_text (self->layout, text ? text : "", -1);
  self->text_width = -1;
  /* A row rebound in a list: a text of as many lines at the same width needs only a
   * redraw, and the list is not laid out again. */
  if (lines_before > 0 && !is_empty (text) && width > 0)
    {
      ensure_measured (self);
      if (lines_at (self, width) == lines_before)
        {
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return;
        }
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
hark_wrap_label_get_text (HarkWrapLabel *self)
{
  return self->text ? self->text : "";
}
