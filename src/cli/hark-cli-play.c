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

#include <errno.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "hark-cli-skips.h"
#include "util/hark-error.h"
#include "audio/hark-player.h"
#include "util/hark-time.h"

#define SEEK_BACK 15.0
#define SEEK_ON 30.0

typedef struct
{
  GMainLoop *loop;
  HarkPlayer *player;
  gboolean events;
  gboolean status_line;
  gboolean trace;
  gboolean traced_first;
  int exit_code;
  struct termios saved_tty;
  gboolean tty_raw;
  GString *input; /* a partial command line or escape sequence */
  guint stdin_id;
} Play;

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
on_event (HarkPlayer *player, const HarkPlayerEvent *event, gpointer data)
{
  static const char *const names[] = {
    [HARK_PLAYER_EVENT_STATE] = "state", [HARK_PLAYER_EVENT_SEEKED] = "seeked",
    [HARK_PLAYER_EVENT_SKIP] = "skip",   [HARK_PLAYER_EVENT_END] = "end",
    [HARK_PLAYER_EVENT_ERROR] = "error",
  };
  Play *play = data;
  g_autoptr (JsonBuilder) b = begin_event (names[event->type], event->position);

  switch (event->type)
    {
    case HARK_PLAYER_EVENT_STATE:
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, hark_player_state_to_string (event->state));
      break;
    case HARK_PLAYER_EVENT_SKIP:
      json_builder_set_member_name (b, "start");
      json_builder_add_double_value (b, event->range.start);
      json_builder_set_member_name (b, "end");
      json_builder_add_double_value (b, event->range.end);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, event->range.id);
      hark_cli_skips_on_skip (event, b, play->status_line);
      break;
    case HARK_PLAYER_EVENT_ERROR:
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, event->error ? event->error->message : "");
      break;
    case HARK_PLAYER_EVENT_SEEKED:
    case HARK_PLAYER_EVENT_END:
    default:
      break;
    }
  if (play->events)
    print_event (play, b);

  if (event->type == HARK_PLAYER_EVENT_ERROR)
    {
      if (play->status_line)
        fputs ("\r\033[K", stderr);
      hark_cli_fail (event->error);
      play->exit_code = HARK_CLI_EXIT_FAILED;
    }
  if (event->type == HARK_PLAYER_EVENT_ERROR || event->type == HARK_PLAYER_EVENT_END)
    g_main_loop_quit (play->loop);
}

static gboolean
update_status (gpointer data)
{
  Play *play = data;
  HarkPlayer *player = play->player;

  hark_cli_skips_offer (player, play->events, play->status_line);
  if (play->trace && !play->traced_first && hark_player_get_first_audible_time (player) != 0)
    {
      g_autoptr (JsonBuilder) b = begin_event ("trace", hark_player_get_position (player));

      play->traced_first = TRUE;
      json_builder_set_member_name (b, "first_audible_us");
      json_builder_add_int_value (b, hark_player_get_first_audible_time (player));
      print_event (play, b);
    }
  if (play->status_line)
    {
      g_autofree char *now = hark_time_format (hark_player_get_position (player), FALSE);
      g_autofree char *total = hark_time_format (hark_player_get_duration (player), FALSE);

      fprintf (stderr, "\r\033[K  %s / %s  %s%s", now, total,
               hark_player_get_state (player) == HARK_PLAYER_STATE_PLAYING ? "▶" : "⏸",
               hark_player_get_speed (player) != 1.0 ? " (faster or slower)" : "");
      fflush (stderr);
    }
  return G_SOURCE_CONTINUE;
}

static void
toggle_pause (Play *play)
{
  g_autoptr (GError) error = NULL;

  if (hark_player_get_state (play->player) == HARK_PLAYER_STATE_PLAYING)
    hark_player_pause (play->player);
  else if (!hark_player_play (play->player, &error))
    g_printerr ("\rhark-cli: %s\n", error->message);
}

static void
seek_by (Play *play, double delta)
{
  hark_player_seek (play->player, hark_player_get_position (play->player) + delta);
}

/* One line from a pipe: play, pause, seek T, speed X, volume V, unskip, skip, quit. */
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
    hark_player_pause (play->player);
  else if (g_str_equal (words[0], "play"))
    {
      if (hark_player_get_state (play->player) != HARK_PLAYER_STATE_PLAYING)
        toggle_pause (play);
    }
  else if (g_str_equal (words[0], "seek") && words[1] && hark_time_parse (words[1], &value))
    hark_player_seek (play->player, value);
  else if (g_str_equal (words[0], "speed") && words[1])
    hark_player_set_speed (play->player, g_ascii_strtod (words[1], NULL));
  else if (g_str_equal (words[0], "volume") && words[1])
    hark_player_set_volume (play->player, g_ascii_strtod (words[1], NULL));
  else if (g_str_equal (words[0], "unskip"))
    hark_cli_skips_unskip (play->player);
  else if (g_str_equal (words[0], "skip"))
    hark_cli_skips_take_offer (play->player);
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
                seek_by (play, SEEK_ON);
              else if (s[1] == '[' && s[2] == 'D')
                seek_by (play, -SEEK_BACK);
            }
          else if (s[0] == ' ')
            toggle_pause (play);
          else if (s[0] == 'q' || s[0] == 'Q')
            g_main_loop_quit (play->loop);
          else if (s[0] == 'u' || s[0] == 'U')
            hark_cli_skips_unskip (play->player);
          else if (s[0] == 's' || s[0] == 'S')
            hark_cli_skips_take_offer (play->player);
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

int
hark_cli_cmd_play (int argc, char **argv)
{
  g_autofree char *start_text = NULL, *device = NULL;
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
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE — play an episode");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ranges = NULL;
  g_autoptr (HarkPlayer) player = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  HarkOutput *output;
  Play play = { 0 };
  guint status_id, sigint_id, sigterm_id;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Keys on a terminal: space pause/resume, ← back 15 s, → on "
                                "30 s, u unskip, s skip an offered segment, q quit.\nFrom a pipe, "
                                "one command a line: play, pause, seek T, speed X, volume V, "
                                "unskip, skip, quit.\n--events prints "
                                "{\"event\": \"state\"|\"seeked\"|\"skip\"|\"end\"|\"error\", "
                                "\"pos\": SECONDS, …} lines.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("play", "%s", error->message);
  if (argc != 2)
    return hark_cli_usage_error ("play", "expected exactly one FILE");
  if (!(speed >= 0.5 && speed <= 3.0))
    return hark_cli_usage_error ("play", "--speed must be between 0.5 and 3.0");
  if (!(volume >= 0.0 && volume <= 1.0))
    return hark_cli_usage_error ("play", "--volume must be between 0.0 and 1.0");
  if (start_text && !hark_cli_parse_time_option ("--start", start_text, &start, &error))
    return hark_cli_usage_error ("play", "%s", error->message);
  output = make_output (device);
  if (output == NULL)
    return hark_cli_usage_error ("play", "--device must be “default” or “null”");
  ranges = hark_cli_skip_ranges_build (argv[1], skips, skip_categories, no_skip, &error);
  if (ranges == NULL)
    {
      hark_output_free (output);
      return hark_cli_usage_error ("play", "%s", error->message);
    }

  player = hark_player_new (output, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  play.loop = loop;
  play.player = player;
  play.events = events;
  play.trace = g_getenv ("HARK_CLI_TRACE") != NULL;
  play.status_line = isatty (STDERR_FILENO) && !events;
  play.input = g_string_new (NULL);
  hark_player_set_event_func (player, on_event, &play, NULL);

  if (!hark_player_open (player, argv[1], &error))
    {
      g_string_free (play.input, TRUE);
      return hark_cli_fail (error);
    }
  hark_player_set_speed (player, speed);
  hark_player_set_volume (player, volume);
  hark_player_set_skip_ranges (player, (const HarkSkipRange *) ranges->data, ranges->len);
  if (start > 0)
    hark_player_seek (player, start);
  if (!hark_player_play (player, &error))
    {
      g_string_free (play.input, TRUE);
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
  return play.exit_code;
}
