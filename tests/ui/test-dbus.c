/* test-dbus.c — the real `hark` program, driven over D-Bus with `gapplication action`
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the program did is read back from its library (the saved position), which also checks
 * the resume acceptance: kill -9 in the middle of an episode, start again, continue there.
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <signal.h>

#include "library/hark-library.h"
#include "hark-test-util.h"

typedef struct
{
  char *data_home;
  char *hark;
  char *audio;
  GSubprocess *process;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display (DISPLAY and WAYLAND_DISPLAY unset): run the UI tests inside "
                   "tests/harness/hark-test-session, which provides Xvfb and a session bus");
      return;
    }
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("no session bus: run inside tests/harness/hark-test-session");
      return;
    }
  f->audio = hark_test_fixture ("ep189/ep189.opus");
  if (f->audio == NULL)
    return;
  f->data_home = hark_test_make_tmpdir ("ui-dbus-data");
  f->hark = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "app", "hark", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->process != NULL)
    {
      g_subprocess_force_exit (f->process);
      g_subprocess_wait (f->process, NULL, NULL);
      g_clear_object (&f->process);
    }
  if (f->data_home != NULL)
    hark_test_remove_tree (f->data_home);
  g_free (f->data_home);
  g_free (f->hark);
  g_free (f->audio);
}

static GSubprocessLauncher *
make_launcher (Fixture *f)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->data_home, TRUE);
  /* The program's own warnings are not this test's failures. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  return launcher;
}

static gboolean
name_owned (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.hark.Hark"), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
start_hark (Fixture *f)
{
  g_autoptr (GSubprocessLauncher) launcher = make_launcher (f);
  g_autoptr (GError) error = NULL;

  f->process = g_subprocess_launcher_spawn (launcher, &error, f->hark, f->audio, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 300 && !name_owned (); i++)
    g_usleep (G_USEC_PER_SEC / 10);
  g_assert_true (name_owned ());
}

/* `gapplication action org.hark.Hark NAME [PARAMETER]`, as a user would type it. */
static void
gapplication_action (Fixture *f, const char *action, const char *parameter)
{
  g_autoptr (GSubprocessLauncher) launcher = make_launcher (f);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  process = g_subprocess_launcher_spawn (launcher, &error, "gapplication", "action",
                                         "org.hark.Hark", action, parameter, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

/* What the program last saved for the episode, or a negative number. */
static double
saved_position (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->data_home, "hark", "library.db", NULL);
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (GPtrArray) recent = NULL;
  HarkLibraryEntry *entry;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return -1;
  library = hark_library_open (path, NULL);
  if (library == NULL)
    return -1;
  recent = hark_library_list_recent (library, 1, NULL);
  if (recent == NULL || recent->len == 0)
    return -1;
  entry = g_ptr_array_index (recent, 0);
  g_assert_true (g_str_has_suffix (entry->path, "ep189.opus"));
  return entry->position;
}

/* Seeks over D-Bus until the program has loaded the episode and saved that place. */
static void
seek_and_wait_saved (Fixture *f, double seconds)
{
  g_autofree char *parameter = g_strdup_printf ("%.3f", seconds);

  for (guint i = 0; i < 300; i++)
    {
      gapplication_action (f, "seek", parameter);
      if (fabs (saved_position (f) - seconds) < 0.01)
        return;
      g_usleep (G_USEC_PER_SEC / 5);
    }
  g_error ("hark never saved the position %s", parameter);
}

/* A property of the program's MPRIS player object. */
static GVariant *
mpris_get (const char *property)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  GVariant *value;

  reply = g_dbus_connection_call_sync (bus, "org.mpris.MediaPlayer2.org.hark.Hark",
                                       "/org/mpris/MediaPlayer2",
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", "org.mpris.MediaPlayer2.Player",
                                                      property),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);
  return value;
}

/* The first words of the truth's turn starting nearest to @time. */
static char *
truth_first_words_at (double time)
{
  g_autofree char *path = hark_test_fixture ("ep189/ep189.truth.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *turns;
  const char *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  turns = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "turns");
  for (guint i = 0; i < json_array_get_length (turns); i++)
    {
      JsonObject *t = json_array_get_object_element (turns, i);
      double distance = fabs (json_object_get_double_member (t, "start") - time);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = json_object_get_string_member (t, "first_words");
        }
    }
  return g_strdup (best);
}

/* The start of the first turn by @speaker after @time in the truth. */
static double
truth_next_turn_of (const char *speaker, double time)
{
  g_autofree char *path = hark_test_fixture ("ep189/ep189.truth.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *turns;

  g_assert_nonnull (path);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  turns = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "turns");
  for (guint i = 0; i < json_array_get_length (turns); i++)
    {
      JsonObject *t = json_array_get_object_element (turns, i);

      if (json_object_get_double_member (t, "start") > time &&
          g_strcmp0 (json_object_get_string_member (t, "speaker"), speaker) == 0)
        return json_object_get_double_member (t, "start");
    }
  g_assert_not_reached ();
}

static void
test_actions_and_kill_resume (Fixture *f, gconstpointer data)
{
  double position;

  if (f->audio == NULL)
    return;
  start_hark (f);
  seek_and_wait_saved (f, 100.0);

  /* Numbers the session refuses: the place is neither moved nor lost. A play and a pause then
   * save where playback really is. */
  gapplication_action (f, "seek", "nan");
  gapplication_action (f, "seek", "inf");
  gapplication_action (f, "seek", "-inf");
  gapplication_action (f, "set-speed", "nan");
  gapplication_action (f, "play", NULL);
  g_usleep (G_USEC_PER_SEC / 2);
  gapplication_action (f, "pause", NULL);
  for (guint i = 0; i < 50 && saved_position (f) == 100.0; i++)
    g_usleep (G_USEC_PER_SEC / 10);
  position = saved_position (f);
  g_test_message ("after seek nan / inf / -inf and a moment of play: %.3f s", position);
  g_assert_cmpfloat (position, >, 100.0);
  g_assert_cmpfloat (position, <, 102.0);
  seek_and_wait_saved (f, 100.0);

  /* next-answer by name: from 100 s the next Panelists turn; the saved place moves there. */
  gapplication_action (f, "next-answer", "'Panelists'");
  gapplication_action (f, "play", NULL);
  gapplication_action (f, "pause", NULL);
  position = saved_position (f);
  g_test_message ("next-answer from 100 s landed at %.3f s", position);
  /* Within what the merge may be off by on a turn start. */
  g_assert_cmpfloat (fabs (position - truth_next_turn_of ("Panelists", 100.5)), <, 0.6);

  /* The media controls: paused there, and the shell's line is the turn being spoken. */
  {
    g_autoptr (GVariant) status = mpris_get ("PlaybackStatus");
    g_autoptr (GVariant) mpris_position = mpris_get ("Position");
    g_autoptr (GVariant) metadata = mpris_get ("Metadata");
    g_autoptr (GVariant) text = g_variant_lookup_value (metadata, "xesam:asText", G_VARIANT_TYPE_STRING);
    g_autofree char *first_words = truth_first_words_at (position);

    g_assert_cmpstr (g_variant_get_string (status, NULL), ==, "Paused");
    g_assert_cmpfloat (fabs (g_variant_get_int64 (mpris_position) / 1e6 - position), <, 0.5);
    g_assert_nonnull (text);
    g_test_message ("xesam:asText: %.60s…", g_variant_get_string (text, NULL));
    g_assert_true (g_str_has_prefix (g_variant_get_string (text, NULL), first_words));
  }

  /* Play at 12:00, kill -9 in the middle, start again: it continues within 10 s of there. */
  seek_and_wait_saved (f, 720.0);
  gapplication_action (f, "play", NULL);
  g_usleep (3 * G_USEC_PER_SEC);
  g_assert_true (name_owned ());
  g_subprocess_send_signal (f->process, SIGKILL);
  g_subprocess_wait (f->process, NULL, NULL);
  g_clear_object (&f->process);
  position = saved_position (f);
  g_assert_cmpfloat (position, >=, 720.0 - 0.01);
  g_assert_cmpfloat (position, <=, 730.0);

  start_hark (f);
  /* Play and pause: the program saves where it is, which is where it resumed. */
  for (guint i = 0; i < 100; i++)
    {
      gapplication_action (f, "play", NULL);
      gapplication_action (f, "pause", NULL);
      position = saved_position (f);
      if (position >= 710 && position <= 740)
        break;
      g_usleep (G_USEC_PER_SEC / 5);
    }
  g_test_message ("after kill -9 at about 12:03, resumed at %.3f s", position);
  g_assert_cmpfloat (position, >=, 710.0);
  g_assert_cmpfloat (position, <=, 740.0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ui/dbus/actions-and-kill-resume", Fixture, NULL, fixture_set_up,
              test_actions_and_kill_resume, fixture_tear_down);
  return g_test_run ();
}
