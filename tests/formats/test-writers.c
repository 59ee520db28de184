/* test-writers.c — Hark JSON, WebVTT and SRT out of a transcript
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "util/hark-error.h"
#include "hark-test-util.h"
#include "formats/hark-writer.h"

static HarkTranscript *
make_transcript (void)
{
  g_autoptr (HarkTranscriptBuilder) b = hark_transcript_builder_new ();
  int host = hark_transcript_builder_add_speaker (b, "host", "Host <Mike>");
  int guest = hark_transcript_builder_add_speaker (b, "ada-lovelace", "Ada Lovelace");

  hark_transcript_builder_add_cue (b, 0.021, 4.68, "Welcome & \"hello\" <there>", host);
  hark_transcript_builder_add_cue (b, 4.68, 9.5, "Line one\n\nline --> two", host);
  hark_transcript_builder_add_cue (b, 3661.5, 3663, "Thanks.", guest);
  hark_transcript_builder_add_word (b, 3661.5, 3662, "Thanks");
  hark_transcript_builder_add_word (b, 3662.25, 3663, "again.");
  hark_transcript_builder_add_cue (b, 3663, 3664, "…", -1);
  hark_transcript_builder_add_turn (b, 0.021, 9.5, "Welcome & hello there. Line one line two", host,
                                    0.97f);
  hark_transcript_builder_add_turn (b, 3661.5, 3664, "Thanks again.", guest, 0.5f);
  hark_transcript_builder_add_chapter (b, 0, 120.5, "Intro", "https://example.org/", TRUE);
  hark_transcript_builder_add_chapter (b, 120.5, -1, "Ad", NULL, FALSE);
  hark_transcript_builder_add_segment (b, 1149.62, 1202.85, HARK_CATEGORY_SPONSOR, "detected",
                                       "“brought to you by”");
  hark_transcript_builder_set_media_duration (b, 3700);
  hark_transcript_builder_set_source_note (b, "merged\nby a test -->");
  return hark_transcript_builder_finish (g_steal_pointer (&b));
}

static void
test_json_literals (void)
{
  g_autoptr (GString) s = g_string_new (NULL);

  hark_json_append_string (s, "a\"b\\c\n\t\x01é");
  g_assert_cmpstr (s->str, ==, "\"a\\\"b\\\\c\\n\\t\\u0001é\"");
  g_string_truncate (s, 0);
  hark_json_append_string (s, NULL);
  g_assert_cmpstr (s->str, ==, "null");

  const struct
  {
    double value;
    const char *text;
  } times[] = { { 4.68, "4.68" }, { 0, "0" }, { -0.0001, "0" }, { 1.0005, "1.001" },
                { 3551.58, "3551.58" }, { 120, "120" }, { -1.5, "-1.5" }, { NAN, "0" } };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_string_truncate (s, 0);
      hark_json_append_seconds (s, times[i].value);
      g_assert_cmpstr (s->str, ==, times[i].text);
    }
}

/* The sidecar is valid JSON in the agreed shape; json-glib reads it back. */
static void
test_hark_json_shape (void)
{
  g_autoptr (HarkTranscript) t = make_transcript ();
  g_autofree char *text = hark_writer_hark_json (t, "ep189.opus", -1);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *hark, *media;
  JsonArray *segments, *turns;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "1.0.0");
  segments = json_object_get_array_member (root, "segments");
  g_assert_cmpuint (json_array_get_length (segments), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (segments, 0),
                                                  "speaker"),
                   ==, "Host <Mike>");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (segments, 0),
                                                  "body"),
                   ==, "Welcome & \"hello\" <there>");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (segments, 0),
                                                    "startTime"),
                     ==, 0.021);
  g_assert_false (json_object_has_member (json_array_get_object_element (segments, 3), "speaker"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_array_get_object_element (segments, 2), "words")),
                    ==, 2);

  hark = json_object_get_object_member (root, "hark");
  g_assert_cmpint (json_object_get_int_member (hark, "format"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (hark, "source"), ==, "merged\nby a test -->");
  media = json_object_get_object_member (hark, "media");
  g_assert_cmpfloat (json_object_get_double_member (media, "duration"), ==, 3700);
  g_assert_cmpstr (json_object_get_string_member (media, "file"), ==, "ep189.opus");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hark, "speakers")), ==, 2);
  turns = json_object_get_array_member (hark, "turns");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (turns, 1),
                                                  "speaker"),
                   ==, "ada-lovelace");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (turns, 0),
                                                    "evidence"),
                     ==, 0.97);
  g_assert_false (json_object_get_boolean_member (
      json_array_get_object_element (json_object_get_array_member (hark, "chapters"), 1), "toc"));
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_object_get_array_member (hark, "skips"),
                                                      0),
                       "category"),
                   ==, "sponsor");
}

static void
test_vtt_text (void)
{
  g_autoptr (HarkTranscript) t = make_transcript ();
  g_autofree char *text = hark_writer_vtt (t);

  g_assert_true (g_str_has_prefix (text, "WEBVTT\n\nNOTE merged by a test -- \n\n"));
  g_assert_nonnull (strstr (text, "00:00:00.021 --> 00:00:04.680\n"
                                  "<v Host &lt;Mike&gt;>"
                                  "Welcome &amp; \"hello\" &lt;there&gt;\n\n"));
  /* The blank line inside the text would end the cue; "-->" is escaped. */
  g_assert_nonnull (strstr (text, "<v Host &lt;Mike&gt;>Line one\nline --&gt; two\n\n"));
  g_assert_nonnull (strstr (text, "01:01:01.500 --> 01:01:03.000\n"
                                  "<v Ada Lovelace>Thanks <01:01:02.250>again.\n\n"));
  g_assert_nonnull (strstr (text, "01:01:03.000 --> 01:01:04.000\n…\n\n"));
}

static void
test_srt_text (void)
{
  g_autoptr (HarkTranscript) t = make_transcript ();
  g_autofree char *text = hark_writer_srt (t);

  g_assert_cmpstr (text, ==,
                   "1\n00:00:00,021 --> 00:00:04,680\nHost <Mike>: Welcome & \"hello\" <there>\n\n"
                   "2\n00:00:04,680 --> 00:00:09,500\nLine one\nline --> two\n\n"
                   "3\n01:01:01,500 --> 01:01:03,000\nAda Lovelace: Thanks.\n\n"
                   "4\n01:01:03,000 --> 01:01:04,000\n…\n\n");
}

static void
test_save (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("writers");
  g_autofree char *path = g_build_filename (dir, "episode.hark.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "episode.hark.json", NULL);
  g_autofree char *back = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (hark_writer_save ("{}\n", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &back, NULL, NULL));
  g_assert_cmpstr (back, ==, "{}\n");
  g_assert_false (hark_writer_save ("{}\n", bad, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, bad));
  hark_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/writers/json-literals", test_json_literals);
  g_test_add_func ("/merge/writers/hark-json-shape", test_hark_json_shape);
  g_test_add_func ("/merge/writers/vtt-text", test_vtt_text);
  g_test_add_func ("/merge/writers/srt-text", test_srt_text);
  g_test_add_func ("/merge/writers/save", test_save);
  return g_test_run ();
}
