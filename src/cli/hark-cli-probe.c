/* hark-cli-probe.c — `hark-cli probe FILE`: what an audio file is, as JSON
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "audio/hark-media-info.h"

int
hark_cli_cmd_probe (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE — describe an audio file");
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkMediaInfo) info = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_option_context_set_summary (context,
                                "Prints duration (seconds), codec, container, sample_rate, "
                                "channels, bit_rate and tags as one JSON object.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return hark_cli_usage_error ("probe", "%s", error->message);
  if (argc != 2)
    return hark_cli_usage_error ("probe", _("expected exactly one FILE"));

  info = hark_media_info_probe (argv[1], &error);
  if (info == NULL)
    return hark_cli_fail (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, argv[1]);
  json_builder_set_member_name (builder, "duration");
  json_builder_add_double_value (builder, info->duration);
  json_builder_set_member_name (builder, "codec");
  json_builder_add_string_value (builder, info->codec);
  json_builder_set_member_name (builder, "container");
  json_builder_add_string_value (builder, info->container);
  json_builder_set_member_name (builder, "sample_rate");
  json_builder_add_int_value (builder, info->sample_rate);
  json_builder_set_member_name (builder, "channels");
  json_builder_add_int_value (builder, info->channels);
  json_builder_set_member_name (builder, "bit_rate");
  json_builder_add_int_value (builder, info->bit_rate);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_object (builder);
  for (guint i = 0; info->tag_keys[i]; i++)
    {
      json_builder_set_member_name (builder, info->tag_keys[i]);
      json_builder_add_string_value (builder, info->tag_values[i]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  return HARK_CLI_EXIT_OK;
}
