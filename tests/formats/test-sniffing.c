/* test-sniffing.c — the content, not the name, decides the format
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "formats/hark-sidecar.h"
#include "hark-test-util.h"

static void
test_by_content (void)
{
  static const struct
  {
    const char *content;
    const char *name;
    HarkSidecarFormat format;
  } cases[] = {
    { "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "a.txt", HARK_SIDECAR_FORMAT_WEBVTT },
    { "\xef\xbb\xbf  WEBVTT\n", NULL, HARK_SIDECAR_FORMAT_WEBVTT },
    { "1\n00:00:01,000 --> 00:00:02,000\nhi\n", "a.txt", HARK_SIDECAR_FORMAT_SRT },
    { "00:00:01,000 --> 00:00:02,000\nhi\n", "a.vtt", HARK_SIDECAR_FORMAT_WEBVTT },
    { "{\"version\": \"1.0.0\", \"segments\": [{\"startTime\": 1, \"body\": \"x\"}]}", "a.json",
      HARK_SIDECAR_FORMAT_PODCASTING2 },
    { "{\"version\": \"1.0.0\", \"segments\": []}", NULL, HARK_SIDECAR_FORMAT_PODCASTING2 },
    { "{\"text\": \" hi\", \"segments\": [{\"start\": 0, \"end\": 1, \"text\": \" hi\"}]}",
      "a.json", HARK_SIDECAR_FORMAT_WHISPER },
    { "{\"text\": \"\", \"segments\": []}", NULL, HARK_SIDECAR_FORMAT_WHISPER },
    { "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"hi\", \"speaker\": \"SPEAKER_00\"}]}",
      NULL, HARK_SIDECAR_FORMAT_WHISPER },
    { "{\"transcription\": [{\"offsets\": {\"from\": 0, \"to\": 10}, \"text\": \"hi\"}]}", "a.json",
      HARK_SIDECAR_FORMAT_WHISPER },
    { "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0, \"title\": \"a\"}]}", "a.json",
      HARK_SIDECAR_FORMAT_CHAPTERS },
    { "[{\"startTime\": 0, \"title\": \"a\"}]", NULL, HARK_SIDECAR_FORMAT_CHAPTERS },
    { "[{\"segment\": [1, 2], \"category\": \"sponsor\"}]", "a.json",
      HARK_SIDECAR_FORMAT_SPONSORBLOCK },
    { "{\"segments\": [], \"hark\": {\"format\": 1}}", "a.json", HARK_SIDECAR_FORMAT_HARK },
    { "00:00:00 Hello\n\n00:00:04 World\n", "a.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED },
    { "Anna  0:00\nHello\n\nBob  0:05\nHi\n", "a.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED },
    { "Anna (00:00): Hello\nBob (00:05): Hi\n", "a.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED },
    { "Anna: Hello\nBob: Hi\nNote: recorded live\n", "a.txt", HARK_SIDECAR_FORMAT_LABELLED_TEXT },
    { "just some prose\nwith no structure\n", "a.txt", HARK_SIDECAR_FORMAT_AUTO },
    { "just prose", "a.srt", HARK_SIDECAR_FORMAT_SRT },
    { "{\"broken\": ", "a.hark.json", HARK_SIDECAR_FORMAT_HARK },
    { "{\"broken\": ", "a.json", HARK_SIDECAR_FORMAT_PODCASTING2 },
    { "{\"something\": \"else\"}", "a.json", HARK_SIDECAR_FORMAT_AUTO },
    { "", NULL, HARK_SIDECAR_FORMAT_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HarkSidecarFormat format
          = hark_sidecar_sniff (cases[i].content, strlen (cases[i].content), cases[i].name);

      if (format != cases[i].format)
        g_error ("case %u (%s): sniffed %s, expected %s", i, cases[i].name,
                 hark_sidecar_format_to_string (format),
                 hark_sidecar_format_to_string (cases[i].format));
    }
}

static void
test_format_names (void)
{
  HarkSidecarFormat format;

  for (guint i = 0; i < HARK_SIDECAR_N_FORMATS; i++)
    {
      g_assert_true (hark_sidecar_format_from_string (hark_sidecar_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_true (hark_sidecar_format_from_string ("VTT", &format));
  g_assert_cmpint (format, ==, HARK_SIDECAR_FORMAT_WEBVTT);
  g_assert_true (hark_sidecar_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, HARK_SIDECAR_FORMAT_AUTO);
  g_assert_false (hark_sidecar_format_from_string ("docx", &format));
}

static void
test_fixtures (void)
{
  static const struct
  {
    const char *path;
    HarkSidecarFormat format;
  } files[] = {
    { "ep189/ep189.vtt", HARK_SIDECAR_FORMAT_WEBVTT },
    { "ep189/ep189.timestamps.txt", HARK_SIDECAR_FORMAT_TIMESTAMPED },
    { "ep189/ep189.transcript.txt", HARK_SIDECAR_FORMAT_LABELLED_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = hark_test_fixture (files[i].path);
      g_autofree char *contents = NULL;
      gsize length;

      if (path == NULL)
        return;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      /* The name says .txt for both text files: only the content tells them apart. */
      g_assert_cmpint (hark_sidecar_sniff (contents, length, "episode.txt"), ==, files[i].format);
    }
}

/* Files the user names: an unknown extension is read when the file is text. */
static void
test_named_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hark-named-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "episode.captions", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "episode.export", NULL);
  g_autofree char *binary = g_build_filename (dir, "cover.thumb", NULL);
  g_autofree char *audio = g_build_filename (dir, "episode.podcast", NULL);
  const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (text, "Start,End,Text\n0,1,Hi\n", -1, NULL));
  g_assert_true (g_file_set_contents (latin1, "00:01 Caf\xe9 talk\n", -1, NULL));
  g_assert_true (g_file_set_contents (binary, (const char *) png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (audio, "ID3\x04\x00\x00\x00\x00\x00\x00", 10, NULL));
  g_assert_false (hark_sidecar_is_candidate (text));
  g_assert_true (hark_sidecar_is_named_candidate (text));
  g_assert_true (hark_sidecar_is_named_candidate (latin1));
  g_assert_false (hark_sidecar_is_named_candidate (binary));
  g_assert_false (hark_sidecar_is_named_candidate (audio));
  g_assert_false (hark_sidecar_is_named_candidate ("/nonexistent/episode.captions"));
  /* A name that says audio is tried as audio, whatever it holds. */
  {
    g_autofree char *named_mp3 = g_build_filename (dir, "notes.MP3", NULL);

    g_assert_true (g_file_set_contents (named_mp3, "Ann: hello\n", -1, NULL));
    g_assert_false (hark_sidecar_is_named_candidate (named_mp3));
    g_unlink (named_mp3);
  }
  /* Known names stay candidates whatever they hold, so a broken one gets its reader's error. */
  g_assert_true (hark_sidecar_is_named_candidate ("/nonexistent/episode.lrc"));
  for (const char *const *p = (const char *const[]){ text, latin1, binary, audio, NULL }; *p; p++)
    g_unlink (*p);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sniffing/by-content", test_by_content);
  g_test_add_func ("/sniffing/format-names", test_format_names);
  g_test_add_func ("/sniffing/fixtures", test_fixtures);
  g_test_add_func ("/sniffing/named-files", test_named_files);
  return g_test_run ();
}
