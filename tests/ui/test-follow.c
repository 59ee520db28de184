/* test-follow.c — the transcript is where the listener is: after every seek and a reopen
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "hark-test-util.h"
#include "hark-ui-test.h"

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
  char *audio;
  double target; /* where the last seek went, or NAN */
  double latency_max;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!hark_ui_test_have_display ())
    return;
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
  f->target = NAN;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->app != NULL)
    hark_ui_test_app_free (f->app);
  g_free (f->audio);
}

static gboolean
open_ep189 (Fixture *f)
{
  if (f->app == NULL)
    return FALSE;
  f->audio = hark_test_fixture ("ep189/ep189.opus");
  if (f->audio == NULL)
    return FALSE;
  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  g_assert_nonnull (hark_window_get_reading (f->window));
  return TRUE;
}

static void
activate (Fixture *f, const char *action, GVariant *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), action, parameter);
}

/* Where the current row's top is, in the scroller's coordinates; FALSE when it has no widget. */
static gboolean
current_row_top (Fixture *f, double *top, double *height)
{
  HarkTurnRow *row = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
  GtkWidget *scroller = GTK_WIDGET (hark_window_get_scroller (f->window));
  double x;

  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)))
    return FALSE;
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (row), scroller, 0, 0, &x, top))
    return FALSE;
  *height = gtk_widget_get_height (scroller);
  return TRUE;
}

/* The seek landed, the row heard is the current one and selected, and its first line is inside
 * the viewport. */
static gboolean
current_row_in_view (gpointer user_data)
{
  Fixture *f = user_data;
  HarkReading *reading = hark_window_get_reading (f->window);
  double position = hark_window_get_position (f->window);
  double top, height;
  int row;

  if (!isnan (f->target) && fabs (position - f->target) > 3)
    return FALSE;
  row = hark_reading_row_at (reading, position);
  if (row < 0 || hark_window_get_current_row (f->window) != row ||
      hark_window_get_selected_row (f->window) != row)
    return FALSE;
  if (!current_row_top (f, &top, &height))
    return FALSE;
  if (top >= 0 && top + 24 <= height)
    return TRUE;
  /* In a turn taller than the view, the caption being heard is what must be in view. */
  {
    HarkTurnRow *widget = hark_window_get_row_widget (f->window, row);
    GtkWidget *scroller = GTK_WIDGET (hark_window_get_scroller (f->window));
    double cue_top, cue_bottom;

    return gtk_widget_get_height (GTK_WIDGET (widget)) > height * 0.7 &&
           hark_turn_row_get_cue_span (widget, scroller, &cue_top, &cue_bottom) && cue_top >= 0 &&
           cue_bottom <= height;
  }
}

static void
check_in_view (Fixture *f, const char *what)
{
  gint64 start = g_get_monotonic_time ();
  double latency;

  double top = NAN, height = NAN;

  /* The time limit is a safety net: a list that lost the listener never gets there. */
  while (!current_row_in_view (f) && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  latency = (g_get_monotonic_time () - start) / 1000.0;
  if (!current_row_in_view (f))
    {
      current_row_top (f, &top, &height);
      g_test_message ("at %.1f (target %.1f): row heard %d, current %d, selected %d, following %d,"
                      " top %.0f of %.0f",
                      hark_window_get_position (f->window), f->target,
                      hark_reading_row_at (hark_window_get_reading (f->window),
                                           hark_window_get_position (f->window)),
                      hark_window_get_current_row (f->window),
                      hark_window_get_selected_row (f->window),
                      hark_window_get_following (f->window), top, height);
      g_test_fail_printf ("waited 5 s in vain for %s", what);
      g_assert_true (current_row_in_view (f));
    }
  f->latency_max = MAX (f->latency_max, latency);
  g_assert_true (hark_window_get_following (f->window));
}

static void
check_in_view_of_row (Fixture *f, guint row)
{
  gint64 start = g_get_monotonic_time ();

  while ((hark_window_get_current_row (f->window) != (int) row ||
          fabs (hark_window_get_position (f->window) - f->target) > 1) &&
         g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpint (hark_window_get_current_row (f->window), ==, (int) row);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
}

static gboolean
is_playing (gpointer user_data)
{
  Fixture *f = user_data;

  return hark_player_get_state (hark_window_get_player (f->window)) == HARK_PLAYER_STATE_PLAYING;
}

static gboolean
is_paused (gpointer user_data)
{
  return !is_playing (user_data);
}

static void
reopen (Fixture *f)
{
  double stopped = hark_window_get_position (f->window);

  f->target = NAN;
  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  /* Resumed where it stopped (less the rewind on resume), not at the start. */
  g_assert_cmpfloat (fabs (hark_window_get_position (f->window) - stopped), <, 30);
  check_in_view (f, "the turn where the listener stopped to be in view after reopening");
}

static void
test_fifty_seeks (Fixture *f, gconstpointer data)
{
  double duration;
  guint reopened = 0;

  if (!open_ep189 (f))
    return;
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  duration = hark_player_get_duration (hark_window_get_player (f->window));
  g_assert_cmpfloat (duration, >, 600);

  for (guint i = 0; i < 50; i++)
    {
      gboolean play = i % 2 == 1;
      /* Before a reopen, not in the last minutes: a skip there can carry playback to within
       * the library's "finished" margin, and a finished episode rightly reopens at the start. */
      double target = g_test_rand_double_range (0, i % 10 == 9 ? duration - 300 : duration - 10);

      if (play && !is_playing (f))
        {
          activate (f, "play", NULL);
          hark_ui_test_wait_until (is_playing, f, 10, "playback to start");
        }
      else if (!play && is_playing (f))
        {
          activate (f, "pause", NULL);
          hark_ui_test_wait_until (is_paused, f, 10, "playback to pause");
        }
      f->target = target;
      activate (f, "seek", g_variant_new_double (target));
      check_in_view (f, "the current turn to be in view after a seek");

      /* Now and then the listener leaves and comes back: the list opens where they stopped. */
      if (i % 10 == 9)
        {
          reopen (f);
          reopened++;
        }
    }
  g_assert_cmpuint (reopened, ==, 5);
  g_test_message ("slowest seek until the current turn was in view: %.0f ms", f->latency_max);
}

/* Scrolling away stops following and shows "Back to now"; a seek is the listener moving, so the
 * list goes along again. */
static void
test_scrolled_away (Fixture *f, gconstpointer data)
{
  GtkAdjustment *adj;
  double top, height;

  if (!open_ep189 (f))
    return;
  f->target = 1200;
  activate (f, "seek", g_variant_new_double (f->target));
  check_in_view (f, "the current turn to be in view after a seek");

  /* A reader scrolling with the wheel is seen by the view as a user scroll. */
  adj = gtk_scrolled_window_get_vadjustment (hark_window_get_scroller (f->window));
  hark_window_set_following (f->window, FALSE);
  gtk_adjustment_set_value (adj, 0);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  g_assert_false (hark_window_get_following (f->window));
  g_assert_true (!current_row_top (f, &top, &height) || top < 0 || top > height);
  g_assert_true (gtk_revealer_get_reveal_child (f->window->back_to_now_revealer));
  /* Time passing does not pull the list back. */
  activate (f, "play", NULL);
  hark_ui_test_wait_until (is_playing, f, 10, "playback to start");
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);
  activate (f, "pause", NULL);
  g_assert_false (hark_window_get_following (f->window));

  f->target = 600;
  activate (f, "seek", g_variant_new_double (f->target));
  check_in_view (f, "the current turn to be in view after a seek from a scrolled-away list");
}

/* The current caption's lines in the scroller's coordinates; FALSE without one on screen. */
static gboolean
current_caption (Fixture *f, double *top, double *bottom)
{
  HarkTurnRow *row = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) &&
         hark_turn_row_get_cue_span (row, GTK_WIDGET (hark_window_get_scroller (f->window)), top,
                                     bottom);
}

static gboolean
caption_in_view (Fixture *f, const char *what)
{
  double top = NAN, bottom = NAN;
  double height = gtk_widget_get_height (GTK_WIDGET (hark_window_get_scroller (f->window)));
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    {
      if (current_caption (f, &top, &bottom) && top >= 0 && bottom <= height)
        break;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_test_message ("%s: caption %.0f–%.0f in a view %.0f tall", what, top, bottom, height);
  return top >= 0 && bottom <= height;
}

static int
row_of_cue (Fixture *f, double time)
{
  return hark_reading_row_at (hark_window_get_reading (f->window), time);
}

/* In a turn taller than the view, following keeps the caption being heard in view, not only the
 * row's top: after a seek deep into the turn, and when playing moves on to a caption below the
 * fold. */
static void
test_tall_turn (Fixture *f, gconstpointer data)
{
  HarkReading *reading;
  HarkTranscript *transcript;
  const HarkReadingRow *rows;
  const HarkCue *cues;
  guint n_rows, n_cues, tall = 0, first = 0, last = 0;
  double best = 0, height, top, bottom, scrolled;
  HarkTurnRow *widget;
  GtkAdjustment *adj;

  if (!open_ep189 (f))
    return;
  /* A short window: the longest turns are much taller than the list. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 480);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  reading = hark_window_get_reading (f->window);
  transcript = hark_reading_get_transcript (reading);
  rows = hark_reading_get_rows (reading, &n_rows);
  cues = hark_transcript_get_cues (transcript, &n_cues);
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_TURN && rows[i].end - rows[i].start > best)
      {
        best = rows[i].end - rows[i].start;
        tall = i;
      }
  /* Its captions: the first and the last that start inside it and belong to it. */
  first = last = G_MAXUINT;
  for (guint c = 0; c < n_cues; c++)
    if (row_of_cue (f, cues[c].start + 0.05) == (int) tall && cues[c].end > cues[c].start + 0.3)
      {
        if (first == G_MAXUINT)
          first = c;
        last = c;
      }
  g_assert_cmpuint (first, !=, G_MAXUINT);
  g_assert_cmpuint (last, >, first + 4);

  /* A seek to the turn's last caption: the caption is in view, though the row's top cannot be. */
  f->target = (cues[last].start + cues[last].end) / 2;
  activate (f, "seek", g_variant_new_double (f->target));
  check_in_view_of_row (f, tall);
  widget = hark_window_get_row_widget (f->window, tall);
  height = gtk_widget_get_height (GTK_WIDGET (hark_window_get_scroller (f->window)));
  g_test_message ("row %u (%.0f s) is %d px tall in a view of %.0f px", tall, best,
                  gtk_widget_get_height (GTK_WIDGET (widget)), height);
  /* Otherwise the test would not test anything. */
  g_assert_cmpfloat (gtk_widget_get_height (GTK_WIDGET (widget)), >, 1.5 * height);
  g_assert_true (caption_in_view (f, "after a seek to the turn's last caption"));
  g_assert_true (hark_window_get_following (f->window));

  /* From a caption early in the turn, with the row's top at the top of the view and the caption
   * after the next one below the fold, playing on brings each caption heard into view. */
  f->target = cues[first + 1].start + 0.05;
  activate (f, "seek", g_variant_new_double (f->target));
  check_in_view_of_row (f, tall);
  g_assert_true (caption_in_view (f, "after a seek to the turn's second caption"));
  adj = gtk_scrolled_window_get_vadjustment (hark_window_get_scroller (f->window));
  g_assert_true (current_caption (f, &top, &bottom));
  /* The caption at the bottom of the view: the next one starts below it. */
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + bottom - height * 0.97);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (hark_window_get_following (f->window));
  g_assert_true (current_caption (f, &top, &bottom));
  g_test_message ("before playing on: caption %.0f–%.0f of %.0f", top, bottom, height);
  scrolled = gtk_adjustment_get_value (adj);
  activate (f, "play", NULL);
  hark_ui_test_wait_until (is_playing, f, 10, "playback to start");
  for (guint c = first + 2; c <= MIN (first + 4, last); c++)
    {
      gint64 until = g_get_monotonic_time () + (gint64) ((cues[c].end - cues[first].start + 5) *
                                                         G_USEC_PER_SEC);

      while (hark_window_get_position (f->window) < (cues[c].start + cues[c].end) / 2 &&
             g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      g_assert_cmpint (hark_window_get_current_row (f->window), ==, tall);
      g_assert_true (caption_in_view (f, "while playing on"));
    }
  activate (f, "pause", NULL);
  /* The list moved down the turn for the captions (it was left where it was before). */
  g_test_message ("list moved from %.0f to %.0f", scrolled, gtk_adjustment_get_value (adj));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, scrolled + 20);
}

int
main (int argc, char *argv[])
{
  hark_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/follow/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("ep189/fifty-seeks-and-reopen", test_fifty_seeks);
  ADD ("ep189/scrolled-away", test_scrolled_away);
  ADD ("ep189/tall-turn", test_tall_turn);
#undef ADD
  return g_test_run ();
}
