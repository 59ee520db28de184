/* hark-cli-feed.c — `hark-cli feed FILE|URL --format json`: a podcast feed as Hark reads it
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <stdio.h>
#include <string.h>

#include "feeds/hark-feed.h"

int
hark_cli_cmd_feed (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE|URL — read a podcast feed");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkFeed) feed = NULL;
  g_autofree char *format = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *json = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format (json)", "FORMAT" },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &base_url,
      "Resolve relative links in a FILE against this address", "URL" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Prints the show and its episodes as JSON: title, link, language, "
                                "image, new_feed_url, next_page, warnings and episodes with their "
                                "enclosure, transcripts, chapters and persons.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("feed", "%s", error->message);
  if (argc != 2)
    return hark_cli_usage_error ("feed", _("expected exactly one FILE or URL"));
  if (format != NULL && strcmp (format, "json") != 0)
    return hark_cli_usage_error ("feed", _("unknown format “%s” (json is the only one)"), format);

  feed = hark_cli_feed_load (argv[1], base_url, &error);
  if (feed == NULL)
    return hark_cli_fail (error);
  json = hark_feed_to_json (feed, TRUE);
  printf ("%s\n", json);
  return HARK_CLI_EXIT_OK;
}
