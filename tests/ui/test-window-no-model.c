/* test-window-no-model.c — Synchronize and Generate when the speech model is not installed
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recognizer looks for its model in an empty directory (HARK_TEST_ASR_MODEL_DIR), as on a
 * machine without pocketsphinx-en-us; in a build without PocketSphinx it is missing anyway. The
 * actions are still offered, say what to install, and starting one only says it again: no job
 * starts, the transcript stays as it was, and playing works.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hark-test-util.h"
#include "hark-ui-test.h"
#include "hark-window-private.h"
#include "hark-window-sync.h"

static char *tmpdir;

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
  char *audio;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *excerpt = NULL;
  g_autofree char *dir = NULL;

  if (!hark_ui_test_have_display ())
    return;
  excerpt = hark_test_fixture ("ep189/excerpt-linode.opus");
  if (excerpt == NULL)
    return;
  dir = g_build_filename (tmpdir, (const char *) data, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  f->audio = g_build_filename (dir, "ep.opus", NULL);
  g_assert_cmpint (symlink (excerpt, f->audio), ==, 0);
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->app != NULL)
    hark_ui_test_app_free (f->app);
  g_free (f->audio);
}

/* What a listener without the model needs to read: the package to install. */
static void
assert_says_what_to_install (const char *text)
{
  g_assert_nonnull (text);
  if (strstr (text, "pocketsphinx-en-us") == NULL)
    g_error ("expected the package to install in: %s", text);
}

static gboolean
is_playing (gpointer data)
{
  Fixture *f = data;

  return hark_session_get_position (hark_window_get_session (f->window)) > 0.3;
}

/* The header's button is offered, with what is missing as its tooltip; clicking it shows that in
 * the banner and starts nothing; the episode still plays. */
static void
check_offer_and_refusal (Fixture *f, const char *label, const char *screenshot)
{
  GtkButton *button = hark_window_sync_get_button (f->window);
  HarkSession *session = hark_window_get_session (f->window);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_button_get_label (button), ==, label);
  assert_says_what_to_install (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  /* (An untimed text has a banner of its own saying it cannot follow the audio.) */
  g_assert_true (hark_window_get_banner (f->window) == NULL
                 || strstr (hark_window_get_banner (f->window), "pocketsphinx") == NULL);

  g_signal_emit_by_name (button, "clicked");
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  assert_says_what_to_install (hark_window_get_banner (f->window));
  g_assert_cmpint (hark_session_get_snapshot (session)->sync_running, ==, HARK_SESSION_SYNC_NONE);
  g_assert_null (hark_window_sync_get_progress_label (f->window));
  /* Still offered: installing the model and clicking again is all it takes. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), screenshot));

  g_assert_true (hark_session_play (session));
  hark_ui_test_wait_until (is_playing, f, 30, "the episode to play");
  hark_session_pause (session);
}

/* An untimed text beside the audio: its turns are shown as they are, and Synchronize says what
 * to install. */
static void
test_synchronize (Fixture *f, gconstpointer data)
{
  g_autofree char *text_path = NULL;
  g_autoptr (GError) error = NULL;
  HarkReading *reading;

  if (f->app == NULL)
    return;
  {
    g_autofree char *dir = g_path_get_dirname (f->audio);

    text_path = g_build_filename (dir, "ep.transcript.txt", NULL);
  }
  g_assert_true (g_file_set_contents (text_path,
                                      "Alice: Welcome to the show, everyone.\n\n"
                                      "Bob: Thanks for having me.\n\n"
                                      "Alice: Tell us what you have been building.\n",
                                      -1, &error));
  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  reading = hark_window_get_reading (f->window);
  g_assert_nonnull (reading);
  g_assert_nonnull (hark_window_get_row_widget (f->window, 0));
  check_offer_and_refusal (f, "Synchronize with Audio", "no-model-synchronize");
  g_assert_true (hark_window_get_reading (f->window) == reading);
}

/* No transcript at all: Generate says what to install. */
static void
test_generate (Fixture *f, gconstpointer data)
{
  if (f->app == NULL)
    return;
  g_assert_true (hark_ui_test_open (f->window, f->audio, NULL));
  check_offer_and_refusal (f, "Generate Transcript", "no-model-generate");
}

int
main (int argc, char *argv[])
{
  g_autofree char *empty = NULL;
  int status;

  tmpdir = hark_test_make_tmpdir ("ui-no-model");
  empty = g_build_filename (tmpdir, "no-model", NULL);
  g_assert_cmpint (g_mkdir_with_parents (empty, 0755), ==, 0);
  /* Before any thread starts. */
  g_setenv ("HARK_TEST_ASR_MODEL_DIR", empty, TRUE);
  hark_ui_test_init (&argc, &argv);
#define ADD(path, func) g_test_add ("/ui/no-model/" path, Fixture, path, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("synchronize", test_synchronize);
  ADD ("generate", test_generate);
#undef ADD
  status = g_test_run ();
  hark_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
