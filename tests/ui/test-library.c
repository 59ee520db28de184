/* test-library.c — the library in the real window: subscribe, list, download, play
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1 serves a feed, a WAV episode and its transcript written by the
 * test. The library and downloads live in a folder of this test's own (XDG_DATA_HOME), so the
 * other window tests still start empty.
 */
#include <math.h>
#include <string.h>

#include "hark-episode-row.h"
#include "hark-library-item.h"
#include "hark-show-row.h"
#include "hark-test-util.h"
#include "hark-ui-test.h"
#include "test-server.h"

#define RATE 16000
#define SECONDS 60

static GBytes *
make_wav (void)
{
  guint n = SECONDS * RATE;
  g_autofree gint16 *samples = g_new (gint16, n);
  guint8 header[44] = "RIFF....WAVEfmt ";
  guint32 v;
  GByteArray *file = g_byte_array_new ();

  for (guint i = 0; i < n; i++)
    samples[i] = (gint16) (6000 * sin (2 * G_PI * 330 * i / RATE));
#define PUT32(off, x) (v = GUINT32_TO_LE (x), memcpy (header + (off), &v, 4))
#define PUT16(off, x) (header[off] = (x) & 0xff, header[(off) + 1] = ((x) >> 8) & 0xff)
  PUT32 (4, 36 + n * 2);
  PUT32 (16, 16);
  PUT16 (20, 1);
  PUT16 (22, 1);
  PUT32 (24, RATE);
  PUT32 (28, RATE * 2);
  PUT16 (32, 2);
  PUT16 (34, 16);
  memcpy (header + 36, "data", 4);
  PUT32 (40, n * 2);
  g_byte_array_append (file, header, sizeof header);
  g_byte_array_append (file, (guint8 *) samples, n * 2);
  return g_byte_array_free_to_bytes (file);
}

static const char transcript[] =
  "{\"version\":\"1.0.0\",\"segments\":["
  "{\"speaker\":\"Ann\",\"startTime\":0,\"endTime\":4,\"body\":\"Welcome to the local show.\"},"
  "{\"speaker\":\"Bob\",\"startTime\":4,\"endTime\":9,\"body\":\"Glad to be heard here.\"},"
  "{\"speaker\":\"Ann\",\"startTime\":9,\"endTime\":60,\"body\":\"That is all for today.\"}]}";

static char *
make_feed (TestServer *server, gboolean with_third)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\"?>"
    "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
    "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel>"
    "<title>Local Test Show</title><language>en</language>"
    "<itunes:image href=\"%1$s/art/cover.png\"/>"
    "%2$s"
    "<item><guid>two</guid><title>The Slow One</title>"
    "<pubDate>Wed, 02 Dec 2026 07:00:00 GMT</pubDate><itunes:duration>1:05:00</itunes:duration>"
    "<enclosure url=\"%1$s/media/two.mp3\" type=\"audio/mpeg\" length=\"0\"/></item>"
    "<item><guid>one</guid><title>Hello, Library</title>"
    "<pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate><itunes:duration>60</itunes:duration>"
    "<enclosure url=\"%1$s/media/one.wav\" type=\"audio/wav\" length=\"%3$u\"/>"
    "<podcast:transcript url=\"%1$s/t/one.json\" type=\"application/json\" language=\"en\"/>"
    "</item></channel></rss>",
    server->base,
    with_third ? "<item><guid>three</guid><title>Fresh</title>"
                 "<pubDate>Thu, 03 Dec 2026 07:00:00 GMT</pubDate>"
                 "<enclosure url=\"/media/three.mp3\" type=\"audio/mpeg\"/></item>"
               : "",
    44 + SECONDS * RATE * 2);
}

/* A 600 px square cover, as feeds give them (scaled down for the list). */
static GBytes *
make_cover (void)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 600, 600);
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "png", &error, NULL));
  return g_bytes_new_take (data, length);
}

static HarkApplication *app;
static TestServer *server;
static GBytes *wav;

static HarkWindow *
get_window (void)
{
  return hark_application_get_window (app);
}

static HarkLibraryView *
get_view (void)
{
  return hark_window_get_library_view (get_window ());
}

static const char *
page (void)
{
  return gtk_stack_get_visible_child_name (get_window ()->stack);
}

/* Every realised row of @type under @root. */
static void
collect (GtkWidget *root, GType type, GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      else
        collect (child, type, out);
    }
}

static HarkEpisodeRow *
find_episode_row (const char *guid)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (hark_library_view_get_episodes_list (get_view ())), HARK_TYPE_EPISODE_ROW,
           rows);
  for (guint i = 0; i < rows->len; i++)
    {
      HarkLibraryItem *item = hark_episode_row_get_item (g_ptr_array_index (rows, i));
      if (item != NULL && g_strcmp0 (hark_library_item_get_episode (item)->guid, guid) == 0)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static gint64
episode_row_number (const char *guid)
{
  HarkEpisodeRow *row = find_episode_row (guid);
  g_assert_nonnull (row);
  return hark_library_item_get_episode (hark_episode_row_get_item (row))->row;
}

static void
activate (const char *action, GVariant *target)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (get_view ()), action, target));
}

/* Clicks the button of @guid's row showing @icon. */
static void
click_row_button (const char *guid, const char *icon)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  HarkEpisodeRow *row = find_episode_row (guid);

  g_assert_nonnull (row);
  collect (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), icon) == 0)
      {
        g_assert_true (gtk_widget_get_visible (g_ptr_array_index (buttons, i)));
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
        return;
      }
  g_assert_not_reached ();
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !hark_subscribe_dialog_is_busy (data);
}

static gboolean
refresh_done (gpointer data)
{
  return !hark_library_view_is_refreshing (get_view ());
}

static gboolean
no_downloads (gpointer data)
{
  return hark_library_view_get_n_downloads (get_view ()) == 0;
}

static gboolean
is_downloading (gpointer data)
{
  HarkEpisodeRow *row = find_episode_row (data);
  return row != NULL && gtk_widget_get_visible (GTK_WIDGET (hark_episode_row_get_progress (row)));
}

static gboolean
has_progress_text (gpointer data)
{
  HarkEpisodeRow *row = find_episode_row (data);
  return row != NULL && hark_episode_row_get_progress_text (row) != NULL
         && strstr (hark_episode_row_get_progress_text (row), "/s") != NULL;
}

static gboolean
row_has_artwork (gpointer data)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (hark_library_view_get_shows_list (get_view ())), HARK_TYPE_SHOW_ROW, rows);
  return rows->len == 1 && hark_show_row_has_artwork (g_ptr_array_index (rows, 0));
}

static HarkSession *
session (void)
{
  return hark_window_get_session (get_window ());
}

static HarkPlayer *
player (void)
{
  return hark_session_get_player (session ());
}

/* When the steps of a Play happened, to tell where the time goes when it is slow. */
static gint64 stream_started_at, opened_at;
static guint64 opened_bytes;

static void
on_open_stream (HarkLibraryView *view, gpointer stream, gpointer data)
{
  stream_started_at = g_get_monotonic_time ();
}

static void
on_session_event (HarkSession *s, const HarkSessionEvent *event, gpointer data)
{
  HarkMediaSourceProgress progress;

  if (event->type == HARK_SESSION_EVENT_OPENED && opened_at == 0)
    {
      opened_at = g_get_monotonic_time ();
      if (hark_session_get_download_progress (s, &progress))
        opened_bytes = progress.available;
    }
}

static gboolean
is_audible (gpointer data)
{
  return hark_player_get_first_audible_time (player ()) != 0;
}

static gboolean
download_complete (gpointer data)
{
  HarkMediaSourceProgress progress;

  return !hark_session_get_download_progress (session (), &progress) || progress.complete;
}

static const double past_80 = SECONDS * 0.8 + 0.3;

/* The session is playing past *@data seconds. */
static gboolean
is_past (gpointer data)
{
  return hark_session_get_position (session ()) > *(const double *) data
         && hark_player_get_state (player ()) == HARK_PLAYER_STATE_PLAYING;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_episode_shown (HarkWindow *window, gboolean ok, gboolean *shown)
{
  g_assert_true (ok);
  *shown = TRUE;
}

static void
screenshot (const char *name)
{
  g_autofree char *path = hark_ui_test_screenshot (GTK_WIDGET (get_window ()), name);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_empty_then_subscribe (void)
{
  HarkSubscribeDialog *dialog;
  g_autofree char *missing = NULL;
  g_autofree char *url = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  HarkShowRow *show_row;

  if (!hark_ui_test_have_display ())
    return;
  /* No subscriptions: the window starts empty and invites both ways. */
  g_assert_cmpstr (page (), ==, "empty");
  screenshot ("library-01-empty-window");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "nav.library", NULL));
  g_assert_cmpstr (page (), ==, "library");
  g_assert_false (hark_library_view_has_shows (get_view ()));
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  screenshot ("library-02-no-shows");

  dialog = hark_library_view_add_show (get_view ());
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  hark_ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  /* Checked before any fetch. */
  hark_subscribe_dialog_set_url (dialog, "not an address");
  hark_subscribe_dialog_add (dialog);
  g_assert_false (hark_subscribe_dialog_is_busy (dialog));
  g_assert_nonnull (hark_subscribe_dialog_get_error (dialog));
  g_assert_nonnull (strstr (hark_subscribe_dialog_get_error (dialog), "not a web address"));

  /* A 404 is told in the dialog, which stays open; nothing is kept. */
  missing = test_server_url (server, "/nothing-here");
  hark_subscribe_dialog_set_url (dialog, missing);
  g_assert_null (hark_subscribe_dialog_get_error (dialog));
  hark_subscribe_dialog_add (dialog);
  g_assert_true (hark_subscribe_dialog_is_busy (dialog));
  hark_ui_test_wait_until (dialog_idle, dialog, 30, "the failed subscription");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (hark_subscribe_dialog_get_error (dialog), "404"));
  g_assert_false (hark_library_view_has_shows (get_view ()));
  hark_ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  {
    g_autofree char *path = hark_ui_test_screenshot (GTK_WIDGET (dialog), "library-03-add-error");
  }

  url = test_server_url (server, "/feed.xml");
  hark_subscribe_dialog_set_url (dialog, url);
  hark_subscribe_dialog_add (dialog);
  hark_ui_test_wait_until (dialog_gone, &dialog, 30, "the subscription");

  /* Subscribing opens the show; the library lists it with its new episodes. */
  g_assert_cmpstr (hark_library_view_get_last_message (get_view ()), ==,
                   "Subscribed to Local Test Show");
  g_assert_cmpint (hark_library_view_get_show_id (get_view ()), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_shows (get_view ())), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_episodes (get_view ())), ==, 2);
  activate ("library.back", NULL);
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  collect (GTK_WIDGET (hark_library_view_get_shows_list (get_view ())), HARK_TYPE_SHOW_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  show_row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (hark_show_row_get_title (show_row), ==, "Local Test Show");
  g_assert_cmpstr (hark_show_row_get_subtitle (show_row), ==, "2 episodes");
  /* The back catalogue of a new subscription is not "new"; later episodes are. */
  g_assert_null (hark_show_row_get_badge (show_row));
  hark_ui_test_wait_until (row_has_artwork, NULL, 20, "the show's artwork");
  screenshot ("library-04-shows");
}

static gboolean
has_art (gpointer data)
{
  return hark_player_bar_get_art (get_window ()->player_bar) != NULL;
}

static void
on_metadata (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GVariant **reply = user_data;
  g_autoptr (GError) error = NULL;

  *reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(GVariant **) data != NULL;
}

/* MPRIS's mpris:artUrl, asked over D-Bus as a desktop's media controls would (asynchronously:
 * the application answers on this same main loop), or NULL when it gives none. */
static char *
mpris_art_url (void)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr (GVariant) reply = NULL, value = NULL;
  const char *url = NULL;

  g_assert_nonnull (bus);
  g_dbus_connection_call (bus, g_dbus_connection_get_unique_name (bus), "/org/mpris/MediaPlayer2",
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", "org.mpris.MediaPlayer2.Player", "Metadata"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_metadata, &reply);
  hark_ui_test_wait_until (is_set, &reply, 10, "MPRIS's metadata");
  g_variant_get (reply, "(v)", &value);
  return g_variant_lookup (value, "mpris:artUrl", "&s", &url) ? g_strdup (url) : NULL;
}

static void
test_show_page_download_and_play (void)
{
  HarkEpisodeRow *row;
  g_autofree char *badges = NULL;
  gboolean shown = FALSE;
  gulong id;
  gint64 pressed, audible;
  HarkMediaSourceProgress progress;
  guint n_cues = 0;
  guint listener;

  if (!hark_ui_test_have_display ())
    return;
  g_assert_true (hark_library_view_has_shows (get_view ()));
  {
    g_autoptr (HarkLibraryItem) item = g_list_model_get_item (
      hark_library_view_get_shows (get_view ()), 0);
    hark_library_view_open_show (get_view (), hark_library_item_get_show (item)->id);
  }
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);

  /* Newest first; date, length, transcript badge. */
  row = find_episode_row ("one");
  g_assert_nonnull (row);
  g_assert_cmpstr (hark_episode_row_get_details (row), ==, "1 Dec 2026 · 1 min");
  badges = hark_episode_row_describe_badges (row);
  g_assert_cmpstr (badges, ==, "Transcript");
  g_clear_pointer (&badges, g_free);
  row = find_episode_row ("two");
  g_assert_cmpstr (hark_episode_row_get_details (row), ==, "2 Dec 2026 · 1 h 05 min");
  screenshot ("library-05-show-page");

  /* A download that stalls shows its progress and can be stopped; the part is kept. It is
   * started by the row's own button, which sends library.download with its episode. */
  click_row_button ("two", "folder-download-symbolic");
  hark_ui_test_wait_until (is_downloading, (gpointer) "two", 10, "the download to start");
  g_assert_cmpuint (hark_library_view_get_n_downloads (get_view ()), ==, 1);
  screenshot ("library-06-downloading");
  activate ("library.stop-download", g_variant_new_int64 (episode_row_number ("two")));
  hark_ui_test_wait_until (no_downloads, NULL, 10, "the download to stop");
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 2);
  row = find_episode_row ("two");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hark_episode_row_get_progress (row))));
  badges = hark_episode_row_describe_badges (row);
  g_assert_cmpstr (badges, ==, "Partly downloaded");
  g_clear_pointer (&badges, g_free);
  g_assert_null (strstr (hark_library_view_get_last_message (get_view ()), "Could not"));

  /* Play on an episode not yet on disk plays it as it downloads (the server sends it at about
   * five times real time): heard before the download ends, with its transcript. How soon is
   * printed, not asserted: a loaded machine may take longer than a listener's. */
  id = g_signal_connect (get_window (), "episode-shown", G_CALLBACK (on_episode_shown), &shown);
  g_signal_connect (get_view (), "open-stream", G_CALLBACK (on_open_stream), NULL);
  listener = hark_session_add_listener (session (), on_session_event, NULL, NULL);
  pressed = g_get_monotonic_time ();
  activate ("library.play", g_variant_new_int64 (episode_row_number ("one")));
  hark_ui_test_wait_until (is_audible, NULL, 30, "the episode to be heard");
  audible = hark_player_get_first_audible_time (player ());
  hark_session_remove_listener (session (), listener);
  g_test_message ("after Play: sidecars in %.0f ms, audio open %.0f ms (%" G_GUINT64_FORMAT
                  " bytes in), first audible %.0f ms",
                  (stream_started_at - pressed) / 1000.0, (opened_at - pressed) / 1000.0,
                  opened_bytes, (audible - pressed) / 1000.0);
  g_assert_true (hark_session_get_download_progress (session (), &progress));
  g_assert_false (progress.complete);
  hark_ui_test_wait_until (is_true, &shown, 60, "the episode to open");
  g_signal_handler_disconnect (get_window (), id);
  g_assert_cmpstr (page (), ==, "episode");
  g_assert_nonnull (hark_window_get_reading (get_window ()));
  hark_transcript_get_cues (hark_reading_get_transcript (hark_window_get_reading (get_window ())),
                            &n_cues);
  g_assert_cmpuint (n_cues, ==, 3);
  /* The file has no tags and no picture: the header names the show and the episode as the
   * feed does, and the player bar shows the feed's artwork, not the file name and nothing. */
  g_assert_cmpstr (adw_window_title_get_subtitle (get_window ()->window_title), ==,
                   "Local Test Show");
  g_assert_cmpstr (adw_window_title_get_title (get_window ()->window_title), ==,
                   "Hello, Library");
  hark_ui_test_wait_until (has_art, NULL, 10, "the feed's artwork in the player bar");
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  screenshot ("library-07-playing");
  /* The desktop's media controls show the same artwork: the feed's picture as cached. */
  {
    g_autofree char *art_url = mpris_art_url ();
    g_autofree char *art_path = NULL;
    g_autoptr (GdkTexture) art = NULL;
    g_autoptr (GError) error = NULL;

    g_test_message ("mpris:artUrl %s", art_url);
    g_assert_nonnull (art_url);
    art_path = g_filename_from_uri (art_url, NULL, &error);
    g_assert_no_error (error);
    art = gdk_texture_new_from_filename (art_path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (art), ==, 600);
  }

  /* The show page tells how far the download is, and how fast it comes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "nav.library", NULL));
  hark_ui_test_wait_until (has_progress_text, (gpointer) "one", 10, "the download's progress");
  g_test_message ("progress: %s", hark_episode_row_get_progress_text (find_episode_row ("one")));
  /* GLib puts a no-break space between a size and its unit. */
  g_assert_nonnull (strstr (hark_episode_row_get_progress_text (find_episode_row ("one")),
                            " of 1.9\u00a0MB · "));
  g_assert_true (g_str_has_suffix (hark_episode_row_get_progress_text (find_episode_row ("one")),
                                   "/s"));
  screenshot ("library-07b-streaming");
  activate ("library.now-playing", NULL);

  /* A click at 80% of the seek bar, far past what has arrived: that part is fetched next, and
   * the position moves on from there within two seconds. */
  {
    HarkSeekBar *bar = hark_player_bar_get_seek_bar (get_window ()->player_bar);
    gint64 clicked = g_get_monotonic_time ();

    g_assert_true (hark_session_get_download_progress (session (), &progress));
    g_assert_cmpuint (progress.available, <, progress.total * 7 / 10);
    g_signal_emit_by_name (bar, "seek", SECONDS * 0.8);
    hark_ui_test_wait_until (is_past, (gpointer) &past_80, 10, "playing on from 80%");
    g_test_message ("seek bar at 80%% with %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                    " bytes there: moving on from it %.0f ms after the click",
                    progress.available, progress.total,
                    (g_get_monotonic_time () - clicked) / 1000.0);
    g_assert_cmpint (g_get_monotonic_time () - clicked, <, 2 * G_USEC_PER_SEC);
  }

  /* Heard to near its end (the player waits for those bytes): the show page says so, and that
   * it is on disk once the download is done. */
  hark_window_seek (get_window (), SECONDS - 3);
  hark_ui_test_wait_until (download_complete, NULL, 60, "the streamed download to finish");
  hark_window_pause (get_window ());
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "nav.library", NULL));
  g_assert_cmpstr (page (), ==, "library");
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  row = find_episode_row ("one");
  g_assert_cmpstr (hark_episode_row_get_details (row), ==, "1 Dec 2026 · 1 min · Played");
  badges = hark_episode_row_describe_badges (row);
  g_assert_cmpstr (badges, ==, "Transcript, Downloaded");
  screenshot ("library-08-played");

  /* Delete Download: the audio and its transcript go, the episode and its place stay. */
  g_clear_pointer (&badges, g_free);
  {
    g_autoptr (HarkShowEpisode) episode = NULL;
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, episode_row_number ("one"));
    g_autofree char *audio = NULL;
    g_autofree char *sidecar = NULL;

    episode = hark_library_find_show_episode (
      hark_session_get_library (session ()), number, NULL);
    g_assert_nonnull (episode);
    audio = g_strdup (episode->download_path);
    g_assert_true (g_file_test (audio, G_FILE_TEST_IS_REGULAR));
    sidecar = g_strdup_printf ("%.*s.transcript.json", (int) (strrchr (audio, '.') - audio),
                               audio);
    g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_REGULAR));
    g_assert_true (gtk_widget_get_visible (hark_episode_row_get_delete_button (row)));
    activate ("library.delete-download", g_variant_new_int64 (episode_row_number ("one")));
    hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
    g_assert_cmpstr (hark_library_view_get_last_message (get_view ()), ==, "Download deleted");
    g_assert_false (g_file_test (audio, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
    row = find_episode_row ("one");
    g_assert_cmpstr (hark_episode_row_get_details (row), ==, "1 Dec 2026 · 1 min · Played");
    badges = hark_episode_row_describe_badges (row);
    g_assert_cmpstr (badges, ==, "Transcript");
    g_assert_false (gtk_widget_get_visible (hark_episode_row_get_delete_button (row)));
  }
}

static void
test_refresh (void)
{
  g_autofree char *feed = make_feed (server, TRUE);
  g_autofree char *badges = NULL;

  if (!hark_ui_test_have_display ())
    return;
  activate ("library.refresh-all", NULL);
  hark_ui_test_wait_until (refresh_done, NULL, 30, "the refresh");
  g_assert_cmpstr (hark_library_view_get_last_message (get_view ()), ==, "No new episodes");

  soup_server_remove_handler (server->server, "/feed.xml");
  test_server_add_body (server, "/feed.xml", 200, "application/rss+xml", feed, -1);
  activate ("library.refresh-show", NULL);
  hark_ui_test_wait_until (refresh_done, NULL, 30, "the refresh of one show");
  g_assert_cmpstr (hark_library_view_get_last_message (get_view ()), ==, "1 new episode");
  g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_episodes (get_view ())), ==, 3);
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  badges = hark_episode_row_describe_badges (find_episode_row ("three"));
  g_assert_cmpstr (badges, ==, "New");
  activate ("library.back", NULL);
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    collect (GTK_WIDGET (hark_library_view_get_shows_list (get_view ())), HARK_TYPE_SHOW_ROW,
             rows);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (hark_show_row_get_badge (g_ptr_array_index (rows, 0)), ==, "1 new");
    g_assert_cmpstr (hark_show_row_get_subtitle (g_ptr_array_index (rows, 0)), ==, "3 episodes");
  }
  screenshot ("library-09-refreshed");
}

static void
test_narrow (void)
{
  int minimum = 0;

  if (!hark_ui_test_have_display ())
    return;
  /* Usable at 360 px: nothing in the library asks for more. */
  gtk_widget_measure (GTK_WIDGET (get_view ()), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_test_message ("library view minimum width: %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_unmaximize (GTK_WINDOW (get_window ()));
  gtk_window_set_default_size (GTK_WINDOW (get_window ()), 360, 640);
  gtk_widget_set_size_request (GTK_WIDGET (get_window ()), -1, -1);
  gtk_widget_queue_resize (GTK_WIDGET (get_window ()));
  {
    g_autoptr (HarkLibraryItem) item = g_list_model_get_item (
      hark_library_view_get_shows (get_view ()), 0);
    hark_library_view_open_show (get_view (), hark_library_item_get_show (item)->id);
  }
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 5);
  g_test_message ("window width: %d px", gtk_widget_get_width (GTK_WIDGET (get_window ())));
  screenshot ("library-10-narrow-show");
  activate ("library.back", NULL);
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 5);
  screenshot ("library-11-narrow-shows");
}

static gboolean
window_replaced (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
test_starts_on_library (void)
{
  if (!hark_ui_test_have_display ())
    return;
  /* A new window with subscriptions and no file opens on the library. */
  gtk_window_destroy (GTK_WINDOW (get_window ()));
  hark_ui_test_wait_until (window_replaced, NULL, 10, "the window to go");
  g_application_activate (G_APPLICATION (app));
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  g_assert_cmpstr (page (), ==, "library");
  g_assert_true (hark_library_view_has_shows (get_view ()));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);
      g_object_unref (window); /* the list of toplevels keeps it */
      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
have_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_unsubscribe (void)
{
  AdwMessageDialog *dialog;

  if (!hark_ui_test_have_display ())
    return;
  {
    g_autoptr (HarkLibraryItem) item = g_list_model_get_item (
      hark_library_view_get_shows (get_view ()), 0);
    hark_library_view_open_show (get_view (), hark_library_item_get_show (item)->id);
  }
  activate ("library.unsubscribe", NULL);
  hark_ui_test_wait_until (have_message_dialog, NULL, 10, "the confirmation");
  dialog = find_message_dialog ();
  hark_ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  {
    g_autofree char *path = hark_ui_test_screenshot (GTK_WIDGET (dialog), "library-12-unsubscribe");
  }
  adw_message_dialog_response (dialog, "unsubscribe");
  g_assert_false (hark_library_view_has_shows (get_view ()));
  g_assert_cmpint (hark_library_view_get_show_id (get_view ()), ==, 0);
  g_assert_cmpstr (hark_library_view_get_last_message (get_view ()), ==,
                   "Unsubscribed. Downloaded episodes stay on disk.");
}

static gboolean
two_shows (gpointer data)
{
  return g_list_model_get_n_items (hark_library_view_get_shows (get_view ())) == 2;
}

static gboolean
message_starts (gpointer data)
{
  const char *message = hark_library_view_get_last_message (get_view ());
  return message != NULL && g_str_has_prefix (message, data);
}

/* Import an OPML file (another player's export) and export the library again. */
static void
test_opml (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("ui-library-opml");
  g_autofree char *in_path = g_build_filename (dir, "podcasts.opml", NULL);
  g_autofree char *out_path = g_build_filename (dir, "hark.opml", NULL);
  g_autofree char *url = test_server_url (server, "/feed.xml");
  g_autofree char *missing = test_server_url (server, "/gone.xml");
  g_autofree char *opml = g_strdup_printf (
    "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Podcasts</title></head><body>"
    "<outline text=\"feeds\"><outline type=\"rss\" text=\"Local\" xmlUrl=\"%s\"/>"
    "<outline type=\"rss\" text=\"Gone\" xmlUrl=\"%s\"/></outline></body></opml>",
    url, missing);
  g_autoptr (GFile) in_file = g_file_new_for_path (in_path);
  g_autoptr (GFile) out_file = g_file_new_for_path (out_path);
  g_autofree char *written = NULL;

  if (!hark_ui_test_have_display ())
    return;
  g_assert_true (g_file_set_contents (in_path, opml, -1, NULL));
  hark_library_view_import_file (get_view (), in_file);
  hark_ui_test_wait_until (two_shows, NULL, 20, "the import");
  /* Then both are refreshed: one answers, one does not, and the library says so. */
  hark_ui_test_wait_until (refresh_done, NULL, 30, "the refresh after the import");
  g_assert_cmpstr (hark_library_view_get_last_message (get_view ()), ==, "1 show could not be refreshed");
  g_assert_true (hark_library_view_has_shows (get_view ()));
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    gboolean told = FALSE;
    collect (GTK_WIDGET (hark_library_view_get_shows_list (get_view ())), HARK_TYPE_SHOW_ROW,
             rows);
    /* The show that could not be fetched says why instead of "0 episodes". */
    for (guint i = 0; i < rows->len; i++)
      told |= strstr (hark_show_row_get_subtitle (g_ptr_array_index (rows, i)), "404") != NULL;
    g_assert_true (told);
  }
  screenshot ("library-13-imported");

  hark_library_view_export_file (get_view (), out_file);
  hark_ui_test_wait_until (message_starts, (gpointer) "Subscriptions saved to", 20, "the export");
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, url));
  g_assert_nonnull (strstr (written, missing));
  hark_test_remove_tree (dir);
}

static gboolean
older_loaded (gpointer data)
{
  return !hark_library_view_is_loading_older (get_view ());
}

/* "Load Older Episodes" fetches the next page without holding up the window, says that it is
 * loading, and tells what came of it: the episodes, or why not. */
static void
test_load_older (void)
{
  HarkSubscribeDialog *dialog = hark_library_view_add_show (get_view ());
  g_autofree char *url = test_server_url (server, "/paged.xml");
  gint64 before;

  if (!hark_ui_test_have_display ())
    return;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  hark_subscribe_dialog_set_url (dialog, url);
  hark_subscribe_dialog_add (dialog);
  hark_ui_test_wait_until (dialog_gone, &dialog, 30, "the subscription");
  g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_episodes (get_view ())), ==, 1);

  /* The older page takes two seconds to come; the click returns at once. */
  before = g_get_monotonic_time ();
  activate ("library.load-older", NULL);
  g_assert_cmpint (g_get_monotonic_time () - before, <, G_USEC_PER_SEC / 2);
  g_assert_true (hark_library_view_is_loading_older (get_view ()));
  g_assert_cmpstr (hark_library_view_get_show_subtitle (get_view ()), ==,
                   "Loading older episodes…");
  hark_ui_test_wait_frames (GTK_WIDGET (get_window ()), 3);
  screenshot ("library-14-loading-older");
  hark_ui_test_wait_until (older_loaded, NULL, 20, "the older page");
  g_assert_cmpstr (hark_library_view_get_last_message (get_view ()), ==,
                   "1 older episode loaded");
  g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_episodes (get_view ())), ==, 2);
  g_assert_cmpstr (hark_library_view_get_show_subtitle (get_view ()), ==, "2 episodes");

  /* The page after that is missing: the listener is told, and nothing is lost. */
  activate ("library.load-older", NULL);
  hark_ui_test_wait_until (older_loaded, NULL, 20, "the missing page");
  g_assert_true (g_str_has_prefix (hark_library_view_get_last_message (get_view ()),
                                   "Could not load older episodes: "));
  g_assert_nonnull (strstr (hark_library_view_get_last_message (get_view ()), "404"));
  g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_episodes (get_view ())), ==, 2);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *paged = NULL;
  g_autofree char *paged_2 = NULL;
  g_autoptr (GBytes) cover = NULL;
  int result;

  /* Before anything asks GLib where user data lives. */
  home = hark_test_make_tmpdir ("ui-library-home");
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  if (!hark_ui_test_init (&argc, &argv))
    {
      g_test_add_func ("/ui/library/skipped", (GTestFunc) hark_ui_test_have_display);
      return g_test_run ();
    }
  /* Xvfb has no window manager, so a dialog's entry may never see the focus events a cursor
   * blink expects (GTK then warns, and warnings are fatal here). */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  /* Screenshots of pages, not of a leaflet half-way through its slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  server = test_server_new ();
  wav = make_wav ();
  feed = make_feed (server, FALSE);
  test_server_add_body (server, "/feed.xml", 200, "application/rss+xml", feed, -1);
  /* 160 kB/s, five times what the 16 kHz mono WAV plays at: about 12 s to arrive. */
  test_server_add_throttled (server, "/media/one.wav", "audio/wav", g_bytes_get_data (wav, NULL),
                             g_bytes_get_size (wav), "\"one\"", 16000, 100, 0, NULL);
  test_server_add_body (server, "/t/one.json", 200, "application/json", transcript, -1);
  test_server_add_stalling (server, "/media/two.mp3", 60000);
  paged = g_strdup_printf (
    "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>"
    "<title>Paged Show</title><atom:link rel=\"next\" href=\"%1$s/paged-2.xml\"/>"
    "<item><guid>p-new</guid><title>Newest</title>"
    "<enclosure url=\"%1$s/media/p-new.mp3\" type=\"audio/mpeg\"/></item></channel></rss>",
    server->base);
  paged_2 = g_strdup_printf (
    "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>"
    "<title>Paged Show</title><atom:link rel=\"next\" href=\"%1$s/paged-3.xml\"/>"
    "<item><guid>p-old</guid><title>Older</title>"
    "<enclosure url=\"%1$s/media/p-old.mp3\" type=\"audio/mpeg\"/></item></channel></rss>",
    server->base);
  test_server_add_body (server, "/paged.xml", 200, "application/rss+xml", paged, -1);
  test_server_add_delayed (server, "/paged-2.xml", 2000, paged_2);
  cover = make_cover ();
  test_server_add_body (server, "/art/cover.png", 200, "image/png", g_bytes_get_data (cover, NULL),
                        g_bytes_get_size (cover));
  app = hark_ui_test_app_new ();

  /* In order: each step builds on the library the one before left. */
  g_test_add_func ("/ui/library/empty-then-subscribe", test_empty_then_subscribe);
  g_test_add_func ("/ui/library/download-and-play", test_show_page_download_and_play);
  g_test_add_func ("/ui/library/refresh", test_refresh);
  g_test_add_func ("/ui/library/narrow", test_narrow);
  g_test_add_func ("/ui/library/starts-on-library", test_starts_on_library);
  g_test_add_func ("/ui/library/unsubscribe", test_unsubscribe);
  g_test_add_func ("/ui/library/opml", test_opml);
  g_test_add_func ("/ui/library/load-older", test_load_older);
  result = g_test_run ();
  hark_ui_test_app_free (app);
  test_server_free (server);
  g_bytes_unref (wav);
  hark_test_remove_tree (home);
  return result;
}
