/* hark-youtube-reader.c — YouTube's timed text, as downloaders save a video podcast's captions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three shapes of the same captions:
 *   {"events": [{"tStartMs", "dDurationMs", "segs": [{"utf8", "tOffsetMs"}]}]}   json3
 *   <transcript><text start="1.5" dur="2.25">words</text></transcript>         srv1, in seconds
 *   <timedtext><body><p t="1500" d="2250">words<s t="300">more</s></p>…        srv2/srv3, ms
 * Automatic captions time each word (a seg's offset from its event); those become word times.
 * Events that only break a line (a lone "\n" appended to the one before) carry no words. srv1
 * escapes its text twice ("&amp;#39;"), so references left after XML decoding are decoded too.
 * Speakers, when a person captioned them, are written in the text (">> KIM:", "KIM:") and split
 * as in SubRip.
 */
#include "formats/hark-sidecar-json.h"
#include "formats/hark-sidecar-private.h"
#include "formats/hark-cue-speakers.h"
#include "formats/hark-xml-sax.h"
#include "util/hark-error.h"
#include "util/hark-i18n.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <math.h>
#include <string.h>

#include "text/hark-text-utils.h"

#define MAX_SECONDS (100.0 * 3600.0)
/* srv3 nests spans in a <p>; deeper is not captions. */
#define MAX_DEPTH 32

typedef struct
{
  double start;
  double end;
  char *text;
  GArray *words; /* WordTime, may be NULL */
  guint line;
} Cue;

typedef struct
{
  double start;
  char *text;
} WordTime;

static void
word_time_clear (gpointer data)
{
  g_free (((WordTime *) data)->text);
}

static void
cue_clear (gpointer data)
{
  Cue *cue = data;

  g_free (cue->text);
  g_clear_pointer (&cue->words, g_array_unref);
}

static GArray *
cue_array_new (void)
{
  GArray *cues = g_array_new (FALSE, FALSE, sizeof (Cue));

  g_array_set_clear_func (cues, cue_clear);
  return cues;
}

static void
word_add (Cue *cue, double start, const char *text)
{
  WordTime word = { start, g_strstrip (g_strdup (text)) };

  if (word.text[0] == '\0')
    {
      g_free (word.text);
      return;
    }
  if (cue->words == NULL)
    {
      cue->words = g_array_new (FALSE, FALSE, sizeof (WordTime));
      g_array_set_clear_func (cue->words, word_time_clear);
    }
  g_array_append_val (cue->words, word);
}

static int
compare_cues (gconstpointer a, gconstpointer b)
{
  const Cue *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

/* Adds the cues, sorted, split where the text names a speaker; a cue's word times are kept when
 * it stays whole. */
static void
add_cues (GArray *cues, HarkTranscriptBuilder *builder, HarkSidecarContext *context)
{
  g_array_sort (cues, compare_cues);
  for (guint i = 0; i < cues->len; i++)
    {
      Cue *cue = &g_array_index (cues, Cue, i);
      g_autofree char *decoded = hark_text_decode_entities (cue->text);
      g_auto (GStrv) lines = g_strsplit (decoded, "\n", -1);
      guint n = g_strv_length (lines);
      guint n_before, n_after;

      for (guint l = 0; l < n; l++)
        {
          char *collapsed = hark_text_collapse_space (lines[l]);

          g_free (lines[l]);
          lines[l] = collapsed;
        }
      hark_transcript_builder_get_speakers (builder, &n_before);
      hark_cue_add_with_speakers (builder, context, cue->start, MAX (cue->end, cue->start), lines,
                                  n, NULL, FALSE);
      hark_transcript_builder_get_speakers (builder, &n_after);
      if (n_after > n_before)
        context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
      for (guint w = 0; cue->words && w < cue->words->len; w++)
        {
          const WordTime *word = &g_array_index (cue->words, WordTime, w);
          double end = w + 1 < cue->words->len
                           ? g_array_index (cue->words, WordTime, w + 1).start
                           : cue->end;

          if (word->start >= cue->start && end >= word->start && end <= cue->end)
            hark_transcript_builder_add_word (builder, word->start, end, word->text);
        }
    }
}

/* ---- json3 ---- */

gboolean
hark_youtube_json_sniff (JsonObject *root)
{
  JsonNode *events = json_object_get_member (root, "events");
  JsonArray *array;

  if (events == NULL || !JSON_NODE_HOLDS_ARRAY (events))
    return FALSE;
  array = json_node_get_array (events);
  for (guint i = 0; i < json_array_get_length (array) && i < 8; i++)
    {
      JsonNode *event = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (event)
          && json_object_has_member (json_node_get_object (event), "tStartMs"))
        return TRUE;
    }
  return FALSE;
}

/* The event's words, and each seg's time when it has one. */
static void
read_segs (JsonArray *segs, Cue *cue)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (segs); i++)
    {
      JsonNode *node = json_array_get_element (segs, i);
      JsonObject *seg;
      const char *utf8;
      double offset;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      seg = json_node_get_object (node);
      utf8 = hark_json_get_string (seg, "utf8");
      if (utf8 == NULL)
        continue;
      g_string_append (text, utf8);
      if (hark_json_get_time (seg, "tOffsetMs", 0.001, &offset) == HARK_JSON_OK)
        word_add (cue, cue->start + offset, utf8);
      else if (i == 0)
        word_add (cue, cue->start, utf8);
    }
  /* Words are only worth keeping when the line was cut into several and every piece was
   * timed (the first one at the line's start); a lone seg is the whole line. */
  if (cue->words && (cue->words->len < 2 || cue->words->len != json_array_get_length (segs)))
    g_clear_pointer (&cue->words, g_array_unref);
  cue->text = g_string_free (text, FALSE);
}

gboolean
hark_youtube_json_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error)
{
  JsonArray *events = hark_json_get_items (
      doc, context, "events",
      "YouTube timed text: an “events” array of objects with “tStartMs” and “segs”", error);
  g_autoptr (GArray) cues = cue_array_new ();
  JsonObject *last_object = NULL;
  guint used = 0;

  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = hark_json_get_item (doc, context, events, i, &last_object, "event");
      JsonNode *segs;
      Cue cue = { 0, -1, NULL, NULL, i };
      double duration = 0;

      if (event == NULL)
        continue;
      segs = json_object_get_member (event, "segs");
      /* Window and pen definitions: no words, nothing wrong. */
      if (segs == NULL || !JSON_NODE_HOLDS_ARRAY (segs))
        {
          used++;
          continue;
        }
      if (hark_json_get_time (event, "tStartMs", 0.001, &cue.start) != HARK_JSON_OK
          || cue.start > MAX_SECONDS
          || hark_json_get_time (event, "dDurationMs", 0.001, &duration) == HARK_JSON_INVALID
          || duration > MAX_SECONDS)
        {
          hark_json_warn (context, doc, event,
                          _("Expected “tStartMs” and “dDurationMs” in milliseconds; skipped this "
                            "event."));
          continue;
        }
      cue.end = cue.start + duration;
      read_segs (json_node_get_array (segs), &cue);
      used++;
      if (*g_strstrip (cue.text) == '\0')
        {
          cue_clear (&cue);
          continue;
        }
      g_array_append_val (cues, cue);
    }
  if (!hark_json_check_used (doc, context, events, used, "events", error))
    return FALSE;
  if (cues->len == 0)
    {
      hark_json_set_error (error, context, doc, NULL,
                           _("Expected events with words in “segs”; every event was empty."));
      return FALSE;
    }
  add_cues (cues, builder, context);
  context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}

/* ---- srv1, srv2, srv3 ---- */

typedef struct
{
  xmlParserCtxtPtr ctxt;
  HarkSidecarContext *context;
  GArray *cues;
  GString *text;
  gboolean seen_root;
  gboolean in_cue;
  int depth;
  int cue_depth;
  guint n_bad;
  double span_start; /* the <s> being read in srv3, or < 0 */
  guint n_spans;     /* <s> elements in the cue: words are kept only when each was timed */
  GString *span;
  Cue cue;
} XmlReader;

static gboolean
parse_number (const char *text, double scale, double *out)
{
  char *end;
  double value;

  if (text == NULL)
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value) || value < 0 || value * scale > MAX_SECONDS)
    return FALSE;
  *out = value * scale;
  return TRUE;
}

static void
on_start_element (void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                  int n_namespaces, const xmlChar **namespaces, int n_attributes,
                  int n_defaulted, const xmlChar **attributes)
{
  XmlReader *r = data;
  const char *name = (const char *) local;
  g_autoptr (GString) value = g_string_new (NULL);

  r->depth++;
  if (r->depth == 1)
    {
      r->seen_root = TRUE;
      return;
    }
  if (r->depth > MAX_DEPTH)
    return;
  if (r->in_cue)
    {
      double offset;

      if (strcmp (name, "s") == 0)
        r->n_spans++;
      if (strcmp (name, "br") == 0)
        g_string_append_c (r->text, '\n');
      else if (strcmp (name, "s") == 0
               && parse_number (hark_xml_sax_attribute (attributes, n_attributes, "t", value),
                                0.001, &offset))
        r->span_start = r->cue.start + offset;
      else if (strcmp (name, "s") == 0 && r->text->len == 0)
        r->span_start = r->cue.start;
      g_string_truncate (r->span, 0);
      return;
    }
  if (strcmp (name, "text") != 0 && strcmp (name, "p") != 0)
    return;
  {
    const char *start = hark_xml_sax_attribute (attributes, n_attributes, "start", value);
    double duration = 0;
    gboolean ok;

    r->cue = (Cue){ 0, -1, NULL, NULL, hark_xml_sax_line (r->ctxt) };
    if (start != NULL)
      ok = parse_number (start, 1.0, &r->cue.start)
           && (hark_xml_sax_attribute (attributes, n_attributes, "dur", value) == NULL
               || parse_number (value->str, 1.0, &duration));
    else
      ok = parse_number (hark_xml_sax_attribute (attributes, n_attributes, "t", value), 0.001,
                         &r->cue.start)
           && (hark_xml_sax_attribute (attributes, n_attributes, "d", value) == NULL
               || parse_number (value->str, 0.001, &duration));
    if (!ok)
      {
        if (r->n_bad++ < 20)
          hark_text_warn (r->context->warnings, r->context->name, r->cue.line, 1,
                          _("Expected “start”/“dur” in seconds or “t”/“d” in milliseconds; "
                            "skipped this caption."));
        return;
      }
    r->cue.end = r->cue.start + duration;
    r->in_cue = TRUE;
    r->cue_depth = r->depth;
    r->span_start = -1;
    r->n_spans = 0;
    g_string_truncate (r->text, 0);
  }
}

static void
on_end_element (void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
  XmlReader *r = data;

  if (r->in_cue && r->depth == r->cue_depth)
    {
      r->in_cue = FALSE;
      r->cue.text = g_strdup (r->text->str);
      if (*g_strstrip (r->cue.text) == '\0')
        cue_clear (&r->cue);
      else
        {
          if (r->cue.words && (r->cue.words->len < 2 || r->cue.words->len != r->n_spans))
            g_clear_pointer (&r->cue.words, g_array_unref);
          g_array_append_val (r->cues, r->cue);
        }
      r->cue = (Cue){ 0 };
    }
  else if (r->in_cue && r->span_start >= 0 && strcmp ((const char *) local, "s") == 0)
    {
      word_add (&r->cue, r->span_start, r->span->str);
      r->span_start = -1;
    }
  r->depth--;
}

static void
on_characters (void *data, const xmlChar *chars, int length)
{
  XmlReader *r = data;

  if (!r->in_cue || r->text->len > HARK_TEXT_MAX_FILE_BYTES)
    return;
  g_string_append_len (r->text, (const char *) chars, length);
  if (r->span_start >= 0)
    g_string_append_len (r->span, (const char *) chars, length);
}

static void
on_xml_error (void *data, xmlErrorPtr error)
{
  XmlReader *r = data;

  hark_xml_sax_warn (r->context, &r->n_bad, error);
}

/* A DTD could define entities that expand without end: timed text never has one, so the
 * document stops there (and what was read before it is kept). */
static void
on_internal_subset (void *data, const xmlChar *name, const xmlChar *external_id,
                    const xmlChar *system_id)
{
  XmlReader *r = data;

  hark_text_warn (r->context->warnings, r->context->name, hark_xml_sax_line (r->ctxt), 1,
                  _("The document declares a DOCTYPE or entities, which timed text never needs; "
                    "reading stopped there."));
  xmlStopParser (r->ctxt);
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  on_internal_subset (data, name, public_id, system_id);
}

gboolean
hark_youtube_xml_sniff (const char *text)
{
  const char *p = hark_xml_sax_skip_prolog (text, FALSE);

  return (g_str_has_prefix (p, "<transcript") && (p[11] == '>' || g_ascii_isspace (p[11])))
         || (g_str_has_prefix (p, "<timedtext") && (p[10] == '>' || g_ascii_isspace (p[10])));
}

gboolean
hark_youtube_xml_read (const char *text, HarkTranscriptBuilder *builder,
                       HarkSidecarContext *context, GError **error)
{
  XmlReader r = { 0 };
  xmlSAXHandler sax = { 0 };
  g_autofree char *input = hark_xml_sax_blank_prolog (text, FALSE);
  gboolean ok = FALSE;

  if (!hark_youtube_xml_sniff (text))
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected YouTube timed text (a <transcript> or <timedtext> "
                                   "root element)."));
      return FALSE;
    }
  r.context = context;
  r.cues = cue_array_new ();
  r.text = g_string_new (NULL);
  r.span = g_string_new (NULL);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.serror = on_xml_error;
  sax.internalSubset = on_internal_subset;
  sax.externalSubset = on_internal_subset;
  sax.entityDecl = on_entity_decl;
  if (hark_xml_sax_parse (input, &sax, &r, &r.ctxt, context, error))
    {
      if (r.cues->len == 0)
        hark_text_set_parse_error (error, context->name, 1, 1,
                                   _("Expected timed captions such as <text start=\"1.5\" "
                                     "dur=\"2\"> or <p t=\"1500\" d=\"2000\">; none could be "
                                     "read."));
      else
        {
          add_cues (r.cues, builder, context);
          context->kind |= HARK_SIDECAR_KIND_TIMED;
          ok = TRUE;
        }
    }
  if (r.in_cue)
    cue_clear (&r.cue);
  g_array_unref (r.cues);
  g_string_free (r.text, TRUE);
  g_string_free (r.span, TRUE);
  return ok;
}
