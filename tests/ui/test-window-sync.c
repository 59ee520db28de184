/* test-window-sync.c — Synchronize with Audio and Generate Transcript in the real window
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 4-minute excerpt with the real recognizer: an untimed text is synchronized (progress in
 * the header, then timed turns), a job is cancelled, a transcript is generated and marked, and
 * a turn the recognizer was unsure of says so. Screenshots go to tests/ui/screenshots/.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "episode/hark-episode.h"
#include "hark-test-util.h"
#include "hark-ui-test.h"
#include "hark-turn-row.h"
#include "speech/hark-recognizer.h"
#include "sync-test-util.h"
#include "sync/hark-sync-text.h"

static char *tmpdir;

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
  char *dir;
  char *audio;
  guint progress_seen; /* SYNC_PROGRESS events with the header showing a percentage */
  guint listener;
} Fixture;

/* After the window's own listener: what the header shows at each progress event. */
static void
on_session_event (HarkSession *s, const HarkSessionEvent *event, gpointer user_data)
{
  Fixture *f = user_data;
  GtkLabel *label;

  if (event->type != HARK_SESSION_EVENT_SYNC_PROGRESS)
    return;
  label = hark_window_sync_get_progress_label (f->window);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (label), "%"));
  f->progress_seen++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *excerpt = NULL;

  if (!hark_ui_test_have_display ())
    return;
  excerpt = hark_test_fixture ("ep189/excerpt-linode.opus");
  if (excerpt == NULL)
    return;
  f->dir = g_build_filename (tmpdir, (const char *) data, NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0755), ==, 0);
  f->audio = g_build_filename (f->dir, "ep.opus", NULL);
  g_assert_cmpint (symlink (excerpt, f->audio), ==, 0);
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
  f->listener = hark_session_add_listener (hark_window_get_session (f->window), on_session_event,
                                           f, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->app != NULL)
    {
      hark_session_remove_listener (hark_window_get_session (f->window), f->listener);
      hark_ui_test_app_free (f->app);
    }
  g_free (f->dir);
  g_free (f->audio);
}

static HarkSession *
session (Fixture *f)
{
  return hark_window_get_session (f->window);
}

static gboolean
progress_shown (gpointer data)
{
  Fixture *f = data;
  GtkLabel *label = hark_window_sync_get_progress_label (f->window);

  return label != NULL && hark_session_get_snapshot (session (f))->sync_fraction > 0;
}

static gboolean
job_over (gpointer data);

static gboolean
progress_shown_or_over (gpointer data)
{
  return progress_shown (data) || job_over (data);
}

static gboolean
job_over (gpointer data)
{
  Fixture *f = data;

  return hark_session_get_snapshot (session (f))->sync_running == HARK_SESSION_SYNC_NONE;
}

static gboolean
button_shown (Fixture *f)
{
  GtkButton *button = hark_window_sync_get_button (f->window);

  return button != NULL && gtk_widget_get_visible (GTK_WIDGET (button))
         && gtk_widget_get_mapped (GTK_WIDGET (button));
}

/* Starts the job from the header's button, sees progress in the header (a screenshot of it
 * while the recognizer works; a cached result may end the job first), and waits for the end. */
static void
run_from_header (Fixture *f, const char *expected_label, const char *screenshot)
{
  GtkButton *button = hark_window_sync_get_button (f->window);
  GtkLabel *progress;

  g_assert_true (button_shown (f));
  g_assert_cmpstr (gtk_button_get_label (button), ==, expected_label);
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  f->progress_seen = 0;
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpuint (f->progress_seen, ==, 1); /* the start, at 0% */
  hark_ui_test_wait_until (progress_shown_or_over, f, 600, "progress in the header");
  progress = hark_window_sync_get_progress_label (f->window);
  if (progress != NULL)
    {
      g_test_message ("progress: %s", gtk_label_get_label (progress));
      hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
      g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), screenshot));
    }
  hark_ui_test_wait_until (job_over, f, 900, "the job to end");
  g_assert_cmpuint (f->progress_seen, >=, 2);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_null (hark_window_sync_get_progress_label (f->window));
}

static GtkLabel *find_label_with_class (GtkWidget *widget, const char *css_class,
                                        const char *name_part);

/* An untimed text: "Synchronize with Audio", progress, then every turn has its time and the
 * list shows them; the result is saved beside the audio. */
static void
test_align (Fixture *f, gconstpointer data)
{
  JsonParser *parser = NULL;
  JsonObject *truth;
  g_autoptr (GPtrArray) storage = NULL;
  g_autofree HarkMergeTurn *turns = NULL;
  g_autofree char *written = NULL, *text = NULL, *sidecar = NULL;
  const HarkReadingRow *rows;
  HarkTranscript *t;
  double one, three;
  gboolean speakers_ok;
  guint n, n_rows, timed = 0;

  if (f->app == NULL)
    return;
  truth = sync_test_load_truth ("ep189/excerpt-linode.truth.json", &parser);
  turns = sync_test_turns_for_truth (truth, f->dir, &n, &storage);
  written = g_build_filename (f->dir, "turns.transcript.txt", NULL);
  text = g_build_filename (f->dir, "ep.transcript.txt", NULL);
  g_assert_cmpint (g_rename (written, text), ==, 0);

  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  g_assert_true (hark_sync_is_untimed (hark_session_get_transcript (session (f))));
  run_from_header (f, "Synchronize with Audio", "sync-progress");

  t = hark_session_get_transcript (session (f));
  sync_test_score_turns (truth, t, &one, &three, &speakers_ok);
  g_test_message ("in the window: %.1f%% of turn starts within 1 s, %.1f%% within 3 s",
                  one * 100, three * 100);
  g_assert_cmpfloat (one, >=, 0.9);
  /* The list shows the new reading order: timed rows. */
  g_assert_true (hark_window_get_reading (f->window) == hark_session_get_reading (session (f)));
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  for (guint i = 0; i < n_rows; i++)
    timed += rows[i].start > 0;
  g_assert_cmpuint (timed, >=, n_rows - 1);
  g_assert_false (button_shown (f));
  g_assert_cmpstr (hark_window_get_last_toast (f->window), ==,
                   "Transcript synchronized with the audio");
  sidecar = hark_episode_sidecar_path_for (f->audio);
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  /* The banner about the missing times is gone (after its animation). */
  g_assert_null (hark_window_get_banner (f->window));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "sync-done"));
  g_object_unref (parser);
}

/* No transcript: "Generate Transcript", then a cancel ends the job at once and changes nothing.
 * Runs before any case fills this run's cache, so the recognizer is really at work. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *sidecar = NULL;
  GtkButton *button;

  if (f->app == NULL)
    return;
  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  g_assert_null (hark_window_get_reading (f->window));
  button = hark_window_sync_get_button (f->window);
  g_assert_true (button_shown (f));
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Generate Transcript");
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "no-transcript-offer"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sync", NULL));
  hark_ui_test_wait_until (progress_shown, f, 600, "progress in the header");
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "sync-cancel-progress"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sync-cancel", NULL));
  /* At once: the header offers the action again. */
  g_assert_true (job_over (f));
  g_assert_null (hark_window_sync_get_progress_label (f->window));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  g_assert_true (button_shown (f));
  g_assert_null (hark_window_get_reading (f->window));
  g_assert_null (hark_window_get_banner (f->window));
  sidecar = hark_episode_sidecar_path_for (f->audio);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
}

/* No transcript again (recognition now cached): the result is marked Generated in the header
 * and the subtitle, and the list shows it. */
static void
test_generate (Fixture *f, gconstpointer data)
{
  GtkWidget *generated;
  AdwWindowTitle *title;

  if (f->app == NULL)
    return;
  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  generated = hark_window_sync_get_generated_label (f->window);
  g_assert_false (gtk_widget_get_visible (generated));
  run_from_header (f, "Generate Transcript", "generate-progress");
  g_assert_nonnull (hark_window_get_reading (f->window));
  g_assert_true (gtk_widget_get_visible (generated) && gtk_widget_get_mapped (generated));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (generated)), ==, "Generated");
  title = ADW_WINDOW_TITLE (gtk_widget_get_ancestor (generated, ADW_TYPE_HEADER_BAR) != NULL
                              ? adw_header_bar_get_title_widget (ADW_HEADER_BAR (
                                  gtk_widget_get_ancestor (generated, ADW_TYPE_HEADER_BAR)))
                              : NULL);
  g_assert_nonnull (title);
  g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (title),
                                   "Generated from the audio"));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "generated"));

  /* No voice is made up: the rows say "Generated" where a speaker's name would be, and the cues
   * are gathered into paragraphs rather than a header over each. */
  {
    HarkTranscript *t = hark_reading_get_transcript (hark_window_get_reading (f->window));
    HarkTurnRow *row = hark_window_get_row_widget (f->window, 0);
    guint n_turns, n_cues;

    hark_transcript_get_turns (t, &n_turns);
    hark_transcript_get_cues (t, &n_cues);
    g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, 0);
    g_assert_cmpuint (n_turns * 2, <=, n_cues);
    g_assert_nonnull (row);
    g_assert_nonnull (find_label_with_class (GTK_WIDGET (row), "generated", "Generated"));
    g_assert_null (find_label_with_class (GTK_WIDGET (row), "speaker-unknown", "Unknown"));
  }
}

/* The time label of the row showing turn @turn. */
static GtkLabel *
find_label_with_class (GtkWidget *widget, const char *css_class, const char *name_part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class)
          && (name_part == NULL || strstr (gtk_label_get_label (GTK_LABEL (child)), name_part)))
        return GTK_LABEL (child);
      found = find_label_with_class (child, css_class, name_part);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A timed transcript whose second turn the recognizer hardly confirmed: its time says so in
 * words (read by assistive technologies), the others do not. */
static void
test_uncertain_turn (Fixture *f, gconstpointer data)
{
  static const char sidecar[] =
    "{\"hark\": {\"format\": 1,\n"
    " \"speakers\": [{\"id\": \"A\", \"name\": \"Alice\"}, {\"id\": \"B\", \"name\": \"Bob\"}],\n"
    " \"turns\": [\n"
    "  {\"speaker\": \"A\", \"start\": 0.5, \"end\": 4.0, \"text\": \"Welcome to the show.\","
    " \"evidence\": 0.9},\n"
    "  {\"speaker\": \"B\", \"start\": 4.0, \"end\": 9.0, \"text\": \"Thanks for having me.\","
    " \"evidence\": 0.1},\n"
    "  {\"speaker\": \"A\", \"start\": 9.0, \"end\": 14.0, \"text\": \"Tell us about it.\","
    " \"evidence\": 0.8}]}}\n";
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  HarkTurnRow *rows[3];

  if (f->app == NULL)
    return;
  path = hark_episode_sidecar_path_for (f->audio);
  g_assert_true (g_file_set_contents (path, sidecar, -1, &error));
  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  g_assert_false (button_shown (f));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  for (int i = 0; i < 3; i++)
    {
      rows[i] = hark_window_get_row_widget (f->window, i);
      g_assert_nonnull (rows[i]);
    }
  g_assert_null (find_label_with_class (GTK_WIDGET (rows[0]), "uncertain", NULL));
  g_assert_nonnull (find_label_with_class (GTK_WIDGET (rows[1]), "uncertain", "time uncertain"));
  g_assert_null (find_label_with_class (GTK_WIDGET (rows[2]), "uncertain", NULL));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "uncertain-turn"));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  tmpdir = hark_test_make_tmpdir ("ui-sync");
  {
    /* This run's own cache, set before any thread starts. */
    g_autofree char *cache = g_build_filename (tmpdir, "cache", NULL);

    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  hark_ui_test_init (&argc, &argv);
  if (!hark_recognizer_check_available (&error))
    {
      g_test_message ("%s", error->message);
      return 77;
    }
#define ADD(path, func) g_test_add ("/ui/sync/" path, Fixture, path, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("uncertain-turn", test_uncertain_turn);
  ADD ("cancel", test_cancel);
  ADD ("align", test_align);
  ADD ("generate", test_generate);
#undef ADD
  status = g_test_run ();
  hark_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
