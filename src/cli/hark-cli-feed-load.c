/* hark-cli-feed-load.c — a feed from a file or an http(s) URL
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"

#include "net/hark-http.h"
#include "util/hark-error.h"

HarkFeed *
hark_cli_feed_load (const char *file_or_url, const char *base_url, GError **error)
{
  const char *scheme = g_uri_peek_scheme (file_or_url);

  if (scheme != NULL && g_strcmp0 (scheme, "file") != 0)
    {
      g_autoptr (HarkHttp) http = hark_http_new (NULL);
      g_autoptr (HarkHttpResponse) response = hark_http_get_sync (http, file_or_url, NULL, NULL,
                                                                  NULL, error);
      gsize length;
      const char *data;

      if (response == NULL)
        return NULL;
      data = g_bytes_get_data (response->body, &length);
      /* Relative links resolve against where the feed really came from. */
      return hark_feed_parse (data, length, file_or_url, base_url ? base_url : response->url,
                              error);
    }
  if (scheme != NULL)
    {
      g_autofree char *path = g_filename_from_uri (file_or_url, NULL, error);
      return path ? hark_feed_parse_file (path, base_url, error) : NULL;
    }
  return hark_feed_parse_file (file_or_url, base_url, error);
}
