/* hark-time-label.c — a time ("12:34", "−1:02:03") drawn from glyphs shaped once
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The player bar's times change every second while playing. A label or an inscription given new
 * text itemizes and shapes it again (a new layout's lines) and so does every frame's size
 * query; a time only ever uses a dozen characters. Each character is laid out once (with the
 * widget's CSS font and features: the "numeric" class makes digits tabular) and a time is
 * drawn as those layouts side by side, at their advances (tabular digits are not kerned). Text
 * with other characters still works, laid out whole.
 *
 * Sized as GtkInscription sizes itself (min-chars approximate characters wide, a line high),
 * aligned by xalign, so it can stand in for one. Properties: "text", "min-chars", "xalign".
 */
#include "hark-time-label.h"

#include <math.h>

typedef struct
{
  PangoLayout *layout;
  int advance, height, baseline; /* Pango units: its logical width and height, its baseline */
  PangoFont *font;                /* when the character is one glyph of one font: */
  PangoGlyphInfo info;            /* that glyph */
} Glyph;

struct _HarkTimeLabel
{
  GtkWidget parent_instance;

  char *text;
  guint min_chars;
  float xalign;
  GHashTable *glyphs; /* gunichar -> Glyph, for the current style */
  PangoLayout *whole; /* the text laid out whole, when a character is not cacheable */
};

G_DEFINE_FINAL_TYPE (HarkTimeLabel, hark_time_label, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_TEXT, PROP_MIN_CHARS, PROP_XALIGN, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* What a time is written with: digits, separators, the minus sign and a hyphen. */
static gboolean
is_cacheable (gunichar c)
{
  return g_unichar_isdigit (c) || c == ':' || c == 0x2212 || c == '-' || c == '.';
}

static void
glyph_free (gpointer data)
{
  Glyph *g = data;

  g_clear_object (&g->layout);
  g_clear_object (&g->font);
  g_free (g);
}

static const Glyph *
get_glyph (HarkTimeLabel *self, gunichar c)
{
  Glyph *g = g_hash_table_lookup (self->glyphs, GUINT_TO_POINTER (c));

  if (g == NULL)
    {
      char utf8[8] = { 0 };
      PangoRectangle logical;

      g_unichar_to_utf8 (c, utf8);
      g = g_new0 (Glyph, 1);
      g->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), utf8);
      pango_layout_get_extents (g->layout, NULL, &logical);
      g->advance = logical.width;
      g->height = logical.height;
      g->baseline = pango_layout_get_baseline (g->layout);
      if (pango_layout_get_line_count (g->layout) == 1)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (g->layout, 0);
          PangoGlyphItem *run = line->runs != NULL && line->runs->next == NULL ? line->runs->data
                                                                              : NULL;

          if (run != NULL && run->glyphs->num_glyphs == 1 && run->glyphs->glyphs[0].geometry.width
                                                               == g->advance)
            {
              g->font = g_object_ref (run->item->analysis.font);
              g->info = run->glyphs->glyphs[0];
            }
        }
      g_hash_table_insert (self->glyphs, GUINT_TO_POINTER (c), g);
    }
  return g;
}

static gboolean
all_cacheable (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_cacheable (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
drop_layouts (HarkTimeLabel *self)
{
  g_hash_table_remove_all (self->glyphs);
  g_clear_object (&self->whole);
}

static PangoFontMetrics *
get_metrics (HarkTimeLabel *self)
{
  return pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
}

static void
hark_time_label_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                         int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  HarkTimeLabel *self = HARK_TIME_LABEL (widget);
  PangoFontMetrics *metrics = get_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));

      *minimum = *natural = PANGO_PIXELS_CEIL (self->min_chars * char_width);
    }
  else
    {
      int ascent = pango_font_metrics_get_ascent (metrics);

      *minimum = *natural = PANGO_PIXELS_CEIL (ascent + pango_font_metrics_get_descent (metrics));
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (ascent);
    }
  pango_font_metrics_unref (metrics);
}

/* The text's glyphs as one text node from @x (Pango units) on the baseline at @baseline_y; FALSE
 * when its characters are not all single glyphs of one font. */
static gboolean
snapshot_glyphs (HarkTimeLabel *self, GtkSnapshot *snapshot, GtkStyleContext *style, int x,
                 double baseline_y)
{
  PangoGlyphString *glyphs;
  PangoFont *font = NULL;
  GskRenderNode *node;
  GdkRGBA color;
  int n = 0;

  for (const char *p = self->text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      const Glyph *g = get_glyph (self, g_utf8_get_char (p));

      if (g->font == NULL || (font != NULL && g->font != font))
        return FALSE;
      font = g->font;
    }
  glyphs = pango_glyph_string_new ();
  pango_glyph_string_set_size (glyphs, n);
  n = 0;
  for (const char *p = self->text; *p != '\0'; p = g_utf8_next_char (p), n++)
    glyphs->glyphs[n] = get_glyph (self, g_utf8_get_char (p))->info;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  node = gsk_text_node_new (font, glyphs, &color,
                            &GRAPHENE_POINT_INIT ((float) x / PANGO_SCALE, baseline_y));
  pango_glyph_string_free (glyphs);
  if (node != NULL)
    {
      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
  return TRUE;
}

static void
hark_time_label_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HarkTimeLabel *self = HARK_TIME_LABEL (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  float xalign = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1 - self->xalign
                                                                       : self->xalign;
  PangoRectangle logical;
  int total = 0, ascent = 0, descent = 0, x;
  float y;

  if (self->text == NULL || *self->text == '\0')
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!all_cacheable (self->text))
    {
      if (self->whole == NULL)
        self->whole = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_get_pixel_extents (self->whole, NULL, &logical);
      gtk_snapshot_render_layout (snapshot, style, floorf (xalign * (width - logical.width)),
                                  floorf ((height - logical.height) * 0.5f), self->whole);
      gtk_snapshot_pop (snapshot);
      return;
    }

  /* One line as a layout of the whole text would make it: runs side by side on a common
   * baseline (a character from a fallback font may sit higher or lower in its own layout). */
  for (const char *p = self->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const Glyph *g = get_glyph (self, g_utf8_get_char (p));

      total += g->advance;
      ascent = MAX (ascent, g->baseline);
      descent = MAX (descent, g->height - g->baseline);
    }
  /* Where a layout as wide as the widget, aligned by xalign, puts its line; centred
   * vertically on whole pixels. */
  x = (int) (xalign * (width * PANGO_SCALE - total));
  y = MAX (floorf ((height - PANGO_PIXELS_CEIL (ascent + descent)) * 0.5f), 0);
  /* All one font (digits and separators usually are): one text node of the cached glyphs. */
  if (snapshot_glyphs (self, snapshot, style, x, y + (double) ascent / PANGO_SCALE))
    {
      gtk_snapshot_pop (snapshot);
      return;
    }
  for (const char *p = self->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const Glyph *g = get_glyph (self, g_utf8_get_char (p));

      gtk_snapshot_render_layout (snapshot, style, (double) x / PANGO_SCALE,
                                  y + (double) (ascent - g->baseline) / PANGO_SCALE, g->layout);
      x += g->advance;
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_pop (snapshot);
}

static void
hark_time_label_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (hark_time_label_parent_class)->css_changed (widget, change);
  /* The font, its size or its features may have changed: lay the characters out again. */
  drop_layouts (HARK_TIME_LABEL (widget));
  gtk_widget_queue_draw (widget);
}

static void
hark_time_label_finalize (GObject *object)
{
  HarkTimeLabel *self = HARK_TIME_LABEL (object);

  drop_layouts (self);
  g_hash_table_unref (self->glyphs);
  g_free (self->text);
  G_OBJECT_CLASS (hark_time_label_parent_class)->finalize (object);
}

static void
hark_time_label_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  HarkTimeLabel *self = HARK_TIME_LABEL (object);

  switch (id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_MIN_CHARS:
      g_value_set_uint (value, self->min_chars);
      break;
    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
hark_time_label_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  HarkTimeLabel *self = HARK_TIME_LABEL (object);

  switch (id)
    {
    case PROP_TEXT:
      hark_time_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_MIN_CHARS:
      hark_time_label_set_min_chars (self, g_value_get_uint (value));
      break;
    case PROP_XALIGN:
      self->xalign = CLAMP (g_value_get_float (value), 0, 1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
hark_time_label_class_init (HarkTimeLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hark_time_label_finalize;
  object_class->get_property = hark_time_label_get_property;
  object_class->set_property = hark_time_label_set_property;
  widget_class->measure = hark_time_label_measure;
  widget_class->snapshot = hark_time_label_snapshot;
  widget_class->css_changed = hark_time_label_css_changed;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_CHARS] = g_param_spec_uint ("min-chars", NULL, NULL, 0, 64, 3,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN] = g_param_spec_float ("xalign", NULL, NULL, 0, 1, 0,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
hark_time_label_init (HarkTimeLabel *self)
{
  self->min_chars = 3;
  self->glyphs = g_hash_table_new_full (NULL, NULL, NULL, glyph_free);
}

GtkWidget *
hark_time_label_new (void)
{
  return g_object_new (HARK_TYPE_TIME_LABEL, NULL);
}

void
hark_time_label_set_text (HarkTimeLabel *self, const char *text)
{
  g_return_if_fail (HARK_IS_TIME_LABEL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->whole);
  /* Same size whatever the time: a redraw, never a new layout of the window. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* What a screen reader says, as for a label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

const char *
hark_time_label_get_text (HarkTimeLabel *self)
{
  g_return_val_if_fail (HARK_IS_TIME_LABEL (self), NULL);
  return self->text;
}

void
hark_time_label_set_min_chars (HarkTimeLabel *self, guint min_chars)
{
  g_return_if_fail (HARK_IS_TIME_LABEL (self));

  if (self->min_chars == min_chars)
    return;
  self->min_chars = min_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
hark_time_label_get_min_chars (HarkTimeLabel *self)
{
  g_return_val_if_fail (HARK_IS_TIME_LABEL (self), 0);
  return self->min_chars;
}
