/* hark-hark-reader.c — Hark's own sidecar, episode.hark.json
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Podcasting 2.0 transcript ("segments", readable by other apps; their "speaker" is a display
 * name) plus a "hark" object: {"format": 1, "source", "media": {"duration", "file"},
 * "speakers": [{"id", "name"}], "turns": [{"speaker" (an id), "start", "end", "text",
 * "evidence"}], "chapters": [...], "skips": [{"start", "end", "category", "source",
 * "evidence"}]}. Every key of "hark" is optional; docs/sidecar.md describes the format.
 */
#include <math.h>
#include "util/hark-i18n.h"

#include "formats/hark-sidecar-json.h"

#include "text/hark-text-utils.h"

/* The newest "format" this reader knows. */
#define HARK_SIDECAR_FORMAT_VERSION 1

/* Speaker indices by id and by display name. */
typedef struct
{
  GHashTable *by_id;
  GHashTable *by_name;
} Speakers;

static JsonArray *
get_array (HarkJsonDoc *doc, HarkSidecarContext *context, JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      hark_json_warn (context, doc, object, _("Expected “%s” to be an array; ignored it."), member);
      return NULL;
    }
  return json_node_get_array (node);
}

static void
read_speakers (HarkJsonDoc *doc, JsonArray *items, HarkTranscriptBuilder *builder,
               HarkSidecarContext *context, Speakers *speakers)
{
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *object;
      const char *id, *name;
      int index;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      id = hark_json_get_string (object, "id");
      name = hark_json_get_string (object, "name");
      if ((id == NULL || *id == '\0') && (name == NULL || *name == '\0'))
        {
          hark_json_warn (context, doc, object,
                          _("Expected a speaker “id” or “name”; skipped this speaker."));
          continue;
        }
      index = hark_transcript_builder_add_speaker (builder, id, name);
      g_hash_table_insert (speakers->by_id, g_strdup (id && *id ? id : name),
                           GINT_TO_POINTER (index));
      g_hash_table_insert (speakers->by_name, g_strdup (name && *name ? name : id),
                           GINT_TO_POINTER (index));
      context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
    }
}

static int
turn_speaker (HarkTranscriptBuilder *builder, Speakers *speakers, const char *key)
{
  gpointer index;

  if (key == NULL || *key == '\0')
    return -1;
  if (g_hash_table_lookup_extended (speakers->by_id, key, NULL, &index)
      || g_hash_table_lookup_extended (speakers->by_name, key, NULL, &index))
    return GPOINTER_TO_INT (index);
  index = GINT_TO_POINTER (hark_transcript_builder_add_speaker (builder, key, key));
  g_hash_table_insert (speakers->by_id, g_strdup (key), index);
  return GPOINTER_TO_INT (index);
}

static void
read_turns (HarkJsonDoc *doc, JsonArray *items, HarkTranscriptBuilder *builder,
            HarkSidecarContext *context, Speakers *speakers)
{
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *object;
      double start, end;
      const char *text;
      JsonNode *evidence_node;
      double evidence = 1.0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (hark_json_get_time (object, "start", 1.0, &start) != HARK_JSON_OK)
        {
          hark_json_warn (context, doc, object,
                          _("Expected the turn's “start” as a number of seconds; skipped this "
                            "turn."));
          continue;
        }
      if (hark_json_get_time (object, "end", 1.0, &end) != HARK_JSON_OK || end < start)
        {
          hark_json_warn (context, doc, object,
                          _("Expected the turn's “end” as a number of seconds after its start; "
                            "the turn is kept as an instant."));
          end = start;
        }
      text = hark_json_get_string (object, "text");
      evidence_node = json_object_get_member (object, "evidence");
      if (evidence_node && JSON_NODE_HOLDS_VALUE (evidence_node)
          && (json_node_get_value_type (evidence_node) == G_TYPE_DOUBLE
              || json_node_get_value_type (evidence_node) == G_TYPE_INT64))
        evidence = json_node_get_double (evidence_node);
      /* A share: anything else (1e300, -5) is clamped rather than carried into the model. */
      evidence = isfinite (evidence) ? CLAMP (evidence, 0.0, 1.0) : 0.0;
      hark_transcript_builder_add_turn (
          builder, start, end, text ? text : "",
          turn_speaker (builder, speakers, hark_json_get_string (object, "speaker")),
          (float) evidence);
      context->kind |= HARK_SIDECAR_KIND_TIMED;
    }
}

static void
read_skips (HarkJsonDoc *doc, JsonArray *items, HarkTranscriptBuilder *builder,
            HarkSidecarContext *context)
{
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *object;
      double start, end;
      const char *category_name, *source;
      HarkCategory category;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (hark_json_get_time (object, "start", 1.0, &start) != HARK_JSON_OK
          || hark_json_get_time (object, "end", 1.0, &end) != HARK_JSON_OK || end < start)
        {
          hark_json_warn (context, doc, object,
                          _("Expected the skip's “start” and “end” as seconds, end after start; "
                            "skipped it."));
          continue;
        }
      category_name = hark_json_get_string (object, "category");
      if (!hark_category_from_string (category_name, &category))
        {
          hark_json_warn (context, doc, object,
                          _("Expected a skip “category” (sponsor, selfpromo, interaction, intro, "
                            "outro, preview, filler, music_offtopic), found “%s”; skipped it."),
                          category_name ? category_name : "nothing");
          continue;
        }
      source = hark_json_get_string (object, "source");
      hark_transcript_builder_add_segment (builder, start, end, category,
                                           source ? source : "hark.json",
                                           hark_json_get_string (object, "evidence"));
      context->kind |= HARK_SIDECAR_KIND_SKIPS;
    }
}

static void
read_hark_object (HarkJsonDoc *doc, JsonObject *hark, HarkTranscriptBuilder *builder,
                  HarkSidecarContext *context, Speakers *speakers)
{
  JsonNode *format = json_object_get_member (hark, "format");
  JsonNode *media = json_object_get_member (hark, "media");
  JsonArray *chapters;

  if (format && JSON_NODE_HOLDS_VALUE (format) && json_node_get_value_type (format) == G_TYPE_INT64
      && json_node_get_int (format) > HARK_SIDECAR_FORMAT_VERSION)
    hark_json_warn (context, doc, hark,
                    "Expected Hark sidecar format %d, found %" G_GINT64_FORMAT
                    " (made by a newer Hark); read what this version knows.",
                    HARK_SIDECAR_FORMAT_VERSION, json_node_get_int (format));

  if (hark_json_get_string (hark, "source"))
    hark_transcript_builder_set_source_note (builder, hark_json_get_string (hark, "source"));
  {
    JsonNode *generated = json_object_get_member (hark, "generated");

    if (generated && JSON_NODE_HOLDS_VALUE (generated)
        && json_node_get_value_type (generated) == G_TYPE_BOOLEAN)
      hark_transcript_builder_set_generated (builder, json_node_get_boolean (generated));
  }

  if (media && JSON_NODE_HOLDS_OBJECT (media))
    {
      JsonObject *media_object = json_node_get_object (media);
      double duration;

      switch (hark_json_get_time (media_object, "duration", 1.0, &duration))
        {
          case HARK_JSON_OK:
            hark_transcript_builder_set_media_duration (builder, duration);
            break;
          case HARK_JSON_INVALID:
            hark_json_warn (context, doc, media_object,
                            _("Expected the media “duration” as a number of seconds."));
            break;
          case HARK_JSON_ABSENT:
            break;
        }
    }

  read_speakers (doc, get_array (doc, context, hark, "speakers"), builder, context, speakers);
  read_turns (doc, get_array (doc, context, hark, "turns"), builder, context, speakers);
  read_skips (doc, get_array (doc, context, hark, "skips"), builder, context);
  chapters = get_array (doc, context, hark, "chapters");
  if (chapters)
    {
      g_autoptr (GError) error = NULL;

      /* Unusable chapters are no reason to lose the transcript. */
      if (!hark_chapters_read_array (doc, chapters, builder, context, &error) && context->warnings)
        g_ptr_array_add (context->warnings, g_strdup (error->message));
    }
}

gboolean
hark_hark_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                GError **error)
{
  JsonNode *root = hark_json_doc_get_root (doc);
  JsonObject *object;
  JsonNode *hark;
  JsonArray *segments;
  Speakers speakers;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      hark_json_set_error (error, context, doc, NULL,
                           _("Expected a Hark sidecar: an object with “segments” and “hark”."));
      return FALSE;
    }
  object = json_node_get_object (root);
  speakers.by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  speakers.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Speakers first, so the segments' display names find their ids. */
  hark = json_object_get_member (object, "hark");
  if (hark && JSON_NODE_HOLDS_OBJECT (hark))
    read_hark_object (doc, json_node_get_object (hark), builder, context, &speakers);
  else if (hark && !JSON_NODE_HOLDS_NULL (hark))
    hark_json_warn (context, doc, object, _("Expected “hark” to be an object; ignored it."));

  hark_p20_read_title (doc, builder);
  segments = get_array (doc, context, object, "segments");
  if (segments)
    ok = hark_p20_read_segments (doc, segments, builder, context, speakers.by_name, error);

  g_hash_table_unref (speakers.by_id);
  g_hash_table_unref (speakers.by_name);
  return ok;
}
