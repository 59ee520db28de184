/* test-download.c — downloads to .part files, resumed, restarted, refused
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "hark-test-util.h"
#include "net/hark-http.h"
#include "test-server.h"
#include "util/hark-byte-ranges.h"
#include "util/hark-error.h"

#define SIZE (300 * 1024)

static char *audio;
static char *last_warning;

/* Warnings the code under test is expected to give are kept for the test to check, not fatal
 * (structured logging passes by g_test_expect_message()). */
static GLogWriterOutput
log_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0
          && g_str_has_prefix (fields[i].value, "Ignoring the map of downloaded ranges"))
        {
          g_free (last_warning);
          last_warning = g_strdup (fields[i].value);
          return G_LOG_WRITER_HANDLED;
        }
  if (level & G_LOG_LEVEL_WARNING)
    {
      /* Any other warning stays fatal. */
      g_log_writer_default (level, fields, n_fields, data);
      g_abort ();
    }
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
make_audio (void)
{
  audio = g_malloc (SIZE);
  for (guint i = 0; i < SIZE; i++)
    audio[i] = (char) (i * 7 + i / 251);
}

typedef struct
{
  guint calls;
  HarkDownloadProgress last;
} Progress;

static void
on_progress (const HarkDownloadProgress *progress, gpointer data)
{
  Progress *p = data;
  p->calls++;
  g_assert_cmpuint (progress->bytes, >=, p->last.bytes);
  p->last = *progress;
}

static void
assert_file_is_audio (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *part = g_strconcat (path, ".part", NULL);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, audio, SIZE);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

static char *
target (const char *name)
{
  g_autofree char *dir = hark_test_make_tmpdir ("download");
  return g_build_filename (dir, name, NULL);
}

static void
write_part (const char *path, gsize bytes)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_assert_true (g_file_set_contents (part, audio, bytes, NULL));
}

static void
test_plain (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/ep.mp3");
  g_autofree char *path = target ("ep.mp3");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDownloadResult) result = NULL;
  Progress progress = { 0 };

  test_server_add_file (server, "/ep.mp3", "audio/mpeg", audio, SIZE, "\"a1\"", TEST_RANGE_HONOUR);
  result = hark_http_download_sync (http, url, path, NULL, on_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  assert_file_is_audio (path);
  g_assert_cmpuint (result->bytes, ==, SIZE);
  g_assert_cmpstr (result->etag, ==, "\"a1\"");
  g_assert_false (result->resumed);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpuint (progress.last.bytes, ==, SIZE);
  g_assert_cmpuint (progress.last.total, ==, SIZE);
}

static void
test_resume (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/ep.mp3");
  g_autofree char *path = target ("ep.mp3");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDownloadResult) result = NULL;

  test_server_add_file (server, "/ep.mp3", "audio/mpeg", audio, SIZE, "\"a1\"", TEST_RANGE_HONOUR);
  write_part (path, 100000);
  result = hark_http_download_sync (http, url, path, "\"a1\"", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_file_is_audio (path);
  g_assert_true (result->resumed);
  g_assert_false (result->restarted);
  g_assert_cmpstr (test_server_request_header (server, "/ep.mp3", "Range"), ==, "bytes=100000-");
  g_assert_cmpstr (test_server_request_header (server, "/ep.mp3", "If-Range"), ==, "\"a1\"");
}

/* The file changed on the server (If-Range fails), the server ignores Range, or it answers a
 * range from the wrong offset: each starts over and ends with the right bytes. */
static void
test_restart (void)
{
  static const struct
  {
    TestRangeMode mode;
    const char *etag;
  } cases[] = {
    { TEST_RANGE_HONOUR, "\"old\"" },
    { TEST_RANGE_IGNORE, "\"a1\"" },
    { TEST_RANGE_WRONG_OFFSET, "\"a1\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (TestServer) server = test_server_new ();
      g_autoptr (HarkHttp) http = hark_http_new (NULL);
      g_autofree char *url = test_server_url (server, "/ep.mp3");
      g_autofree char *path = target ("ep.mp3");
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkDownloadResult) result = NULL;
      g_autofree char *wrong = g_malloc0 (5000);

      test_server_add_file (server, "/ep.mp3", "audio/mpeg", audio, SIZE, "\"a1\"", cases[i].mode);
      {
        g_autofree char *part = g_strconcat (path, ".part", NULL);
        g_assert_true (g_file_set_contents (part, wrong, 5000, NULL));
      }
      result = hark_http_download_sync (http, url, path, cases[i].etag, NULL, NULL, NULL, &error);
      g_test_message ("case %u", i);
      g_assert_no_error (error);
      assert_file_is_audio (path);
      g_assert_true (result->restarted);
    }
}

static void
test_dropped_then_resumed (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *dropping = test_server_url (server, "/drop");
  g_autofree char *url = test_server_url (server, "/ep.mp3");
  g_autofree char *path = target ("ep.mp3");
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDownloadResult) result = NULL;
  GStatBuf st;

  test_server_add_dropping (server, "/drop", SIZE, 1000);
  test_server_add_file (server, "/ep.mp3", "audio/mpeg", audio, SIZE, "\"a1\"", TEST_RANGE_HONOUR);
  g_assert_null (hark_http_download_sync (http, dropping, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "broke off"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (part, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 1000);
  g_clear_error (&error);
  /* The dropping server wrote 'x's; make the part hold the real first bytes, as a resume of
   * the same file would. */
  write_part (path, 1000);
  result = hark_http_download_sync (http, url, path, "\"a1\"", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->resumed);
  assert_file_is_audio (path);
}

static void
test_html_error_page (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *typed = test_server_url (server, "/typed.mp3");
  g_autofree char *sniffed = test_server_url (server, "/sniffed.mp3");
  g_autofree char *path = target ("ep.mp3");
  const char *page = "<!DOCTYPE html><html><head><title>Error</title></head><body>Quota</body></html>";

  test_server_add_body (server, "/typed.mp3", 200, "text/html", page, -1);
  test_server_add_body (server, "/sniffed.mp3", 200, "audio/mpeg", page, -1);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *part = g_strconcat (path, ".part", NULL);
      g_assert_null (hark_http_download_sync (http, i ? sniffed : typed, path, NULL, NULL, NULL,
                                              NULL, &error));
      g_assert_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "web page"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
    }
}

static void
test_no_space (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/enormous.mp3");
  g_autofree char *path = target ("ep.mp3");
  g_autoptr (GError) error = NULL;

  /* Announces a petabyte and sends a little. */
  test_server_add_dropping (server, "/enormous.mp3", (gsize) 1 << 50, 100);
  g_assert_null (hark_http_download_sync (http, url, path, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not enough free space"));
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_keeps_part (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = test_server_url (server, "/slow");
  g_autofree char *path = target ("ep.mp3");
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autoptr (GError) error = NULL;

  test_server_add_stalling (server, "/slow", 3000);
  g_timeout_add (300, cancel_later, cancellable);
  g_assert_null (hark_http_download_sync (http, url, path, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A .part with holes and its map (each range holding the right bytes): a plain download
 * fetches only the holes, each up to the next range, and leaves the whole file, map gone. */
static void
test_fills_holes (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = hark_http_new (NULL);
  g_autofree char *url = test_server_url (server, "/ep.mp3");
  g_autofree char *path = target ("ep.mp3");
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *map = g_strconcat (path, ".part.ranges", NULL);
  g_autofree char *etag = g_strconcat (part, ".etag", NULL);
  g_autofree char *map_text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkDownloadResult) result = NULL;
  FILE *f;

  test_server_add_file (server, "/ep.mp3", "audio/mpeg", audio, SIZE, "\"a1\"", TEST_RANGE_HONOUR);
  f = g_fopen (part, "wb");
  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (audio, 1, 50000, f), ==, 50000);
  g_assert_cmpint (fseek (f, 200000, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (audio + 200000, 1, 20000, f), ==, 20000);
  fclose (f);
  map_text = g_strdup_printf ("hark-ranges 1\ntotal %d\n0-50000\n200000-220000\n", SIZE);
  g_assert_true (g_file_set_contents (map, map_text, -1, NULL));
  g_assert_true (g_file_set_contents (etag, "\"a1\"", -1, NULL));
  result = hark_http_download_sync (http, url, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_file_is_audio (path);
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (server->ranges->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (server->ranges, 0), ==, "bytes=50000-199999");
  g_assert_cmpstr (g_ptr_array_index (server->ranges, 1), ==, "bytes=220000-");
}

/* A map that cannot be right (garbage, overlapping or unsorted ranges, past the file's end or
 * past the .part, too big) is ignored with a warning: the download starts over and ends with
 * the right bytes. */
static void
test_hostile_map (void)
{
  g_autofree char *huge = NULL;
  const char *maps[] = {
    "garbage\n",
    "hark-ranges 1\ntotal 307200\n0-50000\n40000-60000\n",
    "hark-ranges 1\ntotal 307200\n100000-120000\n0-50000\n",
    "hark-ranges 1\ntotal 307200\n0-50000\n300000-400000\n",
    "hark-ranges 1\ntotal 307200\n0-50000\n250000-260000\n", /* past the .part */
    "hark-ranges 1\ntotal 0\n",
    "hark-ranges 1\ntotal 99999999999999999999\n0-5\n",
    "hark-ranges 1\ntotal 307200\n0-50000\n60000-50001\n",
    "hark-ranges 1\ntotal 307200\n-5-10\n",
    "hark-ranges 2\ntotal 307200\n0-50000\n",
    "hark-ranges 1\ntotal 307200\n0-50000\n\0\n",
    NULL, /* larger than the cap */
  };

  huge = g_strnfill (HARK_BYTE_RANGES_MAX_TEXT + 10, '7');
  maps[G_N_ELEMENTS (maps) - 1] = huge;
  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autoptr (TestServer) server = test_server_new ();
      g_autoptr (HarkHttp) http = hark_http_new (NULL);
      g_autofree char *url = test_server_url (server, "/ep.mp3");
      g_autofree char *path = target ("ep.mp3");
      g_autofree char *map = g_strconcat (path, ".part.ranges", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkDownloadResult) result = NULL;
      gsize length = strlen (maps[i]) + (i == 10 ? 2 : 0); /* the NUL and what follows it */

      test_server_add_file (server, "/ep.mp3", "audio/mpeg", audio, SIZE, "\"a1\"",
                            TEST_RANGE_HONOUR);
      /* Wrong bytes at the start: a download believing the map would keep them. */
      write_part (path, 100000);
      {
        g_autofree char *part = g_strconcat (path, ".part", NULL);
        g_autofree char *wrong = g_strnfill (100000, 'x');
        g_assert_true (g_file_set_contents (part, wrong, 100000, NULL));
      }
      g_assert_true (g_file_set_contents (map, maps[i], (gssize) length, NULL));
      g_clear_pointer (&last_warning, g_free);
      result = hark_http_download_sync (http, url, path, "\"a1\"", NULL, NULL, NULL, &error);
      g_assert_nonnull (last_warning);
      g_assert_true (g_str_has_prefix (last_warning, "Ignoring the map of downloaded ranges"));
      g_assert_no_error (error);
      assert_file_is_audio (path);
      g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
      g_assert_cmpstr (g_ptr_array_index (server->ranges, 0), ==, "");
    }
}

int
main (int argc, char **argv)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  make_audio ();
  g_test_add_func ("/download/plain", test_plain);
  g_test_add_func ("/download/resume", test_resume);
  g_test_add_func ("/download/restart", test_restart);
  g_test_add_func ("/download/dropped-then-resumed", test_dropped_then_resumed);
  g_test_add_func ("/download/html-error-page", test_html_error_page);
  g_test_add_func ("/download/no-space", test_no_space);
  g_test_add_func ("/download/cancel-keeps-part", test_cancel_keeps_part);
  g_test_add_func ("/download/fills-holes", test_fills_holes);
  g_test_add_func ("/download/hostile-map", test_hostile_map);
  return g_test_run ();
}
