/* hark-text-size.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-text-size.h"

#include <math.h>

/* Steps of roughly a tenth, as browsers zoom; 1.0 is the stylesheet's own size. */
static const double ladder[] = { 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0 };
#define NORMAL_STEP 3

struct _HarkTextSize
{
  GObject parent_instance;

  GSettings *settings;
  GtkCssProvider *provider;
  guint step;
};

G_DEFINE_FINAL_TYPE (HarkTextSize, hark_text_size, G_TYPE_OBJECT)

/* The ladder step nearest @scale (a saved value may be anything in the schema's range). */
static guint
nearest_step (double scale)
{
  guint best = NORMAL_STEP;

  if (!isfinite (scale))
    return NORMAL_STEP;
  for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
    if (fabs (ladder[i] - scale) < fabs (ladder[best] - scale))
      best = i;
  return best;
}

static void
apply (HarkTextSize *self)
{
  char scale[G_ASCII_DTOSTR_BUF_SIZE], text[G_ASCII_DTOSTR_BUF_SIZE];
  char note[G_ASCII_DTOSTR_BUF_SIZE], heading[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  /* ui/style.css's sizes (1em names, 1.08em words, 0.92em segment notes, 1.3em chapter titles)
   * times the scale, written with the C locale's decimal point whatever the user's. */
  g_ascii_formatd (scale, sizeof scale, "%.3f", ladder[self->step]);
  g_ascii_formatd (text, sizeof text, "%.3f", ladder[self->step] * 1.08);
  g_ascii_formatd (note, sizeof note, "%.3f", ladder[self->step] * 0.92);
  g_ascii_formatd (heading, sizeof heading, "%.3f", ladder[self->step] * 1.3);
  css = g_strdup_printf (".turn-row .speaker { font-size: %sem; }\n"
                         ".turn-row .turn-text { font-size: %sem; }\n"
                         ".turn-row .segment-pill { font-size: %sem; }\n"
                         ".turn-row.chapter .turn-text { font-size: %sem; }\n",
                         scale, text, note, heading);
  gtk_css_provider_load_from_data (self->provider, css, -1);
}

static void
on_setting_changed (HarkTextSize *self)
{
  guint step = nearest_step (g_settings_get_double (self->settings, "transcript-text-scale"));

  if (step == self->step)
    return;
  self->step = step;
  apply (self);
}

static void
hark_text_size_dispose (GObject *object)
{
  HarkTextSize *self = HARK_TEXT_SIZE (object);
  GdkDisplay *display = gdk_display_get_default ();

  if (self->provider != NULL && display != NULL)
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->provider));
  g_clear_object (&self->provider);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hark_text_size_parent_class)->dispose (object);
}

static void
hark_text_size_class_init (HarkTextSizeClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hark_text_size_dispose;
}

static void
hark_text_size_init (HarkTextSize *self)
{
  self->step = NORMAL_STEP;
}

HarkTextSize *
hark_text_size_new (GSettings *settings)
{
  HarkTextSize *self = g_object_new (HARK_TYPE_TEXT_SIZE, NULL);
  GdkDisplay *display = gdk_display_get_default ();

  self->provider = gtk_css_provider_new ();
  /* Above the application's stylesheet, whose sizes it replaces. */
  if (display != NULL)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      self->step = nearest_step (g_settings_get_double (settings, "transcript-text-scale"));
      g_signal_connect_object (settings, "changed::transcript-text-scale",
                               G_CALLBACK (on_setting_changed), self, G_CONNECT_SWAPPED);
    }
  apply (self);
  return self;
}

void
hark_text_size_step (HarkTextSize *self, int direction)
{
  guint step = self->step;

  if (direction > 0 && step + 1 < G_N_ELEMENTS (ladder))
    step++;
  else if (direction < 0 && step > 0)
    step--;
  else if (direction == 0)
    step = NORMAL_STEP;
  if (step == self->step)
    return;
  self->step = step;
  apply (self);
  if (self->settings != NULL)
    g_settings_set_double (self->settings, "transcript-text-scale", ladder[step]);
}

double
hark_text_size_get_scale (HarkTextSize *self)
{
  return ladder[self->step];
}

static void
on_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  const char *name = g_action_get_name (G_ACTION (action));

  hark_text_size_step (user_data, g_str_equal (name, "text-larger")    ? 1
                                  : g_str_equal (name, "text-smaller") ? -1
                                                                       : 0);
}

void
hark_text_size_add_actions (HarkTextSize *self, GActionMap *map)
{
  static const char *const names[] = { "text-larger", "text-smaller", "text-normal" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (on_action), self, 0);
      g_action_map_add_action (map, G_ACTION (action));
    }
}
