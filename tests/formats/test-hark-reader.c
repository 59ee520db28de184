/* test-hark-reader.c — Hark's own sidecar, episode.hark.json
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"
#include "sidecar-test-util.h"

static const char full_sidecar[]
    = "{\n"
      "  \"version\": \"1.0.0\",\n"
      "  \"segments\": [\n"
      "    {\"speaker\": \"Michael Kennedy\", \"startTime\": 0.021, \"endTime\": 4.68, \"body\": "
      "\"Have you ever wondered?\",\n"
      "     \"words\": [{\"startTime\": 0.021, \"endTime\": 0.3, \"body\": \"Have\"}, "
      "{\"startTime\": 0.3, \"endTime\": 0.5, \"body\": \"you\"}]},\n"
      "    {\"speaker\": \"Panelists\", \"startTime\": 68.0, \"endTime\": 70.0, \"body\": \"Thanks "
      "for having us.\"}\n"
      "  ],\n"
      "  \"hark\": {\n"
      "    \"format\": 1,\n"
      "    \"source\": \"merged ep189.vtt with ep189.transcript.txt\",\n"
      "    \"media\": { \"duration\": 3551.58, \"file\": \"ep189.opus\" },\n"
      "    \"speakers\": [ {\"id\": \"michael-kennedy\", \"name\": \"Michael Kennedy\"},\n"
      "                  {\"id\": \"panelists\", \"name\": \"Panelists\"} ],\n"
      "    \"turns\": [ {\"speaker\": \"michael-kennedy\", \"start\": 0.021, \"end\": 67.95, "
      "\"text\": \"Have you ever wondered?\", \"evidence\": 0.97},\n"
      "               {\"speaker\": \"panelists\", \"start\": 68.0, \"end\": 70.0, \"text\": "
      "\"Thanks for having us.\", \"evidence\": 1} ],\n"
      "    \"chapters\": [ {\"start\": 0, \"end\": 120.5, \"title\": \"Intro\", \"url\": "
      "\"https://talkpython.fm\", \"toc\": true},\n"
      "                  {\"start\": 1149.62, \"title\": \"Linode\", \"toc\": false} ],\n"
      "    \"skips\": [ {\"start\": 1149.62, \"end\": 1202.85, \"category\": \"sponsor\", "
      "\"source\": \"detected\", \"evidence\": \"Sponsor words.\"},\n"
      "               {\"start\": 3486.44, \"end\": 3508.122, \"category\": \"selfpromo\"} ]\n"
      "  }\n"
      "}\n";

static void
test_full (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  const HarkChapter *chapters;
  const HarkSegment *segments;
  guint n_turns, n_chapters, n_segments;

  sidecar_read (&r, full_sidecar, "ep189.hark.json", HARK_SIDECAR_FORMAT_HARK);
  g_assert_cmpuint (r.warnings->len, ==, 0);
  g_assert_cmpint (r.info.kind, ==,
                   HARK_SIDECAR_KIND_TIMED | HARK_SIDECAR_KIND_SPEAKERS | HARK_SIDECAR_KIND_CHAPTERS
                       | HARK_SIDECAR_KIND_SKIPS);
  g_assert_cmpuint (hark_transcript_get_n_speakers (r.t), ==, 2);
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, 0)->id, ==, "michael-kennedy");
  g_assert_cmpstr (hark_transcript_get_speaker (r.t, 0)->name, ==, "Michael Kennedy");
  g_assert_cmpfloat (hark_transcript_get_media_duration (r.t), ==, 3551.58);
  g_assert_cmpstr (hark_transcript_get_source_note (r.t), ==,
                   "merged ep189.vtt with ep189.transcript.txt");

  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpint (r.cues[0].speaker, ==, 0); /* the display name found its id */
  g_assert_cmpint (r.cues[1].speaker, ==, 1);
  g_assert_cmpuint (r.cues[0].n_words, ==, 2);

  turns = hark_transcript_get_turns (r.t, &n_turns);
  g_assert_cmpuint (n_turns, ==, 2);
  g_assert_cmpfloat (turns[0].end, ==, 67.95);
  g_assert_cmpfloat_with_epsilon (turns[0].evidence, 0.97, 1e-6);
  g_assert_cmpint (turns[1].speaker, ==, 1);
  g_assert_cmpuint (turns[0].n_cues, ==, 1);

  chapters = hark_transcript_get_chapters (r.t, &n_chapters);
  g_assert_cmpuint (n_chapters, ==, 2);
  g_assert_cmpstr (chapters[0].url, ==, "https://talkpython.fm");
  g_assert_false (chapters[1].toc);
  g_assert_cmpfloat (chapters[1].end, ==, 3551.58); /* last chapter runs to the media's end */

  segments = hark_transcript_get_segments (r.t, &n_segments);
  g_assert_cmpuint (n_segments, ==, 2);
  g_assert_cmpstr (segments[0].source, ==, "detected");
  g_assert_cmpstr (segments[0].evidence, ==, "Sponsor words.");
  g_assert_cmpstr (segments[1].source, ==, "hark.json");
  g_assert_null (segments[1].evidence);
}

/* Without "hark" it is a plain Podcasting 2.0 transcript; every "hark" key is optional. */
static void
test_optional_parts (void)
{
  {
    g_auto (SidecarRead) r = { 0 };

    sidecar_read (&r,
                  "{\"version\": \"1.0.0\", \"segments\": [{\"speaker\": \"A\", \"startTime\": 1, "
                  "\"endTime\": 2, \"body\": \"Hi.\"}]}",
                  "episode.hark.json", HARK_SIDECAR_FORMAT_PODCASTING2);
    g_assert_cmpuint (r.n_cues, ==, 1);
  }
  {
    g_auto (SidecarRead) r = { 0 };

    sidecar_read (&r, "{\"hark\": {}}", "e.hark.json", HARK_SIDECAR_FORMAT_HARK);
    g_assert_true (hark_transcript_is_empty (r.t));
    g_assert_cmpfloat (hark_transcript_get_media_duration (r.t), <, 0);
  }
}

static void
test_tolerance (void)
{
  g_auto (SidecarRead) r = { 0 };
  const HarkTurn *turns;
  guint n_turns, n_segments;

  sidecar_read (
      &r,
      "{\n"
      "\"hark\": {\n"
      "  \"format\": 2, \"media\": {\"duration\": \"long\"},\n"
      "  \"speakers\": [{}, {\"name\": \"Only Name\"}],\n"
      "  \"turns\": [{\"speaker\": \"Only Name\", \"start\": 5, \"end\": 1, \"text\": \"x\"},\n"
      "            {\"speaker\": \"stranger\", \"start\": 7, \"end\": 8, \"text\": \"y\"},\n"
      "            {\"start\": \"never\"}],\n"
      "  \"skips\": [{\"start\": 1, \"end\": 2, \"category\": \"ads\"}],\n"
      "  \"chapters\": 5\n"
      "}}",
      "t.hark.json", HARK_SIDECAR_FORMAT_HARK);
  g_assert_true (
      sidecar_has_warning (&r, "t.hark.json:2:9: Expected Hark sidecar format 1, found 2"));
  g_assert_true (sidecar_has_warning (&r, "t.hark.json:3:25: Expected the media “duration”"));
  g_assert_true (sidecar_has_warning (&r, "t.hark.json:4:16: Expected a speaker “id” or “name”"));
  g_assert_true (sidecar_has_warning (&r, "t.hark.json:5:13: Expected the turn's “end”"));
  g_assert_true (sidecar_has_warning (&r, "t.hark.json:7:13: Expected the turn's “start”"));
  g_assert_true (sidecar_has_warning (&r, "t.hark.json:8:13: Expected a skip “category”"));
  g_assert_true (sidecar_has_warning (&r, "t.hark.json:2:9: Expected “chapters” to be an array"));
  turns = hark_transcript_get_turns (r.t, &n_turns);
  g_assert_cmpuint (n_turns, ==, 2);
  g_assert_cmpint (turns[0].speaker, ==, hark_transcript_find_speaker (r.t, "Only Name"));
  g_assert_cmpint (turns[1].speaker, ==, hark_transcript_find_speaker (r.t, "stranger"));
  hark_transcript_get_segments (r.t, &n_segments);
  g_assert_cmpuint (n_segments, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hark-json/full", test_full);
  g_test_add_func ("/hark-json/optional-parts", test_optional_parts);
  g_test_add_func ("/hark-json/tolerance", test_tolerance);
  return g_test_run ();
}
