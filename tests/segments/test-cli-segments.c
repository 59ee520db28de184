/* test-cli-segments.c — `hark-cli segments` on ep189, with the policy options
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are only read: the audio is given in place, and its sidecars (ep189.vtt and
 * ep189.transcript.txt) are found beside it and merged.
 */
#include <string.h>

#include "segments/hark-segments.h"
#include "segments/hark-sponsor-detector.h"
#include "hark-test-util.h"
#include "audio-test-util.h"
#include "segments-test-util.h"

static void
test_default_policy (void)
{
  g_autofree char *audio = hark_test_fixture ("ep189/ep189.opus");
  g_autofree char *truth = hark_test_fixture ("ep189/ep189.truth.json");
  g_autofree char *out = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  double skip_total, expected = 0;
  int status;

  if (audio == NULL || truth == NULL)
    return;
  {
    const char *args[] = { "segments", audio, "--format", "json", NULL };

    status = audio_test_run_cli (args, &out, NULL);
  }
  g_assert_cmpint (status, ==, 0);
  found = hark_test_parse_segments_json (out, actions, &skip_total);
  hark_test_check_against_truth (found, truth, 0.0, 1.5);
  for (guint i = 0; i < found->len; i++)
    {
      const HarkDetection *d = &g_array_index (found, HarkDetection, i);

      /* The default policy: sponsors are skipped, the show's own promotion is offered. */
      g_assert_cmpstr (actions->pdata[i], ==,
                       d->category == HARK_CATEGORY_SPONSOR ? "skip" : "ask");
      g_assert_nonnull (d->started_by);
      if (d->category == HARK_CATEGORY_SPONSOR)
        expected += d->end - d->start;
    }
  g_assert_cmpfloat_with_epsilon (skip_total, expected, 0.002);
}

static void
test_overrides (void)
{
  g_autofree char *vtt = hark_test_fixture ("ep189/ep189.vtt");
  g_autofree char *out = NULL;
  g_autofree char *out_none = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (GArray) found_none = NULL;
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  double skip_total, none_total;
  int status;

  if (vtt == NULL)
    return;
  {
    const char *args[] = { "segments", vtt, "--format", "json", "--skip-category",
                           "selfpromo=skip", "--skip-category", "sponsor=mark", NULL };

    status = audio_test_run_cli (args, &out, NULL);
  }
  g_assert_cmpint (status, ==, 0);
  found = hark_test_parse_segments_json (out, actions, &skip_total);
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_cmpstr (actions->pdata[0], ==, "mark");
  g_assert_cmpstr (actions->pdata[3], ==, "skip");
  {
    const HarkDetection *self = &g_array_index (found, HarkDetection, 3);

    g_assert_cmpfloat_with_epsilon (skip_total, self->end - self->start, 0.002);
  }

  {
    const char *args[] = { "segments", vtt, "--format", "json", "--no-skip", NULL };

    status = audio_test_run_cli (args, &out_none, NULL);
  }
  g_assert_cmpint (status, ==, 0);
  found_none = hark_test_parse_segments_json (out_none, NULL, &none_total);
  g_assert_cmpuint (found_none->len, ==, 4); /* still listed, just not skipped */
  g_assert_cmpfloat (none_total, ==, 0);
}

static void
test_explain (void)
{
  g_autofree char *vtt = hark_test_fixture ("ep189/ep189.vtt");
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  guint started = 0, ended = 0, evidence = 0;
  int status;

  if (vtt == NULL)
    return;
  {
    const char *args[] = { "segments", vtt, "--explain", NULL };

    status = audio_test_run_cli (args, &out, NULL);
  }
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      /* The read's own first and last words, quoted, and the evidence that decided. */
      if (g_str_has_prefix (lines[i], "    starts at ") && strstr (lines[i], " with “"))
        started++;
      if (g_str_has_prefix (lines[i], "    ends at ") && strstr (lines[i], " with “"))
        ended++;
      if (g_str_has_prefix (lines[i], "    evidence: ") && strstr (lines[i], "promo URL “"))
        evidence++;
    }
  g_assert_cmpuint (started, ==, 4);
  g_assert_cmpuint (ended, ==, 4);
  g_assert_cmpuint (evidence, >=, 3);
  g_assert_nonnull (strstr (out, "ends at 20:03 with “Just visit talkpython.fm/Linode.”"));
  g_assert_nonnull (strstr (out, "brought to you by Linode"));
  g_assert_nonnull (strstr (out, "Skipped automatically"));
}

/* A "; " inside a quoted sentence stays on its line; only the parts of the evidence split. */
static void
test_explain_quote_with_semicolon (void)
{
  static const char vtt[] =
    "WEBVTT\n"
    "\n"
    "00:00:00.000 --> 00:00:05.000\n"
    "<v Ann>Welcome back to the show, today we talk about gardens and soil.\n"
    "\n"
    "00:00:05.000 --> 00:00:10.000\n"
    "<v Ann>It has been a wet spring, and the beds are full of weeds.\n"
    "\n"
    "00:00:10.000 --> 00:00:15.000\n"
    "<v Ann>This episode is brought to you by Plotwise; it plans your garden for you.\n"
    "\n"
    "00:00:15.000 --> 00:00:20.000\n"
    "<v Ann>Plotwise tells you what to plant and when; try it free for thirty days.\n"
    "\n"
    "00:00:20.000 --> 00:00:25.000\n"
    "<v Ann>Visit plotwise.example/garden and use the code GARDEN for twenty percent off.\n"
    "\n"
    "00:00:25.000 --> 00:00:30.000\n"
    "<v Ann>Now, back to the soil, which is where everything starts.\n"
    "\n"
    "00:00:30.000 --> 00:00:35.000\n"
    "<v Bob>I think compost is the most underrated thing a gardener can make.\n"
    "\n"
    "00:00:35.000 --> 00:00:40.000\n"
    "<v Bob>You put in scraps, and a year later you have the best soil there is.\n";
  g_autofree char *dir = hark_test_make_tmpdir ("cli-explain");
  g_autofree char *path = g_build_filename (dir, "ep.vtt", NULL);
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, vtt, -1, NULL));
  {
    const char *args[] = { "segments", path, "--explain", NULL };

    status = audio_test_run_cli (args, &out, NULL);
  }
  g_assert_cmpint (status, ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "\n    starts at 0:10 with “This episode is brought to you by "
                                 "Plotwise; it plans"));
  g_assert_null (strstr (out, "\n    it plans"));
  hark_test_remove_tree (dir);
}

static void
test_bad_usage (void)
{
  g_autofree char *vtt = hark_test_fixture ("ep189/ep189.vtt");
  struct
  {
    const char *args[6];
    int status;
    const char *message;
  } cases[] = {
    { { "segments", "VTT", "--skip-category", "ads=skip", NULL }, 2, "not a segment category" },
    { { "segments", "VTT", "--skip-category", "sponsor=later", NULL }, 2, "not a skip action" },
    { { "segments", "VTT", "--format", "xml", NULL }, 2, "--format" },
    { { "segments", NULL }, 2, "expects one" },
    { { "segments", "/nonexistent/episode.mp3", NULL }, 1, "does not exist" },
    { { "segments", "NOTAUDIO", NULL }, 1, "is not an audio file" },
    /* A .md is sniffed as a transcript, and says what it was tried as. */
    { { "segments", "NOTES", NULL }, 1, "tried WebVTT" },
  };
  g_autofree char *notes = hark_test_fixture ("ep189/SOURCE.md");
  g_autofree char *dir = hark_test_make_tmpdir ("cli-segments-usage");
  g_autofree char *not_audio = g_build_filename (dir, "notes.mp3", NULL);

  if (vtt == NULL || notes == NULL)
    return;
  {
    g_autofree char *text = NULL;
    gsize length;

    /* Notes under a name that is no transcript's: tried as audio, and refused as such. */
    g_assert_true (g_file_get_contents (notes, &text, &length, NULL));
    g_assert_true (g_file_set_contents (not_audio, text, (gssize) length, NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      for (guint a = 0; cases[i].args[a]; a++)
        if (strcmp (cases[i].args[a], "VTT") == 0)
          cases[i].args[a] = vtt;
        else if (strcmp (cases[i].args[a], "NOTAUDIO") == 0)
          cases[i].args[a] = not_audio;
        else if (strcmp (cases[i].args[a], "NOTES") == 0)
          cases[i].args[a] = notes;
      status = audio_test_run_cli (cases[i].args, &out, &err);
      g_test_message ("%s", err);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].message));
    }
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segments/cli/default-policy", test_default_policy);
  g_test_add_func ("/segments/cli/overrides", test_overrides);
  g_test_add_func ("/segments/cli/explain", test_explain);
  g_test_add_func ("/segments/cli/explain-semicolon", test_explain_quote_with_semicolon);
  g_test_add_func ("/segments/cli/bad-usage", test_bad_usage);
  return g_test_run ();
}
