/* hark-cli-feed-load.c — a feed from a file or, later, from the network
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"

#include "util/hark-error.h"

HarkFeed *
hark_cli_feed_load (const char *file_or_url, const char *base_url, GError **error)
{
  const char *scheme = g_uri_peek_scheme (file_or_url);

  if (scheme != NULL && g_strcmp0 (scheme, "file") != 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   "%s: reading feeds over the network is not built in yet", file_or_url);
      return NULL;
    }
  if (scheme != NULL)
    {
      g_autofree char *path = g_filename_from_uri (file_or_url, NULL, error);
      return path ? hark_feed_parse_file (path, base_url, error) : NULL;
    }
  return hark_feed_parse_file (file_or_url, base_url, error);
}
