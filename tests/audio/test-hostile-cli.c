/* test-hostile-cli.c — hark-cli on hostile input: outputs that are inputs, huge numbers, pipes,
 * names with colons, sidecars that are not there
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "audio-test-util.h"
#include "hark-test-util.h"

static char *tmpdir;
static char *wav; /* 30 s of a 440 Hz sine, made once */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static gboolean
have_ffmpeg (void)
{
  g_autofree char *ffmpeg = g_find_program_in_path ("ffmpeg");

  if (ffmpeg == NULL)
    g_test_skip ("ffmpeg is not installed");
  return ffmpeg != NULL;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static double
wav_seconds (const char *path)
{
  gsize n = 0;
  g_autofree float *pcm = audio_test_read_wav (path, &n);

  return (double) n / 48000;
}

/* Issue item 6: `render a.wav -o a.wav` replaced the input with noise, and exited 0. */
static void
test_render_onto_input (void)
{
  g_autofree char *before = file_checksum (wav);
  g_autofree char *soft = tmp_path ("link.wav");
  g_autofree char *hard = tmp_path ("hard.wav");
  g_autofree char *out = tmp_path ("out.wav");
  const char *targets[] = { wav, soft, hard };

  g_assert_cmpint (symlink (wav, soft), ==, 0);
  g_assert_cmpint (link (wav, hard), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      const char *argv[] = { "render", wav, "-o", targets[i], NULL };

      g_assert_cmpint (audio_test_run_cli (argv, NULL, &err), ==, 2);
      g_assert_nonnull (strstr (err, "is the input file itself"));
      after = file_checksum (wav);
      g_assert_cmpstr (before, ==, after);
    }
  /* And the other way round: the input named through the link. */
  {
    g_autofree char *err = NULL;
    const char *argv[] = { "render", soft, "-o", wav, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, NULL, &err), ==, 2);
  }

  /* A real output is complete when it appears, and no temporary file is left behind; an
   * existing output is replaced whole. */
  for (int pass = 0; pass < 2; pass++)
    {
      const char *argv[] = { "render", wav, "--end", "2", "-o", out, NULL };
      g_autoptr (GDir) dir = NULL;
      const char *name;

      g_assert_cmpint (audio_test_run_cli (argv, NULL, NULL), ==, 0);
      g_assert_cmpfloat (wav_seconds (out), ==, 2.0);
      dir = g_dir_open (tmpdir, 0, NULL);
      while ((name = g_dir_read_name (dir)))
        g_assert_false (g_str_has_prefix (name, ".out.wav."));
    }
  /* A failed render leaves the previous output as it was. */
  {
    g_autofree char *kept = file_checksum (out);
    g_autofree char *now = NULL;
    const char *argv[] = { "render", "/nonexistent.wav", "-o", out, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, NULL, NULL), !=, 0);
    now = file_checksum (out);
    g_assert_cmpstr (kept, ==, now);
  }
  /* Devices are still written directly. */
  {
    const char *argv[] = { "render", wav, "--end", "1", "-o", "/dev/null", NULL };

    g_assert_cmpint (audio_test_run_cli (argv, NULL, NULL), ==, 0);
  }
}

/* Issue item 8: a range ending at 1e18 or 1e300 s rendered the file twice and printed garbage. */
static void
test_huge_numbers (void)
{
  static const char *const bad[] = { "10-1e18", "10-1e300", "10-inf", "nan-20", "10-nan",
                                     "-5-10", "10-999999999:00:00" };
  g_autofree char *dir = tmp_path ("sb");
  g_autofree char *audio = g_build_filename (dir, "ep.wav", NULL);
  g_autofree char *sb = g_build_filename (dir, "ep.sponsorblock.json", NULL);
  g_autofree char *out = tmp_path ("sb.wav");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *skip = g_strconcat ("--skip=", bad[i], NULL);
      g_autofree char *err = NULL;
      const char *argv[] = { "render", wav, skip, "-o", out, NULL };

      g_assert_cmpint (audio_test_run_cli (argv, NULL, &err), ==, 2);
      g_assert_nonnull (strstr (err, "--skip"));
    }
  {
    g_autofree char *err = NULL;
    const char *argv[] = { "render", wav, "--start", "1e300", "-o", out, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--start"));
  }

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (symlink (wav, audio), ==, 0);
  g_assert_true (g_file_set_contents (
      sb,
      "[{\"segment\": [10, 1e300], \"category\": \"sponsor\", \"actionType\": \"skip\"},"
      " {\"segment\": [20, 1e18], \"category\": \"sponsor\", \"actionType\": \"skip\"},"
      " {\"segment\": [2, 4], \"category\": \"sponsor\", \"actionType\": \"skip\"}]",
      -1, NULL));
  {
    g_autofree char *stdout_text = NULL, *err = NULL;
    const char *argv[] = { "segments", audio, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, &stdout_text, &err), ==, 0);
    /* Only the sane range, and no negative or overflowed time anywhere. */
    g_assert_nonnull (strstr (stdout_text, "0:02.000 – 0:04.000"));
    g_assert_null (strstr (stdout_text, "-"));
    g_assert_nonnull (strstr (err, "ep.sponsorblock.json:1:"));
  }
  {
    const char *argv[] = { "render", audio, "-o", out, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, NULL, NULL), ==, 0);
    g_assert_cmpfloat (fabs (wav_seconds (out) - 28.0), <, 0.01);
  }
}

/* Issue item 11: the messages say what is true. */
static void
test_messages (void)
{
  g_autofree char *colon = tmp_path ("a:b.wav");
  g_autofree char *cli = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "cli",
                                           "hark-cli", NULL);

  /* A local name with a colon is a file, not a protocol. */
  g_assert_cmpint (link (wav, colon), ==, 0);
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *relative = g_strdup ("a:b.wav");
    g_autofree char *cwd = g_get_current_dir ();
    const char *argv[] = { "probe", relative, NULL };

    g_assert_cmpint (g_chdir (tmpdir), ==, 0);
    g_assert_cmpint (audio_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
    g_assert_nonnull (strstr (out, "\"duration\" : 30"));
  }

  /* A pipe: said to be a pipe, not "empty". Redirected from a file, it is that file. */
  {
    g_autofree char *command =
        g_strdup_printf ("cat '%s' | '%s' probe /dev/stdin", wav, cli);
    g_autofree char *err = NULL;
    int status = 0;
    const char *argv[] = { "/bin/sh", "-c", command, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_null (strstr (err, "empty"));
    g_assert_nonnull (strstr (err, "pipe"));
  }
  {
    g_autofree char *command = g_strdup_printf ("'%s' probe /dev/stdin < '%s'", cli, wav);
    g_autofree char *out = NULL;
    int status = 0;
    const char *argv[] = { "/bin/sh", "-c", command, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &out, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "\"duration\" : 30"));
  }

  /* No sidecar: a sentence and a failure, not silence and success. */
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { "transcript", wav, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "No transcript was found"));
    g_assert_cmpstr (out, ==, "");
  }
}

/* Issue item 9: a 3 GB zero-padded MP3 took 22 s and 2 GB to probe and gave a wrong length; a
 * 200 MB ID3 frame took 54 s, 2.7 GB and printed 1 GB of JSON. (Their speed is measured in
 * bench/bench-hostile; here the results.) */
static void
test_padded_and_tagged_mp3 (void)
{
  g_autofree char *mp3 = tmp_path ("short.mp3");
  g_autofree char *padded = tmp_path ("padded.mp3");
  g_autofree char *tagged = tmp_path ("tagged.mp3");
  const char *make[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                         "sine=frequency=440:duration=20", "-c:a", "libmp3lame", mp3, NULL };
  g_autofree char *data = NULL;
  gsize length;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (mp3, &data, &length, NULL));

  /* Sparse: 3 GB of zeros after the audio cost no disk. */
  g_assert_true (g_file_set_contents (padded, data, length, NULL));
  g_assert_cmpint (truncate (padded, (off_t) 3 << 30), ==, 0);
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { "probe", padded, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, &out, &err), ==, 0);
    /* The audio's length, not the 52 hours the bitrate would give 3 GB. */
    g_assert_nonnull (strstr (out, "\"duration\" : 20.0"));
  }
  g_unlink (padded);

  /* An ID3v2.3 tag with one 100 MB TXXX frame before the audio. */
  {
    gsize payload = 100 << 20;
    gsize frame = 10 + 6 + payload;
    GString *file = g_string_sized_new (10 + frame + length);
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { "probe", tagged, NULL };
    guint8 header[10] = { 'I', 'D', '3', 3, 0, 0, (frame >> 21) & 0x7f, (frame >> 14) & 0x7f,
                          (frame >> 7) & 0x7f, frame & 0x7f };
    guint8 frame_header[10] = { 'T', 'X', 'X', 'X', ((payload + 6) >> 24) & 0xff,
                                ((payload + 6) >> 16) & 0xff, ((payload + 6) >> 8) & 0xff,
                                (payload + 6) & 0xff, 0, 0 };

    g_string_append_len (file, (const char *) header, sizeof header);
    g_string_append_len (file, (const char *) frame_header, sizeof frame_header);
    g_string_append_len (file, "\0desc\0", 6);
    for (gsize i = 0; i < payload; i++)
      g_string_append_c (file, 'A');
    g_string_append_len (file, data, length);
    g_assert_true (g_file_set_contents (tagged, file->str, file->len, NULL));
    g_string_free (file, TRUE);

    g_assert_cmpint (audio_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "\"duration\" : 20.0"));
    g_assert_cmpuint (strlen (out), <, 100 * 1024);
    g_assert_nonnull (strstr (err, "tag"));
    g_unlink (tagged);
  }
}

/* Issue item 10: --write-sidecar dropped the skips and chapters of a hand-edited
 * ep.hark.json, and wrote over entries it could not read. */
static void
test_write_sidecar_keeps_edits (void)
{
  g_autofree char *dir = tmp_path ("keep");
  g_autofree char *audio = g_build_filename (dir, "ep.wav", NULL);
  g_autofree char *vtt = g_build_filename (dir, "ep.vtt", NULL);
  g_autofree char *hark = g_build_filename (dir, "ep.hark.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *edited = NULL;
  const char *regenerate[] = { "transcript", "-q", "-w", audio, vtt, NULL };
  GString *s;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (symlink (wav, audio), ==, 0);
  g_assert_true (g_file_set_contents (vtt, "WEBVTT\n\n00:00.000 --> 00:05.000\n<v Alice>Hello "
                                           "there.\n",
                                      -1, NULL));
  {
    const char *argv[] = { "transcript", "-q", "-w", audio, NULL };

    g_assert_cmpint (audio_test_run_cli (argv, NULL, NULL), ==, 0);
  }
  /* Edit by hand: a chapter and a skip. */
  g_assert_true (g_file_get_contents (hark, &written, NULL, NULL));
  s = g_string_new (written);
  g_assert_cmpint (g_string_replace (s, "\"chapters\": []",
                                     "\"chapters\": [{\"start\": 0, \"title\": \"Intro\"}, "
                                     "{\"start\": 15, \"title\": \"Main\"}]",
                                     1),
                   ==, 1);
  g_assert_cmpint (g_string_replace (s, "\"skips\": []",
                                     "\"skips\": [{\"start\": 20, \"end\": 25, \"category\": "
                                     "\"sponsor\", \"source\": \"me\"}]",
                                     1),
                   ==, 1);
  g_assert_true (g_file_set_contents (hark, s->str, s->len, NULL));
  g_string_free (s, TRUE);

  /* Regenerated from the captions: the edits stay. */
  g_assert_cmpint (audio_test_run_cli (regenerate, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (hark, &edited, NULL, NULL));
  g_assert_nonnull (strstr (edited, "\"Intro\""));
  g_assert_nonnull (strstr (edited, "\"Main\""));
  g_assert_nonnull (strstr (edited, "\"start\": 20, \"end\": 25"));
  g_assert_nonnull (strstr (edited, "Hello there."));

  /* An entry Hark cannot read (a category it does not know) is not written over. */
  {
    GString *bad = g_string_new (edited);
    g_autofree char *err = NULL;
    g_autofree char *after = NULL;

    g_assert_cmpint (g_string_replace (bad, "\"sponsor\"", "\"ad\"", 1), ==, 1);
    g_assert_true (g_file_set_contents (hark, bad->str, bad->len, NULL));
    g_assert_cmpint (audio_test_run_cli (regenerate, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "was not overwritten"));
    g_assert_true (g_file_get_contents (hark, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, bad->str);
    g_string_free (bad, TRUE);
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = hark_test_make_tmpdir ("hostile-cli");
  wav = tmp_path ("tone.wav");
  if (have_ffmpeg ())
    {
      const char *make[] = { "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                             "sine=frequency=440:duration=30", wav, NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_test_add_func ("/hostile-cli/render-onto-input", test_render_onto_input);
      g_test_add_func ("/hostile-cli/huge-numbers", test_huge_numbers);
      g_test_add_func ("/hostile-cli/messages", test_messages);
      g_test_add_func ("/hostile-cli/padded-and-tagged-mp3", test_padded_and_tagged_mp3);
      g_test_add_func ("/hostile-cli/write-sidecar-keeps-edits", test_write_sidecar_keeps_edits);
    }
  ret = g_test_run ();
  hark_test_remove_tree (tmpdir);
  g_free (wav);
  g_free (tmpdir);
  return ret;
}
