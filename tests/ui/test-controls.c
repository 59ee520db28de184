/* test-controls.c — no control covered, none dead, and the window says what is playing
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "hark-test-util.h"
#include "hark-ui-test.h"
#include "session/hark-session-load.h"

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
  GSettings *settings;
  GVariant *old_policy;
  char *dir; /* a scratch folder, or NULL */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!hark_ui_test_have_display ())
    return;
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
  f->settings = g_settings_new ("org.hark.Hark");
  f->old_policy = g_settings_get_value (f->settings, "category-policy");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->settings != NULL)
    g_settings_set_value (f->settings, "category-policy", f->old_policy);
  g_clear_pointer (&f->old_policy, g_variant_unref);
  g_clear_object (&f->settings);
  if (f->app != NULL)
    hark_ui_test_app_free (f->app);
  if (f->dir != NULL)
    hark_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
open_fixture (Fixture *f, const char *name)
{
  g_autofree char *audio = NULL;

  if (f->app == NULL)
    return FALSE;
  audio = hark_test_fixture (name);
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

/* The first widget under @root whose action is @action (a GtkActionable), or NULL. */
static GtkWidget *
find_by_action (GtkWidget *root, const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The icon names drawn inside @root, joined by spaces. */
static void
collect_icons (GtkWidget *root, GString *out)
{
  if (GTK_IS_IMAGE (root) && gtk_image_get_icon_name (GTK_IMAGE (root)) != NULL)
    g_string_append_printf (out, "%s ", gtk_image_get_icon_name (GTK_IMAGE (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_icons (child, out);
}

static graphene_rect_t
bounds_in_window (Fixture *f, GtkWidget *widget)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &r));
  return r;
}

/* The skip toast, at a wide and at a phone width, is above the player bar's controls. */
static void
test_toast_clear_of_controls (Fixture *f, gconstpointer data)
{
  static const int widths[] = { 900, 360 };

  if (!open_fixture (f, "ep189/ep189.opus"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *overlay = GTK_WIDGET (f->window->toast_overlay);
      GtkWidget *toast = NULL;
      graphene_rect_t t;
      static const char *const controls[] = { "app.back", "app.play-pause", "app.forward" };

      gtk_window_set_default_size (GTK_WINDOW (f->window), widths[i], 700);
      hark_window_show_toast (f->window, "Skipped sponsor (53 s)", "_Unskip", "win.unskip");
      /* Past the toast's slide-in. */
      hark_ui_test_wait_frames (GTK_WIDGET (f->window), 40);
      for (GtkWidget *c = gtk_widget_get_first_child (overlay); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        if (c != GTK_WIDGET (f->window->stack) && gtk_widget_get_mapped (c))
          toast = c;
      g_assert_nonnull (toast);
      t = bounds_in_window (f, toast);
      for (guint k = 0; k < G_N_ELEMENTS (controls); k++)
        {
          GtkWidget *button = find_by_action (GTK_WIDGET (f->window->player_bar), controls[k]);
          graphene_rect_t b;

          g_assert_nonnull (button);
          b = bounds_in_window (f, button);
          g_test_message ("%d px: toast %.0f–%.0f, %s %.0f–%.0f", widths[i], t.origin.y,
                          t.origin.y + t.size.height, controls[k], b.origin.y,
                          b.origin.y + b.size.height);
          g_assert_false (graphene_rect_intersection (&t, &b, NULL));
        }
      g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window),
                                       i == 0 ? "toast-wide" : "toast-narrow"));
    }
}

static const HarkReadingRow *
first_segment (Fixture *f, int *index)
{
  guint n_rows;
  const HarkReadingRow *rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT && rows[i].text[0] != '\0')
      {
        *index = (int) i;
        return &rows[i];
      }
  g_assert_not_reached ();
}

static gboolean
skipped (gpointer user_data)
{
  Fixture *f = user_data;
  const char *toast = hark_window_get_last_toast (f->window);

  return toast != NULL && g_str_has_prefix (toast, "Skipped");
}

static gboolean
segment_row_playing (gpointer user_data)
{
  Fixture *f = user_data;
  int row = hark_window_get_current_row (f->window);
  HarkTurnRow *widget = hark_window_get_row_widget (f->window, row);

  return row >= 0 &&
         hark_reading_get_rows (hark_window_get_reading (f->window), NULL)[row].kind ==
           HARK_READING_ROW_SEGMENT &&
         widget != NULL && gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* The read being heard shows its words and says it is playing, not "skipped". */
static void
check_segment_shown (Fixture *f, const char *when)
{
  HarkTurnRow *widget = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
  const char *label = hark_turn_row_get_segment_label (widget);

  g_test_message ("%s: “%s”, %zu characters shown", when, label,
                  strlen (hark_turn_row_get_text (widget)));
  g_assert_true (hark_turn_row_get_now_playing (widget));
  g_assert_true (hark_turn_row_get_text_shown (widget));
  g_assert_nonnull (strstr (label, "playing"));
  g_assert_null (strstr (label, "skip"));
  g_assert_cmpuint (strlen (hark_turn_row_get_text (widget)), >, 40);
}

/* The current row's top (where it says what is playing) is inside the list's view. */
static gboolean
current_top_in_view (gpointer user_data)
{
  Fixture *f = user_data;
  HarkTurnRow *widget = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
  GtkWidget *scroller = GTK_WIDGET (hark_window_get_scroller (f->window));
  double x, y;

  return widget != NULL && gtk_widget_get_mapped (GTK_WIDGET (widget)) &&
         gtk_widget_translate_coordinates (GTK_WIDGET (widget), scroller, 0, 0, &x, &y) &&
         y >= 0 && y + 24 <= gtk_widget_get_height (scroller);
}

static void
test_segment_heard_shows_text (Fixture *f, gconstpointer data)
{
  const HarkReadingRow *segment;
  int index;

  if (!open_fixture (f, "ep189/ep189.opus"))
    return;
  segment = first_segment (f, &index);

  /* Unskipped: the read plays, and its row reads like a turn. */
  activate (f, "seek", g_variant_new_double (segment->start - 2));
  activate (f, "play", NULL);
  hark_ui_test_wait_until (skipped, f, 30, "the sponsor read to be skipped");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.unskip", NULL));
  hark_ui_test_wait_until (segment_row_playing, f, 10, "the unskipped read to be the current row");
  check_segment_shown (f, "unskipped");
  hark_ui_test_wait_until (current_top_in_view, f, 5, "the unskipped read's top to be in view");
  activate (f, "pause", NULL);

  /* Offered and not taken: the same. */
  g_settings_set_value (f->settings, "category-policy", g_variant_new_parsed ("{'sponsor': 'ask'}"));
  segment = first_segment (f, &index);
  activate (f, "seek", g_variant_new_double (segment->start + 2));
  hark_ui_test_wait_until (segment_row_playing, f, 10, "the offered read to be the current row");
  check_segment_shown (f, "offered");
  hark_ui_test_wait_until (current_top_in_view, f, 5, "the offered read's top to be in view");
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "segment-playing"));
}

static gboolean
filter_chip_shown (Fixture *f)
{
  return gtk_revealer_get_reveal_child (f->window->filter_revealer);
}

static gboolean
not_filtered (gpointer user_data)
{
  Fixture *f = user_data;
  gboolean filtered;

  g_object_get (f->window, "filter-speaker", &filtered, NULL);
  return !filtered;
}

/* "Show only this speaker" puts up a chip naming them; clicking it shows everyone again. */
static void
test_filter_chip (Fixture *f, gconstpointer data)
{
  HarkTranscript *transcript;
  GtkWidget *chip;

  if (!open_fixture (f, "ep189/ep189.opus"))
    return;
  transcript = hark_reading_get_transcript (hark_window_get_reading (f->window));
  g_assert_false (filter_chip_shown (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.choose-speaker", "i", 1));
  g_object_set (f->window, "filter-speaker", TRUE, NULL);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 20);
  g_assert_true (filter_chip_shown (f));
  g_assert_nonnull (strstr (adw_button_content_get_label (f->window->filter_content),
                            hark_transcript_get_speaker (transcript, 1)->name));
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "filter-chip"));

  chip = gtk_revealer_get_child (f->window->filter_revealer);
  g_assert_true (gtk_widget_activate (chip));
  /* A button activated from the keyboard clicks after a short press animation. */
  hark_ui_test_wait_until (not_filtered, f, 5, "the chip to clear the filter");
  g_assert_false (filter_chip_shown (f));
}

static void
on_shown (HarkWindow *window, gboolean ok, gboolean *shown)
{
  *shown = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
chooser_shown (gpointer user_data)
{
  Fixture *f = user_data;

  return f->window->transcript_chooser != NULL &&
         gtk_native_dialog_get_visible (GTK_NATIVE_DIALOG (f->window->transcript_chooser));
}

typedef struct
{
  guint opened, state, transcript;
} EventCount;

static void
count_events (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  EventCount *count = user_data;

  if (event->type == HARK_SESSION_EVENT_OPENED || event->type == HARK_SESSION_EVENT_CLOSED)
    count->opened++;
  else if (event->type == HARK_SESSION_EVENT_STATE)
    count->state++;
  else if (event->type == HARK_SESSION_EVENT_TRANSCRIPT)
    count->transcript++;
}

static gboolean
is_playing (gpointer user_data)
{
  Fixture *f = user_data;

  return hark_session_get_snapshot (hark_window_get_session (f->window))->state ==
         HARK_PLAYER_STATE_PLAYING;
}

/* Without a transcript the speaker controls are off; "Add Transcript…" brings one in. */
static void
test_no_transcript_controls (Fixture *f, gconstpointer data)
{
  g_autofree char *audio = NULL, *vtt = NULL, *copy = NULL, *contents = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *speakers, *next_answer, *add;
  HarkSession *session;
  EventCount events = { 0 };
  double before, after, waited;
  gint64 started;
  guint listener;
  gboolean shown = FALSE;
  gsize length;
  gulong id;

  if (f->app == NULL)
    return;
  audio = hark_test_fixture ("ep189/ep189.opus");
  vtt = hark_test_fixture ("ep189/ep189.vtt");
  if (audio == NULL || vtt == NULL)
    return;
  f->dir = g_dir_make_tmp ("hark-controls-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (f->dir, "alone.opus", NULL);
  g_assert_true (g_file_get_contents (audio, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  g_assert_true (hark_ui_test_open (f->window, copy, NULL));
  g_assert_null (hark_window_get_reading (f->window));

  speakers = GTK_WIDGET (hark_player_bar_get_speaker_button (f->window->player_bar));
  next_answer = find_by_action (GTK_WIDGET (f->window->player_bar), "win.next-answer");
  g_assert_nonnull (next_answer);
  g_assert_false (gtk_widget_is_sensitive (speakers));
  g_assert_false (gtk_widget_is_sensitive (next_answer));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->window->search_button)));
  /* The page says what to do, with a button doing it. */
  add = find_by_action (GTK_WIDGET (f->window->stack), "win.add-transcript");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_drawable (add));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30); /* past the page's crossfade */
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "no-transcript"));

  /* The button opens a file chooser in the episode's folder… */
  g_assert_true (gtk_widget_activate (add));
  hark_ui_test_wait_until (chooser_shown, f, 10, "the transcript chooser to open");
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (f->window->transcript_chooser));

  /* …and the file chosen is read into the session that is playing: the audio is not opened
   * again (no OPENED, no state change), and it plays on from where it was, not from a resume
   * point near it. */
  session = hark_window_get_session (f->window);
  activate (f, "seek", g_variant_new_double (300));
  activate (f, "play", NULL);
  hark_ui_test_wait_until (is_playing, f, 10, "playing to start");
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  listener = hark_session_add_listener (session, count_events, &events, NULL);
  before = hark_window_get_position (f->window);
  started = g_get_monotonic_time ();
  id = g_signal_connect (f->window, "episode-shown", G_CALLBACK (on_shown), &shown);
  hark_window_add_transcript (f->window, vtt);
  hark_ui_test_wait_until (is_true, &shown, 60, "the transcript to be added");
  g_signal_handler_disconnect (f->window, id);
  after = hark_window_get_position (f->window);
  waited = (g_get_monotonic_time () - started) / 1e6;
  hark_session_remove_listener (session, listener);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_test_message ("added in %.2f s: %.3f s -> %.3f s, %u opened, %u state, %u transcript events",
                  waited, before, after, events.opened, events.state, events.transcript);
  g_assert_nonnull (hark_window_get_reading (f->window));
  g_assert_cmpuint (events.opened, ==, 0);
  g_assert_cmpuint (events.state, ==, 0);
  g_assert_cmpuint (events.transcript, ==, 1);
  g_assert_cmpint (hark_session_get_snapshot (session)->state, ==, HARK_PLAYER_STATE_PLAYING);
  /* Played on in real time: no jump back to a resume point, no restart. */
  g_assert_cmpfloat (after, >=, before);
  g_assert_cmpfloat (after, <=, before + waited + 0.5);
  g_assert_true (gtk_widget_is_sensitive (speakers));
  g_assert_true (gtk_widget_is_sensitive (next_answer));

  /* The arrows beside Speakers are a person and a direction, not a track skip, and once a
   * speaker is chosen they say whose turn they go to. */
  {
    GtkWidget *previous_answer = find_by_action (GTK_WIDGET (f->window->player_bar),
                                                 "win.previous-answer");
    const char *name = "Ada Lovelace";
    g_autoptr (GString) next_icons = g_string_new (NULL);
    g_autoptr (GString) previous_icons = g_string_new (NULL);
    const char *tip;

    collect_icons (next_answer, next_icons);
    collect_icons (previous_answer, previous_icons);
    g_test_message ("next answer: %s; previous answer: %s", next_icons->str, previous_icons->str);
    g_assert_nonnull (strstr (next_icons->str, "avatar-default-symbolic"));
    g_assert_nonnull (strstr (next_icons->str, "go-next-symbolic"));
    g_assert_nonnull (strstr (previous_icons->str, "avatar-default-symbolic"));
    g_assert_nonnull (strstr (previous_icons->str, "go-previous-symbolic"));
    g_assert_null (strstr (next_icons->str, "media-"));
    g_assert_null (strstr (previous_icons->str, "media-"));
    /* Names that Debian 12's Adwaita really has (a missing one draws a broken-image icon). */
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (next_answer));

      g_assert_true (gtk_icon_theme_has_icon (theme, "avatar-default-symbolic"));
      g_assert_true (gtk_icon_theme_has_icon (theme, "go-next-symbolic"));
      g_assert_true (gtk_icon_theme_has_icon (theme, "go-previous-symbolic"));
    }
    hark_player_bar_set_speaker (f->window->player_bar, name);
    tip = gtk_widget_get_tooltip_text (next_answer);
    g_test_message ("next answer tooltip: %s", tip);
    g_assert_nonnull (strstr (tip, name));
    tip = gtk_widget_get_tooltip_text (previous_answer);
    g_assert_nonnull (strstr (tip, name));
  }
}

static gboolean
art_shown (gpointer user_data)
{
  Fixture *f = user_data;

  return hark_player_bar_get_art (f->window->player_bar) != NULL;
}

/* Title and show from the tags, the cover beside the file, the chapter being heard; a bad file
 * leaves the window's name alone and says what is wrong in a sentence. */
static void
test_context (Fixture *f, gconstpointer data)
{
  g_autofree char *mp3 = NULL, *copy = NULL, *contents = NULL, *cover = NULL, *bad = NULL;
  g_autofree char *vtt = NULL, *text = NULL, *chapters_path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GBytes) pixels = NULL;
  const HarkChapter *chapters;
  guint n_chapters = 0;
  guchar rgba[4 * 16 * 16];
  gsize length;

  if (f->app == NULL)
    return;
  mp3 = hark_test_fixture ("ep189/ep189.mp3");
  vtt = hark_test_fixture ("ep189/ep189.vtt");
  text = hark_test_fixture ("ep189/ep189.transcript.txt");
  if (mp3 == NULL || vtt == NULL || text == NULL)
    return;
  f->dir = g_dir_make_tmp ("hark-context-XXXXXX", &error);
  g_assert_no_error (error);
  copy = g_build_filename (f->dir, "episode.mp3", NULL);
  g_assert_true (g_file_get_contents (mp3, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  memset (rgba, 0x80, sizeof rgba);
  pixels = g_bytes_new (rgba, sizeof rgba);
  texture = gdk_memory_texture_new (16, 16, GDK_MEMORY_R8G8B8A8, pixels, 16 * 4);
  cover = g_build_filename (f->dir, "cover.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, cover));

  /* Chapters in the Podcasting 2.0 JSON form, beside the episode. */
  chapters_path = g_build_filename (f->dir, "episode.chapters.json", NULL);
  g_assert_true (g_file_set_contents (chapters_path,
                                      "{\"version\": \"1.2.0\", \"chapters\": ["
                                      "{\"startTime\": 0, \"title\": \"Welcome\"},"
                                      "{\"startTime\": 600, \"title\": \"Evangelists at work\"}]}",
                                      -1, &error));
  g_assert_true (hark_ui_test_open (f->window, copy,
                                    (const char *const[]) { vtt, text, chapters_path, NULL }));
  g_assert_nonnull (hark_window_get_reading (f->window));
  g_test_message ("title “%s”, subtitle “%s”", adw_window_title_get_title (f->window->window_title),
                  adw_window_title_get_subtitle (f->window->window_title));
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==,
                   "#189: War Stories of the Developer Evangelists");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "#189: War Stories of the Developer Evangelists");
  g_assert_cmpstr (adw_window_title_get_subtitle (f->window->window_title), ==,
                   "Talk Python To Me (synthesized)");
  hark_ui_test_wait_until (art_shown, f, 10, "the cover to be shown");

  /* The chapter being heard is in the player bar. */
  chapters = hark_transcript_get_chapters (
    hark_reading_get_transcript (hark_window_get_reading (f->window)), &n_chapters);
  g_assert_cmpuint (n_chapters, >=, 2);
  {
    guint n_rows, headings = 0;
    const HarkReadingRow *rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);

    /* Chapter titles are headings in the list. */
    for (guint i = 0; i < n_rows; i++)
      headings += rows[i].kind == HARK_READING_ROW_CHAPTER &&
                  g_str_equal (rows[i].text, "Evangelists at work");
    g_assert_cmpuint (headings, ==, 1);
  }
  {
      activate (f, "seek", g_variant_new_double (chapters[1].start + 1));
      activate (f, "play", NULL);
      hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);
      activate (f, "pause", NULL);
      g_assert_cmpstr (hark_player_bar_get_chapter (f->window->player_bar), ==, chapters[1].title);
      g_test_message ("chapter shown: %s", chapters[1].title);
    }
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "context"));

  /* A file that is not audio: a sentence, no errno text, and the window is not renamed. */
  bad = g_build_filename (f->dir, "not-audio.mp3", NULL);
  g_assert_true (g_file_set_contents (bad, "this is not audio\n", -1, &error));
  g_assert_false (hark_ui_test_open (f->window, bad, NULL));
  g_test_message ("banner: %s", hark_window_get_banner (f->window));
  g_assert_null (strstr (hark_window_get_banner (f->window), "("));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), !=, "not-audio");
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), !=, "not-audio");
}

static const char *
sleep_state (Fixture *f)
{
  static char state[16];
  g_autoptr (GVariant) value = g_action_group_get_action_state (G_ACTION_GROUP (f->window), "sleep");

  g_strlcpy (state, g_variant_get_string (value, NULL), sizeof state);
  return state;
}

/* The main menu's sleep timer arms the session's; when that fires, the menu says "Off". */
static void
test_sleep_menu (Fixture *f, gconstpointer data)
{
  HarkSession *session;
  double remaining;

  if (!open_fixture (f, "ep189/ep189.opus"))
    return;
  session = hark_window_get_session (f->window);
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "sleep",
                                      g_variant_new_string ("15"));
  g_assert_cmpint (hark_session_get_sleep_mode (session), ==, HARK_SLEEP_AFTER_MINUTES);
  remaining = hark_session_get_sleep_remaining (session);
  g_assert_cmpfloat (fabs (remaining - 15 * 60), <, 1);
  g_assert_cmpstr (sleep_state (f), ==, "15");

  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "sleep",
                                      g_variant_new_string ("episode"));
  g_assert_cmpint (hark_session_get_sleep_mode (session), ==, HARK_SLEEP_END_OF_EPISODE);
  remaining = hark_session_get_sleep_remaining (session);
  g_assert_cmpfloat (fabs (remaining - (hark_player_get_duration (hark_window_get_player (f->window)) -
                                        hark_window_get_position (f->window))), <, 1);

  /* Turned off by the session (as when it fires): the menu follows. */
  g_assert_true (hark_session_set_sleep (session, HARK_SLEEP_OFF, 0));
  g_assert_cmpstr (sleep_state (f), ==, "off");
}

/* The window's smallest width, and what it is at the phone size. */
static int
min_width (Fixture *f)
{
  int minimum;

  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  return minimum;
}

static gboolean
scan_shown (gpointer user_data)
{
  HarkWindow *window = user_data;

  return gtk_widget_get_mapped (GTK_WIDGET (window->loading_progress)) &&
         gtk_progress_bar_get_fraction (window->loading_progress) > 0;
}

static gboolean
stack_settled (gpointer user_data)
{
  return !gtk_stack_get_transition_running (user_data);
}

static gboolean
no_open_workers (gpointer user_data)
{
  return hark_session_load_get_n_running () == 0;
}

/* A long MP3 without a table of contents is scanned before it plays: the loading page says so,
 * shows how far the scan got and stops it on Cancel, back to the empty page. */
static void
test_scan_progress_and_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  if (f->app == NULL)
    return;
  f->dir = hark_test_make_tmpdir ("ui-scan");
  path = g_build_filename (f->dir, "long.mp3", NULL);
  if (!hark_test_make_long_mp3 (path, 400))
    return;
  gtk_window_present (GTK_WINDOW (f->window));
  hark_window_open (f->window, path, NULL);
  hark_ui_test_wait_until (scan_shown, f->window, 30, "the scan's progress to show");
  g_assert_cmpstr (gtk_label_get_text (f->window->loading_label), ==, "Scanning the audio…");
  g_assert_true (gtk_widget_get_mapped (f->window->loading_cancel));
  hark_ui_test_wait_until (stack_settled, f->window->stack, 5, "the loading page to fade in");
  hark_ui_test_screenshot (GTK_WIDGET (f->window), "scanning");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-open", NULL));
  hark_ui_test_wait_until (no_open_workers, NULL, 10, "the scan to stop");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->stack), ==, "empty");
  g_assert_null (hark_session_get_snapshot (hark_window_get_session (f->window))->path);
  g_assert_false (gtk_widget_get_visible (f->window->loading_cancel));
}

/* GNOME's phone size, 360 × 640: every state of the window fits, search bar open included. */
static void
test_phone_width (Fixture *f, gconstpointer data)
{
  g_autofree char *layout = NULL;

  if (f->app == NULL)
    return;
  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  /* As on GNOME (and its phones): a close button only. GTK's own default, without a desktop's
   * settings, adds minimize and maximize, 70 px that a phone never shows. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  g_test_message ("empty window: at least %d px", min_width (f));
  g_assert_cmpint (min_width (f), <=, 360);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "narrow-empty"));

  if (!open_fixture (f, "ep189/ep189.opus"))
    return;
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  g_test_message ("episode: at least %d px", min_width (f));
  g_assert_cmpint (min_width (f), <=, 360);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "developer");
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 20);
  g_test_message ("searching: at least %d px", min_width (f));
  g_assert_cmpint (min_width (f), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "narrow-search"));
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

/* The recent list says where the listener is, not "Stopped at 0:00" for what was never played. */
static void
test_place_wording (Fixture *f, gconstpointer data)
{
  g_autofree char *unplayed = hark_window_describe_place (0, 3551);
  g_autofree char *middle = hark_window_describe_place (720, 3551);
  g_autofree char *finished = hark_window_describe_place (3550, 3551);

  g_assert_cmpstr (unplayed, ==, "Not started · 59:11");
  g_assert_cmpstr (middle, ==, "Stopped at 12:00 of 59:11");
  g_assert_cmpstr (finished, ==, "Finished · 59:11");
}

int
main (int argc, char *argv[])
{
  hark_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/controls/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("toast-clear-of-controls", test_toast_clear_of_controls);
  ADD ("segment-heard-shows-text", test_segment_heard_shows_text);
  ADD ("filter-chip", test_filter_chip);
  ADD ("no-transcript-controls", test_no_transcript_controls);
  ADD ("context", test_context);
  ADD ("place-wording", test_place_wording);
  ADD ("sleep-menu", test_sleep_menu);
  ADD ("phone-width", test_phone_width);
  ADD ("scan-progress-and-cancel", test_scan_progress_and_cancel);
#undef ADD
  return g_test_run ();
}
