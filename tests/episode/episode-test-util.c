/* episode-test-util.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "episode-test-util.h"

#include <gio/gio.h>
#include <math.h>

#include "hark-test-util.h"

static JsonArray *
truth_turns (JsonParser *parser, const char *fixture)
{
  g_autofree char *path = hark_test_fixture (fixture);
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return NULL;
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "turns");
}

/* The acceptance check of the merge against the truth of the synthesized audio. */
void
assert_matches_truth_of (HarkTranscript *t, const char *fixture, guint expected_turns)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *truth = truth_turns (parser, fixture);
  guint n_turns, within_half = 0;
  const HarkTurn *turns = hark_transcript_get_turns (t, &n_turns);
  double worst = 0;

  if (truth == NULL)
    return;
  g_assert_cmpuint (n_turns, ==, expected_turns);
  g_assert_cmpuint (json_array_get_length (truth), ==, expected_turns);
  for (guint i = 0; i < n_turns; i++)
    {
      JsonObject *want = json_array_get_object_element (truth, i);
      double error = fabs (turns[i].start - json_object_get_double_member (want, "start"));

      g_assert_cmpint (turns[i].speaker, >=, 0);
      g_assert_cmpstr (hark_transcript_get_speaker (t, (guint) turns[i].speaker)->name, ==,
                       json_object_get_string_member (want, "speaker"));
      within_half += error <= 0.5;
      worst = MAX (worst, error);
      if (error > 0.5)
        g_test_message ("turn %u starts %.3f s off", i, error);
    }
  g_test_message ("%u of %u turn starts within 0.5 s, worst %.3f s", within_half, n_turns, worst);
  g_assert_cmpuint (within_half * 100, >=, 95 * n_turns);
  g_assert_cmpfloat (worst, <=, 2.0);
}

void
assert_matches_truth (HarkTranscript *t)
{
  assert_matches_truth_of (t, "ep189/ep189.truth.json", 137);
}

/* A private copy of ep189 to write sidecars into: the shared fixtures stay untouched. */
char *
make_episode_copy (const char *name)
{
  g_autofree char *opus = hark_test_fixture ("ep189/ep189.opus");
  g_autofree char *vtt = hark_test_fixture ("ep189/ep189.vtt");
  g_autofree char *txt = hark_test_fixture ("ep189/ep189.transcript.txt");
  g_autofree char *dir = NULL;
  const char *sources[] = { opus, vtt, txt };

  if (opus == NULL || vtt == NULL || txt == NULL)
    return NULL;
  dir = hark_test_make_tmpdir (name);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr (GFile) from = g_file_new_for_path (sources[i]);
      g_autofree char *base = g_path_get_basename (sources[i]);
      g_autofree char *to_path = g_build_filename (dir, base, NULL);
      g_autoptr (GFile) to = g_file_new_for_path (to_path);
      g_autoptr (GError) error = NULL;

      g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&dir);
}

char *
run_cli (const char *const *args, int *status)
{
  g_autofree char *cli = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "cli", "hark-cli",
                                           NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}
