/* test-episode-cli.c — `hark-cli transcript`: its formats, and the sidecar it saves
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include "episode-test-util.h"
#include "episode/hark-episode.h"
#include "util/hark-error.h"
#include "formats/hark-sidecar.h"
#include "hark-test-util.h"
#include "formats/hark-writer.h"

/* `hark-cli transcript --write-sidecar` saves episode.hark.json; the next load uses it alone. */
static void
test_write_sidecar (void)
{
  g_autofree char *dir = make_episode_copy ("write-sidecar");
  g_autofree char *audio = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (JsonParser) p1 = json_parser_new ();
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (HarkEpisode) episode = NULL;
  JsonObject *o1, *o2;
  JsonArray *sources;
  int status;

  if (dir == NULL)
    return;
  audio = g_build_filename (dir, "ep189.opus", NULL);
  sidecar = g_build_filename (dir, "ep189.hark.json", NULL);
  {
    const char *args[] = { "transcript", audio, "--write-sidecar", "--format", "json", NULL };

    first = run_cli (args, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_test (sidecar, G_FILE_TEST_IS_REGULAR));
  o1 = parse_object (p1, first);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o1, "turns")), ==, 137);
  g_assert_nonnull (json_object_get_object_member (o1, "merge"));

  {
    const char *args[] = { "transcript", audio, "--format", "json", NULL };

    second = run_cli (args, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  o2 = parse_object (p2, second);
  sources = json_object_get_array_member (o2, "sources");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (HarkTranscript) direct = hark_sidecar_read (sidecar, HARK_SIDECAR_FORMAT_AUTO,
                                                           NULL, NULL, &error);
    guint n_turns = 0;

    /* The saved sidecar alone carries the merged turns. */
    g_assert_no_error (error);
    hark_transcript_get_turns (direct, &n_turns);
    g_assert_cmpuint (n_turns, ==, 137);
  }
  g_assert_cmpuint (json_array_get_length (sources), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 0),
                                                  "role"),
                   ==, "hark");
  g_assert_true (g_str_has_suffix (
      json_object_get_string_member (json_array_get_object_element (sources, 0), "path"),
      "ep189.hark.json"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o2, "unused")), ==, 2);
  g_assert_true (json_object_get_null_member (o2, "merge"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o2, "turns")), ==, 137);

  /* And through the library: the same turns, no merge needed. */
  episode = hark_episode_load (audio, NULL, 3551.58, NULL);
  g_assert_cmpfloat (hark_episode_get_merge_coverage (episode), <, 0);
  assert_matches_truth (hark_episode_get_transcript (episode));
  g_assert_false (hark_episode_has_duration_mismatch (episode));
  g_clear_pointer (&episode, hark_episode_unref);

  /* A sidecar that says which cut it was made for, against audio of another length: a warning,
   * not a failure. */
  {
    g_autoptr (HarkEpisode) loaded = hark_episode_load (audio, NULL, -1, NULL);
    g_autofree char *json = hark_writer_hark_json (hark_episode_get_transcript (loaded),
                                                   "ep189.opus", 3551.58);

    g_assert_true (hark_writer_save (json, sidecar, NULL));
  }
  episode = hark_episode_load (audio, NULL, 3000, NULL);
  g_assert_true (hark_episode_has_duration_mismatch (episode));
  g_assert_nonnull (strstr (hark_episode_get_warnings (episode)[0], "3551.6 s"));
  {
    HarkTranscript *t = hark_episode_get_transcript (episode);

    g_assert_cmpuint (hark_transcript_get_turns (t, NULL)[0].n_cues, >, 0);
  }
  g_clear_pointer (&episode, hark_episode_unref);
  episode = hark_episode_load (audio, NULL, 3551.2, NULL);
  g_assert_false (hark_episode_has_duration_mismatch (episode));
  g_assert_null (hark_episode_get_warnings (episode)[0]);
  hark_test_remove_tree (dir);
}

/* What `hark-cli transcript` prints in each format, and how it refuses bad usage. */
static void
test_cli_formats (void)
{
  g_autofree char *audio = hark_test_source_file ("data/sample/excerpt-linode.opus");
  g_autofree char *vtt = hark_test_source_file ("data/sample/excerpt-linode.vtt");
  g_autofree char *txt = hark_test_source_file ("data/sample/excerpt-linode.transcript.txt");
  int status;

  {
    const char *args[] = { "transcript", audio, NULL };
    g_autofree char *out = run_cli (args, &status);

    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (out, "[0:00] Panelists: So you need a hybrid"));
    g_assert_nonnull (strstr (out, "\n[0:43] Michael Kennedy: I see, so you're like a WebSocket."));
  }
  {
    const char *args[] = { "transcript", vtt, txt, "--format", "vtt", NULL };
    g_autofree char *out = run_cli (args, &status);

    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (out, "WEBVTT\n\n00:00:00.000 --> 00:00:00.560\n"
                                          "<v Panelists>Yeah.\n\n"));
    /* Cues keep the captions' words; the speakers come from the labelled text. */
    g_assert_nonnull (strstr (out, "<v Michael Kennedy>So you're like a web socket.\n"));
  }
  {
    const char *args[] = { "transcript", vtt, txt, "--format", "srt", NULL };
    g_autofree char *out = run_cli (args, &status);

    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (out, "1\n00:00:00,000 --> 00:00:00,560\nPanelists: Yeah.\n"));
  }
  {
    const char *args[] = { "transcript", audio, "--format", "xml", NULL };
    g_autofree char *out = run_cli (args, &status);

    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_cmpstr (out, ==, "");
  }
  {
    const char *args[] = { "transcript", vtt, "--write-sidecar", NULL };
    g_autofree char *out = run_cli (args, &status);

    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_cmpstr (out, ==, "");
  }
  {
    const char *args[] = { "transcript", "/nonexistent/show.vtt", NULL };
    g_autofree char *out = run_cli (args, &status);

    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_cmpstr (out, ==, "");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/episode-cli/write-sidecar", test_write_sidecar);
  g_test_add_func ("/merge/episode-cli/formats", test_cli_formats);
  return g_test_run ();
}
