/* hark-sidecar-json.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-sidecar-json.h"
#include "util/hark-i18n.h"

#include <math.h>
#include <string.h>

#include "util/hark-error.h"
#include "text/hark-text-utils.h"
#include "util/hark-time.h"

/* json-glib's parser recurses once per level: far beyond any real document, far below a stack
 * overflow. */
#define MAX_JSON_DEPTH 256
/* The most values (counted as ',' ':' '[' '{' outside strings) a JSON sidecar may have. The
 * parsed tree costs about 130 bytes a value: a million keeps the largest JSON read under
 * 200 MB, and is three times a three-hour Whisper transcript with a time for every word
 * (350,000 values, 3.4 MB). */
#define MAX_JSON_ITEMS 1000000
/* The largest JSON sidecar read. Its strings are held twice while read (the parsed tree and
 * the transcript): 32 MiB keeps a file of one long string under 200 MB, and is ten times a
 * three-hour Whisper transcript with a time for every word (3.4 MB, 5.6 MB indented). */
#define MAX_JSON_BYTES (32 * 1024 * 1024)

/* A day: no episode is longer, so integer times beyond it are milliseconds. */
#define MAX_PLAUSIBLE_SECONDS 86400.0

struct _HarkJsonDoc
{
  JsonParser *parser;
  GHashTable *positions; /* JsonObject * → line << 32 | column */
  GArray *open;          /* guint64 positions of the objects being parsed */
};

static guint64
current_position (JsonParser *parser)
{
  return (guint64) json_parser_get_current_line (parser) << 32
         | (guint32) json_parser_get_current_pos (parser);
}

static void
on_object_start (JsonParser *parser, HarkJsonDoc *doc)
{
  guint64 position = current_position (parser);

  g_array_append_val (doc->open, position);
}

static void
on_object_end (JsonParser *parser, JsonObject *object, HarkJsonDoc *doc)
{
  guint64 position;

  if (doc->open->len == 0)
    return;
  position = g_array_index (doc->open, guint64, doc->open->len - 1);
  g_array_set_size (doc->open, doc->open->len - 1);
  g_hash_table_insert (doc->positions, object, g_memdup2 (&position, sizeof position));
}

void
hark_json_doc_free (HarkJsonDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_object (&doc->parser);
  g_clear_pointer (&doc->positions, g_hash_table_unref);
  g_clear_pointer (&doc->open, g_array_unref);
  g_free (doc);
}

/* The value of four hexadecimal digits at @p, or -1. */
static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

/* Checks the nesting of @text without recursing, and its "\u" escapes. When @text has "\u0000"
 * or unpaired surrogate escapes, @out gets a copy in which they read "\uFFFD" (json-glib would
 * cut the text at the NUL, silently losing the rest, or hand back invalid UTF-8), otherwise
 * NULL. FALSE with @error set when the document nests too deep or an escape is not four hex
 * digits. */
static gboolean
prescan (const char *text, const char *name, char **out, GError **error)
{
  char *copy = NULL;
  gboolean in_string = FALSE;
  guint depth = 0, line = 1, column = 1, items = 0;

  for (const char *p = text; *p; p++, column++)
    {
      if (*p == '\n')
        {
          line++;
          column = 0;
        }
      else if (in_string)
        {
          if (*p == '"')
            in_string = FALSE;
          else if (*p == '\\' && p[1] == 'u')
            {
              int value = hex4 (p + 2);

              if (value < 0)
                {
                  hark_text_set_parse_error (error, name, line, column,
                                             _("Expected four hexadecimal digits after “\\u”."));
                  g_free (copy);
                  return FALSE;
                }
              /* A surrogate pair is one character: both escapes are left as they are. */
              if (value >= 0xd800 && value <= 0xdbff && p[6] == '\\' && p[7] == 'u'
                  && hex4 (p + 8) >= 0xdc00 && hex4 (p + 8) <= 0xdfff)
                {
                  p += 11;
                  column += 11;
                  continue;
                }
              /* NUL and unpaired surrogates: json-glib would cut the text at the NUL or hand
               * back invalid UTF-8. A copy only when there is something to replace. */
              if (value == 0 || (value >= 0xd800 && value <= 0xdfff))
                {
                  if (copy == NULL)
                    copy = g_strdup (text);
                  memcpy (copy + (p - text) + 2, "FFFD", 4);
                }
              p += 5;
              column += 5;
            }
          else if (*p == '\\')
            {
              /* JSON has these escapes (and json-glib takes "\\'" too, which tools write);
               * others (a "\\6") json-glib turns into text that is not UTF-8. */
              if (p[1] == '\0' || strchr ("\"\\/bfnrt'", p[1]) == NULL)
                {
                  hark_text_set_parse_error (
                      error, name, line, column,
                      _("Expected an escape such as “\\n”, “\\\"” or “\\u00e9” after “\\”."));
                  g_free (copy);
                  return FALSE;
                }
              p++;
              column++;
            }
        }
      else if (*p == '"')
        in_string = TRUE;
      else if ((*p == ',' || *p == ':' || *p == '[' || *p == '{') && ++items > MAX_JSON_ITEMS)
        {
          hark_text_set_parse_error (
              error, name, line, column,
              _("The JSON has more than %d values; Hark does not read it (a Whisper transcript "
                "of three hours with a time for every word has about 350,000)."),
              MAX_JSON_ITEMS);
          g_free (copy);
          return FALSE;
        }
      else if (*p == '[' || *p == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            {
              g_autofree char *why = g_strdup_printf (
                  "The JSON is nested more than %d levels deep; Hark does not read it.",
                  MAX_JSON_DEPTH);

              hark_text_set_parse_error (error, name, line, column, "%s", why);
              g_free (copy);
              return FALSE;
            }
        }
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }
  *out = copy;
  return TRUE;
}

HarkJsonDoc *
hark_json_doc_parse (const char *text, const char *name, GError **error)
{
  g_autoptr (HarkJsonDoc) doc = g_new0 (HarkJsonDoc, 1);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *patched = NULL;

  if (strlen (text) > MAX_JSON_BYTES)
    {
      hark_text_set_parse_error (error, name, 1, 1,
                                 _("The JSON is larger than %d MiB; Hark does not read it."),
                                 MAX_JSON_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!prescan (text, name, &patched, error))
    return NULL;
  if (patched)
    text = patched;
  doc->parser = json_parser_new_immutable ();
  doc->positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  doc->open = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_signal_connect (doc->parser, "object-start", G_CALLBACK (on_object_start), doc);
  g_signal_connect (doc->parser, "object-end", G_CALLBACK (on_object_end), doc);

  if (!json_parser_load_from_data (doc->parser, text, -1, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: unexpected …, expected …", quoting
       * the offending byte as it is, which may be half a character. */
      g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);
      const char *message = valid;

      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE, "%s:%s", name, message + 7);
      else
        g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE, _("%s:1:1: Expected JSON: %s"), name,
                     message);
      return NULL;
    }
  g_signal_handlers_disconnect_by_data (doc->parser, doc);
  if (json_parser_get_root (doc->parser) == NULL)
    {
      hark_text_set_parse_error (error, name, 1, 1, _("Expected a JSON object, found nothing."));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

JsonNode *
hark_json_doc_get_root (HarkJsonDoc *doc)
{
  return json_parser_get_root (doc->parser);
}

void
hark_json_doc_get_position (HarkJsonDoc *doc, JsonObject *object, guint *line, guint *column)
{
  const guint64 *position = object ? g_hash_table_lookup (doc->positions, object) : NULL;

  *line = position ? (guint) (*position >> 32) : 1;
  *column = position ? (guint) (*position & 0xffffffff) : 1;
  *line = MAX (*line, 1);
  *column = MAX (*column, 1);
}

void
hark_json_warn (HarkSidecarContext *context, HarkJsonDoc *doc, JsonObject *object,
                const char *format, ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (context->warnings == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hark_json_doc_get_position (doc, object, &line, &column);
  hark_text_warn (context->warnings, context->name, line, column, "%s", message);
}

void
hark_json_set_error (GError **error, HarkSidecarContext *context, HarkJsonDoc *doc,
                     JsonObject *object, const char *format, ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hark_json_doc_get_position (doc, object, &line, &column);
  hark_text_set_parse_error (error, context->name, line, column, "%s", message);
}

const char *
hark_json_get_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
first_object (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        return json_node_get_object (node);
    }
  return NULL;
}

static gboolean
has_any (JsonObject *object, const char *const *members)
{
  for (guint i = 0; members[i]; i++)
    if (json_object_has_member (object, members[i]))
      return TRUE;
  return FALSE;
}

static HarkSidecarFormat
sniff_items (JsonArray *items, JsonObject *container)
{
  static const char *const p20_keys[] = { "startTime", "body", "startTimeMs", NULL };
  static const char *const whisper_keys[] = { "start", "text", "words", NULL };
  static const char *const chapter_keys[] = { "title", "toc", "img", NULL };
  JsonObject *first = first_object (items);

  if (first == NULL)
    {
      if (container && json_object_has_member (container, "text"))
        return HARK_SIDECAR_FORMAT_WHISPER;
      return container ? HARK_SIDECAR_FORMAT_PODCASTING2 : HARK_SIDECAR_FORMAT_AUTO;
    }
  if (json_object_has_member (first, "segment") && json_object_has_member (first, "category"))
    return HARK_SIDECAR_FORMAT_SPONSORBLOCK;
  if (has_any (first, chapter_keys) && !json_object_has_member (first, "body"))
    return HARK_SIDECAR_FORMAT_CHAPTERS;
  if (has_any (first, p20_keys))
    return HARK_SIDECAR_FORMAT_PODCASTING2;
  if (has_any (first, whisper_keys))
    return HARK_SIDECAR_FORMAT_WHISPER;
  return HARK_SIDECAR_FORMAT_AUTO;
}

JsonArray *
hark_json_find_utterances (JsonObject *object)
{
  JsonNode *member = json_object_get_member (object, "utterances");
  JsonNode *results;

  if (member && JSON_NODE_HOLDS_ARRAY (member))
    return json_node_get_array (member);
  results = json_object_get_member (object, "results");
  if (results && JSON_NODE_HOLDS_OBJECT (results))
    {
      member = json_object_get_member (json_node_get_object (results), "utterances");
      if (member && JSON_NODE_HOLDS_ARRAY (member))
        return json_node_get_array (member);
    }
  return NULL;
}

HarkSidecarFormat
hark_json_sniff (JsonNode *root)
{
  JsonObject *object;
  JsonNode *member;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return sniff_items (json_node_get_array (root), NULL);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return HARK_SIDECAR_FORMAT_AUTO;

  object = json_node_get_object (root);
  member = json_object_get_member (object, "hark");
  if (member && JSON_NODE_HOLDS_OBJECT (member))
    return HARK_SIDECAR_FORMAT_HARK;
  member = json_object_get_member (object, "chapters");
  if (member && JSON_NODE_HOLDS_ARRAY (member))
    return HARK_SIDECAR_FORMAT_CHAPTERS;
  member = json_object_get_member (object, "segments");
  if (member && JSON_NODE_HOLDS_ARRAY (member))
    return sniff_items (json_node_get_array (member), object);
  /* {"transcript": [{"timestamp", "speaker", "text"}]}: a list of turns, read as segments. */
  member = json_object_get_member (object, "transcript");
  if (member && JSON_NODE_HOLDS_ARRAY (member)
      && sniff_items (json_node_get_array (member), NULL) == HARK_SIDECAR_FORMAT_WHISPER)
    return HARK_SIDECAR_FORMAT_WHISPER;
  /* Speech services' word lists: Rev's monologues, Amazon's results.items, Speechmatics' and
   * Google's results arrays. */
  member = json_object_get_member (object, "monologues");
  if (member && JSON_NODE_HOLDS_ARRAY (member))
    return HARK_SIDECAR_FORMAT_WORD_LIST;
  member = json_object_get_member (object, "results");
  if (member && JSON_NODE_HOLDS_OBJECT (member)
      && json_object_has_member (json_node_get_object (member), "items"))
    return HARK_SIDECAR_FORMAT_WORD_LIST;
  if (member && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonObject *first = first_object (json_node_get_array (member));

      /* Speechmatics types its items; Google's results hold alternatives with words. */
      if (first && json_object_has_member (first, "alternatives"))
        return HARK_SIDECAR_FORMAT_WORD_LIST;
    }
  if (hark_youtube_json_sniff (object))
    return HARK_SIDECAR_FORMAT_YOUTUBE_JSON;
  member = json_object_get_member (object, "transcription"); /* whisper.cpp */
  if (member && JSON_NODE_HOLDS_ARRAY (member))
    return HARK_SIDECAR_FORMAT_WHISPER;
  /* Speech services' diarised "utterances" (AssemblyAI at the top, Deepgram under "results"). */
  if (hark_json_find_utterances (object) != NULL)
    return HARK_SIDECAR_FORMAT_WHISPER;
  /* Without utterances, the same services' words: Deepgram's per channel, AssemblyAI's at the
   * top with a "text" and a "start" each. */
  member = json_object_get_member (object, "results");
  if (member && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonNode *channels = json_object_get_member (json_node_get_object (member), "channels");

      if (channels && JSON_NODE_HOLDS_ARRAY (channels))
        return HARK_SIDECAR_FORMAT_WORD_LIST;
    }
  member = json_object_get_member (object, "words");
  if (member && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonObject *first = first_object (json_node_get_array (member));

      if (first && json_object_has_member (first, "text")
          && json_object_has_member (first, "start"))
        return HARK_SIDECAR_FORMAT_WORD_LIST;
    }
  return HARK_SIDECAR_FORMAT_AUTO;
}

HarkJsonResult
hark_json_get_time (JsonObject *object, const char *member, double scale, double *seconds)
{
  return hark_json_node_get_time (json_object_get_member (object, member), scale, seconds);
}

HarkJsonResult
hark_json_node_get_time (JsonNode *node, double scale, double *seconds)
{
  double value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return HARK_JSON_ABSENT;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return HARK_JSON_INVALID;
  switch (json_node_get_value_type (node))
    {
      case G_TYPE_INT64:
        value = (double) json_node_get_int (node) * scale;
        break;
      case G_TYPE_DOUBLE:
        value = json_node_get_double (node) * scale;
        break;
      case G_TYPE_STRING:
        {
          const char *text = json_node_get_string (node);
          char *end = NULL;

          /* "12.5" is a number in a string and takes the scale; "00:01:02.5" is a clock time. */
          value = g_ascii_strtod (text, &end);
          if (end != text && *end == '\0')
            value *= scale;
          else if (!hark_time_parse (text, &value))
            return HARK_JSON_INVALID;
        }
        break;
      default:
        return HARK_JSON_INVALID;
    }
  if (!hark_time_is_valid (value))
    return HARK_JSON_INVALID;
  *seconds = value;
  return HARK_JSON_OK;
}

HarkJsonResult
hark_json_get_time_any (JsonObject *object, const char *const *members, double scale,
                        double *seconds, const char **found)
{
  for (guint i = 0; members[i]; i++)
    if (json_object_has_member (object, members[i]))
      {
        /* Names ending in "Ms" or "_ms" always hold milliseconds. */
        gboolean millis
            = g_str_has_suffix (members[i], "Ms") || g_str_has_suffix (members[i], "_ms");

        if (found)
          *found = members[i];
        return hark_json_get_time (object, members[i], millis ? 0.001 : scale, seconds);
      }
  if (found)
    *found = members[0];
  return HARK_JSON_ABSENT;
}

gboolean
hark_json_times_are_integers (JsonArray *items, const char *const *members, gint64 *largest)
{
  gboolean any = FALSE;

  if (largest)
    *largest = 0;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      for (guint m = 0; members[m]; m++)
        {
          JsonNode *node = json_object_get_member (json_node_get_object (item), members[m]);

          if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
            continue;
          if (json_node_get_value_type (node) != G_TYPE_INT64)
            return FALSE;
          if (largest)
            *largest = MAX (*largest, json_node_get_int (node));
          any = TRUE;
        }
    }
  return any;
}

double
hark_json_guess_time_scale (JsonArray *items, const char *const *members)
{
  gint64 largest = 0;

  return hark_json_times_are_integers (items, members, &largest)
         && largest > MAX_PLAUSIBLE_SECONDS ? 0.001 : 1.0;
}

gboolean
hark_json_check_used (HarkJsonDoc *doc, HarkSidecarContext *context, JsonArray *items, guint used,
                      const char *what, GError **error)
{
  guint n = json_array_get_length (items);

  if (n == 0 || used > 0)
    return TRUE;
  hark_json_set_error (error, context, doc, first_object (items),
                       _("Expected %s Hark can read; none of the %u here could be used."), what, n);
  return FALSE;
}

JsonArray *
hark_json_get_items (HarkJsonDoc *doc, HarkSidecarContext *context, const char *member,
                     const char *expected, GError **error)
{
  JsonNode *root = hark_json_doc_get_root (doc);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *items = object ? json_object_get_member (object, member) : root;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      hark_json_set_error (error, context, doc, object, _("Expected %s."), expected);
      return NULL;
    }
  return json_node_get_array (items);
}

JsonObject *
hark_json_get_item (HarkJsonDoc *doc, HarkSidecarContext *context, JsonArray *items, guint index,
                    JsonObject **last_object, const char *what)
{
  JsonNode *node = json_array_get_element (items, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      hark_json_warn (context, doc, *last_object,
                      _("Expected %s %u (after this one) to be an object; skipped it."), what,
                      index + 1);
      return NULL;
    }
  *last_object = json_node_get_object (node);
  return *last_object;
}
