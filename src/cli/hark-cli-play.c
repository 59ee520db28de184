/* hark-cli-play.c — `hark-cli play`: an episode on the default device, from a terminal
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a terminal: a status line (elapsed / total) and keys (space pauses and resumes, ← and →
 * seek 15 s back and 30 s on, u unskips right after a skip, s skips an offered segment, q
 * quits). With --events, one JSON object per line on stdout for
 * every player event, flushed at once, for tests and scripts. When stdin is not a terminal it
 * takes commands, one per line: play, pause, seek T, speed X, volume V, unskip, skip, quit.
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "formats/hark-writer.h"
#include "hark-cli-skips.h"
#include "segments/hark-skip-tracker.h"
#include "session/hark-session.h"
#include "subscriptions/hark-episode-download.h"
#include "util/hark-error.h"
#include "util/hark-limits.h"
#include "util/hark-time.h"

#define SEEK_BACK 15.0
#define SEEK_ON 30.0

typedef struct
{
  GMainLoop *loop;
  HarkSession *session;
  double speed;
  double volume;
  double start;
  gboolean started;
  gboolean skips_nothing; /* --no-skip: the segments cannot change where playing starts */
  gboolean events;
  gboolean status_line;
  gboolean trace;
  gboolean traced_first;
  int exit_code;
  struct termios saved_tty;
  gboolean tty_raw;
  GString *input; /* a partial command line or escape sequence */
  guint stdin_id;
  HarkEpisodeStream *stream; /* an episode playing while it downloads (the session's), or NULL */
  HarkLibrary *library;      /* for the stream's download, kept while it runs */
  HarkHttp *http;
  char *notice; /* the stream's last notice printed */
} Play;

#define UNSKIP_HINT "press u (or send “unskip”) within 10 s to play it"
#define SKIP_HINT "press s (or send “skip”) to skip it"

static JsonBuilder *begin_event (const char *name, double pos);
static void print_event (Play *play, JsonBuilder *builder);

static JsonBuilder *
begin_event (const char *name, double pos)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "pos");
  json_builder_add_double_value (builder, pos);
  return builder;
}

static void
print_event (Play *play, JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* Clear the status line first so the two never share a line. */
  if (play->status_line)
    fputs ("\r\033[K", stderr);
  printf ("%s\n", text);
  fflush (stdout);
}

static void
add_double (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

/* A skip, or a taken offer ("ask-skipped"): what went, the time saved, how to undo it. */
static void
describe_skip (Play *play, const HarkSessionEvent *event, JsonBuilder *b)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (play->session);
  const HarkSegmentEntry *entry = event->entry;

  G_STATIC_ASSERT ((int) HARK_SKIP_TRACKER_UNSKIP_WINDOW == 10); /* as the hint says */
  add_double (b, "start", event->range.start);
  add_double (b, "end", event->range.end);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, event->range.id);
  add_string (b, "category", entry ? hark_category_to_string (entry->segment.category) : "range");
  add_string (b, "source", entry ? entry->segment.source : "--skip");
  add_double (b, "time_saved", snap->time_saved);
  add_string (b, "unskip", UNSKIP_HINT);
  if (play->status_line && event->counted)
    {
      g_autofree char *len = hark_time_format (event->range.end - event->range.start, FALSE);
      g_autofree char *saved = hark_time_format (snap->time_saved, FALSE);

      fprintf (stderr, "\r\033[K  Skipped %s (%s, %s saved so far): %s\n",
               entry ? hark_category_get_label (entry->segment.category) : "a range", len, saved,
               UNSKIP_HINT);
    }
}

static void
describe_offer (Play *play, const HarkSessionEvent *event, JsonBuilder *b)
{
  const HarkSegmentEntry *e = event->entry;

  add_string (b, "category", hark_category_to_string (e->segment.category));
  add_double (b, "start", e->segment.start);
  add_double (b, "end", e->segment.end);
  add_string (b, "skip", SKIP_HINT);
  if (play->status_line)
    {
      g_autofree char *len = hark_time_format (e->segment.end - e->segment.start, FALSE);

      fprintf (stderr, "\r\033[K  %s (%s): " SKIP_HINT "\n",
               hark_category_get_label (e->segment.category), len);
    }
}

/* Plays from --start once the segments are known (so one at the start is skipped), or as
 * soon as the audio is open when nothing is skipped. */
static void
start_playing (Play *play)
{
  if (play->started)
    return;
  play->started = TRUE;
  if (play->start > 0)
    hark_session_seek (play->session, play->start);
  hark_session_play (play->session);
}

static void
on_event (HarkSession *session, const HarkSessionEvent *event, gpointer data)
{
  Play *play = data;
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (session);
  const HarkSegmentList *segments;
  g_autoptr (JsonBuilder) b = NULL;

  switch (event->type)
    {
    case HARK_SESSION_EVENT_OPENED:
      hark_session_set_speed (session, play->speed);
      hark_session_set_volume (session, play->volume);
      /* Reading the transcript, finding its segments and the cover take as long as opening
       * the audio or longer, and with nothing to skip playing need not wait for them. */
      if (play->skips_nothing)
        start_playing (play);
      break;
    case HARK_SESSION_EVENT_LOADED:
      segments = hark_session_get_segments (session);
      if (segments != NULL && hark_segment_list_skipping_disabled (segments))
        g_printerr ("hark-cli: warning: the skip segments were made for a cut of a different "
                    "length than this audio, so nothing is skipped automatically; they are only "
                    "marked.\n");
      start_playing (play);
      break;
    case HARK_SESSION_EVENT_STATE:
      b = begin_event ("state", event->position);
      add_string (b, "state", hark_player_state_to_string (snap->state));
      break;
    case HARK_SESSION_EVENT_SEEKED:
      b = begin_event ("seeked", event->position);
      break;
    case HARK_SESSION_EVENT_END:
      b = begin_event ("end", event->position);
      g_main_loop_quit (play->loop);
      break;
    case HARK_SESSION_EVENT_SKIP:
      /* A taken offer is not "skip": scripts (and tests) count those as automatic jumps. */
      b = begin_event (event->taken ? "ask-skipped" : "skip", event->position);
      describe_skip (play, event, b);
      break;
    case HARK_SESSION_EVENT_UNSKIP:
      b = begin_event ("unskip", event->position);
      add_double (b, "start", event->range.start);
      add_double (b, "end", event->range.end);
      break;
    case HARK_SESSION_EVENT_OFFER_STARTED:
      b = begin_event ("ask", event->position);
      describe_offer (play, event, b);
      break;
    case HARK_SESSION_EVENT_CHANGED:
      {
        const char *notice = hark_session_get_snapshot (session)->stream_notice;

        if (notice != NULL && g_strcmp0 (notice, play->notice) != 0)
          {
            g_free (play->notice);
            play->notice = g_strdup (notice);
            g_printerr ("%shark-cli play: %s\n", play->status_line ? "\r\033[K" : "", notice);
          }
      }
      break;
    case HARK_SESSION_EVENT_ERROR:
      if (event->error_kind == HARK_SESSION_ERROR_SIDECAR)
        {
          g_printerr ("hark-cli: warning: %s No segments are skipped.\n", event->error->message);
          start_playing (play);
          break;
        }
      if (event->error_kind == HARK_SESSION_ERROR_LIBRARY)
        break;
      if (event->error_kind == HARK_SESSION_ERROR_OUTPUT && play->events)
        {
          b = begin_event ("error", event->position);
          add_string (b, "message", event->error ? event->error->message : "");
          print_event (play, b);
          g_clear_object (&b);
        }
      if (play->status_line)
        fputs ("\r\033[K", stderr);
      hark_cli_fail (event->error);
      play->exit_code = HARK_CLI_EXIT_FAILED;
      g_main_loop_quit (play->loop);
      break;
    default:
      break;
    }
  if (b != NULL && play->events)
    print_event (play, b);
}

static gboolean
update_status (gpointer data)
{
  Play *play = data;
  HarkPlayer *player = hark_session_get_player (play->session);
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (play->session);

  if (play->trace && !play->traced_first && hark_player_get_first_audible_time (player) != 0)
    {
      g_autoptr (JsonBuilder) b = begin_event ("trace", hark_session_get_position (play->session));

      play->traced_first = TRUE;
      json_builder_set_member_name (b, "first_audible_us");
      json_builder_add_int_value (b, hark_player_get_first_audible_time (player));
      print_event (play, b);
    }
  if (play->status_line)
    {
      g_autofree char *now = hark_time_format (hark_session_get_position (play->session), FALSE);
      g_autofree char *total = hark_time_format (snap->duration, FALSE);

      HarkMediaSourceProgress progress;
      g_autofree char *downloaded = NULL;

      if (hark_session_get_download_progress (play->session, &progress) && !progress.complete)
        downloaded = progress.total > 0
                         ? g_strdup_printf (_("  (downloaded %.0f%%)"),
                                            100.0 * progress.available / progress.total)
                         : g_strdup_printf (_("  (downloaded %.1f MB)"),
                                            progress.available / 1048576.0);
      fprintf (stderr, "\r\033[K  %s / %s  %s%s%s", now, total,
               snap->state == HARK_PLAYER_STATE_PLAYING ? "▶" : "⏸",
               snap->speed != 1.0 ? " (faster or slower)" : "", downloaded ? downloaded : "");
      fflush (stderr);
    }
  return G_SOURCE_CONTINUE;
}

static void
unskip (Play *play)
{
  if (!hark_session_unskip (play->session))
    g_printerr ("\r\033[Khark-cli play: nothing to unskip (it works for 10 s after a skip)\n");
}

static void
skip_offered (Play *play)
{
  if (!hark_session_skip_offered (play->session))
    g_printerr ("\r\033[Khark-cli play: nothing to skip here\n");
}

/* One line from a pipe: play, pause, seek T, speed X, volume V, unskip, skip, quit. Numbers go
 * to the session as given: it refuses what is not one and clamps the rest. */
static void
run_command (Play *play, const char *line)
{
  g_auto (GStrv) words = g_strsplit_set (g_strstrip ((char *) line), " \t", 2);
  double value = 0;

  if (words[0] == NULL || *words[0] == '\0')
    return;
  if (g_str_equal (words[0], "quit"))
    g_main_loop_quit (play->loop);
  else if (g_str_equal (words[0], "pause"))
    hark_session_pause (play->session);
  else if (g_str_equal (words[0], "play"))
    {
      if (hark_session_get_snapshot (play->session)->state != HARK_PLAYER_STATE_PLAYING)
        hark_session_play (play->session);
    }
  else if (g_str_equal (words[0], "seek") && words[1] && hark_time_parse (words[1], &value))
    hark_session_seek (play->session, value);
  else if (g_str_equal (words[0], "speed") && words[1])
    hark_session_set_speed (play->session, g_ascii_strtod (words[1], NULL));
  else if (g_str_equal (words[0], "volume") && words[1])
    hark_session_set_volume (play->session, g_ascii_strtod (words[1], NULL));
  else if (g_str_equal (words[0], "unskip"))
    unskip (play);
  else if (g_str_equal (words[0], "skip"))
    skip_offered (play);
  else
    g_printerr ("hark-cli play: unknown command “%s”\n", line);
}

static gboolean
on_stdin (int fd, GIOCondition condition, gpointer data)
{
  Play *play = data;
  char buffer[256];
  gssize n = read (fd, buffer, sizeof buffer);

  if (n < 0 && errno == EINTR)
    return G_SOURCE_CONTINUE;
  if (n <= 0)
    {
      /* The end of a pipe: playing goes on, without commands. */
      play->stdin_id = 0;
      return G_SOURCE_REMOVE;
    }
  g_string_append_len (play->input, buffer, n);

  if (play->tty_raw)
    {
      /* Keys; arrows come as ESC [ C / ESC [ D. */
      while (play->input->len > 0)
        {
          const char *s = play->input->str;
          gsize used = 1;

          if (s[0] == '\033')
            {
              if (play->input->len < 3)
                break;
              used = 3;
              if (s[1] == '[' && s[2] == 'C')
                hark_session_seek_by (play->session, SEEK_ON);
              else if (s[1] == '[' && s[2] == 'D')
                hark_session_seek_by (play->session, -SEEK_BACK);
            }
          else if (s[0] == ' ')
            hark_session_toggle (play->session);
          else if (s[0] == 'q' || s[0] == 'Q')
            g_main_loop_quit (play->loop);
          else if (s[0] == 'u' || s[0] == 'U')
            unskip (play);
          else if (s[0] == 's' || s[0] == 'S')
            skip_offered (play);
          g_string_erase (play->input, 0, used);
        }
      return G_SOURCE_CONTINUE;
    }

  for (char *nl; (nl = memchr (play->input->str, '\n', play->input->len));)
    {
      g_autofree char *line = g_strndup (play->input->str, nl - play->input->str);

      g_string_erase (play->input, 0, nl - play->input->str + 1);
      run_command (play, line);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
on_signal (gpointer data)
{
  Play *play = data;

  g_main_loop_quit (play->loop);
  return G_SOURCE_CONTINUE;
}

static void
tty_raw (Play *play)
{
  struct termios raw;

  if (!isatty (STDIN_FILENO) || tcgetattr (STDIN_FILENO, &play->saved_tty) != 0)
    return;
  raw = play->saved_tty;
  raw.c_lflag &= ~(ICANON | ECHO);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  if (tcsetattr (STDIN_FILENO, TCSANOW, &raw) == 0)
    play->tty_raw = TRUE;
}

static void
tty_restore (Play *play)
{
  if (play->tty_raw)
    tcsetattr (STDIN_FILENO, TCSANOW, &play->saved_tty);
  play->tty_raw = FALSE;
}

static HarkOutput *
make_output (const char *device)
{
  if (device == NULL || g_str_equal (device, "default"))
    return hark_output_portaudio_new ();
  if (g_str_equal (device, "null"))
    return hark_output_null_new (HARK_OUTPUT_NULL_REAL_TIME);
  return NULL;
}

static void
on_stream_done (HarkEpisodeStream *stream, const GError *error, gpointer data)
{
  Play *play = data;
  HarkMediaSourceProgress progress;

  hark_media_source_get_progress (hark_episode_stream_get_source (stream), &progress);
  if (error != NULL)
    g_printerr (_("\r\033[Khark-cli: the download stopped: %s\n"), error->message);
  if (play->events)
    {
      g_autoptr (JsonBuilder) b = begin_event ("download",
                                               hark_session_get_position (play->session));

      json_builder_set_member_name (b, "complete");
      json_builder_add_boolean_value (b, error == NULL);
      json_builder_set_member_name (b, "bytes");
      json_builder_add_int_value (b, (gint64) progress.available);
      print_event (play, b);
    }
}

/* Opens what the listener named: a file, else an episode of the library (its download when
 * there is one, else it plays while it downloads). */
static gboolean
open_what (Play *play, const char *what, const char *library_path, const char *dir,
           gboolean keep, GError **error)
{
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkShowEpisode) episode = NULL;
  g_autoptr (GError) lookup_error = NULL;
  const HarkEpisodeDownload *download;

  if (g_file_test (what, G_FILE_TEST_EXISTS))
    {
      hark_session_open (play->session, what, NULL);
      return TRUE;
    }
  if ((library = hark_library_open (library_path, error)) == NULL)
    return FALSE;
  episode = hark_library_find_show_episode (library, what, &lookup_error);
  if (episode == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND,
                   _("“%s” is neither a file nor an episode of your shows (%s)"), what,
                   lookup_error->message);
      return FALSE;
    }
  if (episode->download_state == HARK_DOWNLOAD_DONE && episode->download_path != NULL
      && g_file_test (episode->download_path, G_FILE_TEST_IS_REGULAR))
    {
      hark_session_open_episode (play->session, episode->download_path, episode->row);
      return TRUE;
    }
  /* The library and HTTP stay for the whole run: the download goes on while playing. */
  play->library = g_steal_pointer (&library);
  play->http = hark_http_new (NULL);
  play->stream = hark_episode_stream_start (play->http, play->library, what, dir, keep, NULL,
                                            NULL, error);
  if (play->stream == NULL)
    return FALSE;
  hark_episode_stream_set_done_func (play->stream, on_stream_done, play);
  download = hark_episode_stream_get_download (play->stream);
  for (guint i = 0; i < download->warnings->len; i++)
    g_printerr ("hark-cli: warning: %s\n", (char *) g_ptr_array_index (download->warnings, i));
  /* The session owns the stream from here, and keeps the place under the episode's key. */
  hark_session_open_stream (play->session, play->stream);
  return TRUE;
}

int
hark_cli_cmd_play (int argc, char **argv)
{
  g_autofree char *start_text = NULL, *device = NULL;
  g_autofree char *library_path = NULL, *dir = NULL;
  gboolean no_keep = FALSE;
  g_auto (GStrv) skips = NULL;
  g_auto (GStrv) skip_categories = NULL;
  double speed = 1.0, volume = 1.0, start = 0;
  gboolean events = FALSE, no_skip = FALSE;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, "Begin at media time T", "T" },
    { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, "Playback speed, 0.5 – 3.0 (pitch kept)",
      "X" },
    { "volume", 0, 0, G_OPTION_ARG_DOUBLE, &volume, "Volume, 0.0 – 1.0", "V" },
    { "events", 0, 0, G_OPTION_ARG_NONE, &events, "Print player events as JSON lines", NULL },
    { "skip", 0, 0, G_OPTION_ARG_STRING_ARRAY, &skips, "Skip media range A-B (repeatable)",
      "A-B" },
    { "no-skip", 0, 0, G_OPTION_ARG_NONE, &no_skip, "Skip nothing at all", NULL },
    { "skip-category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &skip_categories,
      "skip, ask, mark or off for a segment category (default sponsor=skip)", "CAT=ACTION" },
    { "device", 0, 0, G_OPTION_ARG_STRING, &device,
      "“default” (PortAudio's default device) or “null” (no device, real time)", "DEVICE" },
    { "library", 0, 0, G_OPTION_ARG_FILENAME, &library_path,
      "The library file, for an EPISODE (default: Hark's own)", "FILE" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      "Folder for downloads (default: Hark's podcasts folder)", "DIR" },
    { "no-keep", 0, 0, G_OPTION_ARG_NONE, &no_keep,
      "Stream an EPISODE without keeping its download", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE|EPISODE — play an episode");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ranges = g_array_new (FALSE, TRUE, sizeof (HarkSkipRange));
  g_autoptr (HarkSession) session = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  HarkSkipPolicy policy;
  HarkOutput *output;
  Play play = { 0 };
  guint status_id, sigint_id, sigterm_id;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Keys on a terminal: space pause/resume, ← back 15 s, → on "
                                "30 s, u unskip, s skip an offered segment, q quit.\nFrom a pipe, "
                                "one command a line: play, pause, seek T, speed X, volume V, "
                                "unskip, skip, quit.\n--events prints "
                                "{\"event\": \"state\"|\"seeked\"|\"skip\"|\"unskip\"|\"ask\"|"
                                "\"ask-skipped\"|\"end\"|\"error\"|\"download\", \"pos\": SECONDS, …} "
                                "lines.\nEPISODE is its number or id from 'hark-cli episodes "
                                "SHOW': it plays while it downloads (with the feed's "
                                "transcripts and chapters, fetched first) unless it was "
                                "downloaded.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("play", "%s", error->message);
  if (argc != 2)
    return hark_cli_usage_error ("play", _("expected exactly one FILE or EPISODE"));
  if (!(speed >= HARK_SPEED_MIN && speed <= HARK_SPEED_MAX))
    return hark_cli_usage_error ("play", _("--speed must be between 0.5 and 3.0"));
  if (!(volume >= HARK_VOLUME_MIN && volume <= HARK_VOLUME_MAX))
    return hark_cli_usage_error ("play", _("--volume must be between 0.0 and 1.0"));
  if (start_text && !hark_cli_parse_time_option ("--start", start_text, &start, &error))
    return hark_cli_usage_error ("play", "%s", error->message);
  for (guint i = 0; skips && skips[i]; i++)
    {
      HarkSkipRange range = { 0 };

      if (!hark_cli_parse_skip_range (skips[i], &range, &error))
        return hark_cli_usage_error ("play", "%s", error->message);
      g_array_append_val (ranges, range);
    }
  if (!hark_cli_skips_parse_policy (skip_categories, &policy, &error))
    return hark_cli_usage_error ("play", "%s", error->message);
  output = make_output (device);
  if (output == NULL)
    return hark_cli_usage_error ("play", _("--device must be “default” or “null”"));

  /* The terminal is one more view of a listening session: it has no library, so no resume. */
  session = hark_session_new (output, NULL, NULL);
  hark_session_set_policy (session, &policy);
  hark_session_set_skipping (session, !no_skip);
  hark_session_set_extra_ranges (session, (const HarkSkipRange *) ranges->data, ranges->len);
  loop = g_main_loop_new (NULL, FALSE);
  play.loop = loop;
  play.session = session;
  play.speed = speed;
  play.volume = volume;
  play.start = start;
  play.skips_nothing = no_skip;
  play.events = events;
  play.trace = g_getenv ("HARK_CLI_TRACE") != NULL;
  play.status_line = isatty (STDERR_FILENO) && !events;
  play.input = g_string_new (NULL);
  hark_session_add_listener (session, on_event, &play, NULL);
  if (!open_what (&play, argv[1], library_path, dir, !no_keep, &error))
    {
      g_string_free (play.input, TRUE);
      g_clear_pointer (&play.http, hark_http_free);
      g_clear_pointer (&play.library, hark_library_free);
      return hark_cli_fail (error);
    }

  tty_raw (&play);
  if (play.tty_raw || !isatty (STDIN_FILENO))
    play.stdin_id = g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP, on_stdin, &play);
  status_id = g_timeout_add (play.trace ? 5 : 250, update_status, &play);
  sigint_id = g_unix_signal_add (SIGINT, on_signal, &play);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal, &play);

  g_main_loop_run (loop);

  tty_restore (&play);
  if (play.status_line)
    fputs ("\r\033[K", stderr);
  g_source_remove (status_id);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  if (play.stdin_id)
    g_source_remove (play.stdin_id);
  g_string_free (play.input, TRUE);
  /* The session stops reading before the download it reads is stopped. */
  hark_session_close (session);
  play.stream = NULL;
  g_clear_pointer (&play.notice, g_free);
  g_clear_pointer (&play.http, hark_http_free);
  g_clear_pointer (&play.library, hark_library_free);
  return play.exit_code;
}
