/* test-wakes.c — while an episode plays, the window draws only when something it shows changes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each frame redraws the whole window's render tree (the cairo renderer draws every node, clipped
 * to what changed), so its count is the window's cost while playing. What changes: the time
 * labels once a second, the highlight when a caption or a turn starts or ends (a new turn also
 * brings the list's follow alignment, a few frames at most), and the knob along with the
 * seconds. Counted on the frame clock over a few seconds of ep189, after a seek far into it (the
 * list jumped, so any animation a scroll starts is still running), and held to that bound; the
 * time labels must still move every second.
 */
#include <math.h>

#include "hark-test-util.h"
#include "hark-ui-test.h"

#define SPAN_SECONDS 6
/* A new turn: the list's alignment takes up to ~22 frames (hark-transcript-view.c). */
#define FRAMES_PER_TURN 25

typedef struct
{
  guint paints;
  guint layouts;
} Counts;

static void
on_paint (GdkFrameClock *clock, Counts *counts)
{
  counts->paints++;
}

static void
on_layout (GdkFrameClock *clock, Counts *counts)
{
  counts->layouts++;
}

static gboolean
is_playing (gpointer user_data)
{
  return hark_player_get_state (hark_window_get_player (user_data)) == HARK_PLAYER_STATE_PLAYING;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The distinct times in (@from, @to] at which a caption or a row starts or ends. */
static guint
count_boundaries (HarkReading *reading, double from, double to, guint *turns)
{
  guint n_cues = 0, n_rows = 0, n = 0;
  const HarkCue *cues = hark_transcript_get_cues (hark_reading_get_transcript (reading), &n_cues);
  const HarkReadingRow *rows = hark_reading_get_rows (reading, &n_rows);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double last = -INFINITY;

  *turns = 0;
  for (guint i = 0; i < n_cues; i++)
    {
      g_array_append_val (times, cues[i].start);
      g_array_append_val (times, cues[i].end);
    }
  for (guint i = 0; i < n_rows; i++)
    {
      g_array_append_val (times, rows[i].start);
      g_array_append_val (times, rows[i].end);
      if (rows[i].start > from && rows[i].start <= to)
        (*turns)++;
    }
  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    {
      double t = g_array_index (times, double, i);

      if (t > from && t <= to && t - last > 0.001)
        n++;
      last = t;
    }
  return n;
}

static void
test_frames_while_playing (void)
{
  HarkApplication *app;
  g_autofree char *audio = hark_test_fixture ("ep189/ep189.opus");
  HarkWindow *window;
  GdkFrameClock *clock;
  Counts counts = { 0 };
  gulong paint_id, layout_id;
  double from, to, seconds;
  guint boundaries, turns, bound;
  gint64 end;

  if (!hark_ui_test_have_display () || audio == NULL)
    {
      g_test_skip ("needs an X display and ep189");
      return;
    }
  app = hark_ui_test_app_new ();
  window = hark_application_get_window (app);
  g_assert_true (hark_ui_test_open (window, audio, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  hark_ui_test_wait_frames (GTK_WIDGET (window), 3);

  /* Mid-episode, away from the opening's start-up, once the list has settled on the turn. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "seek", g_variant_new_double (600));
  g_action_group_activate_action (G_ACTION_GROUP (app), "play", NULL);
  hark_ui_test_wait_until (is_playing, window, 10, "playback to start");
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_id = g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &counts);
  layout_id = g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &counts);
  from = hark_window_get_position (window);
  end = g_get_monotonic_time () + SPAN_SECONDS * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  to = hark_window_get_position (window);
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (clock, layout_id);
  g_assert_true (is_playing (window));

  seconds = to - from;
  boundaries = count_boundaries (hark_window_get_reading (window), from, to, &turns);
  /* A frame a second, two for each boundary (the row's tint may land a frame after the time's),
   * each new turn its alignment, and two frames of slack for the span's edges. A window that
   * draws on every frame (60 a second), or animates a scrollbar each time the list follows
   * (~100 frames), is far above. */
  bound = (guint) ceil (seconds) + 2 + 2 * boundaries + turns * FRAMES_PER_TURN;
  g_test_message ("%.1f s played (%.2f to %.2f), %u caption/turn boundaries, %u new turns: "
                  "%u frames painted (bound %u), %u layouts",
                  seconds, from, to, boundaries, turns, counts.paints, bound, counts.layouts);
  g_assert_cmpfloat (seconds, >, SPAN_SECONDS - 1);
  g_assert_cmpuint (counts.paints, <=, bound);
  /* The time labels still move: about a frame a second (a loaded machine may merge a few). */
  g_assert_cmpuint (counts.paints, >=, (guint) (seconds / 2));
  /* Nothing is laid out again while the same turn plays: a caption change only repaints. */
  g_assert_cmpuint (counts.layouts, <=, 1 + turns * FRAMES_PER_TURN);
  hark_ui_test_app_free (app);
}

int
main (int argc, char *argv[])
{
  hark_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/wakes/ep189/frames-while-playing", test_frames_while_playing);
  return g_test_run ();
}
