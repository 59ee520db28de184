/* hark-player-bar.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signals: "seek" (double) from the seek bar. The buttons activate app./win. actions.
 */
#include "hark-player-bar.h"

#include <glib/gi18n.h>

#include "util/hark-time.h"

static const double speed_presets[] = { 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0 };

struct _HarkPlayerBar
{
  GtkBox parent_instance;

  GtkLabel *elapsed_label;
  GtkLabel *remaining_label;
  HarkSeekBar *seek_bar;
  GtkButton *play_button;
  GtkButton *back_button;
  GtkButton *forward_button;
  GtkMenuButton *speed_button;
  GtkLabel *speed_label;
  GtkGrid *speed_presets;
  GtkAdjustment *volume_adjustment;
  GtkMenuButton *speaker_button;
  GtkLabel *speaker_label;

  gint64 shown_elapsed;
  gint64 shown_remaining;
};

G_DEFINE_FINAL_TYPE (HarkPlayerBar, hark_player_bar, GTK_TYPE_BOX)

enum { SIGNAL_SEEK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_seek (HarkPlayerBar *self, double position)
{
  g_signal_emit (self, signals[SIGNAL_SEEK], 0, position);
}

static void
hark_player_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HARK_TYPE_PLAYER_BAR);
  G_OBJECT_CLASS (hark_player_bar_parent_class)->dispose (object);
}

static void
hark_player_bar_class_init (HarkPlayerBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hark_player_bar_dispose;

  signals[SIGNAL_SEEK] = g_signal_new ("seek", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  g_type_ensure (HARK_TYPE_SEEK_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hark/Hark/hark-player-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, seek_bar);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, back_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, forward_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, speed_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, speed_label);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, speed_presets);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, speaker_label);
  gtk_widget_class_bind_template_callback (widget_class, on_seek);
}

static void
hark_player_bar_init (HarkPlayerBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (speed_presets); i++)
    {
      g_autofree char *label = g_strdup_printf ("%g×", speed_presets[i]);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.set-speed");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_double (speed_presets[i]));
      gtk_widget_add_css_class (button, "flat");
      gtk_grid_attach (self->speed_presets, button, i % 4, i / 4, 1, 1);
    }
  self->shown_elapsed = self->shown_remaining = -1;
  hark_player_bar_set_skip_seconds (self, 15, 30);
}

HarkSeekBar *
hark_player_bar_get_seek_bar (HarkPlayerBar *self)
{
  return self->seek_bar;
}

GtkAdjustment *
hark_player_bar_get_volume (HarkPlayerBar *self)
{
  return self->volume_adjustment;
}

GtkMenuButton *
hark_player_bar_get_speaker_button (HarkPlayerBar *self)
{
  return self->speaker_button;
}

void
hark_player_bar_set_playing (HarkPlayerBar *self, gboolean playing)
{
  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (Space)") : _("Play (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"), -1);
}

void
hark_player_bar_set_times (HarkPlayerBar *self, double position, double duration)
{
  gint64 elapsed = (gint64) position;
  gint64 remaining = duration > 0 ? (gint64) (MAX (duration - position, 0) + 0.999) : 0;

  hark_seek_bar_set_position (self->seek_bar, position);
  /* Labels change once a second: relayout on every frame would be wasted work. */
  if (elapsed != self->shown_elapsed)
    {
      g_autofree char *text = hark_time_format (elapsed, FALSE);

      gtk_label_set_label (self->elapsed_label, text);
      self->shown_elapsed = elapsed;
    }
  if (remaining != self->shown_remaining)
    {
      g_autofree char *time = hark_time_format (remaining, FALSE);
      g_autofree char *text = g_strdup_printf ("−%s", time);

      gtk_label_set_label (self->remaining_label, text);
      self->shown_remaining = remaining;
    }
}

void
hark_player_bar_set_speed (HarkPlayerBar *self, double speed)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *button = NULL;
  g_autofree char *label = g_strdup_printf ("%.2f×", speed);
  gsize len;

  /* "1.0×", "1.25×", "1.5×": as short as the value allows, one decimal at least. */
  g_snprintf (number, sizeof number, "%.2f", speed);
  len = strlen (number);
  if (number[len - 1] == '0')
    number[len - 1] = '\0';
  button = g_strdup_printf ("%s×", number);
  gtk_menu_button_set_label (self->speed_button, button);
  gtk_label_set_label (self->speed_label, label);
}

void
hark_player_bar_set_skip_seconds (HarkPlayerBar *self, int back, int forward)
{
  g_autofree char *back_text = g_strdup_printf (_("Back %d Seconds (←)"), back);
  g_autofree char *forward_text = g_strdup_printf (_("Forward %d Seconds (→)"), forward);
  g_autofree char *back_label = g_strdup_printf (_("Back %d seconds"), back);
  g_autofree char *forward_label = g_strdup_printf (_("Forward %d seconds"), forward);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), back_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->forward_button), forward_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, back_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->forward_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, forward_label, -1);
}

void
hark_player_bar_set_speaker (HarkPlayerBar *self, const char *name)
{
  gtk_label_set_label (self->speaker_label, name != NULL ? name : _("Speakers"));
}
