/* hark-feed-json.c — a parsed feed as the JSON `hark-cli feed --format json` prints
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its own file so that a program that only parses feeds does not load json-glib.
 */
#include "feeds/hark-feed-private.h"

#include <json-glib/json-glib.h>

static void
add_string_or_null (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_persons (JsonBuilder *builder, GPtrArray *persons)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < persons->len; i++)
    {
      const HarkFeedPerson *person = g_ptr_array_index (persons, i);
      json_builder_begin_object (builder);
      add_string_or_null (builder, "name", person->name);
      add_string_or_null (builder, "role", person->role);
      add_string_or_null (builder, "group", person->group);
      add_string_or_null (builder, "img", person->img);
      add_string_or_null (builder, "href", person->href);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_episode (JsonBuilder *builder, const HarkFeedEpisode *episode)
{
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", episode->id);
  add_string_or_null (builder, "guid", episode->guid);
  add_string_or_null (builder, "title", episode->title);
  json_builder_set_member_name (builder, "published");
  if (episode->has_published)
    {
      g_autofree char *date = hark_feed_format_date (episode->published);
      json_builder_add_string_value (builder, date);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "duration");
  if (episode->duration >= 0)
    json_builder_add_double_value (builder, episode->duration);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "enclosure");
  if (episode->enclosure_url)
    {
      json_builder_begin_object (builder);
      add_string_or_null (builder, "url", episode->enclosure_url);
      add_string_or_null (builder, "type", episode->enclosure_type);
      json_builder_set_member_name (builder, "length");
      if (episode->enclosure_length > 0)
        json_builder_add_int_value (builder, episode->enclosure_length);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_string_or_null (builder, "image", episode->image);
  json_builder_set_member_name (builder, "transcripts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < episode->transcripts->len; i++)
    {
      const HarkFeedTranscript *t = g_ptr_array_index (episode->transcripts, i);
      json_builder_begin_object (builder);
      add_string_or_null (builder, "url", t->url);
      add_string_or_null (builder, "type", t->type);
      add_string_or_null (builder, "language", t->language);
      add_string_or_null (builder, "rel", t->rel);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "chapters");
  if (episode->chapters_url)
    {
      json_builder_begin_object (builder);
      add_string_or_null (builder, "url", episode->chapters_url);
      add_string_or_null (builder, "type", episode->chapters_type);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "persons");
  add_persons (builder, episode->persons);
  json_builder_end_object (builder);
}

char *
hark_feed_to_json (const HarkFeed *feed, gboolean pretty)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_or_null (builder, "title", feed->title);
  add_string_or_null (builder, "link", feed->link);
  add_string_or_null (builder, "language", feed->language);
  add_string_or_null (builder, "image", feed->image);
  add_string_or_null (builder, "new_feed_url", feed->new_feed_url);
  add_string_or_null (builder, "next_page", feed->next_page);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < feed->warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (feed->warnings, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "episodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < feed->episodes->len; i++)
    add_episode (builder, g_ptr_array_index (feed->episodes, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}
