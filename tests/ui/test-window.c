/* test-window.c — the real window on the real episode, driven by its actions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hark-test-util.h"
#include "hark-ui-test.h"

typedef struct
{
  double start;
  double end;
  char *speaker;
} TruthTurn;

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
  GArray *turns;    /* TruthTurn */
  GArray *sponsors; /* pairs of doubles: start, end of each sponsor segment */
} Fixture;

static void
truth_turn_clear (gpointer data)
{
  g_free (((TruthTurn *) data)->speaker);
}

static gboolean
load_truth (Fixture *f)
{
  g_autofree char *path = hark_test_fixture ("ep189/ep189.truth.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *turns, *sponsors;

  if (path == NULL)
    return FALSE;
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  turns = json_object_get_array_member (root, "turns");
  f->turns = g_array_new (FALSE, FALSE, sizeof (TruthTurn));
  g_array_set_clear_func (f->turns, truth_turn_clear);
  for (guint i = 0; i < json_array_get_length (turns); i++)
    {
      JsonObject *t = json_array_get_object_element (turns, i);
      TruthTurn turn = {
        json_object_get_double_member (t, "start"),
        json_object_get_double_member (t, "end"),
        g_strdup (json_object_get_string_member (t, "speaker")),
      };

      g_array_append_val (f->turns, turn);
    }
  sponsors = json_object_get_array_member (root, "sponsor_segments");
  f->sponsors = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < json_array_get_length (sponsors); i++)
    {
      JsonObject *s = json_array_get_object_element (sponsors, i);
      double range[2] = { json_object_get_double_member (s, "start"),
                          json_object_get_double_member (s, "end") };

      g_array_append_vals (f->sponsors, range, 2);
    }
  return TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!hark_ui_test_have_display ())
    return;
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->app != NULL)
    hark_ui_test_app_free (f->app);
  g_clear_pointer (&f->turns, g_array_unref);
  g_clear_pointer (&f->sponsors, g_array_unref);
}

/* Opens ep189.opus: its captions and speaker-labelled transcript are found beside it. */
static gboolean
open_ep189 (Fixture *f)
{
  g_autofree char *audio = NULL;

  if (f->app == NULL || !load_truth (f))
    return FALSE;
  audio = hark_test_fixture ("ep189/ep189.opus");
  if (audio == NULL)
    return FALSE;
  g_assert_true (hark_ui_test_open (f->window, audio, NULL));
  g_assert_nonnull (hark_window_get_reading (f->window));
  return TRUE;
}

static void
activate (Fixture *f, const char *action, GVariant *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), action, parameter);
}

static const HarkReadingRow *
current_row (Fixture *f)
{
  int row = hark_window_get_current_row (f->window);

  g_assert_cmpint (row, >=, 0);
  return &hark_reading_get_rows (hark_window_get_reading (f->window), NULL)[row];
}

static const HarkTurn *
turn_of_row (Fixture *f, const HarkReadingRow *row)
{
  HarkTranscript *t = hark_reading_get_transcript (hark_window_get_reading (f->window));

  g_assert_cmpint (row->turn, >=, 0);
  return &hark_transcript_get_turns (t, NULL)[row->turn];
}

static const char *
speaker_of_row (Fixture *f, const HarkReadingRow *row)
{
  HarkTranscript *t = hark_reading_get_transcript (hark_window_get_reading (f->window));

  g_assert_cmpint (row->speaker, >=, 0);
  return hark_transcript_get_speaker (t, row->speaker)->name;
}

/* The truth turn whose start is nearest to @time. */
static guint
nearest_truth_turn (Fixture *f, double time)
{
  guint best = 0;

  for (guint i = 1; i < f->turns->len; i++)
    if (fabs (g_array_index (f->turns, TruthTurn, i).start - time) <
        fabs (g_array_index (f->turns, TruthTurn, best).start - time))
      best = i;
  return best;
}

static gboolean
row_widget_bound (gpointer user_data)
{
  Fixture *f = user_data;

  return hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window)) != NULL;
}

static void
test_highlight_follows_seeks (Fixture *f, gconstpointer data)
{
  guint checked = 0;

  if (!open_ep189 (f))
    return;
  g_assert_cmpuint (f->turns->len, >=, 40);

  /* 40 turns spread over the whole episode, each 2 s or longer, so "start + 0.5 s" is inside
   * the turn even where the merged start is off by the 0.5 s the merge is allowed. */
  for (guint k = 0; k < f->turns->len && checked < 40; k++)
    {
      guint i = k * f->turns->len / 40;
      const TruthTurn *truth = &g_array_index (f->turns, TruthTurn, i);
      const HarkReadingRow *row;
      HarkTurnRow *widget;

      while (truth->end - truth->start < 2 && i + 1 < f->turns->len)
        truth = &g_array_index (f->turns, TruthTurn, ++i);

      activate (f, "seek", g_variant_new_double (truth->start + 0.5));
      row = current_row (f);
      g_assert_cmpuint (nearest_truth_turn (f, turn_of_row (f, row)->start), ==, i);
      g_assert_cmpstr (speaker_of_row (f, row), ==, truth->speaker);
      /* Assistive technologies see the current row as the selected one. */
      g_assert_cmpint (hark_window_get_selected_row (f->window), ==,
                       hark_window_get_current_row (f->window));

      /* Following brings it into view, where it is styled and described as "Now playing". */
      hark_ui_test_wait_until (row_widget_bound, f, 10, "the current row to be shown");
      widget = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
      g_assert_true (hark_turn_row_get_now_playing (widget));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (widget), "now-playing"));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 40);
}

static void
test_click_seeks_to_turn (Fixture *f, gconstpointer data)
{
  GtkListView *list;
  const HarkReadingRow *rows;
  guint n_rows;

  if (!open_ep189 (f))
    return;
  list = hark_window_get_list_view (f->window);
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);

  for (guint position = 5; position < n_rows; position += n_rows / 4)
    {
      g_assert_cmpint (rows[position].kind, ==, HARK_READING_ROW_TURN);
      /* What a click (or Enter) on a row does in a single-click-activate list. */
      g_signal_emit_by_name (list, "activate", position);
      g_assert_cmpfloat_with_epsilon (hark_window_get_position (f->window), rows[position].start,
                                      0.05);
      g_assert_cmpint (hark_window_get_current_row (f->window), ==, (int) position);
      /* A paused player stays paused. */
      g_assert_cmpint (hark_player_get_state (hark_window_get_player (f->window)), ==,
                       HARK_PLAYER_STATE_PAUSED);
    }
}

static void
test_next_answer_by_speaker (Fixture *f, gconstpointer data)
{
  guint jumps = 0;

  if (!open_ep189 (f))
    return;

  for (guint i = 0; i + 1 < f->turns->len && jumps < 5; i++)
    {
      const TruthTurn *from = &g_array_index (f->turns, TruthTurn, i);
      guint expected = i + 1;

      if (g_strcmp0 (from->speaker, "Michael Kennedy") != 0 || from->end - from->start < 2)
        continue;
      while (expected < f->turns->len &&
             g_strcmp0 (g_array_index (f->turns, TruthTurn, expected).speaker, "Panelists") != 0)
        expected++;
      if (expected == f->turns->len)
        break;

      activate (f, "seek", g_variant_new_double (from->start + 0.5));
      g_assert_cmpstr (speaker_of_row (f, current_row (f)), ==, "Michael Kennedy");
      activate (f, "next-answer", g_variant_new_string ("Panelists"));
      g_assert_cmpstr (speaker_of_row (f, current_row (f)), ==, "Panelists");
      g_assert_cmpuint (nearest_truth_turn (f, hark_window_get_position (f->window)), ==, expected);
      jumps++;
      i = expected;
    }
  g_assert_cmpuint (jumps, ==, 5);

  /* The chosen speaker stays chosen: Alt+N's action needs no name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-answer", NULL));
  g_assert_cmpstr (speaker_of_row (f, current_row (f)), ==, "Panelists");

  /* Show only the chosen speaker: every row in the list is theirs. */
  g_object_set (f->window, "filter-speaker", TRUE, NULL);
  {
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (hark_window_get_list_view (f->window)));

    g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr (HarkRowItem) item = g_list_model_get_item (model, i);

        g_assert_cmpstr (speaker_of_row (f, hark_row_item_get_row (item)), ==, "Panelists");
      }
  }
  g_object_set (f->window, "filter-speaker", FALSE, NULL);

  /* Next/previous turn regardless of speaker. */
  {
    double before = hark_window_get_position (f->window);

    activate (f, "next-turn", NULL);
    g_assert_cmpfloat (hark_window_get_position (f->window), >, before);
    activate (f, "previous-turn", NULL);
    g_assert_cmpfloat_with_epsilon (hark_window_get_position (f->window), before, 0.01);
  }
}

static gboolean
overlaps (const HarkReadingRow *row, double start, double end)
{
  return row->start < end && row->end > start;
}

static void
test_search_rollbar (Fixture *f, gconstpointer data)
{
  GArray *matches;
  const HarkReadingRow *rows;
  gboolean found_read = FALSE, found_outro = FALSE;
  double read_start, read_end, outro_start, outro_end;

  if (!open_ep189 (f))
    return;
  /* The truth's second segment is the Rollbar read; the third the outro that names it. */
  read_start = g_array_index (f->sponsors, double, 2);
  read_end = g_array_index (f->sponsors, double, 3);
  outro_start = g_array_index (f->sponsors, double, 4);
  outro_end = g_array_index (f->sponsors, double, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  hark_window_search (f->window, "Rollbar");
  matches = hark_window_get_search_matches (f->window);
  g_assert_nonnull (matches);
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), NULL);
  for (guint i = 0; i < matches->len; i++)
    {
      const HarkReadingRow *row = &rows[g_array_index (matches, HarkReadingMatch, i).row];

      found_read |= overlaps (row, read_start, read_end);
      found_outro |= overlaps (row, outro_start, outro_end);
      /* Nowhere else in the episode is Rollbar named. */
      g_assert_true (overlaps (row, read_start - 30, read_end + 30) ||
                     overlaps (row, outro_start - 30, outro_end + 30));
    }
  g_assert_true (found_read);
  g_assert_true (found_outro);
  g_assert_cmpint (hark_window_get_search_row (f->window), >=, 0);
  /* Looking at a match is looking away from now: following pauses until Back to Now. */
  g_assert_false (hark_window_get_following (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-to-now", NULL));
  g_assert_true (hark_window_get_following (f->window));

  hark_window_search (f->window, "no such words in this episode");
  g_assert_cmpuint (hark_window_get_search_matches (f->window)->len, ==, 0);
}

static gboolean
toast_shown (gpointer user_data)
{
  Fixture *f = user_data;

  return hark_window_get_last_toast (f->window) != NULL;
}

static gboolean
played_past (gpointer user_data)
{
  Fixture *f = user_data;
  double *until = g_object_get_data (G_OBJECT (f->window), "until");

  return hark_window_get_position (f->window) > *until;
}

static void
test_sponsor_skip_and_unskip (Fixture *f, gconstpointer data)
{
  double linode_start, linode_end, until;
  gint64 seconds;

  if (!open_ep189 (f))
    return;
  linode_start = g_array_index (f->sponsors, double, 0);
  linode_end = g_array_index (f->sponsors, double, 1);

  activate (f, "seek", g_variant_new_double (linode_start - 3));
  activate (f, "play", NULL);
  hark_ui_test_wait_until (toast_shown, f, 30, "the sponsor to be skipped");
  /* The read is 53 s long; detected ends may be off by a second or so. */
  g_assert_true (g_str_has_prefix (hark_window_get_last_toast (f->window), "Skipped sponsor ("));
  seconds = g_ascii_strtoll (hark_window_get_last_toast (f->window) + strlen ("Skipped sponsor ("),
                             NULL, 10);
  g_assert_cmpint (seconds, >=, 51);
  g_assert_cmpint (seconds, <=, 55);
  /* The decoder jumps ahead of what is heard; the clock crosses once the queued audio played.
   * It never plays the read itself: past the jump, the clock is beyond the read's end. */
  until = linode_end - 1.5;
  g_object_set_data (G_OBJECT (f->window), "until", &until);
  hark_ui_test_wait_until (played_past, f, 30, "the clock to jump over the read");
  g_assert_cmpfloat (hark_window_get_position (f->window), <, linode_end + 5);

  /* Unskip goes back to the start and plays the read this time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.unskip", NULL));
  g_assert_cmpfloat (hark_window_get_position (f->window), <=, linode_start + 1.5);
  until = hark_window_get_position (f->window) + 3;
  g_object_set_data (G_OBJECT (f->window), "until", &until);
  hark_ui_test_wait_until (played_past, f, 30, "the sponsor read to play");
  g_assert_cmpfloat (hark_window_get_position (f->window), <, linode_end - 10);
  g_assert_cmpint (hark_player_get_state (hark_window_get_player (f->window)), ==,
                   HARK_PLAYER_STATE_PLAYING);
  activate (f, "pause", NULL);
}

/* Preferences: sponsors only marked, then skipped again; the list and the player follow. */
static void
test_policy_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GVariant) old = NULL;
  const HarkReadingRow *rows;
  guint n_rows, n_skip = 0, n_mark = 0;

  if (!open_ep189 (f))
    return;
  settings = g_settings_new ("org.hark.Hark");
  old = g_settings_get_value (settings, "category-policy");
  g_settings_set_value (settings, "category-policy",
                        g_variant_new_parsed ("{'sponsor': 'mark', 'selfpromo': 'off'}"));
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT)
      {
        const HarkSegmentEntry *e = hark_reading_get_segment (hark_window_get_reading (f->window),
                                                              rows[i].segment);

        g_assert_cmpint (e->segment.category, ==, HARK_CATEGORY_SPONSOR);
        n_skip += e->action == HARK_SKIP_ACTION_SKIP;
        n_mark += e->action == HARK_SKIP_ACTION_MARK;
      }
  g_assert_cmpuint (n_skip, ==, 0);
  g_assert_cmpuint (n_mark, ==, 3);

  g_settings_set_value (settings, "category-policy", old);
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  n_skip = 0;
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT)
      n_skip += hark_reading_get_segment (hark_window_get_reading (f->window),
                                          rows[i].segment)->action == HARK_SKIP_ACTION_SKIP;
  g_assert_cmpuint (n_skip, ==, 3);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A long generated conversation: 10,000 turns, two speakers. */
static char *
write_long_transcript (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("ui-long");
  char *path = g_build_filename (dir, "long.vtt", NULL);
  g_autoptr (GString) vtt = g_string_new ("WEBVTT\n\n");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *from = NULL, *to = NULL;
      guint s = i * 6;

      from = g_strdup_printf ("%02u:%02u:%02u.000", s / 3600, s / 60 % 60, s % 60);
      to = g_strdup_printf ("%02u:%02u:%02u.500", (s + 5) / 3600, (s + 5) / 60 % 60, (s + 5) % 60);
      g_string_append_printf (vtt, "%s --> %s\n<v %s>Turn %u: %s</v>\n\n", from, to,
                              i % 2 ? "Guest" : "Host", i,
                              i % 3 ? "a short remark." : "a longer answer that wraps onto a "
                              "second line in a window of ordinary width, as answers do.");
    }
  g_assert_true (g_file_set_contents (path, vtt->str, vtt->len, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_ten_thousand_turns (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL, *dir = NULL;
  const char *sidecars[2] = { NULL, NULL };
  GtkAdjustment *adj;
  guint n_rows, max_alive = 0;
  gint64 slowest = 0, before;
  double steps[400];
  double upper;

  if (f->app == NULL)
    return;
  path = write_long_transcript ();
  sidecars[0] = path;
  g_assert_true (hark_ui_test_open (f->window, NULL, sidecars));
  hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  g_assert_cmpuint (n_rows, ==, 10000);

  /* Scroll from top to bottom a page at a time, one frame per step. */
  adj = gtk_scrolled_window_get_vadjustment (hark_window_get_scroller (f->window));
  for (guint step = 0; step < 400; step++)
    {
      upper = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
      before = g_get_monotonic_time ();
      gtk_adjustment_set_value (adj, upper * step / 399);
      hark_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
      steps[step] = (g_get_monotonic_time () - before) / 1000.0;
      slowest = MAX (slowest, g_get_monotonic_time () - before);
      max_alive = MAX (max_alive, hark_turn_row_get_n_alive ());
    }
  /* Printed, not asserted: wall-clock figures depend on the machine. */
  qsort (steps, G_N_ELEMENTS (steps), sizeof steps[0], compare_doubles);
  g_test_message ("10,000 turns, 400 scroll steps of a page or more, one frame each: median "
                  "%.1f ms, 90th percentile %.1f ms, slowest %.1f ms; at most %u row widgets alive",
                  steps[200], steps[360], slowest / 1000.0, max_alive);
  /* Virtualised: GTK keeps a bounded window of rows (a couple of hundred), whatever the length. */
  g_assert_cmpuint (max_alive, <, 400);
  /* And the last row really is reachable. */
  g_assert_nonnull (hark_window_get_row_widget (f->window, n_rows - 1));
  dir = g_path_get_dirname (path);
  hark_test_remove_tree (dir);
}

/* Close at 12:00, open again: it continues there (the last listen was just now: no rewind). */
static void
test_resume_where_stopped (Fixture *f, gconstpointer data)
{
  g_autofree char *audio = NULL;

  if (!open_ep189 (f))
    return;
  audio = hark_test_fixture ("ep189/ep189.opus");
  activate (f, "seek", g_variant_new_double (720));
  gtk_window_close (GTK_WINDOW (f->window));

  f->window = hark_application_get_window (f->app);
  gtk_window_present (GTK_WINDOW (f->window));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  /* The empty window offers it among the recent episodes. */
  g_assert_cmpuint (hark_window_get_n_recent (f->window), >=, 1);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "empty-recent-light"));
  g_assert_true (hark_ui_test_open (f->window, audio, NULL));
  g_assert_cmpfloat_with_epsilon (hark_window_get_position (f->window), 720, 1);
}

/* Opens the window that @action shows, saves a picture of it and closes it again. */
static void
screenshot_other_window (Fixture *f, const char *action, const char *name)
{
  GtkWindow *other = NULL;

  if (g_str_has_prefix (action, "app."))
    activate (f, action + 4, NULL);
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (l->data != (gpointer) f->window && gtk_widget_get_visible (l->data))
      other = l->data;
  g_assert_nonnull (other);
  hark_ui_test_wait_frames (GTK_WIDGET (other), 5);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (other), name));
  gtk_window_close (other);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  g_autofree char *light = NULL, *dark = NULL, *empty = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (f->app == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (f->window), 980, 720);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  empty = hark_ui_test_screenshot (GTK_WIDGET (f->window), "empty-light");

  if (!open_ep189 (f))
    return;
  /* Just before the Linode read: the turn, the read as one compact row, the turn going on;
   * Panelists chosen for jumping between answers. */
  activate (f, "next-answer", g_variant_new_string ("Panelists"));
  activate (f, "seek", g_variant_new_double (g_array_index (f->sponsors, double, 0) - 9));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);
  light = hark_ui_test_screenshot (GTK_WIDGET (f->window), "main-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  dark = hark_ui_test_screenshot (GTK_WIDGET (f->window), "main-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (g_file_test (light, G_FILE_TEST_EXISTS));

  /* The other windows build from their templates and show without a warning. */
  screenshot_other_window (f, "app.preferences", "preferences");
  screenshot_other_window (f, "win.show-help-overlay", "shortcuts");
  g_assert_true (g_file_test (dark, G_FILE_TEST_EXISTS));
}

static void
test_no_transcript_and_bad_audio (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = NULL, *audio = NULL, *copy = NULL, *bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (f->app == NULL)
    return;
  audio = hark_test_fixture ("ep189/excerpt-linode.opus");
  if (audio == NULL)
    return;
  /* The audio alone in a folder: it plays, and the window says there is no transcript. */
  dir = hark_test_make_tmpdir ("ui-alone");
  copy = g_build_filename (dir, "alone.opus", NULL);
  g_assert_true (g_file_get_contents (audio, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  g_assert_true (hark_ui_test_open (f->window, copy, NULL));
  g_assert_null (hark_window_get_reading (f->window));
  g_assert_cmpint (hark_player_get_state (hark_window_get_player (f->window)), ==,
                   HARK_PLAYER_STATE_PAUSED);

  /* A text file named .mp3: a banner says why, nothing crashes. */
  bad = g_build_filename (dir, "not-audio.mp3", NULL);
  g_assert_true (g_file_set_contents (bad, "this is not audio\n", -1, &error));
  g_assert_false (hark_ui_test_open (f->window, bad, NULL));
  g_assert_nonnull (hark_window_get_banner (f->window));
  g_test_message ("banner: %s", hark_window_get_banner (f->window));
  hark_test_remove_tree (dir);
}

/* TRUE when a label on screen (drawn, not on a hidden page) under @widget reads @text. */
static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_is_drawable (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    {
      g_test_message ("“%s” shows in a %s under a %s", gtk_label_get_text (GTK_LABEL (widget)),
                      G_OBJECT_TYPE_NAME (widget),
                      G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
reading_gone (gpointer window)
{
  return !shows_text (window, "Reading the transcript");
}

/* A transcript named on the command line (--transcript) that cannot be read: the audio still
 * plays, a banner says why, and nothing on screen still says the transcript is being read. */
static void
test_failed_transcript (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = NULL, *audio = NULL, *copy = NULL, *broken = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (f->app == NULL)
    return;
  audio = hark_test_fixture ("ep189/excerpt-linode.opus");
  if (audio == NULL)
    return;
  dir = hark_test_make_tmpdir ("ui-failed-transcript");
  copy = g_build_filename (dir, "ep.opus", NULL);
  g_assert_true (g_file_get_contents (audio, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  broken = g_build_filename (dir, "named.json", NULL);
  g_assert_true (g_file_set_contents (broken, "{\"segments\": [{\"startTime\": ", -1, &error));

  hark_window_open (f->window, copy, (const char *const[]){ broken, NULL });
  g_assert_true (shows_text (GTK_WIDGET (f->window), "Reading the transcript"));
  g_assert_false (hark_ui_test_open (f->window, copy, (const char *const[]){ broken, NULL }));
  g_test_message ("banner: %s", hark_window_get_banner (f->window));
  g_assert_nonnull (hark_window_get_banner (f->window));
  g_assert_nonnull (strstr (hark_window_get_banner (f->window), "named.json"));
  /* The stack cross-fades away from the loading page; the wait fails the test if it stays. */
  hark_ui_test_wait_until (reading_gone, f->window, 5, "“Reading the transcript…” to go");
  g_assert_cmpint (hark_player_get_state (hark_window_get_player (f->window)), ==,
                   HARK_PLAYER_STATE_PAUSED);
  hark_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  hark_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/window/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("ep189/highlight-follows-seeks", test_highlight_follows_seeks);
  ADD ("ep189/click-seeks-to-turn", test_click_seeks_to_turn);
  ADD ("ep189/next-answer-by-speaker", test_next_answer_by_speaker);
  ADD ("ep189/search-rollbar", test_search_rollbar);
  ADD ("ep189/sponsor-skip-and-unskip", test_sponsor_skip_and_unskip);
  ADD ("ep189/resume-where-stopped", test_resume_where_stopped);
  ADD ("ep189/policy-change", test_policy_change);
  ADD ("long/ten-thousand-turns", test_ten_thousand_turns);
  ADD ("no-transcript-and-bad-audio", test_no_transcript_and_bad_audio);
  ADD ("failed-transcript", test_failed_transcript);
  ADD ("screenshots", test_screenshots);
#undef ADD
  return g_test_run ();
}
