/* test-decoder-errors.c — bad input gives a clear error or plays through, and never crashes;
 * probe's JSON; hark-cli's usage errors
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <math.h>

#include "audio-test-util.h"
#include "util/hark-error.h"
#include "audio/hark-media-info.h"
#include "output/hark-output.h"
#include "hark-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = hark_test_make_tmpdir ("decoder-errors");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  hark_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
write_file (Fixture *f, const char *name, const void *data, gsize len)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_open_fails (const char *path, HarkError code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder = hark_decoder_open (path, HARK_OUTPUT_RATE,
                                                       HARK_OUTPUT_CHANNELS, &error);
  g_autoptr (GError) probe_error = NULL;
  g_autoptr (HarkMediaInfo) info = hark_media_info_probe (path, &probe_error);

  g_assert_null (decoder);
  g_assert_error (error, HARK_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, needle));
  /* A sentence: capital letter first, full stop last. */
  g_assert_true (g_ascii_isupper (error->message[0]) || error->message[0] == '\xe2');
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (info);
  g_assert_error (probe_error, HARK_ERROR, (int) code);
}

static void
test_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "nothing-here.mp3", NULL);

  assert_open_fails (path, HARK_ERROR_NOT_FOUND, "nothing-here.mp3");
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "empty.mp3", "", 0);

  assert_open_fails (path, HARK_ERROR_CORRUPT, "is empty");
}

static void
test_text_named_mp3 (Fixture *f, gconstpointer data)
{
  static const char text[] = "WEBVTT\n\n00:00.000 --> 00:01.000\nThis is not audio at all.\n";
  g_autofree char *path = write_file (f, "notes.mp3", text, sizeof text - 1);

  assert_open_fails (path, HARK_ERROR_UNSUPPORTED, "not an audio file");
}

/* A few bytes of text: FFmpeg's MP3 probe answers EINVAL here rather than INVALIDDATA. */
static void
test_tiny_text_named_mp3 (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "tiny.mp3", "hello\n", 6);

  assert_open_fails (path, HARK_ERROR_UNSUPPORTED, "not an audio file");
}

static void
test_folder (Fixture *f, gconstpointer data)
{
  assert_open_fails (f->dir, HARK_ERROR_UNSUPPORTED, "is a folder");
}

static float *
decode_all (const char *path, gsize *n_frames)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDecoder) decoder = hark_decoder_open (path, HARK_OUTPUT_RATE,
                                                       HARK_OUTPUT_CHANNELS, &error);

  g_assert_no_error (error);
  return audio_test_decode_rest (decoder, n_frames);
}

/* A file cut short plays what is there, and seeks past its end just end. */
static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = hark_test_fixture (data);
  g_autofree char *contents = NULL, *path = NULL, *name = NULL;
  g_autofree float *samples = NULL;
  g_autoptr (HarkDecoder) decoder = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0, n = 0;
  float buffer[1024 * HARK_OUTPUT_CHANNELS];
  HarkDecoderChunk chunk;

  if (fixture == NULL)
    return;
  g_file_get_contents (fixture, &contents, &len, &error);
  g_assert_no_error (error);
  name = g_path_get_basename (fixture);
  path = write_file (f, name, contents, len / 3);
  samples = decode_all (path, &n);
  /* About a third of the 242 s excerpt. */
  g_assert_cmpfloat ((double) n / HARK_OUTPUT_RATE, >, 60);
  g_assert_cmpfloat ((double) n / HARK_OUTPUT_RATE, <, 120);

  decoder = hark_decoder_open (path, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, &error);
  g_assert_no_error (error);
  g_assert_true (hark_decoder_seek (decoder, 200, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hark_decoder_read (decoder, buffer, 1024, &chunk, &error), >=, 0);
  g_assert_no_error (error);
}

/* Random bytes over 16 KiB in the middle: decoding goes through the damage to the end. */
static void
test_corrupt_middle (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = hark_test_fixture (data);
  g_autofree char *contents = NULL, *path = NULL, *name = NULL;
  g_autofree float *clean = NULL, *damaged = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GError) error = NULL;
  gsize len = 0, n_clean = 0, n_damaged = 0;

  if (fixture == NULL)
    return;
  g_file_get_contents (fixture, &contents, &len, &error);
  g_assert_no_error (error);
  clean = decode_all (fixture, &n_clean);
  for (gsize i = len / 2; i < len / 2 + 16384; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  name = g_path_get_basename (fixture);
  path = write_file (f, name, contents, len);
  damaged = decode_all (path, &n_damaged);

  /* No more lost than the damaged bytes held (plus a second for the packets or pages cut at
   * its edges), and the end still plays. */
  g_assert_cmpfloat (fabs ((double) n_damaged - n_clean) / n_clean, <,
                     16384.0 / len + 1.0 * HARK_OUTPUT_RATE / n_clean);
  g_assert_cmpfloat (audio_test_snr (damaged + (n_damaged - HARK_OUTPUT_RATE)
                                                   * HARK_OUTPUT_CHANNELS,
                                     clean + (n_clean - HARK_OUTPUT_RATE) * HARK_OUTPUT_CHANNELS,
                                     HARK_OUTPUT_RATE / 2),
                     >, 20);
}

static void
test_probe_json (void)
{
  g_autofree char *path = hark_test_fixture ("ep189/excerpt-linode.opus");
  const char *argv[] = { "probe", NULL, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *tags;

  if (path == NULL)
    return;
  argv[1] = path;
  g_assert_cmpint (audio_test_run_cli (argv, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (fabs (json_object_get_double_member (root, "duration") - 241.96), <, 0.01);
  g_assert_cmpstr (json_object_get_string_member (root, "codec"), ==, "opus");
  g_assert_cmpint (json_object_get_int_member (root, "sample_rate"), ==, 48000);
  g_assert_cmpint (json_object_get_int_member (root, "channels"), ==, 1);
  tags = json_object_get_object_member (root, "tags");
  g_assert_nonnull (tags);
  g_assert_true (json_object_has_member (tags, "title"));
}

static void
test_cli_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.opus", NULL);
  g_autofree char *out_wav = g_build_filename (f->dir, "out.wav", NULL);
  const struct
  {
    const char *argv[10];
    int status;
    const char *needle;
  } cases[] = {
    { { "probe", NULL }, 2, "exactly one FILE" },
    { { "probe", "--bogus", "x", NULL }, 2, "bogus" },
    { { "probe", missing, NULL }, 1, "missing.opus" },
    { { "render", missing, NULL }, 2, "-o OUT.wav" },
    { { "render", missing, "-o", out_wav, "--speed", "4", NULL }, 2, "--speed" },
    { { "render", missing, "-o", out_wav, "--start", "1:99", NULL }, 2, "--start" },
    { { "render", missing, "-o", out_wav, "--skip", "20", NULL }, 2, "--skip" },
    { { "render", missing, "-o", out_wav, "--skip", "30-20", NULL }, 2, "--skip" },
    { { "render", missing, "-o", out_wav, "--start", "10", "--end", "5", NULL }, 2, "--end" },
    { { "render", missing, "-o", out_wav, NULL }, 1, "missing.opus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = audio_test_run_cli (cases[i].argv, NULL, &err);

      if (status != cases[i].status || strstr (err, cases[i].needle) == NULL)
        g_error ("case %u: exit %d, stderr “%s”", i, status, err);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data)                                                                  \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/decoder-errors/missing", test_missing, NULL);
  ADD ("/decoder-errors/empty", test_empty, NULL);
  ADD ("/decoder-errors/text-named-mp3", test_text_named_mp3, NULL);
  ADD ("/decoder-errors/tiny-text-named-mp3", test_tiny_text_named_mp3, NULL);
  ADD ("/decoder-errors/folder", test_folder, NULL);
  ADD ("/decoder-errors/truncated/mp3", test_truncated, "ep189/excerpt-linode.mp3");
  ADD ("/decoder-errors/truncated/m4a", test_truncated, "ep189/excerpt-linode.m4a");
  ADD ("/decoder-errors/truncated/opus", test_truncated, "ep189/excerpt-linode.opus");
  ADD ("/decoder-errors/corrupt-middle/mp3", test_corrupt_middle, "ep189/excerpt-linode.mp3");
  ADD ("/decoder-errors/corrupt-middle/ogg", test_corrupt_middle, "ep189/excerpt-linode.ogg");
  ADD ("/decoder-errors/cli-usage", test_cli_errors, NULL);
#undef ADD
  g_test_add_func ("/decoder-errors/probe-json", test_probe_json);
  return g_test_run ();
}
