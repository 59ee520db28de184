/* test-resume.c — the acceptance for resuming, at the core level: play ep189 to 12:00,
 * kill -9, reopen: it continues within HARK_LIBRARY_SAVE_INTERVAL of 12:00; a corrupt database
 * is reported and playback goes on
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "library/hark-library.h"
#include "output/hark-output.h"
#include "library/hark-resume-tracker.h"
#include "hark-test-util.h"

typedef struct
{
  GPid pid;
  GIOChannel *out;
} Listener;

static void
listener_start (Listener *l, const char *db, const char *audio, const char *start)
{
  g_autofree char *program = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "tests", "library",
                                               "resume-listener", NULL);
  const char *argv[] = { program, db, audio, start, NULL };
  g_autoptr (GError) error = NULL;
  int out_fd;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &l->pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  l->out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (l->out, TRUE);
}

/* The next line the listener printed, without its newline; fails when it died. */
static char *
listener_read (Listener *l)
{
  char *line = NULL;

  if (g_io_channel_read_line (l->out, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
    g_error ("the listener stopped talking (crashed?)");
  g_strchomp (line);
  return line;
}

/* Reads "pos" lines until the position reaches @target; returns the last one. */
static double
listener_wait_position (Listener *l, double target)
{
  double position = -1;

  while (position < target)
    {
      g_autofree char *line = listener_read (l);

      if (g_str_has_prefix (line, "pos "))
        position = g_ascii_strtod (line + 4, NULL);
      else
        g_test_message ("listener: %s", line);
    }
  return position;
}

static void
listener_kill (Listener *l)
{
  int status;

  g_assert_cmpint (kill (l->pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (l->pid, &status, 0), ==, l->pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (l->pid);
  g_io_channel_unref (l->out);
}

static double
read_resumed (Listener *l)
{
  g_autofree char *line = listener_read (l);

  g_assert_true (g_str_has_prefix (line, "resumed "));
  return g_ascii_strtod (line + 8, NULL);
}

static void
test_kill_and_reopen (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/ep189.opus");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  Listener l;
  double killed_at;
  double resumed;

  if (audio == NULL)
    return;
  dir = hark_test_make_tmpdir ("resume");
  db = g_build_filename (dir, "hark", "library.db", NULL);

  /* First listen: a new episode, started a little before 12:00 so the test is short, played
   * past 12:00 in real time (at least one periodic save falls in between), then killed. */
  listener_start (&l, db, audio, "706");
  g_assert_cmpfloat (read_resumed (&l), <, 0);
  killed_at = listener_wait_position (&l, 720.0);
  listener_kill (&l);
  g_test_message ("killed at %.3f s", killed_at);

  /* Reopened at once: no rewind, and at most one save interval lost. */
  listener_start (&l, db, audio, "0");
  resumed = read_resumed (&l);
  g_test_message ("resumed at %.3f s", resumed);
  g_assert_cmpfloat (resumed, <=, killed_at + 0.5);
  g_assert_cmpfloat (killed_at - resumed, <=, HARK_LIBRARY_SAVE_INTERVAL);
  /* And it plays on from there. */
  g_assert_cmpfloat (listener_wait_position (&l, resumed + 0.5), >=, resumed + 0.5);
  listener_kill (&l);

  hark_test_remove_tree (dir);
}

static void
test_corrupt_database_plays (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/excerpt-linode.opus");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;
  g_autofree char *db_dir = NULL;
  Listener l;

  if (audio == NULL)
    return;
  dir = hark_test_make_tmpdir ("resume-corrupt");
  db = g_build_filename (dir, "hark", "library.db", NULL);
  db_dir = g_path_get_dirname (db);
  g_assert_cmpint (g_mkdir_with_parents (db_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (db, "This is not an SQLite database, just damage. ", -1,
                                      NULL));

  listener_start (&l, db, audio, "10");
  line = listener_read (&l);
  g_assert_true (g_str_has_prefix (line, "library-error "));
  g_assert_nonnull (strstr (line, "damaged"));
  g_assert_nonnull (strstr (line, db));
  g_assert_cmpfloat (read_resumed (&l), <, 0);
  /* Playback is not held up by the broken library. */
  g_assert_cmpfloat (listener_wait_position (&l, 11.0), >=, 11.0);
  listener_kill (&l);
  hark_test_remove_tree (dir);
}

/* Tags arrive after the episode opened; the recent list shows the title they gave. */
static void
test_title_set_later (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/excerpt-linode.opus");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkPlayer) player = NULL;
  g_autoptr (HarkResumeTracker) tracker = NULL;
  g_autoptr (GPtrArray) recent = NULL;
  HarkLibraryEntry *entry;

  if (audio == NULL)
    return;
  dir = hark_test_make_tmpdir ("resume-title");
  db = g_build_filename (dir, "library.db", NULL);
  library = hark_library_open (db, &error);
  g_assert_no_error (error);
  player = hark_player_new (hark_output_null_new (HARK_OUTPUT_NULL_FAST), NULL);
  tracker = hark_resume_tracker_new (library, player);
  g_assert_true (hark_player_open (player, audio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (hark_resume_tracker_episode_opened (tracker, "excerpt-linode", TRUE, 1.0),
                     <, 0);
  hark_resume_tracker_set_title (tracker, "Linode");
  hark_player_seek (player, 5.0);
  hark_resume_tracker_episode_closing (tracker);

  recent = hark_library_list_recent (library, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recent->len, ==, 1);
  entry = g_ptr_array_index (recent, 0);
  g_assert_cmpstr (entry->title, ==, "Linode");
  g_assert_cmpstr (entry->path, ==, audio);
  g_assert_cmpfloat (fabs (entry->position - 5.0), <, 0.5);

  g_clear_pointer (&tracker, hark_resume_tracker_free);
  g_clear_pointer (&player, hark_player_free);
  g_clear_pointer (&library, hark_library_free);
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desktop/resume/kill-and-reopen", test_kill_and_reopen);
  g_test_add_func ("/desktop/resume/corrupt-database-plays", test_corrupt_database_plays);
  g_test_add_func ("/desktop/resume/title-set-later", test_title_set_later);
  return g_test_run ();
}
