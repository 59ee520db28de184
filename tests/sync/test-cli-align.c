/* test-cli-align.c — `hark-cli align` and `hark-cli transcribe` on the 4-minute excerpt
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hark-cli runs as a separate process, as a user runs it. Every run shares one private cache
 * directory, so the excerpt is recognized once and the other runs read its words from the cache.
 * The fixtures are only read: the audio is linked into a private directory, where the untimed
 * text and the written sidecars go.
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pty.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "formats/hark-sidecar.h"
#include "hark-test-util.h"

static char *tmpdir;
static char *cache_dir;
static char *audio;   /* the excerpt, linked into tmpdir */
static char *vtt;     /* its captions, in the fixtures */
static char *text;    /* a speaker-labelled text without times, made from the captions */

static char *
cli_path (void)
{
  const char *build = g_getenv ("HARK_BUILD_DIR");

  g_assert_nonnull (build);
  return g_build_filename (build, "src", "cli", "hark-cli", NULL);
}

/* Runs hark-cli with @argv (after the program name); returns its exit status. */
static int
run_cli (const char *const *argv, char **out, char **err)
{
  g_autofree char *cli = cli_path ();
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_ptr_array_add (args, cli);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

static gboolean
have_fixtures (void)
{
  if (audio == NULL)
    g_test_skip ("the excerpt is not in the fixtures");
  return audio != NULL;
}

static JsonObject *
parse_object (JsonParser *parser, const char *json)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The members `hark-cli transcript --format json` prints, in the same shapes. */
static void
check_transcript_shape (JsonObject *root, double duration)
{
  static const char *const arrays[] = { "speakers", "turns", "cues", "chapters", "segments" };
  JsonArray *cues, *turns;
  double last_start = -1;

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      g_assert_true (json_object_has_member (root, arrays[i]));
      g_assert_nonnull (json_object_get_array_member (root, arrays[i]));
    }
  cues = json_object_get_array_member (root, "cues");
  turns = json_object_get_array_member (root, "turns");
  g_assert_cmpuint (json_array_get_length (cues), >, 20);
  g_assert_cmpuint (json_array_get_length (turns), >, 0);
  for (guint i = 0; i < json_array_get_length (cues); i++)
    {
      JsonObject *cue = json_array_get_object_element (cues, i);
      double start = json_object_get_double_member (cue, "start");
      double end = json_object_get_double_member (cue, "end");

      g_assert_cmpfloat (start, >=, 0);
      g_assert_cmpfloat (end, >=, start);
      g_assert_cmpfloat (end, <=, duration + 0.01);
      g_assert_cmpfloat (start, >=, last_start);
      g_assert_nonnull (json_object_get_string_member (cue, "text"));
      last_start = start;
    }
  for (guint i = 0; i < json_array_get_length (turns); i++)
    {
      JsonObject *turn = json_array_get_object_element (turns, i);
      double confidence = json_object_get_double_member (turn, "confidence");

      g_assert_true (json_object_has_member (turn, "speaker"));
      g_assert_cmpfloat (confidence, >=, 0);
      g_assert_cmpfloat (confidence, <=, 1);
    }
}

static void
test_transcribe (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL, *out_vtt = NULL, *err_vtt = NULL;
  JsonObject *root;
  double duration;

  if (!have_fixtures ())
    return;
  {
    const char *args[] = { "transcribe", audio, "--format", "json", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  root = parse_object (parser, out);
  g_assert_true (json_object_get_boolean_member (root, "generated"));
  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "generated");
  duration = json_object_get_double_member (root, "audio_duration");
  g_assert_cmpfloat_with_epsilon (duration, 241.96, 0.1);
  check_transcript_shape (root, duration);
  /* Machine-made: no speaker is invented. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "speakers")), ==, 0);
  /* Not a terminal: nothing but the result, no progress. */
  g_assert_null (strstr (err, "recognizing"));

  {
    const char *args[] = { "transcribe", audio, NULL };

    g_assert_cmpint (run_cli (args, &out_vtt, &err_vtt), ==, 0);
  }
  g_assert_true (g_str_has_prefix (out_vtt, "WEBVTT"));
  g_assert_nonnull (strstr (out_vtt, "NOTE Generated"));
  g_assert_nonnull (strstr (out_vtt, " --> "));
}

static HarkTranscript *
read_output (const char *data, const char *name)
{
  g_autoptr (GError) error = NULL;
  HarkTranscript *t = hark_sidecar_read_data (data, strlen (data), name, HARK_SIDECAR_FORMAT_AUTO,
                                              NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

/* The untimed text gets times: in order, and near the captions it was made from. */
static void
test_align_text (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) captions = NULL;
  g_autofree char *out = NULL, *err = NULL;
  JsonObject *root;
  JsonArray *turns;
  const HarkCue *cues;
  guint n_cues, near = 0;

  if (!have_fixtures ())
    return;
  {
    const char *args[] = { "align", audio, text, "--format", "json", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "text");
  g_assert_false (json_object_get_boolean_member (root, "generated"));
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "report"),
                                         "coverage"));
  check_transcript_shape (root, json_object_get_double_member (root, "audio_duration"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "speakers")), ==, 2);
  g_assert_nonnull (strstr (err, "timed"));

  /* Each turn of the text began at a caption: it starts near that caption's time. */
  captions = hark_sidecar_read (vtt, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  cues = hark_transcript_get_cues (captions, &n_cues);
  turns = json_object_get_array_member (root, "turns");
  g_assert_cmpuint (json_array_get_length (turns), ==, (n_cues + 4) / 5);
  for (guint i = 0; i < json_array_get_length (turns); i++)
    {
      JsonObject *turn = json_array_get_object_element (turns, i);
      double start = json_object_get_double_member (turn, "start");

      if (ABS (start - cues[i * 5].start) <= 3.0)
        near++;
    }
  g_test_message ("%u of %u turn starts within 3 s", near, json_array_get_length (turns));
  g_assert_cmpuint (near * 10, >=, json_array_get_length (turns) * 8);
}

/* Captions re-synchronized (they fit this cut already, so little moves), in the three formats. */
static void
test_align_formats (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL, *out_vtt = NULL, *out_hark = NULL, *err = NULL;
  g_autoptr (HarkTranscript) from_vtt = NULL;
  g_autoptr (HarkTranscript) from_hark = NULL;
  JsonObject *root;
  guint n_vtt, n_hark;

  if (!have_fixtures ())
    return;
  {
    const char *args[] = { "align", audio, vtt, NULL };

    g_assert_cmpint (run_cli (args, &json, &err), ==, 0);
  }
  root = parse_object (parser, json);
  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "resync");
  check_transcript_shape (root, json_object_get_double_member (root, "audio_duration"));
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "align", audio, vtt, "--format", "vtt", "--quiet", NULL };

    g_assert_cmpint (run_cli (args, &out_vtt, &err), ==, 0);
  }
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "align", audio, vtt, "-f", "hark", NULL };

    g_assert_cmpint (run_cli (args, &out_hark, &err), ==, 0);
  }
  from_vtt = read_output (out_vtt, "out.vtt");
  from_hark = read_output (out_hark, "out.hark.json");
  hark_transcript_get_cues (from_vtt, &n_vtt);
  hark_transcript_get_cues (from_hark, &n_hark);
  g_assert_cmpuint (n_vtt, ==, json_array_get_length (json_object_get_array_member (root, "cues")));
  g_assert_cmpuint (n_hark, ==, n_vtt);
  g_assert_cmpfloat_with_epsilon (hark_transcript_get_media_duration (from_hark), 241.96, 0.1);
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* --write-sidecar writes AUDIO.hark.json; run again over one the listener edited, the edits
 * (a chapter) stay; over one Hark cannot read, it refuses and leaves it as it was. */
static void
test_write_sidecar (void)
{
  g_autofree char *sidecar = NULL;
  g_autofree char *out = NULL, *err = NULL, *first = NULL, *second = NULL;
  g_autoptr (HarkTranscript) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *edited = NULL;
  const char *broken = "{\"hark\": 1, \"cues\": [ {\"start\": ";
  const HarkChapter *chapters;
  guint n_chapters;
  int status;

  if (!have_fixtures ())
    return;
  sidecar = g_build_filename (tmpdir, "excerpt.hark.json", NULL);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  {
    const char *args[] = { "align", audio, vtt, "--write-sidecar", "--format", "vtt", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  g_assert_nonnull (strstr (err, "wrote"));
  first = read_file (sidecar);
  saved = hark_sidecar_read (sidecar, HARK_SIDECAR_FORMAT_HARK, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    guint n;

    hark_transcript_get_cues (saved, &n);
    g_assert_cmpuint (n, >, 20);
  }

  /* The listener adds a chapter to the saved sidecar, then aligns the captions again. */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root = parse_object (parser, first);
    g_autoptr (JsonNode) chapter = json_from_string (
        "{\"start\": 30.0, \"end\": 60.0, \"title\": \"My bookmark\"}", &error);
    g_autoptr (JsonGenerator) generator = json_generator_new ();
    JsonArray *list;

    g_assert_no_error (error);
    list = json_object_get_array_member (json_object_get_object_member (root, "hark"),
                                         "chapters");
    g_assert_nonnull (list);
    json_array_add_element (list, g_steal_pointer (&chapter));
    json_generator_set_root (generator, json_parser_get_root (parser));
    edited = json_generator_to_data (generator, NULL);
    g_assert_true (g_file_set_contents (sidecar, edited, -1, &error));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "align", audio, vtt, "-w", "-f", "vtt", NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  g_clear_pointer (&saved, hark_transcript_unref);
  saved = hark_sidecar_read (sidecar, HARK_SIDECAR_FORMAT_HARK, NULL, NULL, &error);
  g_assert_no_error (error);
  chapters = hark_transcript_get_chapters (saved, &n_chapters);
  g_assert_cmpuint (n_chapters, ==, 1);
  g_assert_cmpstr (chapters[0].title, ==, "My bookmark");

  /* A sidecar Hark cannot read is not written over. */
  g_assert_true (g_file_set_contents (sidecar, broken, -1, &error));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "align", audio, vtt, "--write-sidecar", NULL };

    status = run_cli (args, &out, &err);
  }
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "was not overwritten"));
  g_assert_nonnull (strstr (err, "excerpt.hark.json"));
  g_assert_cmpstr (out, ==, "");
  second = read_file (sidecar);
  g_assert_cmpstr (second, ==, broken);
  g_assert_true (g_remove (sidecar) == 0);
}

static void
expect_failure (const char *const *args, int expected_status, const char *expected_message)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, expected_status);
  g_assert_cmpstr (out, ==, "");
  if (strstr (err, expected_message) == NULL)
    g_error ("expected “%s” in: %s", expected_message, err);
}

static void
test_errors (void)
{
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-episode.mp3", NULL);
  g_autofree char *missing_sidecar = g_build_filename (tmpdir, "no-such-sidecar.vtt", NULL);
  g_autofree char *unreadable = g_build_filename (tmpdir, "unreadable.vtt", NULL);
  g_autoptr (GError) error = NULL;

  {
    const char *args[] = { "transcribe", missing, NULL };

    expect_failure (args, 1, "no-such-episode.mp3 does not exist");
  }
  if (!have_fixtures ())
    return;
  {
    const char *args[] = { "align", missing, vtt, NULL };

    expect_failure (args, 1, "no-such-episode.mp3 does not exist");
  }
  {
    const char *args[] = { "align", audio, missing_sidecar, NULL };

    expect_failure (args, 1, "no-such-sidecar.vtt");
  }
  /* A sidecar that cannot be opened, when the test does not run as root (root reads it all). */
  if (geteuid () != 0)
    {
      g_assert_true (g_file_set_contents (unreadable, "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", -1,
                                          &error));
      g_assert_cmpint (g_chmod (unreadable, 0), ==, 0);
      {
        const char *args[] = { "align", audio, unreadable, NULL };

        expect_failure (args, 1, "unreadable.vtt");
      }
    }
  {
    const char *args[] = { "align", audio, NULL };

    expect_failure (args, 2, "expected an audio file and at least one sidecar");
  }
  {
    const char *args[] = { "align", audio, vtt, "--format", "srt", NULL };

    expect_failure (args, 2, "--format must be json, vtt or hark");
  }
  {
    const char *args[] = { "transcribe", audio, "--format", "hark", NULL };

    expect_failure (args, 2, "--format must be vtt or json");
  }
}

/* On a terminal, the progress is shown on stderr; the result still goes to stdout alone. */
static void
test_progress_on_terminal (void)
{
  g_autofree char *cli = cli_path ();
  g_autofree char *out_path = g_build_filename (tmpdir, "terminal-run.vtt", NULL);
  g_autofree char *out = NULL;
  g_autoptr (GString) terminal = g_string_new (NULL);
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "XDG_CACHE_HOME", cache_dir, TRUE);
  char *child_argv[] = { cli, (char *) "transcribe", audio, NULL };
  int out_fd, master, status;
  pid_t pid;
  char buffer[4096];
  gssize n;

  if (!have_fixtures ())
    return;
  out_fd = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (out_fd, >=, 0);
  pid = forkpty (&master, NULL, NULL, NULL);
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* stdout to a file, stderr stays on the terminal. */
      dup2 (out_fd, STDOUT_FILENO);
      close (out_fd);
      execve (cli, child_argv, env);
      _exit (127);
    }
  close (out_fd);
  /* Until the child has gone and the terminal reads EIO. */
  while ((n = read (master, buffer, sizeof buffer)) > 0)
    g_string_append_len (terminal, buffer, n);
  close (master);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (terminal->str, "recognizing speech"));
  g_assert_nonnull (strstr (terminal->str, "100%"));
  out = read_file (out_path);
  g_assert_true (g_str_has_prefix (out, "WEBVTT"));
}

/* A speaker-labelled text without times, as shows publish it: the captions' words, five cues to
 * a turn, two speakers taking turns. */
static char *
make_untimed_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) captions =
      hark_sidecar_read (vtt, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error);
  g_autoptr (GString) text_out = g_string_new (NULL);
  char *path = g_build_filename (tmpdir, "excerpt.transcript.txt", NULL);
  const HarkCue *cues;
  guint n;

  g_assert_no_error (error);
  cues = hark_transcript_get_cues (captions, &n);
  for (guint i = 0; i < n; i++)
    {
      if (i % 5 == 0)
        g_string_append_printf (text_out, "%s%s:", i ? "\n\n" : "",
                                (i / 5) % 2 ? "Second Speaker" : "First Speaker");
      g_string_append_printf (text_out, " %s", cues[i].text);
    }
  g_string_append_c (text_out, '\n');
  g_assert_true (g_file_set_contents (path, text_out->str, -1, &error));
  return path;
}

int
main (int argc, char **argv)
{
  g_autofree char *fixture = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = hark_test_make_tmpdir ("cli-align");
  cache_dir = g_build_filename (tmpdir, "cache", NULL);
  fixture = hark_test_fixture ("ep189/excerpt-linode.opus");
  vtt = hark_test_fixture ("ep189/excerpt-linode.vtt");
  if (fixture != NULL && vtt != NULL)
    {
      audio = g_build_filename (tmpdir, "excerpt.opus", NULL);
      g_assert_cmpint (symlink (fixture, audio), ==, 0);
      text = make_untimed_text ();
    }
  g_test_add_func ("/cli/transcribe", test_transcribe);
  g_test_add_func ("/cli/align/text", test_align_text);
  g_test_add_func ("/cli/align/formats", test_align_formats);
  g_test_add_func ("/cli/align/write-sidecar", test_write_sidecar);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/progress-on-terminal", test_progress_on_terminal);
  status = g_test_run ();
  g_free (audio);
  g_free (vtt);
  g_free (text);
  g_free (cache_dir);
  g_free (tmpdir);
  return status;
}
