/* hark-p20-chapters-reader.c — Podcasting 2.0 JSON chapters
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"version": "1.2.0", "chapters": [{"startTime", "endTime", "title", "url", "toc"}]}. Chapters
 * may come unsorted and usually without "endTime" (the model then ends each at the next one);
 * "toc": false hides a chapter from the table of contents without making it anything else.
 */
#include "formats/hark-sidecar-json.h"
#include "util/hark-i18n.h"

gboolean
hark_chapters_read_array (HarkJsonDoc *doc, JsonArray *items, HarkTranscriptBuilder *builder,
                          HarkSidecarContext *context, GError **error)
{
  static const char *const start_keys[] = { "startTime", "start", "startTimeMs", NULL };
  static const char *const end_keys[] = { "endTime", "end", "endTimeMs", NULL };
  static const char *const scale_keys[] = { "startTime", "endTime", NULL };
  double scale = hark_json_guess_time_scale (items, scale_keys);
  JsonObject *last_object = NULL;
  guint added = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object;
      const char *title, *key;
      double start, end = -1;
      gboolean toc = TRUE;
      JsonNode *toc_node;

      object = hark_json_get_item (doc, context, items, i, &last_object, "chapter");
      if (object == NULL)
        continue;
      if (hark_json_get_time_any (object, start_keys, scale, &start, &key) != HARK_JSON_OK)
        {
          hark_json_warn (context, doc, object,
                          _("Expected “%s” as a number of seconds; skipped this chapter."), key);
          continue;
        }
      switch (hark_json_get_time_any (object, end_keys, scale, &end, &key))
        {
          case HARK_JSON_OK:
            if (end < start)
              {
                hark_json_warn (context, doc, object,
                                _("Expected “%s” after the start; the chapter runs to the next one."),
                                key);
                end = -1;
              }
            break;
          case HARK_JSON_INVALID:
            hark_json_warn (context, doc, object,
                            _("Expected “%s” as a number of seconds; the chapter runs to the next "
                              "one."),
                            key);
            end = -1;
            break;
          case HARK_JSON_ABSENT:
            end = -1;
            break;
        }
      title = hark_json_get_string (object, "title");
      if (title == NULL)
        {
          hark_json_warn (context, doc, object, _("Expected a “title” for this chapter."));
          title = "";
        }
      toc_node = json_object_get_member (object, "toc");
      if (toc_node && JSON_NODE_HOLDS_VALUE (toc_node)
          && json_node_get_value_type (toc_node) == G_TYPE_BOOLEAN)
        toc = json_node_get_boolean (toc_node);
      else if (toc_node && !JSON_NODE_HOLDS_NULL (toc_node))
        hark_json_warn (context, doc, object, _("Expected “toc” to be true or false."));

      hark_transcript_builder_add_chapter (builder, start, end, title,
                                           hark_json_get_string (object, "url"), toc);
      added++;
    }
  if (added > 0)
    context->kind |= HARK_SIDECAR_KIND_CHAPTERS;
  return hark_json_check_used (doc, context, items, added, "chapters", error);
}

gboolean
hark_p20_chapters_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error)
{
  JsonArray *chapters
      = hark_json_get_items (doc, context, "chapters",
                             "Podcasting 2.0 chapters: an object with a “chapters” array", error);

  if (chapters == NULL)
    return FALSE;
  return hark_chapters_read_array (doc, chapters, builder, context, error);
}
