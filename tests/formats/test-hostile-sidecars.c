/* test-hostile-sidecars.c — sidecars an attacker or an accident put beside the audio
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sidecar read goes through one loader: only regular files, at most a size cap, JSON only
 * up to a nesting depth. Each case here used to crash, hang or eat memory.
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hark-test-util.h"
#include "sidecar-test-util.h"
#include "formats/hark-cue-blocks.h"
#include "text/hark-text-utils.h"
#include "util/hark-time.h"
#include "util/hark-error.h"

static char *
write_file (const char *dir, const char *name, const char *text, gsize length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  return path;
}

/* Issue item 2: '[' × 100 000 used to overflow json-glib's recursive parser. */
static void
test_deep_json (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("hostile-deep");
  gsize levels = 100000;
  g_autofree char *text = g_malloc (2 * levels + 1);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  HarkTranscript *t;

  memset (text, '[', levels);
  memset (text + levels, ']', levels);
  text[2 * levels] = '\0';
  path = write_file (dir, "ep.chapters.json", text, -1);
  t = hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, warnings, &error);
  g_assert_null (t);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested more than 256 levels"));
  g_assert_nonnull (strstr (error->message, "ep.chapters.json:1:257:"));
  g_clear_error (&error);

  /* Objects too, and brackets inside strings do not count. */
  {
    GString *s = g_string_new ("{\"chapters\":[{\"startTime\":0,\"title\":\"");

    for (int i = 0; i < 1000; i++)
      g_string_append (s, "[{");
    g_string_append (s, "\"}]}");
    t = hark_sidecar_read_data (s->str, s->len, "ok.chapters.json", HARK_SIDECAR_FORMAT_AUTO,
                                NULL, warnings, &error);
    g_assert_no_error (error);
    g_assert_nonnull (t);
    hark_transcript_unref (t);
    g_string_free (s, TRUE);
  }
  {
    GString *s = g_string_new ("");

    for (int i = 0; i < 300; i++)
      g_string_append (s, "{\"a\":");
    g_string_append (s, "1");
    for (int i = 0; i < 300; i++)
      g_string_append (s, "}");
    t = hark_sidecar_read_data (s->str, s->len, "x.json", HARK_SIDECAR_FORMAT_AUTO, NULL,
                                warnings, &error);
    g_assert_null (t);
    g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
    g_clear_error (&error);
    g_string_free (s, TRUE);
  }
  hark_test_remove_tree (dir);
}

/* Issue item 3: a FIFO named like a sidecar used to block every reader forever. */
static void
test_fifo (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("hostile-fifo");
  g_autofree char *path = g_build_filename (dir, "ep.vtt", NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gint64 start;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  start = g_get_monotonic_time ();
  g_assert_false (hark_text_load_file (path, &data, NULL, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_nonnull (strstr (error->message, "ep.vtt"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_error (&error);
  g_assert_null (hark_sidecar_read (path, HARK_SIDECAR_FORMAT_AUTO, NULL, NULL, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  hark_test_remove_tree (dir);
}

/* Issue item 4: a symlink to /dev/zero grew without end; a huge file was read whole. */
static void
test_devices_and_size (void)
{
  g_autofree char *dir = hark_test_make_tmpdir ("hostile-size");
  g_autofree char *zero = g_build_filename (dir, "ep.vtt", NULL);
  g_autofree char *big = g_build_filename (dir, "big.vtt", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.vtt", NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length = 0;
  FILE *f;

  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_false (hark_text_load_file (zero, &data, &length, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (hark_text_load_file (folder, &data, &length, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  /* Sparse: one byte past the cap costs no disk. */
  f = fopen (big, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, HARK_TEXT_MAX_FILE_BYTES, SEEK_SET), ==, 0);
  fputc ('\n', f);
  fclose (f);
  g_assert_false (hark_text_load_file (big, &data, &length, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "64 MiB"));
  g_clear_error (&error);

  /* Exactly the cap is still read. */
  g_assert_cmpint (truncate (big, HARK_TEXT_MAX_FILE_BYTES), ==, 0);
  g_assert_true (hark_text_load_file (big, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, HARK_TEXT_MAX_FILE_BYTES);
  g_free (data);

  g_assert_false (hark_text_load_file ("/nonexistent/ep.vtt", &data, &length, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND);
  hark_test_remove_tree (dir);
}

/* Issue item 11: "\u0000" in a JSON string used to cut the text there, silently. */
static void
test_json_nul_escape (void)
{
  g_auto (SidecarRead) r = { 0 };
  const char *json = "{\"segments\":[{\"start\":0,\"end\":2,\"text\":\"before\\u0000after\"},"
                     "{\"start\":2,\"end\":3,\"text\":\"a \\\\u0000 b\"}]}";

  sidecar_read (&r, json, "ep.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (r.n_cues, ==, 2);
  g_assert_cmpstr (r.cues[0].text, ==, "before\xef\xbf\xbd" "after");
  /* An escaped backslash followed by "u0000" is plain text. */
  g_assert_cmpstr (r.cues[1].text, ==, "a \\u0000 b");
}

/* Found by fuzzing: "\u" with fewer than four hex digits, and unpaired surrogates, gave text
 * that is not UTF-8. */
static void
test_json_bad_escapes (void)
{
  g_auto (SidecarRead) r = { 0 };
  g_autoptr (GError) error = NULL;

  sidecar_read (&r,
                "{\"segments\":[{\"start\":0,\"end\":1,\"text\":\"x\\uD800y\"},"
                "{\"start\":1,\"end\":2,\"text\":\"\\uDC00z\"},"
                "{\"start\":2,\"end\":3,\"text\":\"\\uD83D\\uDE00\"}]}",
                "ep.json", HARK_SIDECAR_FORMAT_WHISPER);
  g_assert_cmpuint (r.n_cues, ==, 3);
  g_assert_cmpstr (r.cues[0].text, ==, "x\xef\xbf\xbdy");
  g_assert_cmpstr (r.cues[1].text, ==, "\xef\xbf\xbdz");
  g_assert_cmpstr (r.cues[2].text, ==, "\xf0\x9f\x98\x80");

  error = sidecar_read_error ("{\"segments\":[{\"start\":0,\"end\":1,\"text\":\"a\\u5\x81" "00b\"}]}",
                              "ep.json", HARK_SIDECAR_FORMAT_AUTO);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "four hexadecimal digits"));
  g_clear_error (&error);

  /* An escape JSON does not have. */
  error = sidecar_read_error ("{\"segments\":[{\"start\":0,\"end\":1,\"text\":\"a\\6b\"}]}",
                              "ep.json", HARK_SIDECAR_FORMAT_AUTO);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "ep.json:1:"));
}

static HarkTranscript *
read_text (const char *text, const char *name, GPtrArray *warnings, GError **error)
{
  return hark_sidecar_read_data (text, strlen (text), name, HARK_SIDECAR_FORMAT_AUTO, NULL,
                                 warnings, error);
}

/* Issue item 8: NaN, infinities and huge times are refused where they are read, by one rule. */
static void
test_huge_times (void)
{
  static const char *const bad[] = { "1e300", "1e18", "inf", "nan", "-1", "604801",
                                     "999999999:00:00", "168:00:01" };
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  const HarkSegment *segments;
  guint n = 0;
  double v = -1;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (hark_time_parse (bad[i], &v));
  g_assert_true (hark_time_parse ("168:00:00", &v));
  g_assert_cmpfloat (v, ==, HARK_TIME_MAX_SECONDS);
  g_assert_false (hark_time_is_valid (NAN));
  g_assert_false (hark_time_is_valid (-0.5));
  {
    g_autofree char *huge = hark_time_format (1e300, TRUE);

    g_assert_null (strchr (huge, '-'));
  }

  t = read_text (
      "[{\"segment\": [10, 1e300], \"category\": \"sponsor\"},"
      " {\"segment\": [\"nan\", 20], \"category\": \"sponsor\"},"
      " {\"segment\": [2, 4], \"category\": \"sponsor\"}]",
      "ep.sponsorblock.json", warnings, &error);
  g_assert_no_error (error);
  segments = hark_transcript_get_segments (t, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (segments[0].start, ==, 2);
  g_assert_cmpfloat (segments[0].end, ==, 4);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_clear_pointer (&t, hark_transcript_unref);

  /* Caption timings too. */
  g_ptr_array_set_size (warnings, 0);
  t = read_text ("WEBVTT\n\n999999:00:00.000 --> 999999:00:01.000\nhuge\n\n"
                              "00:01.000 --> 00:02.000\nfine\n",
                 "ep.vtt", warnings, &error);
  g_assert_no_error (error);
  hark_transcript_get_cues (t, &n);
  g_assert_cmpuint (n, ==, 1);
}

/* Issue item 9: 200k distinct speaker names took a minute (each looked up linearly). Here the
 * result for 50k; bench/bench-hostile times 200k. */
static void
test_many_speakers (void)
{
  GString *vtt = g_string_new ("WEBVTT\n\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkTranscript) t = NULL;
  const guint n = 50000;
  guint n_cues = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (vtt, "%02u:%02u:%02u.000 --> %02u:%02u:%02u.500\n<v Person %u>word\n\n",
                            i / 3600, i / 60 % 60, i % 60, i / 3600, i / 60 % 60, i % 60, i % (n / 2));
  t = hark_sidecar_read_data (vtt->str, vtt->len, "many.vtt", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              NULL, &error);
  g_assert_no_error (error);
  hark_transcript_get_cues (t, &n_cues);
  g_assert_cmpuint (n_cues, ==, n);
  /* Every name twice: half as many speakers, each found again. */
  g_assert_cmpuint (hark_transcript_get_n_speakers (t), ==, n / 2);
  g_assert_cmpstr (hark_transcript_get_speaker (t, 7)->name, ==, "Person 7");
  g_string_free (vtt, TRUE);
}

/* Reading holds the block being read, not a line table of the whole file: cues far apart
 * (thousands of blank lines, past every window the reader keeps) are all found, a cue of
 * more lines than one keeps is cut with a warning, and a file of broken blocks gives a
 * bounded list of warnings that says there were more. */
static void
test_lines_and_warnings (void)
{
  GString *vtt = g_string_new ("WEBVTT\n\n");
  GString *srt = g_string_new (NULL);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  HarkTranscript *t;
  const HarkCue *cues;
  guint n = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_string_append_printf (vtt, "00:00:%02u.000 --> 00:00:%02u.500\ncue %u\n", i, i, i);
      g_string_append_printf (srt, "%u\n00:00:%02u,000 --> 00:00:%02u,500\ncue %u\n", i + 1, i,
                              i, i);
      for (guint k = 0; k < 2500 + i; k++)
        {
          g_string_append_c (vtt, '\n');
          g_string_append_c (srt, '\n');
        }
    }
  t = hark_sidecar_read_data (vtt->str, vtt->len, "far.vtt", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              warnings, &error);
  g_assert_no_error (error);
  cues = hark_transcript_get_cues (t, &n);
  g_assert_cmpuint (n, ==, 20);
  g_assert_cmpstr (cues[19].text, ==, "cue 19");
  g_assert_cmpuint (warnings->len, ==, 0);
  hark_transcript_unref (t);
  t = hark_sidecar_read_data (srt->str, srt->len, "far.srt", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              warnings, &error);
  g_assert_no_error (error);
  cues = hark_transcript_get_cues (t, &n);
  g_assert_cmpuint (n, ==, 20);
  g_assert_cmpstr (cues[19].text, ==, "cue 19");
  hark_transcript_unref (t);

  /* A cue of 5000 lines keeps the first HARK_CUE_MAX_LINES; the one after it is read. */
  g_string_assign (vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n");
  for (guint k = 0; k < 5000; k++)
    g_string_append (vtt, "line\n");
  g_string_append (vtt, "\n00:00:03.000 --> 00:00:04.000\nafter\n");
  t = hark_sidecar_read_data (vtt->str, vtt->len, "long.vtt", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              warnings, &error);
  g_assert_no_error (error);
  cues = hark_transcript_get_cues (t, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (strlen (cues[0].text), ==, HARK_CUE_MAX_LINES * 5 - 1);
  g_assert_cmpstr (cues[1].text, ==, "after");
  g_assert_cmpuint (warnings->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "long.vtt:1004:1: Expected at most"));
  hark_transcript_unref (t);

  /* 100,000 broken blocks: the cue is read, and the warnings stop at the cap with a last one
   * saying so. */
  g_ptr_array_set_size (warnings, 0);
  g_string_assign (vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n\n");
  for (guint k = 0; k < 100000; k++)
    g_string_append (vtt, "x\n\n");
  t = hark_sidecar_read_data (vtt->str, vtt->len, "broken.vtt", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              warnings, &error);
  g_assert_no_error (error);
  hark_transcript_get_cues (t, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (warnings->len, ==, HARK_TEXT_MAX_WARNINGS + 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, HARK_TEXT_MAX_WARNINGS),
                            "More problems were found"));
  hark_transcript_unref (t);
  g_string_free (vtt, TRUE);
  g_string_free (srt, TRUE);
}

/* Each family's cap on what the parsed file costs: a JSON of more than a million values or
 * 32 MiB and a plain-text transcript over 16 MiB are refused with a sentence, not read into
 * gigabytes. */
static void
test_family_caps (void)
{
  GString *json = g_string_new ("{\"segments\": [");
  GString *text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  HarkTranscript *t;

  /* 2 + 7 a segment ('{', three ':' and three ','), the first without its ',': 1,000,001. */
  for (guint i = 0; i < 142857; i++)
    g_string_append_printf (json, "%s{\"start\": %u, \"end\": %u, \"text\": \"w\"}",
                            i ? "," : "", i, i + 1);
  g_string_append (json, "]}");
  t = hark_sidecar_read_data (json->str, json->len, "many.json", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              NULL, &error);
  g_assert_null (t);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "more than 1000000 values"));
  g_clear_error (&error);
  /* A segment fewer (999,994) reads. */
  g_string_truncate (json, 0);
  g_string_append (json, "{\"segments\": [");
  for (guint i = 0; i < 142856; i++)
    g_string_append_printf (json, "%s{\"start\": %u, \"end\": %u, \"text\": \"w\"}",
                            i ? "," : "", i, i + 1);
  g_string_append (json, "]}");
  t = hark_sidecar_read_data (json->str, json->len, "many.json", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              NULL, &error);
  g_assert_no_error (error);
  hark_transcript_unref (t);

  /* More than 32 MiB of JSON, in one string: refused before it is parsed. */
  g_string_assign (json, "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"");
  while (json->len <= 32 * 1024 * 1024)
    g_string_append (json, "word word word word word word word word ");
  g_string_append (json, "\"}]}");
  t = hark_sidecar_read_data (json->str, json->len, "big.json", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              NULL, &error);
  g_assert_null (t);
  g_assert_nonnull (strstr (error->message, "larger than 32 MiB"));
  g_clear_error (&error);

  for (guint i = 0; text->len <= 16 * 1024 * 1024; i++)
    g_string_append_printf (text, "[%02u:%02u:%02u] Speaker %u: words of line %u\n", i / 3600,
                            i / 60 % 60, i % 60, i % 2, i);
  t = hark_sidecar_read_data (text->str, text->len, "long.txt", HARK_SIDECAR_FORMAT_AUTO, NULL,
                              NULL, &error);
  g_assert_null (t);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "larger than 16 MiB"));
  g_clear_error (&error);
  g_string_free (json, TRUE);
  g_string_free (text, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile-sidecars/deep-json", test_deep_json);
  g_test_add_func ("/hostile-sidecars/fifo", test_fifo);
  g_test_add_func ("/hostile-sidecars/devices-and-size", test_devices_and_size);
  g_test_add_func ("/hostile-sidecars/json-nul-escape", test_json_nul_escape);
  g_test_add_func ("/hostile-sidecars/json-bad-escapes", test_json_bad_escapes);
  g_test_add_func ("/hostile-sidecars/huge-times", test_huge_times);
  g_test_add_func ("/hostile-sidecars/many-speakers", test_many_speakers);
  g_test_add_func ("/hostile-sidecars/lines-and-warnings", test_lines_and_warnings);
  g_test_add_func ("/hostile-sidecars/family-caps", test_family_caps);
  return g_test_run ();
}
