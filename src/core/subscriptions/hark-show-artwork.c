/* hark-show-artwork.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "subscriptions/hark-show-artwork.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "util/hark-error.h"

char *
hark_show_artwork_cache_path (const char *url, const char *cache_dir)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *dir = cache_dir ? g_strdup (cache_dir)
                                   : g_build_filename (g_get_user_cache_dir (), "hark",
                                                       "artwork", NULL);
  return g_build_filename (dir, digest, NULL);
}

/* By content, not by the Content-Type a server claims. */
static gboolean
is_image (const guint8 *data, gsize length)
{
  return (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
         || (length >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
         || (length >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
         || (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0);
}

static void
on_fetched (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  HarkHttp *http = g_object_get_data (G_OBJECT (task), "http");
  const char *path = g_task_get_task_data (task);
  const char *url = g_object_get_data (G_OBJECT (task), "url");
  g_autoptr (HarkHttpResponse) response = NULL;
  g_autofree char *dir = NULL;
  GError *error = NULL;
  const guint8 *bytes;
  gsize length = 0;

  response = hark_http_get_finish (http, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  bytes = g_bytes_get_data (response->body, &length);
  if (length > HARK_SHOW_ARTWORK_MAX_BYTES || !is_image (bytes, length))
    {
      g_task_return_new_error (task, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                               _("%s: not an image Hark can show (PNG, JPEG, GIF or WebP up to "
                                 "8 MB)"),
                               url);
      return;
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0
      || !g_file_set_contents (path, (const char *) bytes, length, &error))
    {
      if (error == NULL)
        error = g_error_new (HARK_ERROR, HARK_ERROR_IO, _("Could not create the folder %s"), dir);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_strdup (path), g_free);
}

void
hark_show_artwork_fetch_async (HarkHttp *http, const char *url, const char *cache_dir,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  char *path = hark_show_artwork_cache_path (url, cache_dir);

  g_task_set_source_tag (task, hark_show_artwork_fetch_async);
  g_task_set_task_data (task, path, g_free);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_pointer (task, g_strdup (path), g_free);
      g_object_unref (task);
      return;
    }
  g_object_set_data (G_OBJECT (task), "http", http);
  g_object_set_data_full (G_OBJECT (task), "url", g_strdup (url), g_free);
  hark_http_get_async (http, url, NULL, NULL, cancellable, on_fetched, task);
}

char *
hark_show_artwork_fetch_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
