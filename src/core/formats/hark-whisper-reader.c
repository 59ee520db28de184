/* hark-whisper-reader.c — Whisper and WhisperX JSON
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"text": "…", "segments": [{"start", "end", "text", "speaker", "words": [{"word", "start",
 * "end", "speaker"}]}]}. Whisper gives segments; WhisperX adds diarised "speaker" labels
 * ("SPEAKER_00") and word times, except for words it could not align (numbers, symbols), which
 * keep their place in the text but get no time. whisper.cpp writes its own shape instead:
 * {"transcription": [{"timestamps": {"from": "00:00:00,000", "to": …}, "offsets": {"from": 0,
 * "to": 3240}, "text": "…"}]}, with "offsets" in milliseconds. Caption downloaders write a bare
 * array of {"text", "start", "duration"}.
 */
#include "formats/hark-sidecar-json.h"
#include "formats/hark-word-cues.h"
#include "util/hark-i18n.h"

#include "text/hark-text-utils.h"

static void
add_words (HarkJsonDoc *doc, JsonObject *segment, HarkTranscriptBuilder *builder, double scale)
{
  JsonNode *words_node = json_object_get_member (segment, "words");
  g_autoptr (GArray) timed = g_array_new (FALSE, FALSE, sizeof (HarkTimedWord));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JsonArray *words;

  if (words_node == NULL || !JSON_NODE_HOLDS_ARRAY (words_node))
    return;
  words = json_node_get_array (words_node);
  for (guint i = 0; i < json_array_get_length (words); i++)
    {
      JsonNode *node = json_array_get_element (words, i);
      JsonObject *word;
      const char *text;
      HarkTimedWord w = { .speaker = -1 };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      word = json_node_get_object (node);
      text = hark_json_get_string (word, "word");
      if (text == NULL)
        text = hark_json_get_string (word, "text");
      if (text == NULL || hark_json_get_time (word, "start", scale, &w.start) != HARK_JSON_OK)
        continue;
      if (hark_json_get_time (word, "end", scale, &w.end) != HARK_JSON_OK)
        w.end = w.start;
      w.text = hark_text_collapse_space (text);
      g_ptr_array_add (texts, (char *) w.text);
      g_array_append_val (timed, w);
    }
  hark_word_cues_add_times (builder, (const HarkTimedWord *) (gconstpointer) timed->data,
                            timed->len);
}

/* The segment's text; when it has none, its words joined. */
static char *
segment_text (JsonObject *segment)
{
  const char *text = hark_json_get_string (segment, "text");
  JsonNode *words_node;
  g_autoptr (GString) joined = NULL;

  if (text)
    return hark_text_collapse_space (text);
  words_node = json_object_get_member (segment, "words");
  if (words_node == NULL || !JSON_NODE_HOLDS_ARRAY (words_node))
    return NULL;
  joined = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (words_node)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (words_node), i);
      const char *word;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      word = hark_json_get_string (json_node_get_object (node), "word");
      if (word == NULL)
        continue;
      hark_text_append_word (joined, word);
    }
  return hark_text_collapse_space (joined->str);
}

/* A whisper.cpp time pair: "offsets" (milliseconds) or else "timestamps" (clock strings). */
static gboolean
read_whisper_cpp_times (JsonObject *entry, double *start, double *end)
{
  static const struct
  {
    const char *member;
    double scale;
  } sources[] = { { "offsets", 0.001 }, { "timestamps", 1.0 } };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      JsonNode *node = json_object_get_member (entry, sources[i].member);
      JsonObject *pair;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      pair = json_node_get_object (node);
      if (hark_json_get_time (pair, "from", sources[i].scale, start) == HARK_JSON_OK
          && hark_json_get_time (pair, "to", sources[i].scale, end) == HARK_JSON_OK)
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_whisper_cpp (HarkJsonDoc *doc, JsonArray *entries, HarkTranscriptBuilder *builder,
                  HarkSidecarContext *context, GError **error)
{
  JsonObject *last_object = NULL;
  guint added = 0;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = hark_json_get_item (doc, context, entries, i, &last_object, "entry");
      const char *text;
      g_autofree char *collapsed = NULL;
      double start, end;

      if (entry == NULL)
        continue;
      if (!read_whisper_cpp_times (entry, &start, &end))
        {
          hark_json_warn (context, doc, entry,
                          _("Expected “offsets” or “timestamps” with “from” and “to”; skipped "
                            "this entry."));
          continue;
        }
      text = hark_json_get_string (entry, "text");
      if (text == NULL)
        {
          hark_json_warn (context, doc, entry, _("Expected “text”; skipped this entry."));
          continue;
        }
      collapsed = hark_text_collapse_space (text);
      hark_transcript_builder_add_cue (builder, start, MAX (start, end), collapsed, -1);
      added++;
    }
  if (added > 0)
    context->kind |= HARK_SIDECAR_KIND_TIMED;
  return hark_json_check_used (doc, context, entries, added, "transcription entries", error);
}

/* Services label speakers "A", "B" or 0, 1: those become "Speaker A", "Speaker 0". NULL when
 * the label is a name already (or absent). */
static char *
speaker_label (JsonObject *segment)
{
  JsonNode *node = json_object_get_member (segment, "speaker");
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 n = json_node_get_int (node);

      return n >= 0 && n < 10000 ? g_strdup_printf ("Speaker %" G_GINT64_FORMAT, n) : NULL;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  if (text[0] != '\0' && text[1] == '\0' && g_ascii_isalnum (text[0]))
    return g_strdup_printf ("Speaker %c", text[0]);
  return NULL;
}

/* Exporters that number their speakers write the name beside the number (Podlove: "speaker"
 * is an id, "voice" the name): the name is what a listener should see. */
static const char *
speaker_display_name (JsonObject *segment)
{
  static const char *const keys[] = { "speaker_name", "speakerName", "voice", NULL };

  for (guint i = 0; keys[i]; i++)
    {
      const char *name = hark_json_get_string (segment, keys[i]);

      if (name != NULL && *name != '\0')
        return name;
    }
  return NULL;
}

/* [{"word": "Hi", "start": 0.0, "end": 0.4}, {"word": ",", …}]: a list of timed words with no
 * segments around them, as scripts around word-level recognisers dump it. */
static gboolean
is_word_list (JsonArray *items)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = json_node_get_object (node);
      return json_object_has_member (item, "word") && !json_object_has_member (item, "text")
             && !json_object_has_member (item, "words");
    }
  return FALSE;
}

static gboolean
read_word_list (HarkJsonDoc *doc, JsonArray *items, double scale, HarkTranscriptBuilder *builder,
                HarkSidecarContext *context, GError **error)
{
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (HarkTimedWord));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) speakers = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *last_object = NULL;
  double last_start = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = hark_json_get_item (doc, context, items, i, &last_object, "word");
      const char *text, *speaker_name;
      HarkTimedWord word = { 0 };
      char *collapsed;

      if (item == NULL)
        continue;
      text = hark_json_get_string (item, "word");
      if (text == NULL || hark_json_get_time (item, "start", scale, &word.start) != HARK_JSON_OK)
        {
          hark_json_warn (context, doc, item,
                          _("Expected “word” and “start” as a number of seconds; skipped this "
                            "word."));
          continue;
        }
      if (word.start < last_start)
        {
          hark_json_warn (context, doc, item,
                          _("Expected words in time order; skipped this word."));
          continue;
        }
      if (hark_json_get_time (item, "end", scale, &word.end) != HARK_JSON_OK
          || word.end < word.start)
        word.end = word.start;
      collapsed = hark_text_collapse_space (text);
      if (*collapsed == '\0')
        {
          g_free (collapsed);
          continue;
        }
      g_ptr_array_add (texts, collapsed);
      word.text = collapsed;
      word.speaker = -1;
      speaker_name = hark_json_get_string (item, "speaker");
      if (speaker_name && *speaker_name)
        {
          word.speaker = hark_transcript_builder_add_speaker (builder, speaker_name, speaker_name);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      last_start = word.start;
      g_array_append_val (words, word);
    }
  if (words->len > 0)
    {
      hark_word_cues_add (builder, (const HarkTimedWord *) (gconstpointer) words->data,
                          words->len);
      context->kind |= HARK_SIDECAR_KIND_TIMED;
    }
  return hark_json_check_used (doc, context, items, words->len, "words", error);
}

/* The start of the item after @index that has one, looking a few items ahead (a list where
 * none has one must not cost a pass per item), or -1. */
static double
next_start (JsonArray *items, guint index, double scale, const char *const *start_keys)
{
  guint limit = MIN (json_array_get_length (items), index + 9);

  for (guint i = index + 1; i < limit; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      double start;

      if (JSON_NODE_HOLDS_OBJECT (node)
          && hark_json_get_time_any (json_node_get_object (node), start_keys, scale, &start,
                                     NULL)
                 == HARK_JSON_OK)
        return start;
    }
  return -1;
}

gboolean
hark_whisper_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                   GError **error)
{
  static const char *const scale_keys[] = { "start", "end", "timestamp", NULL };
  static const char *const start_keys[] = { "start", "timestamp", NULL };
  JsonNode *root = hark_json_doc_get_root (doc);
  JsonArray *segments;
  JsonObject *last_object = NULL;
  double scale;
  guint added = 0;

  if (JSON_NODE_HOLDS_OBJECT (root)
      && json_object_has_member (json_node_get_object (root), "transcription")
      && JSON_NODE_HOLDS_ARRAY (
          json_object_get_member (json_node_get_object (root), "transcription")))
    return read_whisper_cpp (
        doc, json_object_get_array_member (json_node_get_object (root), "transcription"), builder,
        context, error);

  segments = JSON_NODE_HOLDS_OBJECT (root)
                 ? hark_json_find_utterances (json_node_get_object (root))
                 : NULL;
  /* Services writing integer times (AssemblyAI) count milliseconds; the others (Deepgram)
   * write seconds with a fraction. */
  if (segments != NULL)
    scale = hark_json_times_are_integers (segments, scale_keys, NULL) ? 0.001 : 1.0;
  else
    {
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

      segments = hark_json_get_items (
          doc, context,
          object && !json_object_has_member (object, "segments")
                  && json_object_has_member (object, "transcript")
              ? "transcript"
              : "segments",
          "Whisper output: an object with a “segments” array", error);
      if (segments == NULL)
        return FALSE;
      scale = hark_json_guess_time_scale (segments, scale_keys);
      if (is_word_list (segments))
        return read_word_list (doc, segments, scale, builder, context, error);
    }

  for (guint i = 0; i < json_array_get_length (segments); i++)
    {
      JsonObject *segment;
      g_autofree char *text = NULL;
      const char *speaker_name;
      g_autofree char *label = NULL;
      double start, end;
      int speaker = -1;

      segment = hark_json_get_item (doc, context, segments, i, &last_object, "segment");
      if (segment == NULL)
        continue;
      if (hark_json_get_time_any (segment, start_keys, scale, &start, NULL) != HARK_JSON_OK)
        {
          hark_json_warn (context, doc, segment,
                          _("Expected “start” (or “timestamp”) as a number of seconds or a time "
                            "such as “00:01:02”; skipped this segment."));
          continue;
        }
      double duration;

      /* Caption downloaders' lists give a "duration" instead of an end; lists of turns give
       * neither, and a turn lasts until the next one starts. */
      if (!json_object_has_member (segment, "end")
          && hark_json_get_time (segment, "duration", scale, &duration) == HARK_JSON_OK)
        end = start + duration;
      else if (!json_object_has_member (segment, "end")
               && !json_object_has_member (segment, "duration"))
        end = MAX (start, next_start (segments, i, scale, start_keys));
      else if (hark_json_get_time (segment, "end", scale, &end) != HARK_JSON_OK || end < start)
        {
          hark_json_warn (context, doc, segment,
                          _("Expected “end” as a number of seconds after “start”; the segment is "
                            "kept as an instant."));
          end = start;
        }
      text = segment_text (segment);
      if (text == NULL && hark_json_get_string (segment, "transcript"))
        text = hark_text_collapse_space (hark_json_get_string (segment, "transcript"));
      if (text == NULL)
        {
          hark_json_warn (context, doc, segment,
                          _("Expected “text” with the segment's words; skipped this segment."));
          continue;
        }
      speaker_name = speaker_display_name (segment);
      if (speaker_name == NULL)
        {
          label = speaker_label (segment);
          speaker_name = label ? label : hark_json_get_string (segment, "speaker");
        }
      if (speaker_name && *speaker_name)
        {
          speaker = hark_transcript_builder_add_speaker (builder, speaker_name, speaker_name);
          context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      hark_transcript_builder_add_cue (builder, start, end, text, speaker);
      add_words (doc, segment, builder, scale);
      added++;
    }
  if (added > 0)
    context->kind |= HARK_SIDECAR_KIND_TIMED;
  return hark_json_check_used (doc, context, segments, added, "segments", error);
}
