/* hark-sponsorblock-reader.c — SponsorBlock segments
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What SponsorBlock's API returns for a video: [{"segment": [start, end], "category": "sponsor",
 * "actionType": "skip", "votes": 3, "videoDuration": 3551.6}]. "skip" and "mute" ranges become
 * skip segments; "chapter" entries become chapters; "full" (the whole video is an ad) and "poi"
 * (a highlight) are not ranges to skip.
 */
#include "formats/hark-sidecar-json.h"
#include "util/hark-i18n.h"

#include <string.h>

/* Reads "segment": [start, end]. */
static gboolean
read_range (JsonObject *entry, double *start, double *end)
{
  JsonNode *node = json_object_get_member (entry, "segment");
  JsonArray *range;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  range = json_node_get_array (node);
  return json_array_get_length (range) == 2
         && hark_json_node_get_time (json_array_get_element (range, 0), 1.0, start) == HARK_JSON_OK
         && hark_json_node_get_time (json_array_get_element (range, 1), 1.0, end) == HARK_JSON_OK
         && *end >= *start;
}

gboolean
hark_sponsorblock_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error)
{
  JsonArray *entries = hark_json_get_items (
      doc, context, "segments",
      "SponsorBlock segments: an array of objects with “segment” and “category”", error);
  JsonObject *last_object = NULL;
  guint used = 0;

  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = hark_json_get_item (doc, context, entries, i, &last_object, "entry");
      const char *category_name, *action;
      HarkCategory category;
      double start, end, duration;
      JsonNode *votes;
      g_autofree char *evidence = NULL;

      if (entry == NULL)
        continue;
      action = hark_json_get_string (entry, "actionType");
      if (action == NULL)
        action = "skip";
      if (strcmp (action, "full") == 0 || strcmp (action, "poi") == 0)
        {
          used++; /* understood, but not a range anyone skips */
          continue;
        }
      if (!read_range (entry, &start, &end))
        {
          hark_json_warn (context, doc, entry,
                          _("Expected “segment” as [start, end] in seconds; skipped this entry."));
          continue;
        }
      if (hark_json_get_time (entry, "videoDuration", 1.0, &duration) == HARK_JSON_OK
          && duration > 0)
        hark_transcript_builder_set_media_duration (builder, duration);

      if (strcmp (action, "chapter") == 0)
        {
          const char *title = hark_json_get_string (entry, "description");

          hark_transcript_builder_add_chapter (builder, start, end, title ? title : "", NULL, TRUE);
          context->kind |= HARK_SIDECAR_KIND_CHAPTERS;
          used++;
          continue;
        }
      if (strcmp (action, "skip") != 0 && strcmp (action, "mute") != 0)
        {
          hark_json_warn (context, doc, entry,
                          _("Expected “actionType” “skip” or “mute”, found “%s”; skipped this entry."),
                          action);
          continue;
        }
      category_name = hark_json_get_string (entry, "category");
      if (!hark_category_from_string (category_name, &category))
        {
          hark_json_warn (context, doc, entry,
                          _("Expected a SponsorBlock “category” (sponsor, selfpromo, interaction, "
                            "intro, outro, preview, filler, music_offtopic), found “%s”; skipped "
                            "this entry."),
                          category_name ? category_name : "nothing");
          continue;
        }
      votes = json_object_get_member (entry, "votes");
      if (votes && JSON_NODE_HOLDS_VALUE (votes)
          && json_node_get_value_type (votes) == G_TYPE_INT64)
        evidence = g_strdup_printf ("Submitted to SponsorBlock (%" G_GINT64_FORMAT " votes).",
                                    json_node_get_int (votes));
      hark_transcript_builder_add_segment (builder, start, end, category, "sponsorblock", evidence);
      context->kind |= HARK_SIDECAR_KIND_SKIPS;
      used++;
    }
  return hark_json_check_used (doc, context, entries, used, "SponsorBlock segments", error);
}
