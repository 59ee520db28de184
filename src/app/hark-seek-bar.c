/* hark-seek-bar.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signals: "seek" (double seconds) when the user clicks, finishes a drag or presses a key.
 *
 * Keys (it takes focus like any slider): ←/→ and ↑/↓ step STEP_SECONDS, Page Up/Down
 * PAGE_SECONDS, Home/End the ends. They go through the "seekbar.step" and "seekbar.jump-to"
 * widget actions, which tests drive directly (GTK 4.8 cannot synthesize key presses).
 */
#include "hark-seek-bar.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "hark-flat-node.h"
#include "hark-speaker-colors.h"
#include "util/hark-time.h"

#define TRACK_HEIGHT 10.0
#define KNOB_SIZE 16.0
#define MARGIN (KNOB_SIZE / 2)
#define FIRST_WORDS 8
#define STEP_SECONDS 5.0
#define PAGE_SECONDS 60.0

typedef struct
{
  float x0, x1;
  int speaker;
} Span;

struct _HarkSeekBar
{
  GtkWidget parent_instance;

  HarkReading *reading;
  double duration;
  double position;
  double hover_time; /* < 0: not hovering */
  gboolean dragging;
  double drag_time;

  GArray *spans; /* Span, merged per pixel for the current width */
  int spans_width;
  /* The track as pictures, turns at full strength (heard) and faint (ahead), for the size,
   * scale and style they were drawn at: see track_picture(). */
  GskRenderNode *track_heard, *track_ahead;
  int track_width, track_height, track_scale;
  gboolean track_dark;
  int drawn_knob_x; /* the knob's pixel at the last draw: playing redraws only when it moves */
};

G_DEFINE_FINAL_TYPE (HarkSeekBar, hark_seek_bar, GTK_TYPE_WIDGET)

enum { SIGNAL_SEEK, N_SIGNALS };
static guint signals[N_SIGNALS];

static double
track_width (HarkSeekBar *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN, 1);
}

static double
x_for_time (HarkSeekBar *self, double time)
{
  if (self->duration <= 0)
    return MARGIN;
  return MARGIN + CLAMP (time / self->duration, 0, 1) * track_width (self);
}

static double
time_for_x (HarkSeekBar *self, double x)
{
  return CLAMP ((x - MARGIN) / track_width (self), 0, 1) * MAX (self->duration, 0);
}

/* Turns shorter than a pixel would cost a rectangle each on every frame: merge them. */
static void
rebuild_spans (HarkSeekBar *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n_turns = 0;
  const HarkTurn *turns = NULL;

  g_array_set_size (self->spans, 0);
  self->spans_width = width;
  if (self->reading == NULL || self->duration <= 0)
    return;
  turns = hark_transcript_get_turns (hark_reading_get_transcript (self->reading), &n_turns);
  for (guint i = 0; i < n_turns; i++)
    {
      Span s = { x_for_time (self, turns[i].start), x_for_time (self, turns[i].end), turns[i].speaker };

      if (self->spans->len > 0)
        {
          Span *last = &g_array_index (self->spans, Span, self->spans->len - 1);

          if ((last->speaker == s.speaker && s.x0 - last->x1 < 1) || s.x1 - last->x0 < 1)
            {
              last->x1 = MAX (last->x1, s.x1);
              continue;
            }
        }
      g_array_append_val (self->spans, s);
    }
}

static void
append_rect (GtkSnapshot *snapshot, const GdkRGBA *color, float x, float y, float w, float h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, MAX (w, 1), h));
}

/* The track's turns (all heard, or all ahead) and segment stripes, under its rounded ends. */
static void
snapshot_track (HarkSeekBar *self, GtkSnapshot *snapshot, gboolean heard, gboolean dark)
{
  float top = (gtk_widget_get_height (GTK_WIDGET (self)) - TRACK_HEIGHT) / 2;
  float width = track_width (self);
  GskRoundedRect track;
  GdkRGBA trough, color, shade;

  gdk_rgba_parse (&trough, dark ? "rgba(255,255,255,0.15)" : "rgba(0,0,0,0.1)");
  gsk_rounded_rect_init_from_rect (&track, &GRAPHENE_RECT_INIT (MARGIN, top, width, TRACK_HEIGHT),
                                   TRACK_HEIGHT / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &track);
  append_rect (snapshot, &trough, MARGIN, top, width, TRACK_HEIGHT);

  /* Turns in their speaker's colour: full strength where already heard, faint ahead. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *s = &g_array_index (self->spans, Span, i);

      hark_speaker_color (s->speaker, dark, &color);
      if (!heard)
        color.alpha = 0.35;
      append_rect (snapshot, &color, s->x0, top, s->x1 - s->x0, TRACK_HEIGHT);
    }
  if (self->spans->len == 0 && self->duration > 0 && heard)
    {
      gdk_rgba_parse (&color, dark ? "#78aeed" : "#3584e4");
      append_rect (snapshot, &color, MARGIN, top, width, TRACK_HEIGHT);
    }

  /* Segments: stripes in the category's colour over the turns. */
  if (self->reading != NULL)
    {
      guint n_rows;
      const HarkReadingRow *rows = hark_reading_get_rows (self->reading, &n_rows);

      for (guint i = 0; i < n_rows; i++)
        {
          const HarkSegmentEntry *e;
          float x0, x1;

          if (rows[i].kind != HARK_READING_ROW_SEGMENT)
            continue;
          e = hark_reading_get_segment (self->reading, rows[i].segment);
          gdk_rgba_parse (&shade, e->segment.category == HARK_CATEGORY_SPONSOR ? "#e5a50a"
                                  : e->segment.category == HARK_CATEGORY_SELFPROMO ? "#2ec27e"
                                                                                  : "#9a9996");
          x0 = x_for_time (self, rows[i].start);
          x1 = x_for_time (self, rows[i].end);
          shade.alpha = e->action == HARK_SKIP_ACTION_SKIP ? 0.9 : 0.6;
          for (float x = x0; x < x1; x += 4)
            append_rect (snapshot, &shade, x, top, MIN (2, x1 - x), TRACK_HEIGHT);
        }
    }
  gtk_snapshot_pop (snapshot);
}

static void
drop_track (HarkSeekBar *self)
{
  g_clear_pointer (&self->track_heard, gsk_render_node_unref);
  g_clear_pointer (&self->track_ahead, gsk_render_node_unref);
}

/* The track drawn once into a picture of the widget's size in device pixels. A turn map is a
 * few hundred rectangles, and the cairo renderer draws every node of the window on every
 * frame, however little changed (the time labels once a second): as a picture it is one. A
 * cairo node rather than a texture: GTK 4.8's cairo renderer copies a texture into a new
 * surface at every frame it draws it, a cairo node's picture is painted as it is. */
static GskRenderNode *
track_picture (HarkSeekBar *self, gboolean heard, gboolean dark, int scale)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0
      || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return NULL;
  snapshot_track (self, snapshot, heard, dark);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return node != NULL ? hark_flat_node_flatten (node, scale) : NULL;
}

static void
hark_seek_bar_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HarkSeekBar *self = HARK_SEEK_BAR (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int scale = gtk_widget_get_scale_factor (widget);
  float height = gtk_widget_get_height (widget);
  float top = (height - TRACK_HEIGHT) / 2;
  double shown = self->dragging ? self->drag_time : self->position;
  float played_x = x_for_time (self, shown);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), height);
  GdkRGBA knob = { 1, 1, 1, 1 }, ring;

  if (self->spans_width != gtk_widget_get_width (widget))
    rebuild_spans (self);
  self->drawn_knob_x = (int) played_x;

  if (self->track_width != gtk_widget_get_width (widget) || self->track_height != (int) height
      || self->track_scale != scale || self->track_dark != dark)
    drop_track (self);
  if (self->track_heard == NULL && self->track_ahead == NULL)
    {
      self->track_heard = track_picture (self, TRUE, dark, scale);
      self->track_ahead = track_picture (self, FALSE, dark, scale);
      self->track_width = gtk_widget_get_width (widget);
      self->track_height = (int) height;
      self->track_scale = scale;
      self->track_dark = dark;
    }
  if (self->track_heard != NULL && self->track_ahead != NULL)
    {
      /* Heard up to the knob, ahead after it. */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, played_x, height));
      gtk_snapshot_append_node (snapshot, self->track_heard);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (played_x, 0, bounds.size.width
                                                                            - played_x, height));
      gtk_snapshot_append_node (snapshot, self->track_ahead);
      gtk_snapshot_pop (snapshot);
    }

  /* Chapter ticks cut small gaps into the track. */
  if (self->reading != NULL)
    {
      guint n_chapters;
      const HarkChapter *chapters =
        hark_transcript_get_chapters (hark_reading_get_transcript (self->reading), &n_chapters);
      GdkRGBA tick;

      gdk_rgba_parse (&tick, dark ? "#303030" : "#ffffff");
      for (guint i = 0; i < n_chapters; i++)
        if (chapters[i].start > 0 && chapters[i].toc)
          append_rect (snapshot, &tick, x_for_time (self, chapters[i].start) - 1, top - 2, 2,
                       TRACK_HEIGHT + 4);
    }

  if (self->hover_time >= 0 && !self->dragging)
    {
      GdkRGBA line;

      gdk_rgba_parse (&line, dark ? "rgba(255,255,255,0.6)" : "rgba(0,0,0,0.45)");
      append_rect (snapshot, &line, x_for_time (self, self->hover_time) - 0.5, top - 3, 1,
                   TRACK_HEIGHT + 6);
    }

  if (self->duration > 0)
    {
      GskRoundedRect knob_rect;
      GskShadow shadow = { { 0, 0, 0, 0.35 }, 0, 1, 3 };

      gsk_rounded_rect_init_from_rect (
        &knob_rect,
        &GRAPHENE_RECT_INIT (played_x - KNOB_SIZE / 2, height / 2 - KNOB_SIZE / 2, KNOB_SIZE,
                             KNOB_SIZE),
        KNOB_SIZE / 2);
      gtk_snapshot_append_outset_shadow (snapshot, &knob_rect, &shadow.color, 0, 1, 0, 3);
      gtk_snapshot_push_rounded_clip (snapshot, &knob_rect);
      append_rect (snapshot, &knob, knob_rect.bounds.origin.x, knob_rect.bounds.origin.y,
                   KNOB_SIZE, KNOB_SIZE);
      gtk_snapshot_pop (snapshot);
      if (gtk_widget_has_visible_focus (widget))
        {
          float border = 2;
          GdkRGBA colors[4];

          gdk_rgba_parse (&ring, dark ? "#78aeed" : "#3584e4");
          for (int i = 0; i < 4; i++)
            colors[i] = ring;
          gtk_snapshot_append_border (snapshot, &knob_rect, (float[]) { border, border, border, border },
                                      colors);
        }
    }
}

static void
hark_seek_bar_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 120;
  else
    *minimum = *natural = 28;
}

static void
hark_seek_bar_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  rebuild_spans (HARK_SEEK_BAR (widget));
}

char *
hark_seek_bar_describe (HarkSeekBar *self, double time)
{
  g_autofree char *when = hark_time_format (time, FALSE);
  HarkTranscript *transcript;
  const HarkTurn *turns;
  const HarkSpeaker *speaker = NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GString) first = g_string_new (NULL);
  int turn, row;

  if (self->reading == NULL)
    return g_steal_pointer (&when);

  row = hark_reading_row_at (self->reading, time);
  if (row >= 0 && hark_reading_get_rows (self->reading, NULL)[row].kind == HARK_READING_ROW_SEGMENT)
    {
      const HarkReadingRow *r = &hark_reading_get_rows (self->reading, NULL)[row];
      const HarkSegmentEntry *e = hark_reading_get_segment (self->reading, r->segment);

      return g_strdup_printf ("%s · %s", when, hark_category_get_label (e->segment.category));
    }

  transcript = hark_reading_get_transcript (self->reading);
  turn = hark_transcript_turn_at (transcript, time);
  if (turn < 0)
    return g_steal_pointer (&when);
  turns = hark_transcript_get_turns (transcript, NULL);
  if (turns[turn].speaker >= 0)
    speaker = hark_transcript_get_speaker (transcript, turns[turn].speaker);

  words = g_strsplit (turns[turn].text, " ", FIRST_WORDS + 1);
  for (guint i = 0; words[i] != NULL && i < FIRST_WORDS; i++)
    g_string_append_printf (first, "%s%s", i > 0 ? " " : "", words[i]);
  if (g_strv_length (words) > FIRST_WORDS)
    g_string_append (first, "…");

  if (speaker != NULL)
    return g_strdup_printf ("%s · %s\n“%s”", when, speaker->name, first->str);
  return g_strdup_printf ("%s\n“%s”", when, first->str);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  HarkSeekBar *self = HARK_SEEK_BAR (widget);
  g_autofree char *text = NULL;

  if (self->duration <= 0)
    return FALSE;
  text = hark_seek_bar_describe (self, keyboard ? self->position : time_for_x (self, x));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *motion, double x, double y, HarkSeekBar *self)
{
  self->hover_time = time_for_x (self, x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *motion, HarkSeekBar *self)
{
  self->hover_time = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *drag, double x, double y, HarkSeekBar *self)
{
  if (self->duration <= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
  self->dragging = TRUE;
  self->drag_time = time_for_x (self, x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *drag, double dx, double dy, HarkSeekBar *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (drag, &x, &y);
  self->drag_time = time_for_x (self, x + dx);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *drag, double dx, double dy, HarkSeekBar *self)
{
  double x, y;

  if (!self->dragging)
    return;
  gtk_gesture_drag_get_start_point (drag, &x, &y);
  self->dragging = FALSE;
  self->position = time_for_x (self, x + dx);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SEEK], 0, self->position);
}

static void
seek_to (HarkSeekBar *self, double time)
{
  if (self->duration <= 0 || isnan (time))
    return;
  self->position = CLAMP (time, 0, self->duration);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SEEK], 0, self->position);
}

/* "seekbar.step" (d): moves by that many seconds from where the knob is. */
static void
on_step (GtkWidget *widget, const char *action, GVariant *parameter)
{
  HarkSeekBar *self = HARK_SEEK_BAR (widget);

  seek_to (self, self->position + g_variant_get_double (parameter));
}

/* "seekbar.jump-to" (d): a fraction of the episode, 0 the start and 1 the end. */
static void
on_jump_to (GtkWidget *widget, const char *action, GVariant *parameter)
{
  HarkSeekBar *self = HARK_SEEK_BAR (widget);
  double fraction = g_variant_get_double (parameter);

  if (isnan (fraction))
    return;
  seek_to (self, CLAMP (fraction, 0, 1) * self->duration);
}

static void
bind_step (GtkWidgetClass *widget_class, guint keyval, double seconds)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "seekbar.step", "d", seconds);
}

static void
hark_seek_bar_dispose (GObject *object)
{
  HarkSeekBar *self = HARK_SEEK_BAR (object);

  g_clear_pointer (&self->reading, hark_reading_unref);
  drop_track (self);
  G_OBJECT_CLASS (hark_seek_bar_parent_class)->dispose (object);
}

static void
hark_seek_bar_finalize (GObject *object)
{
  g_array_unref (HARK_SEEK_BAR (object)->spans);
  G_OBJECT_CLASS (hark_seek_bar_parent_class)->finalize (object);
}

static void
hark_seek_bar_class_init (HarkSeekBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_seek_bar_dispose;
  object_class->finalize = hark_seek_bar_finalize;
  widget_class->snapshot = hark_seek_bar_snapshot;
  widget_class->measure = hark_seek_bar_measure;
  widget_class->size_allocate = hark_seek_bar_size_allocate;

  signals[SIGNAL_SEEK] = g_signal_new ("seek", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "seekbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);

  gtk_widget_class_install_action (widget_class, "seekbar.step", "d", on_step);
  gtk_widget_class_install_action (widget_class, "seekbar.jump-to", "d", on_jump_to);
  bind_step (widget_class, GDK_KEY_Left, -STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_KP_Left, -STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_Down, -STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_KP_Down, -STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_Right, STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_KP_Right, STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_Up, STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_KP_Up, STEP_SECONDS);
  bind_step (widget_class, GDK_KEY_Page_Down, -PAGE_SECONDS);
  bind_step (widget_class, GDK_KEY_Page_Up, PAGE_SECONDS);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "seekbar.jump-to", "d", 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "seekbar.jump-to", "d", 1.0);
}

static void
hark_seek_bar_init (HarkSeekBar *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->hover_time = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->drawn_knob_x = -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Position"), -1);
  /* The style manager outlives every seek bar: the handler must go with the bar. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
hark_seek_bar_new (void)
{
  return g_object_new (HARK_TYPE_SEEK_BAR, NULL);
}

void
hark_seek_bar_set_episode (HarkSeekBar *self, HarkReading *reading, double duration)
{
  g_clear_pointer (&self->reading, hark_reading_unref);
  if (reading != NULL)
    self->reading = hark_reading_ref (reading);
  self->duration = duration;
  self->position = 0;
  self->drawn_knob_x = -1;
  rebuild_spans (self);
  drop_track (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, MAX (duration, 0.0),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hark_seek_bar_set_position (HarkSeekBar *self, double position)
{
  if (position == self->position || isnan (position))
    return;
  /* Whole seconds are enough for assistive technologies, and spare them a flood of events. */
  if ((gint64) position != (gint64) self->position)
    {
      g_autofree char *now = hark_time_format (position, FALSE);
      g_autofree char *total = hark_time_format (MAX (self->duration, 0), FALSE);
      /* Translators: the seek bar's value for screen readers, "12:34 of 59:11". */
      g_autofree char *text = g_strdup_printf (_("%s of %s"), now, total);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, position,
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
    }
  self->position = position;
  /* While playing the knob crawls: a frame is only worth drawing once it reaches a new pixel. */
  if (!self->dragging && (int) x_for_time (self, position) != self->drawn_knob_x)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
hark_seek_bar_get_position (HarkSeekBar *self)
{
  return self->position;
}
