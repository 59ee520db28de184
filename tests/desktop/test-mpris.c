/* test-mpris.c — the media controls, driven the way the desktop drives them: playerctl and gdbus
 * on the session bus, against a real HarkPlayer playing into the null output
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "audio/hark-media-info.h"
#include "desktop/hark-mpris.h"
#include "util/hark-limits.h"
#include "output/hark-output.h"
#include "formats/hark-sidecar.h"
#include "hark-test-util.h"

#define PLAYER_NAME "org.hark.Hark"

typedef struct
{
  GDBusConnection *connection;
  GDBusConnection *client; /* a second connection, as another program would have */
  HarkSession *session;
  HarkMpris *mpris;
  HarkTranscript *transcript;
  HarkMediaInfo *info;
  guint n_raise;
  guint n_quit;
  GPtrArray *seeked;       /* gint64 positions from the Seeked signal, boxed as GVariant */
  guint seeked_id;
  GPtrArray *announced;    /* xesam:asText values from PropertiesChanged, in order */
  guint changed_id;
  char *audio;
  char *dir;
  gboolean loaded;
} Fixture;

static void
raise_cb (gpointer user_data)
{
  Fixture *f = user_data;

  f->n_raise++;
}

static void
quit_cb (gpointer user_data)
{
  Fixture *f = user_data;

  f->n_quit++;
}

static void
event_cb (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  Fixture *f = user_data;

  if (event->type == HARK_SESSION_EVENT_LOADED)
    f->loaded = TRUE;
  g_assert_cmpint (event->type, !=, HARK_SESSION_EVENT_ERROR);
}

static void
seeked_cb (GDBusConnection *connection, const char *sender, const char *path,
           const char *interface, const char *signal, GVariant *parameters, gpointer user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->seeked, g_variant_ref (parameters));
}

static void
properties_changed_cb (GDBusConnection *connection, const char *sender, const char *path,
                       const char *interface, const char *signal, GVariant *parameters,
                       gpointer user_data)
{
  Fixture *f = user_data;
  g_autoptr (GVariant) changed = NULL;
  g_autoptr (GVariant) metadata = NULL;
  const char *text = NULL;

  g_variant_get (parameters, "(&s@a{sv}@as)", NULL, &changed, NULL);
  metadata = g_variant_lookup_value (changed, "Metadata", G_VARIANT_TYPE_VARDICT);
  if (metadata && g_variant_lookup (metadata, "xesam:asText", "&s", &text))
    g_ptr_array_add (f->announced, g_strdup (text));
}

static gboolean
have_bus_and_tools (void)
{
  g_autofree char *playerctl = g_find_program_in_path ("playerctl");
  g_autofree char *gdbus = g_find_program_in_path ("gdbus");

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("no session bus (DBUS_SESSION_BUS_ADDRESS is unset): run the tests inside "
                   "tests/harness/hark-test-session");
      return FALSE;
    }
  if (playerctl == NULL || gdbus == NULL)
    {
      g_test_skip ("playerctl or gdbus is not installed");
      return FALSE;
    }
  return TRUE;
}

static void open_episode (Fixture *f);

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *vtt = NULL;
  HarkMprisCallbacks callbacks = { raise_cb, quit_cb, NULL };
  g_autofree char *address = NULL;

  f->seeked = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  f->announced = g_ptr_array_new_with_free_func (g_free);
  if (!have_bus_and_tools ())
    return;
  f->audio = hark_test_fixture ("ep189/excerpt-linode.opus");
  vtt = hark_test_fixture ("ep189/excerpt-linode.vtt");
  if (f->audio == NULL || vtt == NULL)
    return;

  f->connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  f->client = g_dbus_connection_new_for_address_sync (
      address, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                   | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
      NULL, NULL, &error);
  g_assert_no_error (error);
  f->seeked_id = g_dbus_connection_signal_subscribe (
      f->client, NULL, "org.mpris.MediaPlayer2.Player", "Seeked", HARK_MPRIS_OBJECT_PATH, NULL,
      G_DBUS_SIGNAL_FLAGS_NONE, seeked_cb, f, NULL);
  f->changed_id = g_dbus_connection_signal_subscribe (
      f->client, NULL, "org.freedesktop.DBus.Properties", "PropertiesChanged",
      HARK_MPRIS_OBJECT_PATH, NULL, G_DBUS_SIGNAL_FLAGS_NONE, properties_changed_cb, f, NULL);

  /* Paced like a sound card, so Playing means the position moves as it would for a listener.
   * The MPRIS object is one more view of the session, as in the application. */
  f->session = hark_session_new (hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME), NULL, NULL);
  hark_session_add_listener (f->session, event_cb, f, NULL);
  f->mpris = hark_mpris_new (f->connection, f->session, &callbacks, f, &error);
  g_assert_no_error (error);

  /* The episode alone in a folder with its captions, so the transcript is just those. */
  f->dir = hark_test_make_tmpdir ("mpris");
  {
    g_autofree char *audio_link = g_build_filename (f->dir, "excerpt-linode.opus", NULL);
    g_autofree char *vtt_link = g_build_filename (f->dir, "excerpt-linode.vtt", NULL);

    g_assert_cmpint (symlink (f->audio, audio_link), ==, 0);
    g_assert_cmpint (symlink (vtt, vtt_link), ==, 0);
    g_free (f->audio);
    f->audio = g_steal_pointer (&audio_link);
  }
  open_episode (f);
  f->info = hark_media_info_probe (f->audio, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->mpris, hark_mpris_free);
  g_clear_pointer (&f->session, hark_session_free);
  if (f->dir != NULL)
    hark_test_remove_tree (f->dir);
  g_free (f->dir);
  g_clear_pointer (&f->transcript, hark_transcript_unref);
  g_clear_pointer (&f->info, hark_media_info_free);
  if (f->seeked_id)
    g_dbus_connection_signal_unsubscribe (f->client, f->seeked_id);
  if (f->changed_id)
    g_dbus_connection_signal_unsubscribe (f->client, f->changed_id);
  g_ptr_array_unref (f->announced);
  g_clear_object (&f->client);
  g_clear_object (&f->connection);
  g_ptr_array_unref (f->seeked);
  g_free (f->audio);
  /* Let the bus see the name released before the next test claims it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
communicate_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  char **out = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, out, &err, &error);
  g_assert_no_error (error);
  if (err && *err)
    g_test_message ("stderr: %s", err);
  if (*out == NULL)
    *out = g_strdup ("");
}

/* Runs a client program while this process keeps serving the bus, and returns its output
 * without the trailing newline. */
static char *
run_tool (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) first);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &out);
  while (out == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_strchomp (out);
  return out;
}

#define playerctl(...) run_tool ("playerctl", "--player=" PLAYER_NAME, __VA_ARGS__, NULL)

static char *
gdbus_property (const char *interface, const char *name)
{
  return run_tool ("gdbus", "call", "--session", "--dest", HARK_MPRIS_BUS_NAME, "--object-path",
                   HARK_MPRIS_OBJECT_PATH, "--method", "org.freedesktop.DBus.Properties.Get",
                   interface, name, NULL);
}

/* Calls a method that returns nothing, with up to three arguments. */
static void
gdbus_call_args (const char *method, const char *arg1, const char *arg2, const char *arg3)
{
  g_autofree char *out =
      run_tool ("gdbus", "call", "--session", "--dest", HARK_MPRIS_BUS_NAME, "--object-path",
                HARK_MPRIS_OBJECT_PATH, "--method", method, arg1, arg2, arg3, NULL);

  g_assert_cmpstr (out, ==, "()");
}

#define gdbus_call(method) gdbus_call_args (method, NULL, NULL, NULL)

static void
gdbus_set_property (const char *name, const char *value)
{
  gdbus_call_args ("org.freedesktop.DBus.Properties.Set", "org.mpris.MediaPlayer2.Player", name,
                   value);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Serves the bus and the player's events until @cond holds; fails after 10 s. */
#define wait_until(cond)                                                                    \
  G_STMT_START                                                                              \
  {                                                                                         \
    gboolean expired_ = FALSE;                                                              \
    guint id_ = g_timeout_add_seconds (10, timeout_cb, &expired_);                          \
    while (!(cond) && !expired_)                                                            \
      g_main_context_iteration (NULL, TRUE);                                                \
    if (!expired_)                                                                          \
      g_source_remove (id_);                                                                \
    if (!(cond))                                                                            \
      g_error ("timed out waiting for %s", #cond);                                          \
  }                                                                                         \
  G_STMT_END

static double
position (Fixture *f)
{
  return hark_session_get_position (f->session);
}

static HarkPlayerState
state (Fixture *f)
{
  return hark_session_get_snapshot (f->session)->state;
}

/* Opens (again) the episode in the fixture's folder and waits for its transcript. */
static void
open_episode (Fixture *f)
{
  f->loaded = FALSE;
  hark_session_open (f->session, f->audio, NULL);
  wait_until (f->loaded);
  g_clear_pointer (&f->transcript, hark_transcript_unref);
  f->transcript = hark_transcript_ref (hark_session_get_transcript (f->session));
}

static const HarkTurn *
turn_at (Fixture *f, double time)
{
  int index = hark_transcript_turn_at (f->transcript, time);

  g_assert_cmpint (index, >=, 0);
  return &hark_transcript_get_turns (f->transcript, NULL)[index];
}

static void
test_playerctl (Fixture *f, gconstpointer data)
{
  g_autofree char *players = NULL;
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;
  g_autofree char *artist = NULL;
  g_autofree char *length = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reported = NULL;
  double duration;

  if (f->mpris == NULL)
    return;
  duration = hark_session_get_snapshot (f->session)->duration;

  players = run_tool ("playerctl", "--list-all", NULL);
  g_assert_nonnull (strstr (players, PLAYER_NAME));
  status = playerctl ("status");
  g_assert_cmpstr (status, ==, "Paused");

  /* What the shell shows: the file's tags and its length. */
  title = playerctl ("metadata", "xesam:title");
  g_assert_cmpstr (title, ==, "#189 excerpt: Linode sponsor read");
  artist = playerctl ("metadata", "xesam:artist");
  g_assert_cmpstr (artist, ==, "Talk Python To Me (synthesized)");
  length = playerctl ("metadata", "mpris:length");
  g_assert_cmpint (g_ascii_strtoll (length, NULL, 10), ==, (gint64) llround (duration * 1e6));

  g_clear_pointer (&status, g_free);
  g_free (playerctl ("play"));
  wait_until (state (f) == HARK_PLAYER_STATE_PLAYING);
  status = playerctl ("status");
  g_assert_cmpstr (status, ==, "Playing");
  wait_until (position (f) > 0.3);

  g_clear_pointer (&status, g_free);
  g_free (playerctl ("pause"));
  wait_until (state (f) == HARK_PLAYER_STATE_PAUSED);
  status = playerctl ("status");
  g_assert_cmpstr (status, ==, "Paused");

  /* Seek to an absolute position: the player lands there, and the Seeked signal says so. */
  g_free (playerctl ("position", "100"));
  wait_until (fabs (position (f) - 100) < 0.05 && f->seeked->len > 0);
  {
    gint64 seeked;

    g_variant_get (f->seeked->pdata[f->seeked->len - 1], "(x)", &seeked);
    g_assert_cmpfloat (fabs (seeked / 1e6 - 100), <, 0.05);
  }
  reported = playerctl ("position");
  g_assert_cmpfloat (fabs (g_ascii_strtod (reported, NULL) - 100), <, 0.05);

  /* The line being spoken, as the window highlights it. */
  text = playerctl ("metadata", "xesam:asText");
  g_assert_cmpstr (text, ==, turn_at (f, position (f))->text);

  /* Relative seeks. */
  g_free (playerctl ("position", "10+"));
  wait_until (fabs (position (f) - 110) < 0.05);
  g_free (playerctl ("position", "30-"));
  wait_until (fabs (position (f) - 80) < 0.05);
  g_clear_pointer (&text, g_free);
  text = playerctl ("metadata", "xesam:asText");
  g_assert_cmpstr (text, ==, turn_at (f, position (f))->text);
}

/* Next and Previous walk the speaker turns when there are no chapters. */
static void
test_turn_navigation (Fixture *f, gconstpointer data)
{
  const HarkTurn *turns;
  guint n_turns;
  guint k = 1;
  double inside;
  g_autofree char *text = NULL;

  if (f->mpris == NULL)
    return;
  turns = hark_transcript_get_turns (f->transcript, &n_turns);
  /* A turn long enough to be well into it, with turns before and after. */
  while (k + 1 < n_turns && turns[k].end - turns[k].start < HARK_MPRIS_PREVIOUS_RESTART + 3)
    k++;
  g_assert_cmpuint (k + 1, <, n_turns);

  hark_session_seek (f->session, turns[k].start + 1.0);
  wait_until (fabs (position (f) - (turns[k].start + 1.0)) < 0.05);
  g_assert_cmpint (hark_transcript_turn_at (f->transcript, position (f)), ==, k);

  g_free (playerctl ("next"));
  wait_until (fabs (position (f) - turns[k + 1].start) < 0.05);
  text = playerctl ("metadata", "xesam:asText");
  g_assert_cmpstr (text, ==, turns[k + 1].text);

  /* Right at a turn's start, Previous goes to the turn before. */
  g_free (playerctl ("previous"));
  wait_until (fabs (position (f) - turns[k].start) < 0.05);

  /* Well into a turn, Previous first restarts it. */
  inside = turns[k].start + HARK_MPRIS_PREVIOUS_RESTART + 2;
  hark_session_seek (f->session, inside);
  wait_until (fabs (position (f) - inside) < 0.05);
  g_free (playerctl ("previous"));
  wait_until (fabs (position (f) - turns[k].start) < 0.05);

  /* The last turn has no next one. */
  hark_session_seek (f->session, turns[n_turns - 1].start + 0.5);
  wait_until (fabs (position (f) - (turns[n_turns - 1].start + 0.5)) < 0.05);
  g_clear_pointer (&text, g_free);
  text = gdbus_property ("org.mpris.MediaPlayer2.Player", "CanGoNext");
  g_assert_cmpstr (text, ==, "(<false>,)");
}

/* While playing, the shell learns of each new turn by itself: the test only plays across a turn
 * boundary, the session's turn event does the rest. */
static void
test_announces_turns (Fixture *f, gconstpointer data)
{
  const HarkTurn *turns;
  guint n_turns;
  guint k = 1;

  if (f->mpris == NULL)
    return;
  turns = hark_transcript_get_turns (f->transcript, &n_turns);
  while (k + 1 < n_turns && turns[k].end - turns[k].start < 2)
    k++;
  g_assert_cmpuint (k + 1, <, n_turns);

  hark_session_seek (f->session, turns[k + 1].start - 0.6);
  wait_until (fabs (position (f) - (turns[k + 1].start - 0.6)) < 0.05);
  g_assert_true (hark_session_play (f->session));
  wait_until (f->announced->len > 0
              && g_str_equal (f->announced->pdata[f->announced->len - 1], turns[k + 1].text));
  hark_session_pause (f->session);
}

/* With chapters, Next and Previous move by chapter, and chapters hidden from the table of
 * contents are passed over. */
static void
test_chapter_navigation (Fixture *f, gconstpointer data)
{
  g_autofree char *chapters = NULL;
  guint n_chapters = 0;

  if (f->mpris == NULL)
    return;
  /* A chapters file beside the episode; opening it again reads it. */
  chapters = g_build_filename (f->dir, "excerpt-linode.chapters.json", NULL);
  g_assert_true (g_file_set_contents (chapters,
                                      "{\"version\": \"1.2.0\", \"chapters\": ["
                                      "{\"startTime\": 0, \"title\": \"Opening\"},"
                                      "{\"startTime\": 60, \"title\": \"Hidden\", \"toc\": false},"
                                      "{\"startTime\": 90, \"title\": \"Middle\"},"
                                      "{\"startTime\": 200, \"title\": \"End\"}]}",
                                      -1, NULL));
  open_episode (f);
  g_assert_nonnull (hark_transcript_get_chapters (f->transcript, &n_chapters));
  g_assert_cmpuint (n_chapters, ==, 4);

  hark_session_seek (f->session, 10);
  wait_until (fabs (position (f) - 10) < 0.05);
  g_free (playerctl ("next"));
  wait_until (fabs (position (f) - 90) < 0.05);
  g_free (playerctl ("next"));
  wait_until (fabs (position (f) - 200) < 0.05);
  g_free (playerctl ("previous"));
  wait_until (fabs (position (f) - 90) < 0.05);

  /* The file's title tag, read again with the new chapters. */
  {
    g_autofree char *title = playerctl ("metadata", "xesam:title");

    g_assert_cmpstr (title, ==, hark_media_info_get_tag (f->info, "title"));
  }
}

static void
test_rate_volume_stop (Fixture *f, gconstpointer data)
{
  g_autofree char *value = NULL;
  g_autofree char *status = NULL;

  if (f->mpris == NULL)
    return;

  value = gdbus_property ("org.mpris.MediaPlayer2.Player", "MinimumRate");
  g_assert_cmpstr (value, ==, "(<0.5>,)");
  g_clear_pointer (&value, g_free);
  value = gdbus_property ("org.mpris.MediaPlayer2.Player", "MaximumRate");
  g_assert_cmpstr (value, ==, "(<3.0>,)");

  gdbus_set_property ("Rate", "<1.5>");
  g_assert_cmpfloat (hark_session_get_snapshot (f->session)->speed, ==, 1.5);
  /* Out of range is brought into range rather than refused. */
  gdbus_set_property ("Rate", "<10.0>");
  g_assert_cmpfloat (hark_session_get_snapshot (f->session)->speed, ==, 3.0);
  gdbus_set_property ("Rate", "<0.1>");
  g_assert_cmpfloat (hark_session_get_snapshot (f->session)->speed, ==, 0.5);
  g_clear_pointer (&value, g_free);
  value = gdbus_property ("org.mpris.MediaPlayer2.Player", "Rate");
  g_assert_cmpstr (value, ==, "(<0.5>,)");

  g_free (playerctl ("volume", "0.25"));
  g_assert_cmpfloat (fabs (hark_session_get_snapshot (f->session)->volume - 0.25), <, 1e-9);

  g_free (playerctl ("play"));
  wait_until (state (f) == HARK_PLAYER_STATE_PLAYING);
  g_free (playerctl ("stop"));
  wait_until (state (f) == HARK_PLAYER_STATE_PAUSED
              && position (f) < 0.05);
  status = playerctl ("status");
  g_assert_cmpstr (status, ==, "Stopped");

  gdbus_call ("org.mpris.MediaPlayer2.Raise");
  g_assert_cmpuint (f->n_raise, ==, 1);
  gdbus_call ("org.mpris.MediaPlayer2.Quit");
  g_assert_cmpuint (f->n_quit, ==, 1);
  g_clear_pointer (&value, g_free);
  value = gdbus_property ("org.mpris.MediaPlayer2", "DesktopEntry");
  g_assert_cmpstr (value, ==, "(<'org.hark.Hark'>,)");
}

/* Sets @name to @value (GVariant text): FALSE when Hark refused it. */
static gboolean
try_set_property (const char *name, const char *value)
{
  g_autofree char *out =
      run_tool ("gdbus", "call", "--session", "--dest", HARK_MPRIS_BUS_NAME, "--object-path",
                HARK_MPRIS_OBJECT_PATH, "--method", "org.freedesktop.DBus.Properties.Set",
                "org.mpris.MediaPlayer2.Player", name, value, NULL);

  return g_str_equal (out, "()");
}

/* Numbers from any D-Bus peer go through the session's checks: NaN and infinities are refused,
 * ±2^63 and other huge values clamped, 0 and negatives handled as the specification says. */
static void
test_numbers (Fixture *f, gconstpointer data)
{
  const HarkSessionSnapshot *snap;
  double duration;
  g_autofree char *track = NULL;

  if (f->mpris == NULL)
    return;
  snap = hark_session_get_snapshot (f->session);
  duration = snap->duration;

  gdbus_set_property ("Rate", "<1.5>");
  g_assert_false (try_set_property ("Rate", "<nan>"));
  g_assert_false (try_set_property ("Rate", "<inf>"));
  g_assert_cmpfloat (snap->speed, ==, 1.5);
  gdbus_set_property ("Rate", "<9.2233720368547758e18>");
  g_assert_cmpfloat (snap->speed, ==, HARK_SPEED_MAX);
  gdbus_set_property ("Rate", "<1e-300>");
  g_assert_cmpfloat (snap->speed, ==, HARK_SPEED_MIN);
  /* 0 and below pause and leave the rate alone. */
  g_free (playerctl ("play"));
  wait_until (state (f) == HARK_PLAYER_STATE_PLAYING);
  gdbus_set_property ("Rate", "<0.0>");
  wait_until (state (f) == HARK_PLAYER_STATE_PAUSED);
  g_free (playerctl ("play"));
  wait_until (state (f) == HARK_PLAYER_STATE_PLAYING);
  gdbus_set_property ("Rate", "<-9.2233720368547758e18>");
  wait_until (state (f) == HARK_PLAYER_STATE_PAUSED);
  g_assert_cmpfloat (snap->speed, ==, HARK_SPEED_MIN);

  gdbus_set_property ("Volume", "<0.5>");
  g_assert_false (try_set_property ("Volume", "<nan>"));
  g_assert_false (try_set_property ("Volume", "<-inf>"));
  g_assert_cmpfloat (snap->volume, ==, 0.5);
  gdbus_set_property ("Volume", "<-1.0>");
  g_assert_cmpfloat (snap->volume, ==, 0.0);
  gdbus_set_property ("Volume", "<9.2233720368547758e18>");
  g_assert_cmpfloat (snap->volume, ==, 1.0);
  gdbus_set_property ("Volume", "<0.0>");
  g_assert_cmpfloat (snap->volume, ==, 0.0);

  /* Seek takes any int64 offset: clamped to the episode. */
  hark_session_seek (f->session, 100);
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.Seek", "0", NULL, NULL);
  g_assert_cmpfloat (fabs (position (f) - 100), <, 0.05);
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.Seek", "--", "-5000000", NULL);
  g_assert_cmpfloat (fabs (position (f) - 95), <, 0.05);
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.Seek", "9223372036854775807", NULL, NULL);
  g_assert_cmpfloat (fabs (position (f) - duration), <, 0.05);
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.Seek", "--", "-9223372036854775808", NULL);
  g_assert_cmpfloat (position (f), ==, 0.0);

  /* SetPosition outside the track, or for another track, is ignored. */
  hark_session_seek (f->session, 50);
  track = g_strdup (hark_mpris_get_track_id (f->mpris));
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.SetPosition", track, "9223372036854775807",
                   NULL);
  g_assert_cmpfloat (fabs (position (f) - 50), <, 0.05);
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.SetPosition", "--", track,
                   "-9223372036854775808");
  g_assert_cmpfloat (fabs (position (f) - 50), <, 0.05);
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.SetPosition", "/org/hark/Hark/episode/0",
                   "1000000", NULL);
  g_assert_cmpfloat (fabs (position (f) - 50), <, 0.05);
  gdbus_call_args ("org.mpris.MediaPlayer2.Player.SetPosition", track, "0", NULL);
  g_assert_cmpfloat (position (f), ==, 0.0);
}

/* Nothing open: the controls say so and do nothing, rather than fail. */
static void
test_no_episode (Fixture *f, gconstpointer data)
{
  g_autofree char *status = NULL;
  g_autofree char *value = NULL;

  if (f->mpris == NULL)
    return;
  hark_session_close (f->session);

  status = playerctl ("status");
  g_assert_cmpstr (status, ==, "Stopped");
  g_free (playerctl ("play"));
  g_free (playerctl ("next"));
  g_assert_cmpint (state (f), ==, HARK_PLAYER_STATE_EMPTY);
  value = gdbus_property ("org.mpris.MediaPlayer2.Player", "CanPlay");
  g_assert_cmpstr (value, ==, "(<false>,)");
  g_clear_pointer (&value, g_free);
  value = gdbus_property ("org.mpris.MediaPlayer2.Player", "Metadata");
  g_assert_nonnull (strstr (value, "/org/mpris/MediaPlayer2/TrackList/NoTrack"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/desktop/mpris/playerctl", test_playerctl);
  ADD ("/desktop/mpris/turn-navigation", test_turn_navigation);
  ADD ("/desktop/mpris/announces-turns", test_announces_turns);
  ADD ("/desktop/mpris/chapter-navigation", test_chapter_navigation);
  ADD ("/desktop/mpris/rate-volume-stop", test_rate_volume_stop);
  ADD ("/desktop/mpris/no-episode", test_no_episode);
  ADD ("/desktop/mpris/numbers", test_numbers);
#undef ADD
  return g_test_run ();
}
