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
#include "util/hark-error.h"

#define SIZE (300 * 1024)

static char *audio;

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  make_audio ();
  g_test_add_func ("/download/plain", test_plain);
  g_test_add_func ("/download/resume", test_resume);
  g_test_add_func ("/download/restart", test_restart);
  g_test_add_func ("/download/dropped-then-resumed", test_dropped_then_resumed);
  g_test_add_func ("/download/html-error-page", test_html_error_page);
  g_test_add_func ("/download/no-space", test_no_space);
  g_test_add_func ("/download/cancel-keeps-part", test_cancel_keeps_part);
  return g_test_run ();
}
