/* test-window-mpris.c — the acceptance against the real `hark` window: playerctl sees
 * Hark, plays, pauses, seeks, reads the metadata and an xesam:asText that is the turn being
 * spoken; all of it with a corrupt library database, which must not stop playback
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "episode/hark-episode.h"
#include "audio/hark-media-info.h"
#include "hark-test-util.h"

#define PLAYER "--player=org.hark.Hark"

typedef struct
{
  char *data_home;
  char *audio;
  GSubprocess *hark;
  HarkEpisode *episode;
  HarkMediaInfo *info;
} Fixture;

/* playerctl's answer without its newline, or NULL when it failed. */
static char *
playerctl (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) "playerctl");
  g_ptr_array_add (argv, (char *) PLAYER);
  g_ptr_array_add (argv, (char *) first);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_strchomp (g_steal_pointer (&out));
}

static double
playerctl_number (const char *what)
{
  g_autofree char *out = playerctl (what, NULL);

  return out ? g_ascii_strtod (out, NULL) : -1;
}

/* Polls @cond every 100 ms for up to 30 s: the window loads the episode in the background. */
#define wait_until(cond)                                                                    \
  G_STMT_START                                                                              \
  {                                                                                         \
    guint tries_ = 0;                                                                       \
    while (!(cond) && tries_++ < 300)                                                       \
      g_usleep (G_USEC_PER_SEC / 10);                                                       \
    if (!(cond))                                                                            \
      g_error ("timed out waiting for %s", #cond);                                          \
  }                                                                                         \
  G_STMT_END

static gboolean
status_is (const char *expected)
{
  g_autofree char *status = playerctl ("status", NULL);

  return g_strcmp0 (status, expected) == 0;
}

static gboolean
episode_shown (void)
{
  g_autofree char *length = playerctl ("metadata", "mpris:length", NULL);

  return length != NULL && g_ascii_strtoll (length, NULL, 10) > 0;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *playerctl_path = g_find_program_in_path ("playerctl");
  g_autofree char *hark = NULL;
  g_autofree char *schemas = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;

  if (g_getenv ("DISPLAY") == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("no display or no session bus: run inside tests/harness/hark-test-session");
      return;
    }
  if (playerctl_path == NULL)
    {
      g_test_skip ("playerctl is not installed");
      return;
    }
  f->audio = hark_test_fixture ("ep189/ep189.opus");
  if (f->audio == NULL)
    return;

  f->info = hark_media_info_probe (f->audio, &error);
  g_assert_no_error (error);
  /* The same loader the window uses, so the turns are the ones it highlights. */
  f->episode = hark_episode_load (f->audio, NULL, f->info->duration, &error);
  g_assert_no_error (error);

  /* A damaged library: the window must still start and play. */
  f->data_home = hark_test_make_tmpdir ("window-mpris");
  db_dir = g_build_filename (f->data_home, "hark", NULL);
  db = g_build_filename (db_dir, "library.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (db_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (db, "damaged beyond repair, not SQLite at all", -1, NULL));

  hark = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "app", "hark", NULL);
  schemas = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "data", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  /* The program's own warnings (the damaged library) are not this test's failures. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  f->hark = g_subprocess_launcher_spawn (launcher, &error, hark, f->audio, NULL);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->hark)
    {
      g_subprocess_force_exit (f->hark);
      g_subprocess_wait (f->hark, NULL, NULL);
      g_clear_object (&f->hark);
    }
  if (f->data_home)
    hark_test_remove_tree (f->data_home);
  g_clear_pointer (&f->episode, hark_episode_unref);
  g_clear_pointer (&f->info, hark_media_info_free);
  g_free (f->data_home);
  g_free (f->audio);
}

static const HarkTurn *
turn_at (Fixture *f, double time)
{
  HarkTranscript *transcript = hark_episode_get_transcript (f->episode);
  int index = hark_transcript_turn_at (transcript, time);

  g_assert_cmpint (index, >=, 0);
  return &hark_transcript_get_turns (transcript, NULL)[index];
}

static void
test_playerctl_drives_window (Fixture *f, gconstpointer data)
{
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *volume = NULL;
  const HarkTurn *turn;
  double start;

  if (f->hark == NULL)
    return;

  wait_until (episode_shown ());
  title = playerctl ("metadata", "xesam:title", NULL);
  g_assert_cmpstr (title, ==, hark_media_info_get_tag (f->info, "title"));

  g_free (playerctl ("play", NULL));
  wait_until (status_is ("Playing"));
  start = playerctl_number ("position");
  wait_until (playerctl_number ("position") > start + 0.5);

  g_free (playerctl ("pause", NULL));
  wait_until (status_is ("Paused"));

  /* 12:00, then the line being spoken there. */
  g_free (playerctl ("position", "720", NULL));
  wait_until (fabs (playerctl_number ("position") - 720) < 0.1);
  turn = turn_at (f, playerctl_number ("position"));
  text = playerctl ("metadata", "xesam:asText", NULL);
  g_assert_cmpstr (text, ==, turn->text);

  /* Next: the following turn, and its text. */
  g_free (playerctl ("next", NULL));
  wait_until (playerctl_number ("position") > turn->start + 0.5);
  {
    double position = playerctl_number ("position");
    const HarkTurn *next = turn_at (f, position);

    g_assert_true (next != turn);
    g_assert_cmpfloat (fabs (position - next->start), <, 0.1);
    g_clear_pointer (&text, g_free);
    text = playerctl ("metadata", "xesam:asText", NULL);
    g_assert_cmpstr (text, ==, next->text);
  }

  g_free (playerctl ("volume", "0.5", NULL));
  volume = playerctl ("volume", NULL);
  g_assert_cmpfloat (fabs (g_ascii_strtod (volume, NULL) - 0.5), <, 0.01);

  /* And it still plays, damaged library and all. */
  start = playerctl_number ("position");
  g_free (playerctl ("play", NULL));
  wait_until (playerctl_number ("position") > start + 0.5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/desktop/window/playerctl", Fixture, NULL, fixture_set_up,
              test_playerctl_drives_window, fixture_tear_down);
  return g_test_run ();
}
