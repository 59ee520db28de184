/* hark-player-bar.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signals: "seek" (double) from the seek bar. The buttons activate app./win. actions.
 *
 * The controls under the seek bar are three groups: speakers (start), transport (centre) and
 * speed/volume (end). When the three fit with the transport truly centred they share one row;
 * otherwise (a phone-sized window) the transport gets a row of its own above the other two, so
 * nothing is ever drawn over anything else.
 */
#include "hark-player-bar.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hark-flat-bin.h"
#include "hark-time-label.h"
#include "util/hark-time.h"

static const double speed_presets[] = { 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0 };

struct _HarkPlayerBar
{
  GtkBox parent_instance;

  HarkTimeLabel *elapsed_label;
  HarkTimeLabel *remaining_label;
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
  GtkWidget *volume_button;
  GtkWidget *previous_answer_button;
  GtkWidget *next_answer_button;
  GtkWidget *now_box;
  GtkImage *art_image;
  GtkLabel *chapter_label;
  GtkWidget *controls;
  GtkWidget *start_box;
  GtkWidget *center_box;
  GtkWidget *end_box;

  gint64 shown_elapsed;
  gint64 shown_remaining;
  guint speaker_fit_id;     /* showing or hiding the speaker's name after this layout */
  gboolean speaker_named;   /* the Speakers button shows a speaker's name */
};

G_DEFINE_FINAL_TYPE (HarkPlayerBar, hark_player_bar, GTK_TYPE_BOX)

enum { SIGNAL_SEEK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_seek (HarkPlayerBar *self, double position)
{
  g_signal_emit (self, signals[SIGNAL_SEEK], 0, position);
}

#define CONTROLS_SPACING 12
#define CONTROLS_ROW_SPACING 6

typedef struct
{
  int min, nat;
} Size;

static Size
measure_child (GtkWidget *child, GtkOrientation orientation, int for_size)
{
  Size size = { 0, 0 };

  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, &size.min, &size.nat, NULL, NULL);
  return size;
}

/* The width at which start, centre and end fit on one row with the centre centred. */
static int
controls_one_row_width (HarkPlayerBar *self)
{
  Size start = measure_child (self->start_box, GTK_ORIENTATION_HORIZONTAL, -1);
  Size center = measure_child (self->center_box, GTK_ORIENTATION_HORIZONTAL, -1);
  Size end = measure_child (self->end_box, GTK_ORIENTATION_HORIZONTAL, -1);

  return 2 * MAX (start.nat, end.nat) + center.nat + 2 * CONTROLS_SPACING;
}

static GtkSizeRequestMode
controls_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
controls_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                  int *natural, int *minimum_baseline, int *natural_baseline)
{
  HarkPlayerBar *self = HARK_PLAYER_BAR (gtk_widget_get_ancestor (widget, HARK_TYPE_PLAYER_BAR));
  Size start = measure_child (self->start_box, orientation, -1);
  Size center = measure_child (self->center_box, orientation, -1);
  Size end = measure_child (self->end_box, orientation, -1);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (center.min, start.min + CONTROLS_SPACING + end.min);
      *natural = MAX (*minimum, controls_one_row_width (self));
      return;
    }
  if (for_size < 0 || for_size >= controls_one_row_width (self))
    {
      *minimum = MAX (center.min, MAX (start.min, end.min));
      *natural = MAX (center.nat, MAX (start.nat, end.nat));
    }
  else
    {
      *minimum = center.min + CONTROLS_ROW_SPACING + MAX (start.min, end.min);
      *natural = center.nat + CONTROLS_ROW_SPACING + MAX (start.nat, end.nat);
    }
}

static void
allocate_child (GtkWidget *child, int x, int y, int width, int height)
{
  if (gtk_widget_should_layout (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

/* The Speakers button's name, laid out as its label would show it (at most max-width-chars of
 * the font's widest digit or average letter), whether it is shown now or not. */
static int
speaker_name_width (HarkPlayerBar *self)
{
  GtkWidget *label = GTK_WIDGET (self->speaker_label);
  PangoLayout *layout = gtk_widget_create_pango_layout (label, gtk_label_get_text (self->speaker_label));
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (label), NULL,
                                                         NULL);
  int width, cap = gtk_label_get_max_width_chars (self->speaker_label) *
                   MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics)) / PANGO_SCALE;

  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_font_metrics_unref (metrics);
  g_object_unref (layout);
  return cap > 0 ? MIN (width, cap) : width;
}

/* With its name hidden, the button's tooltip names the chosen speaker. */
static void
update_speaker_tooltip (HarkPlayerBar *self)
{
  g_autofree char *tip = NULL;

  if (self->speaker_named && !gtk_widget_get_visible (GTK_WIDGET (self->speaker_label)))
    /* Translators: the Speakers button's tooltip when it is too narrow to show the chosen
     * speaker's name (%s). */
    tip = g_strdup_printf (_("%s · Choose a Speaker"), gtk_label_get_text (self->speaker_label));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->speaker_button),
                               tip != NULL ? tip : _("Choose a Speaker"));
}

static gboolean
apply_speaker_fit (gpointer data)
{
  HarkPlayerBar *self = data;

  self->speaker_fit_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->speaker_label),
                          !gtk_widget_get_visible (GTK_WIDGET (self->speaker_label)));
  update_speaker_tooltip (self);
  return G_SOURCE_REMOVE;
}

/* At phone width the Speakers button is its icon alone (its tooltip and accessible name still
 * say what it does and who is chosen): a name cut to "S…" says nothing. The choice is made from
 * the sizes with the name shown, so hiding it cannot undo it, and 8 px of hysteresis keep a
 * width at the edge from flickering. It applies after this layout (a visibility change during
 * one would resize what is being allocated). */
static void
fit_speaker_name (HarkPlayerBar *self, int width, Size start, Size center, Size end)
{
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->speaker_label));
  int spacing = gtk_box_get_spacing (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->speaker_label))));
  int name = speaker_name_width (self) + spacing;
  int start_full = start.nat - (shown ? measure_child (GTK_WIDGET (self->speaker_label),
                                                       GTK_ORIENTATION_HORIZONTAL, -1).nat + spacing
                                      : 0) + name;
  int one_row = 2 * MAX (start_full, end.nat) + center.nat + 2 * CONTROLS_SPACING;
  int room = width >= one_row ? start_full : width - end.nat - CONTROLS_SPACING;
  gboolean fits = room >= start_full + (shown ? 0 : 8);

  if (fits != shown && self->speaker_fit_id == 0)
    self->speaker_fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_speaker_fit, self, NULL);
  else if (fits == shown)
    g_clear_handle_id (&self->speaker_fit_id, g_source_remove);
}

static void
controls_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  HarkPlayerBar *self = HARK_PLAYER_BAR (gtk_widget_get_ancestor (widget, HARK_TYPE_PLAYER_BAR));
  Size start = measure_child (self->start_box, GTK_ORIENTATION_HORIZONTAL, -1);
  Size center = measure_child (self->center_box, GTK_ORIENTATION_HORIZONTAL, -1);
  Size end = measure_child (self->end_box, GTK_ORIENTATION_HORIZONTAL, -1);
  int center_w = MIN (center.nat, width), center_x = (width - center_w) / 2;
  int end_w = MIN (end.nat, MAX (width - start.min - CONTROLS_SPACING, end.min));
  int start_w;

  fit_speaker_name (self, width, start, center, end);
  if (width >= controls_one_row_width (self))
    {
      start_w = MIN (start.nat, center_x - CONTROLS_SPACING);
      allocate_child (self->start_box, 0, 0, start_w, height);
      allocate_child (self->center_box, center_x, 0, center_w, height);
      allocate_child (self->end_box, width - end_w, 0, end_w, height);
    }
  else
    {
      int center_h = measure_child (self->center_box, GTK_ORIENTATION_VERTICAL, center_w).nat;
      int rest_y = MIN (center_h + CONTROLS_ROW_SPACING, height);
      int rest_h = MAX (height - rest_y, 0);

      start_w = MAX (MIN (start.nat, width - end_w - CONTROLS_SPACING), start.min);
      allocate_child (self->center_box, center_x, 0, center_w, center_h);
      allocate_child (self->start_box, 0, rest_y, start_w, rest_h);
      allocate_child (self->end_box, width - end_w, rest_y, end_w, rest_h);
    }
}

/* The container of the three groups: a bare widget whose layout is the one above. */
#define HARK_TYPE_PLAYER_CONTROLS (hark_player_controls_get_type ())
G_DECLARE_FINAL_TYPE (HarkPlayerControls, hark_player_controls, HARK, PLAYER_CONTROLS, GtkWidget)

struct _HarkPlayerControls
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (HarkPlayerControls, hark_player_controls, GTK_TYPE_WIDGET)

static void
hark_player_controls_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hark_player_controls_parent_class)->dispose (object);
}

static void
hark_player_controls_class_init (HarkPlayerControlsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hark_player_controls_dispose;
}

static void
hark_player_controls_init (HarkPlayerControls *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (controls_request_mode, controls_measure,
                                                        controls_allocate));
}

static void
hark_player_bar_dispose (GObject *object)
{
  g_clear_handle_id (&HARK_PLAYER_BAR (object)->speaker_fit_id, g_source_remove);
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
  g_type_ensure (HARK_TYPE_TIME_LABEL);
  g_type_ensure (HARK_TYPE_PLAYER_CONTROLS);
  g_type_ensure (HARK_TYPE_FLAT_BIN);
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
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, volume_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, previous_answer_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, next_answer_button);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, now_box);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, art_image);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, chapter_label);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, controls);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, start_box);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, center_box);
  gtk_widget_class_bind_template_child (widget_class, HarkPlayerBar, end_box);
  gtk_widget_class_bind_template_callback (widget_class, on_seek);
}

static void
hark_player_bar_init (HarkPlayerBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The volume button's name is on the outer widget; the button that takes focus inside it
   * would otherwise be read out as its icon ("GtkImage"). */
  for (GtkWidget *child = gtk_widget_get_first_child (self->volume_button); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Volume"), -1);

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

/* The times are time labels, not labels: a label relayouts the whole window whenever its text
 * changes, even to one of the same size, and that once a second cost more than the drawing; and
 * a time label draws its digits shaped once (see hark-time-label.c). It is as wide as it is told:
 * at least 7 characters (of the font's widest digit or average letter), more only when the text
 * grows longer ("−1:00:00"). */
static void
set_time_text (HarkTimeLabel *label, const char *text)
{
  guint chars = MAX (7, (guint) g_utf8_strlen (text, -1));

  if (hark_time_label_get_min_chars (label) != chars)
    hark_time_label_set_min_chars (label, chars);
  hark_time_label_set_text (label, text);
}

void
hark_player_bar_set_times (HarkPlayerBar *self, double position, double duration)
{
  gint64 elapsed = (gint64) position;
  /* The whole seconds left of the episode's length rounded up, counted down with the elapsed
   * time: both labels change at the same instant, so the bar is redrawn once a second, not twice. */
  gint64 total = duration > 0 ? (gint64) ceil (duration) : 0;
  gint64 remaining = position < duration ? MAX (total - elapsed, 0) : 0;

  hark_seek_bar_set_position (self->seek_bar, position);
  /* The times change once a second: redrawing them on every frame would be wasted work. */
  if (elapsed != self->shown_elapsed)
    {
      g_autofree char *text = hark_time_format (elapsed, FALSE);

      set_time_text (self->elapsed_label, text);
      self->shown_elapsed = elapsed;
    }
  if (remaining != self->shown_remaining)
    {
      g_autofree char *time = hark_time_format (remaining, FALSE);
      g_autofree char *text = g_strdup_printf ("−%s", time);

      set_time_text (self->remaining_label, text);
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
  g_autofree char *previous_tip = NULL, *next_tip = NULL, *previous = NULL, *next = NULL;

  gtk_label_set_label (self->speaker_label, name != NULL ? name : _("Speakers"));
  self->speaker_named = name != NULL;
  update_speaker_tooltip (self);
  /* The arrows say whose turn they jump to: the chosen speaker by name, else ask for one. */
  if (name != NULL)
    {
      /* Translators: a button's tooltip; %s is a speaker's name. */
      previous_tip = g_strdup_printf (_("Previous Answer by %s (Alt+P)"), name);
      next_tip = g_strdup_printf (_("Next Answer by %s (Alt+N)"), name);
      /* Translators: a button's name for screen readers; %s is a speaker's name. */
      previous = g_strdup_printf (_("Previous answer by %s"), name);
      next = g_strdup_printf (_("Next answer by %s"), name);
    }
  else
    {
      previous_tip = g_strdup (_("Previous Answer by This Speaker (Alt+P)"));
      next_tip = g_strdup (_("Next Answer by This Speaker (Alt+N)"));
      previous = g_strdup (_("Previous answer by this speaker"));
      next = g_strdup (_("Next answer by this speaker"));
    }
  gtk_widget_set_tooltip_text (self->previous_answer_button, previous_tip);
  gtk_widget_set_tooltip_text (self->next_answer_button, next_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_answer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, previous, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_answer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next, -1);
}

void
hark_player_bar_set_has_transcript (HarkPlayerBar *self, gboolean has_transcript)
{
  /* Without turns there is no speaker to choose or jump to: say so instead of doing nothing. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->speaker_button), has_transcript);
  gtk_widget_set_sensitive (self->previous_answer_button, has_transcript);
  gtk_widget_set_sensitive (self->next_answer_button, has_transcript);
}

static void
update_now_box (HarkPlayerBar *self)
{
  gtk_widget_set_visible (self->now_box,
                          gtk_widget_get_visible (GTK_WIDGET (self->art_image)) ||
                            gtk_widget_get_visible (GTK_WIDGET (self->chapter_label)));
}

void
hark_player_bar_set_chapter (HarkPlayerBar *self, const char *title)
{
  gboolean shown = title != NULL && *title != '\0';

  gtk_label_set_label (self->chapter_label, shown ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chapter_label), shown ? title : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chapter_label), shown);
  update_now_box (self);
}

void
hark_player_bar_set_art (HarkPlayerBar *self, GdkPaintable *art)
{
  gtk_image_set_from_paintable (self->art_image, art);
  gtk_widget_set_visible (GTK_WIDGET (self->art_image), art != NULL);
  update_now_box (self);
}

/* For the tests: the cover shown (NULL without one) and the chapter shown (NULL without one). */
GdkPaintable *
hark_player_bar_get_art (HarkPlayerBar *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->art_image))
           ? gtk_image_get_paintable (self->art_image)
           : NULL;
}

const char *
hark_player_bar_get_chapter (HarkPlayerBar *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->chapter_label))
           ? gtk_label_get_label (self->chapter_label)
           : NULL;
}
