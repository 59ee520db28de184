/* hark-p20-reader.c — Podcasting 2.0 JSON transcripts
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}. Publishers
 * write one segment per word or one per sentence or turn; a missing "speaker" means the one
 * before continues, a missing "endTime" runs to the next segment, and times may be strings.
 * Word-level files are grouped into sentence-sized cues that keep every word's time.
 */
#include "formats/hark-sidecar-json.h"
#include "formats/hark-word-cues.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "text/hark-text-utils.h"

/* A word-level file has almost only one-word segments. */
#define WORD_LEVEL_SHARE 0.8

/* Starts like HarkTimedItem, so hark_sidecar_fill_missing_ends() can work on it. */
typedef struct
{
  double start;
  double end; /* < 0: missing */
  char *body;
  int speaker;
  guint order;
  JsonArray *words; /* word times inside a turn-level segment, or NULL */
} Segment;

static void
segment_clear (Segment *segment)
{
  g_free (segment->body);
}

static int
compare_segments (gconstpointer a, gconstpointer b)
{
  const Segment *sa = a, *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return (sa->order > sb->order) - (sa->order < sb->order);
}

static int
speaker_index (HarkTranscriptBuilder *builder, GHashTable *speakers, const char *name)
{
  gpointer index;

  if (speakers && g_hash_table_lookup_extended (speakers, name, NULL, &index))
    return GPOINTER_TO_INT (index);
  return hark_transcript_builder_add_speaker (builder, name, name);
}

/* One word per segment: the words grouped into cues. */
static void
add_word_level (HarkTranscriptBuilder *builder, const Segment *segments, guint n)
{
  g_autofree HarkTimedWord *words = g_new (HarkTimedWord, n);

  for (guint i = 0; i < n; i++)
    words[i] = (HarkTimedWord) { segments[i].start, segments[i].end, segments[i].body,
                                 segments[i].speaker };
  hark_word_cues_add (builder, words, n);
}

/* Hark's sidecar (and some publishers) give a segment's words: [{"startTime", "endTime",
 * "body"}]. Words without a usable time are left out; the segment's text still has them. */
static void
add_segment_words (HarkTranscriptBuilder *builder, JsonArray *words, double scale)
{
  static const char *const start_keys[] = { "startTime", "start", NULL };
  static const char *const end_keys[] = { "endTime", "end", NULL };

  for (guint i = 0; words && i < json_array_get_length (words); i++)
    {
      JsonNode *node = json_array_get_element (words, i);
      JsonObject *word;
      const char *body;
      double start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      word = json_node_get_object (node);
      body = hark_json_get_string (word, "body");
      if (body == NULL
          || hark_json_get_time_any (word, start_keys, scale, &start, NULL) != HARK_JSON_OK)
        continue;
      if (hark_json_get_time_any (word, end_keys, scale, &end, NULL) != HARK_JSON_OK)
        end = start;
      hark_transcript_builder_add_word (builder, start, end, body);
    }
}

gboolean
hark_p20_read_segments (HarkJsonDoc *doc, JsonArray *items, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GHashTable *speakers, GError **error)
{
  static const char *const start_keys[] = { "startTime", "start", "startTimeMs", NULL };
  static const char *const end_keys[] = { "endTime", "end", "endTimeMs", NULL };
  static const char *const scale_keys[] = { "startTime", "endTime", NULL };
  g_autoptr (GArray) segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  double scale = hark_json_guess_time_scale (items, scale_keys);
  int speaker = -1;
  guint one_word = 0;
  gboolean any_speaker = FALSE;
  JsonObject *last_object = NULL;

  g_array_set_clear_func (segments, (GDestroyNotify) segment_clear);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object;
      const char *body, *name, *key;
      Segment segment = { 0 };
      g_autofree char *plain = NULL;

      object = hark_json_get_item (doc, context, items, i, &last_object, "segment");
      if (object == NULL)
        continue;
      if (scale != 1.0 && i == 0)
        hark_json_warn (context, doc, object,
                        _("Expected times in seconds; these are whole numbers too large for "
                          "seconds, so they are read as milliseconds."));

      /* A missing speaker means the one before goes on, so resolve it in file order. */
      name = hark_json_get_string (object, "speaker");
      if (name && *name)
        {
          speaker = speaker_index (builder, speakers, name);
          any_speaker = TRUE;
        }

      if (hark_json_get_time_any (object, start_keys, scale, &segment.start, &key) != HARK_JSON_OK)
        {
          hark_json_warn (context, doc, object,
                          _("Expected “%s” as a number of seconds; skipped this segment."), key);
          continue;
        }
      segment.end = -1;
      switch (hark_json_get_time_any (object, end_keys, scale, &segment.end, &key))
        {
          case HARK_JSON_OK:
            if (segment.end < segment.start)
              {
                hark_json_warn (context, doc, object,
                                _("Expected “%s” after the start; the segment is kept as an "
                                  "instant."),
                                key);
                segment.end = segment.start;
              }
            break;
          case HARK_JSON_INVALID:
            hark_json_warn (context, doc, object,
                            _("Expected “%s” as a number of seconds; the segment runs to the next "
                              "one."),
                            key);
            segment.end = -1;
            break;
          case HARK_JSON_ABSENT:
            segment.end = -1;
            break;
        }

      body = hark_json_get_string (object, "body");
      if (body == NULL)
        body = hark_json_get_string (object, "text");
      if (body == NULL)
        {
          hark_json_warn (context, doc, object,
                          _("Expected “body” with the segment's words; skipped this segment."));
          continue;
        }
      plain = hark_text_decode_entities (body);
      segment.body = hark_text_collapse_space (plain);
      segment.speaker = speaker;
      segment.order = i;
      if (json_object_has_member (object, "words")
          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "words")))
        segment.words = json_object_get_array_member (object, "words");
      if (*segment.body && strchr (segment.body, ' ') == NULL)
        one_word++;
      g_array_append_val (segments, segment);
    }

  g_array_sort (segments, compare_segments);
  hark_sidecar_fill_missing_ends ((HarkTimedItem *) (gpointer) segments->data, segments->len,
                                  sizeof (Segment));

  if (segments->len >= 2 && one_word >= WORD_LEVEL_SHARE * segments->len)
    add_word_level (builder, (const Segment *) (gconstpointer) segments->data, segments->len);
  else
    for (guint i = 0; i < segments->len; i++)
      {
        const Segment *segment = &g_array_index (segments, Segment, i);

        hark_transcript_builder_add_cue (builder, segment->start, segment->end, segment->body,
                                         segment->speaker);
        add_segment_words (builder, segment->words, scale);
      }

  if (!hark_json_check_used (doc, context, items, segments->len, "segments", error))
    return FALSE;
  if (segments->len > 0)
    context->kind |= HARK_SIDECAR_KIND_TIMED;
  if (any_speaker)
    context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
  return TRUE;
}

void
hark_p20_read_title (HarkJsonDoc *doc, HarkTranscriptBuilder *builder)
{
  static const char *const keys[] = { "show", "podcast", "podcastTitle", "title" };
  JsonNode *root = hark_json_doc_get_root (doc);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  /* The show's name first: a title may be the episode's. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    hark_transcript_builder_set_title (builder,
                                       hark_json_get_string (json_node_get_object (root), keys[i]));
}

gboolean
hark_p20_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  JsonArray *segments = hark_json_get_items (
      doc, context, "segments", "a Podcasting 2.0 transcript: an object with a “segments” array",
      error);

  if (segments == NULL)
    return FALSE;
  hark_p20_read_title (doc, builder);
  return hark_p20_read_segments (doc, segments, builder, context, NULL, error);
}
