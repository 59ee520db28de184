/* hark-word-list-reader.c — speech services' word lists: Rev, Amazon, Speechmatics, Google,
 * Deepgram, AssemblyAI
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asked for JSON, a transcription service returns a list of words, each with its times,
 * punctuation as items of its own, and speakers on the words or in a list of turns beside them:
 *   Rev.ai        {"monologues": [{"speaker": 1, "speaker_name": "Ann", "elements": [
 *                   {"type": "text", "value": "Hello", "ts": 0.5, "end_ts": 0.9},
 *                   {"type": "punct", "value": "."}]}]}
 *   Amazon        {"results": {"items": [{"type": "pronunciation", "start_time": "0.5",
 *                   "end_time": "0.9", "alternatives": [{"content": "Hello"}],
 *                   "speaker_label": "spk_0"}, {"type": "punctuation", …}],
 *                   "speaker_labels": {"segments": [{"start_time", "end_time",
 *                   "speaker_label"}]}}}
 *   Speechmatics  {"results": [{"type": "word", "start_time": 0.5, "end_time": 0.9,
 *                   "alternatives": [{"content": "Hello", "speaker": "S1"}]}, …]}
 *   Google        {"results": [{"alternatives": [{"transcript", "words": [{"startTime": "0.5s",
 *                   "endTime": "0.9s", "word": "Hello,", "speakerTag": 1}]}]}]}
 *   Deepgram      {"results": {"channels": [{"alternatives": [{"transcript", "words": [
 *                   {"word": "hello", "punctuated_word": "Hello,", "start": 0.5, "end": 0.9,
 *                   "speaker": 0}]}]}]}}
 *   AssemblyAI    {"words": [{"text": "Hello,", "start": 500, "end": 900, "speaker": "A"}]}
 *                   (milliseconds)
 * Punctuation joins the word before it, and the words are grouped into cues that keep their
 * times (hark-word-cues.h). Labels that only number a voice ("spk_0", "S1", 0, "A") read
 * "Speaker 0", "Speaker 1", "Speaker A", as the other readers' do. Diarised Deepgram and
 * AssemblyAI files also carry "utterances", which the Whisper reader reads as turns.
 */
#include "formats/hark-sidecar-json.h"
#include "formats/hark-word-cues.h"
#include "util/hark-i18n.h"
#include "util/hark-time.h"

#include <string.h>

#include "text/hark-text-utils.h"

#define MAX_WORD_BYTES 256
/* Deepgram gives one list of words per audio channel; a file with more is not speech. */
#define MAX_CHANNELS 32

typedef struct
{
  HarkTranscriptBuilder *builder;
  HarkSidecarContext *context;
  GArray *words; /* HarkTimedWord, texts in @strings */
  GStringChunk *strings;
  guint untimed; /* words left out for want of a time */
} Reader;

typedef struct
{
  double start, end;
  int speaker;
} Turn;

static int
add_speaker_named (Reader *r, const char *id, const char *name)
{
  if ((id == NULL || *id == '\0') && (name == NULL || *name == '\0'))
    return -1;
  r->context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
  return hark_transcript_builder_add_speaker (r->builder, id, name);
}

static int
add_speaker (Reader *r, const char *label)
{
  const char *digits = NULL;
  g_autofree char *numbered = NULL;

  if (label == NULL || *label == '\0')
    return -1;
  if (g_str_has_prefix (label, "spk_"))
    digits = label + 4;
  else if (label[0] == 'S' && label[1] != '\0')
    digits = label + 1;
  if (digits != NULL && strlen (digits) <= 4 && strspn (digits, "0123456789") == strlen (digits))
    label = numbered = g_strdup_printf ("Speaker %s", digits);
  return add_speaker_named (r, label, label);
}

static void
add_word (Reader *r, HarkJsonResult has_start, double start, HarkJsonResult has_end, double end,
          const char *text, int speaker)
{
  g_autofree char *collapsed = text ? hark_text_collapse_space (text) : NULL;
  HarkTimedWord word;

  if (collapsed == NULL || *collapsed == '\0')
    return;
  if (has_start != HARK_JSON_OK)
    {
      r->untimed++;
      return;
    }
  if (has_end != HARK_JSON_OK || end < start)
    end = start;
  word = (HarkTimedWord) { start, end, g_string_chunk_insert (r->strings, collapsed), speaker };
  g_array_append_val (r->words, word);
}

/* A mark of punctuation ends the word before it: "Hello" "," becomes "Hello,". */
static void
add_punctuation (Reader *r, const char *text)
{
  HarkTimedWord *last;
  g_autofree char *joined = NULL;
  g_autofree char *collapsed = text ? hark_text_collapse_space (text) : NULL;

  if (collapsed == NULL || *collapsed == '\0' || r->words->len == 0)
    return;
  last = &g_array_index (r->words, HarkTimedWord, r->words->len - 1);
  /* A word that keeps growing is a hostile file, not speech: each join copies the word. */
  if (strlen (last->text) + strlen (collapsed) > MAX_WORD_BYTES)
    return;
  joined = g_strconcat (last->text, collapsed, NULL);
  last->text = g_string_chunk_insert (r->strings, joined);
}

static JsonArray *
get_array (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
element_object (JsonArray *array, guint index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The first alternative, which services rank best. */
static JsonObject *
best_alternative (JsonObject *item)
{
  JsonArray *alternatives = get_array (item, "alternatives");

  return alternatives && json_array_get_length (alternatives) > 0
             ? element_object (alternatives, 0)
             : NULL;
}

/* Rev numbers its speakers and names them where it was told the names, not always on every
 * monologue: the number is the speaker, the first name given for it what is shown. */
static int
rev_speaker (Reader *r, JsonObject *monologue)
{
  const char *name = hark_json_get_string (monologue, "speaker_name");
  JsonNode *number = json_object_get_member (monologue, "speaker");
  g_autofree char *id = NULL;

  if (number != NULL && JSON_NODE_HOLDS_VALUE (number)
      && json_node_get_value_type (number) == G_TYPE_INT64 && json_node_get_int (number) >= 0
      && json_node_get_int (number) < 10000)
    id = g_strdup_printf ("Speaker %" G_GINT64_FORMAT, json_node_get_int (number));
  return add_speaker_named (r, id ? id : name, name && *name ? name : id);
}

static void
read_rev (Reader *r, JsonArray *monologues)
{
  for (guint m = 0; m < json_array_get_length (monologues); m++)
    {
      JsonObject *monologue = element_object (monologues, m);
      JsonArray *elements = get_array (monologue, "elements");
      int speaker;

      if (elements == NULL)
        continue;
      speaker = rev_speaker (r, monologue);
      for (guint i = 0; i < json_array_get_length (elements); i++)
        {
          JsonObject *element = element_object (elements, i);
          const char *type = element ? hark_json_get_string (element, "type") : NULL;
          const char *value = element ? hark_json_get_string (element, "value") : NULL;
          double start = 0, end = 0;
          HarkJsonResult has_start, has_end;

          if (g_strcmp0 (type, "punct") == 0)
            add_punctuation (r, value);
          else if (g_strcmp0 (type, "text") == 0)
            {
              has_start = hark_json_get_time (element, "ts", 1.0, &start);
              has_end = hark_json_get_time (element, "end_ts", 1.0, &end);
              add_word (r, has_start, start, has_end, end, value, speaker);
            }
        }
    }
}

/* Amazon's turns: who speaks from when to when, for words that do not say it themselves. */
static GArray *
amazon_turns (Reader *r, JsonObject *results)
{
  JsonArray *segments = get_array (get_object (results, "speaker_labels"), "segments");
  GArray *turns = g_array_new (FALSE, FALSE, sizeof (Turn));

  for (guint i = 0; segments && i < json_array_get_length (segments); i++)
    {
      JsonObject *segment = element_object (segments, i);
      Turn turn;

      if (segment == NULL
          || hark_json_get_time (segment, "start_time", 1.0, &turn.start) != HARK_JSON_OK
          || hark_json_get_time (segment, "end_time", 1.0, &turn.end) != HARK_JSON_OK)
        continue;
      turn.speaker = add_speaker (r, hark_json_get_string (segment, "speaker_label"));
      g_array_append_val (turns, turn);
    }
  return turns;
}

/* The turn holding @time; @hint is where the last search ended, as words come in order. */
static int
turn_speaker (GArray *turns, double time, guint *hint)
{
  if (*hint >= turns->len || g_array_index (turns, Turn, *hint).start > time)
    *hint = 0;
  for (; *hint < turns->len; (*hint)++)
    {
      const Turn *turn = &g_array_index (turns, Turn, *hint);

      if (turn->start > time)
        break;
      if (time <= turn->end)
        return turn->speaker;
    }
  *hint = 0;
  return -1;
}

/* Amazon's items and Speechmatics' results have the same shape, with other names. */
static void
read_items (Reader *r, JsonArray *items, GArray *turns)
{
  guint hint = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = element_object (items, i);
      JsonObject *best = item ? best_alternative (item) : NULL;
      const char *type = item ? hark_json_get_string (item, "type") : NULL;
      const char *content = best ? hark_json_get_string (best, "content") : NULL;
      const char *label;
      double start = 0, end = 0;
      HarkJsonResult has_start, has_end;
      int speaker;

      if (g_strcmp0 (type, "punctuation") == 0)
        {
          add_punctuation (r, content);
          continue;
        }
      if (g_strcmp0 (type, "pronunciation") != 0 && g_strcmp0 (type, "word") != 0)
        continue;
      has_start = hark_json_get_time (item, "start_time", 1.0, &start);
      label = hark_json_get_string (item, "speaker_label");
      if (label == NULL && best != NULL)
        label = hark_json_get_string (best, "speaker");
      if (label != NULL)
        speaker = g_strcmp0 (label, "UU") == 0 ? -1 : add_speaker (r, label);
      else
        speaker = has_start == HARK_JSON_OK && turns ? turn_speaker (turns, start, &hint) : -1;
      has_end = hark_json_get_time (item, "end_time", 1.0, &end);
      add_word (r, has_start, start, has_end, end, content, speaker);
    }
}

/* Google's times: "1.400s", or {"seconds": "1", "nanos": 400000000} from its client
 * libraries. */
static HarkJsonResult
google_time (JsonObject *word, const char *member, const char *other, double *seconds)
{
  JsonNode *node = json_object_get_member (word, member);
  JsonObject *parts;
  double whole = 0, nanos = 0;

  if (node == NULL)
    node = json_object_get_member (word, other);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return HARK_JSON_ABSENT;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      gsize n = strlen (text);
      g_autofree char *number = n > 1 && text[n - 1] == 's' ? g_strndup (text, n - 1) : NULL;
      char *end = NULL;

      if (number == NULL)
        return HARK_JSON_INVALID;
      *seconds = g_ascii_strtod (number, &end);
      return end != number && *end == '\0' && hark_time_is_valid (*seconds) ? HARK_JSON_OK
                                                                           : HARK_JSON_INVALID;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return HARK_JSON_INVALID;
  parts = json_node_get_object (node);
  if (hark_json_get_time (parts, "seconds", 1.0, &whole) == HARK_JSON_INVALID
      || hark_json_get_time (parts, "nanos", 1e-9, &nanos) == HARK_JSON_INVALID)
    return HARK_JSON_INVALID;
  *seconds = whole + nanos;
  return hark_time_is_valid (*seconds) ? HARK_JSON_OK : HARK_JSON_INVALID;
}

static JsonArray *
google_words (JsonObject *result)
{
  return get_array (best_alternative (result), "words");
}

/* Google's results: each a stretch of speech with its words. With speakers told apart, the
 * last result repeats every word of the file with its speaker: then it alone is read. */
static void
read_google (Reader *r, JsonArray *results)
{
  guint n = json_array_get_length (results), first = 0;
  JsonArray *last = n > 0 ? google_words (element_object (results, n - 1)) : NULL;
  JsonObject *last_word = last && json_array_get_length (last) > 0
                              ? element_object (last, 0)
                              : NULL;

  if (last_word && (json_object_has_member (last_word, "speakerTag")
                    || json_object_has_member (last_word, "speakerLabel")))
    first = n - 1;
  for (guint i = first; i < n; i++)
    {
      JsonArray *words = google_words (element_object (results, i));

      for (guint w = 0; words && w < json_array_get_length (words); w++)
        {
          JsonObject *word = element_object (words, w);
          JsonNode *tag = word ? json_object_get_member (word, "speakerTag") : NULL;
          g_autofree char *label = NULL;
          double start = 0, end = 0;
          HarkJsonResult has_start, has_end;
          int speaker = -1;

          if (word == NULL)
            continue;
          if (tag && JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_INT64
              && json_node_get_int (tag) > 0 && json_node_get_int (tag) < 10000)
            label = g_strdup_printf ("Speaker %" G_GINT64_FORMAT, json_node_get_int (tag));
          else if (hark_json_get_string (word, "speakerLabel"))
            label = g_strdup_printf ("Speaker %s", hark_json_get_string (word, "speakerLabel"));
          if (label != NULL)
            speaker = add_speaker (r, label);
          has_start = google_time (word, "startTime", "startOffset", &start);
          has_end = google_time (word, "endTime", "endOffset", &end);
          add_word (r, has_start, start, has_end, end, hark_json_get_string (word, "word"),
                    speaker);
        }
    }
}

/* A speaker given as a small number or a single letter (Deepgram's 0, AssemblyAI's "A"). */
static int
add_numbered_speaker (Reader *r, JsonNode *node)
{
  g_autofree char *label = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;
  if (json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) >= 0
      && json_node_get_int (node) < 10000)
    label = g_strdup_printf ("Speaker %" G_GINT64_FORMAT, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (text[0] != '\0' && strlen (text) <= 16)
        label = g_strdup_printf ("Speaker %s", text);
    }
  return label ? add_speaker_named (r, label, label) : -1;
}

static int
compare_word_starts (gconstpointer a, gconstpointer b)
{
  const HarkTimedWord *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Deepgram: the words of each channel's best alternative, "punctuated_word" as written (with
 * its capital and punctuation) where the service was asked to punctuate. Channels are separate
 * microphones: without diarisation, each is a voice of its own. */
static void
read_deepgram (Reader *r, JsonArray *channels)
{
  guint n_channels = MIN (json_array_get_length (channels), MAX_CHANNELS);

  for (guint c = 0; c < n_channels; c++)
    {
      JsonArray *words = get_array (best_alternative (element_object (channels, c)), "words");
      g_autofree char *channel_label = NULL;
      int channel_speaker = -1;

      if (n_channels > 1)
        {
          channel_label = g_strdup_printf ("Channel %u", c + 1);
          channel_speaker = add_speaker_named (r, channel_label, channel_label);
        }
      for (guint w = 0; words && w < json_array_get_length (words); w++)
        {
          JsonObject *word = element_object (words, w);
          const char *text;
          double start = 0, end = 0;
          HarkJsonResult has_start, has_end;
          int speaker;

          if (word == NULL)
            continue;
          text = hark_json_get_string (word, "punctuated_word");
          if (text == NULL)
            text = hark_json_get_string (word, "word");
          speaker = add_numbered_speaker (r, json_object_get_member (word, "speaker"));
          has_start = hark_json_get_time (word, "start", 1.0, &start);
          has_end = hark_json_get_time (word, "end", 1.0, &end);
          add_word (r, has_start, start, has_end, end, text,
                    speaker >= 0 ? speaker : channel_speaker);
        }
    }
  /* Channels' words interleave in time; within one channel they are in order already. */
  if (n_channels > 1)
    g_array_sort (r->words, compare_word_starts);
}

/* AssemblyAI: words with times in milliseconds and a speaker letter when diarised. */
static void
read_assemblyai (Reader *r, JsonArray *words)
{
  for (guint w = 0; w < json_array_get_length (words); w++)
    {
      JsonObject *word = element_object (words, w);
      double start = 0, end = 0;
      HarkJsonResult has_start, has_end;

      if (word == NULL)
        continue;
      has_start = hark_json_get_time (word, "start", 0.001, &start);
      has_end = hark_json_get_time (word, "end", 0.001, &end);
      add_word (r, has_start, start, has_end, end, hark_json_get_string (word, "text"),
                add_numbered_speaker (r, json_object_get_member (word, "speaker")));
    }
}

gboolean
hark_word_list_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                     HarkSidecarContext *context, GError **error)
{
  JsonNode *root = hark_json_doc_get_root (doc);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *results = get_object (object, "results");
  JsonArray *monologues = get_array (object, "monologues");
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (HarkTimedWord));
  g_autoptr (GStringChunk) strings = NULL;
  Reader r = { builder, context, words, NULL, 0 };

  strings = g_string_chunk_new (4096);
  r.strings = strings;
  if (monologues != NULL)
    read_rev (&r, monologues);
  else if (get_array (results, "channels") != NULL)
    read_deepgram (&r, get_array (results, "channels"));
  else if (get_array (object, "words") != NULL)
    read_assemblyai (&r, get_array (object, "words"));
  else if (get_array (results, "items") != NULL)
    {
      g_autoptr (GArray) turns = amazon_turns (&r, results);

      read_items (&r, get_array (results, "items"), turns);
    }
  else if (get_array (object, "results") != NULL)
    {
      JsonArray *items = get_array (object, "results");
      JsonObject *first = json_array_get_length (items) > 0 ? element_object (items, 0) : NULL;

      if (first != NULL && !json_object_has_member (first, "type"))
        read_google (&r, items);
      else
        read_items (&r, items, NULL);
    }
  else
    {
      hark_json_set_error (error, context, doc, object,
                           _("Expected a speech service's word list: “monologues” (Rev), "
                             "“results.items” (Amazon Transcribe), “results” (Speechmatics, "
                             "Google), “results.channels” (Deepgram) or “words” "
                             "(AssemblyAI)."));
      return FALSE;
    }

  if (words->len == 0)
    {
      hark_json_set_error (error, context, doc, object,
                           _("Expected words with a start time; found none."));
      return FALSE;
    }
  if (r.untimed > 0)
    hark_json_warn (context, doc, object,
                    g_dngettext (GETTEXT_PACKAGE, "%u word had no start time and was left out.",
                                 "%u words had no start time and were left out.", r.untimed),
                    r.untimed);
  hark_word_cues_add (builder, (const HarkTimedWord *) (gconstpointer) words->data, words->len);
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}
