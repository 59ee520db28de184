/* test-play-unskip.c — `hark-cli play` skips a detected read once, says so, and unskips; it
 * offers the "ask" segments
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plays copies of the fixtures (captions beside them) on the null output in real time, a few
 * seconds before a segment, talking to play through its stdin commands and --events lines.
 */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hark-test-util.h"
#include "segments-test-util.h"

#define READ_START 93.4
#define READ_END 146.86

static JsonObject *
next_event (GDataInputStream *in, JsonParser *parser, const char *wanted)
{
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
      JsonObject *o;

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("hark-cli play ended before a “%s” event", wanted);
      g_test_message ("%s", line);
      json_parser_load_from_data (parser, line, -1, &error);
      g_assert_no_error (error);
      o = json_node_get_object (json_parser_get_root (parser));
      if (g_str_equal (json_object_get_string_member (o, "event"), wanted))
        return o;
      /* Once per pass: after the unskip, the read plays without a second skip. */
      g_assert_cmpstr (json_object_get_string_member (o, "event"), !=, "skip");
    }
}

static void
send (GOutputStream *out, const char *command)
{
  g_autoptr (GError) error = NULL;

  g_output_stream_write_all (out, command, strlen (command), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (out, NULL, &error);
  g_assert_no_error (error);
}

/* Plays copies of @fixtures (the audio first) from @start on the null output, with --events. */
static GSubprocess *
start_play (const char *const *fixtures, const char *start, char **dir, GDataInputStream **in)
{
  g_autofree char *cli = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "cli", "hark-cli",
                                           NULL);
  g_autofree char *audio = NULL;
  g_autoptr (GError) error = NULL;
  GSubprocess *play;

  *dir = hark_test_make_tmpdir ("play");
  if (!hark_test_copy_fixtures (*dir, fixtures))
    {
      hark_test_remove_tree (*dir);
      g_clear_pointer (dir, g_free);
      return NULL;
    }
  audio = g_build_filename (*dir, fixtures[0], NULL);
  play = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           cli, "play", audio, "--device", "null", "--events", "--start", start,
                           NULL);
  g_assert_no_error (error);
  *in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (play));
  return play;
}

static void
stop_play (GSubprocess *play, char *dir)
{
  g_autoptr (GError) error = NULL;

  send (g_subprocess_get_stdin_pipe (play), "quit\n");
  g_subprocess_wait_check (play, NULL, &error);
  g_assert_no_error (error);
  hark_test_remove_tree (dir);
}

static void
test_unskip (void)
{
  const char *const fixtures[] = { "excerpt-linode.opus", "excerpt-linode.vtt", NULL };
  g_autofree char *dir = NULL;
  g_autoptr (GSubprocess) play = NULL;
  g_autoptr (GDataInputStream) in = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  GOutputStream *out;
  JsonObject *o;
  double pos;

  play = start_play (fixtures, "90", &dir, &in);
  if (play == NULL)
    return;
  out = g_subprocess_get_stdin_pipe (play);

  o = next_event (in, parser, "skip");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "start"), READ_START, 0.05);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "end"), READ_END, 0.05);
  g_assert_cmpstr (json_object_get_string_member (o, "category"), ==, "sponsor");
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "detected");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "time_saved"),
                                  READ_END - READ_START, 0.05);
  g_assert_nonnull (strstr (json_object_get_string_member (o, "unskip"), "unskip"));

  send (out, "unskip\n");
  o = next_event (in, parser, "seeked");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "pos"), READ_START, 0.01);
  /* Let a second of the read play, then ask where playback is: inside the read. */
  g_usleep (G_USEC_PER_SEC);
  send (out, "pause\n");
  o = next_event (in, parser, "state");
  while (!g_str_equal (json_object_get_string_member (o, "state"), "paused"))
    o = next_event (in, parser, "state");
  pos = json_object_get_double_member (o, "pos");
  g_test_message ("paused at %.3f", pos);
  g_assert_cmpfloat (pos, >, READ_START + 0.5);
  g_assert_cmpfloat (pos, <, READ_START + 10);
  stop_play (play, dir);
}

/* The show's own promotion is "ask" by default: play offers it and s / "skip" jumps over it. */
static void
test_ask (void)
{
  const char *const fixtures[] = { "ep189.opus", "ep189.vtt", NULL };
  g_autofree char *dir = NULL;
  g_autoptr (GSubprocess) play = NULL;
  g_autoptr (GDataInputStream) in = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  GOutputStream *out;
  JsonObject *o;
  double end;

  /* Inside the outro's sponsor read, so it plays (a seek into a range), 2.4 s before the
   * promotion. */
  play = start_play (fixtures, "3484", &dir, &in);
  if (play == NULL)
    return;
  out = g_subprocess_get_stdin_pipe (play);

  o = next_event (in, parser, "ask");
  g_assert_cmpstr (json_object_get_string_member (o, "category"), ==, "selfpromo");
  end = json_object_get_double_member (o, "end");
  g_assert_cmpfloat_with_epsilon (end, 3508.122, 1.5);
  send (out, "skip\n");
  o = next_event (in, parser, "seeked");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "pos"), end, 0.01);
  stop_play (play, dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/play/unskip", test_unskip);
  g_test_add_func ("/segments/play/ask", test_ask);
  return g_test_run ();
}
