/* hark-trs-reader.c — Transcriber's XML (.trs), as speech archives and research projects publish
 * transcripts
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A <Trans> root holds <Speakers> (an id and a name each), <Topics> (an id and a description) and
 * an <Episode> of <Section>s (a topic, a start and an end) made of <Turn>s (the speakers by id, a
 * start and an end). Inside a turn, <Sync time="…"/> marks where the words after it start, and
 * <Who nb="2"/> gives the words after it to the turn's second speaker (two people talking at
 * once). <Event>, <Comment> and <Background> describe noises and notes; they are not speech.
 *
 * The words from one sync to the next (or to the turn's end) are a cue; when several speakers
 * share that stretch, each gets a share of its time in proportion to their words. A section with a
 * topic is a chapter, joined with the next when that has the same topic.
 *
 * The file names its DTD in a DOCTYPE; that line is passed over unread. A DOCTYPE with an internal
 * subset could declare entities, which no Transcriber file needs: such a file is refused.
 */
#include "formats/hark-sidecar-private.h"
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
/* Trans > Episode > Section > Turn > Event: deeper is not Transcriber's. */
#define MAX_DEPTH 32
/* A turn naming more speakers than this is not a conversation's. */
#define MAX_TURN_SPEAKERS 16
#define MAX_WARNINGS 20

typedef struct
{
  HarkTimedItem time; /* end < 0: the next cue's start */
  char *text;
  char *speaker; /* an id from <Speakers>, or NULL */
  guint order;
} Cue;

typedef struct
{
  double start;
  double end;
  char *topic;
} Chapter;

/* Words said since the last sync, by one of the turn's speakers. */
typedef struct
{
  char *text;
  char *speaker;
} Piece;

typedef struct
{
  HarkSidecarContext *context;
  xmlParserCtxtPtr ctxt;
  GError *error;
  guint n_bad;
  int depth;
  gboolean seen_root;
  GHashTable *speaker_names; /* id → name */
  GHashTable *topic_names;   /* id → description */
  GArray *cues;              /* Cue */
  GArray *chapters;          /* Chapter */
  /* The turn being read (turn_depth 0: none). */
  int turn_depth;
  double turn_end; /* < 0: not given */
  char **turn_speakers;
  guint who;
  double sync_time;
  GString *text;
  GArray *pieces; /* Piece */
} Reader;

static void
cue_clear (gpointer data)
{
  Cue *cue = data;

  g_free (cue->text);
  g_free (cue->speaker);
}

static void
chapter_clear (gpointer data)
{
  g_free (((Chapter *) data)->topic);
}

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_free (piece->text);
  g_free (piece->speaker);
}

static void
warn (Reader *r, const char *message)
{
  if (r->n_bad++ < MAX_WARNINGS)
    hark_text_warn (r->context->warnings, r->context->name, hark_xml_sax_line (r->ctxt), 1, "%s",
                    message);
}

static void
stop (Reader *r, GError *error)
{
  if (r->error == NULL)
    r->error = error;
  else
    g_error_free (error);
  xmlStopParser (r->ctxt);
}

/* Seconds as Transcriber writes them ("12.345"); FALSE for anything else, NaN or out of range. */
static gboolean
parse_seconds (const char *text, double *out)
{
  char *end;
  double value;

  if (text == NULL)
    return FALSE;
  value = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  if (end == text || *end != '\0' || !isfinite (value) || value < 0 || value > MAX_SECONDS)
    return FALSE;
  *out = value;
  return TRUE;
}

/* The words since the last sync or <Who> become a piece of the speaker who said them. */
static void
finish_piece (Reader *r)
{
  char *text = hark_text_collapse_space (r->text->str);
  Piece piece;

  g_string_truncate (r->text, 0);
  if (*g_strstrip (text) == '\0')
    {
      g_free (text);
      return;
    }
  piece.text = text;
  piece.speaker = r->who < g_strv_length (r->turn_speakers)
                      ? g_strdup (r->turn_speakers[r->who])
                      : NULL;
  g_array_append_val (r->pieces, piece);
}

/* The pieces since the last sync are said between it and @end (< 0: unknown yet). */
static void
flush_pieces (Reader *r, double end)
{
  gsize total = 0, before = 0;

  for (guint i = 0; i < r->pieces->len; i++)
    total += strlen (g_array_index (r->pieces, Piece, i).text);
  for (guint i = 0; i < r->pieces->len; i++)
    {
      Piece *piece = &g_array_index (r->pieces, Piece, i);
      gsize length = strlen (piece->text);
      Cue cue = { { r->sync_time, end }, NULL, NULL, r->cues->len };

      if (end >= r->sync_time && r->pieces->len > 1)
        hark_sidecar_split_time (r->sync_time, end, before, length, total, &cue.time.start,
                                 &cue.time.end);
      before += length;
      cue.text = g_steal_pointer (&piece->text);
      cue.speaker = g_steal_pointer (&piece->speaker);
      g_array_append_val (r->cues, cue);
    }
  g_array_set_size (r->pieces, 0);
}

static void
start_turn (Reader *r, const xmlChar **attributes, int n_attributes, GString *value)
{
  const char *speakers = hark_xml_sax_attribute (attributes, n_attributes, "speaker", value);
  double start;

  r->turn_depth = r->depth;
  r->who = 0;
  g_strfreev (r->turn_speakers);
  r->turn_speakers = g_strsplit_set (speakers ? speakers : "", " \t\n", MAX_TURN_SPEAKERS + 1);
  /* Blank ids from doubled spaces name nobody: drop them, keeping the order. */
  for (guint i = 0, j = 0;; i++)
    {
      if (r->turn_speakers[i] != NULL && r->turn_speakers[i][0] == '\0')
        {
          g_free (r->turn_speakers[i]);
          continue;
        }
      r->turn_speakers[j++] = r->turn_speakers[i];
      if (r->turn_speakers[i] == NULL)
        break;
    }
  if (parse_seconds (hark_xml_sax_attribute (attributes, n_attributes, "startTime", value), &start))
    r->sync_time = start;
  else
    warn (r, _("Expected the turn's start in seconds (startTime=\"12.5\"); it starts where the "
               "words before it end."));
  if (!parse_seconds (hark_xml_sax_attribute (attributes, n_attributes, "endTime", value),
                      &r->turn_end)
      || r->turn_end < r->sync_time)
    r->turn_end = -1;
  g_string_truncate (r->text, 0);
}

static void
end_turn (Reader *r)
{
  finish_piece (r);
  flush_pieces (r, r->turn_end);
  r->turn_depth = 0;
}

static void
on_sync (Reader *r, const xmlChar **attributes, int n_attributes, GString *value)
{
  double time;

  if (!parse_seconds (hark_xml_sax_attribute (attributes, n_attributes, "time", value), &time))
    {
      warn (r, _("Expected a time in seconds (<Sync time=\"12.5\"/>); the words after it go on "
                 "from the time before."));
      return;
    }
  if (time < r->sync_time)
    {
      warn (r, _("This sync goes back in time; the words after it go on from the time before."));
      return;
    }
  finish_piece (r);
  flush_pieces (r, time);
  r->sync_time = time;
}

static void
on_who (Reader *r, const xmlChar **attributes, int n_attributes, GString *value)
{
  const char *nb = hark_xml_sax_attribute (attributes, n_attributes, "nb", value);
  guint64 n = 0;

  finish_piece (r);
  if (nb == NULL || !g_ascii_string_to_unsigned (nb, 10, 1, MAX_TURN_SPEAKERS, &n, NULL)
      || n > g_strv_length (r->turn_speakers))
    {
      warn (r, _("Expected <Who nb=\"N\"/> naming one of the turn's speakers; the words after "
                 "it have no speaker."));
      r->who = G_MAXUINT;
      return;
    }
  r->who = (guint) n - 1;
}

static void
on_section (Reader *r, const xmlChar **attributes, int n_attributes, GString *value)
{
  const char *topic = hark_xml_sax_attribute (attributes, n_attributes, "topic", value);
  Chapter chapter = { 0, -1, NULL };

  if (topic == NULL || *topic == '\0')
    return;
  chapter.topic = g_strdup (topic);
  if (!parse_seconds (hark_xml_sax_attribute (attributes, n_attributes, "startTime", value),
                      &chapter.start))
    {
      g_free (chapter.topic);
      return;
    }
  if (!parse_seconds (hark_xml_sax_attribute (attributes, n_attributes, "endTime", value),
                      &chapter.end)
      || chapter.end < chapter.start)
    chapter.end = -1;
  if (r->chapters->len > 0)
    {
      Chapter *last = &g_array_index (r->chapters, Chapter, r->chapters->len - 1);

      if (strcmp (last->topic, chapter.topic) == 0 && chapter.start >= last->start)
        {
          last->end = chapter.end;
          g_free (chapter.topic);
          return;
        }
    }
  g_array_append_val (r->chapters, chapter);
}

/* <Speaker id name> and <Topic id desc> fill a table of names. */
static void
add_name (GHashTable *table, const xmlChar **attributes, int n_attributes, const char *key,
          GString *value)
{
  g_autofree char *id = g_strdup (hark_xml_sax_attribute (attributes, n_attributes, "id", value));
  const char *name = hark_xml_sax_attribute (attributes, n_attributes, key, value);

  if (id == NULL || *id == '\0' || name == NULL)
    return;
  g_hash_table_replace (table, g_steal_pointer (&id), hark_text_collapse_space (name));
}

static void
on_start_element (void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                  int n_namespaces, const xmlChar **namespaces, int n_attributes,
                  int n_defaulted, const xmlChar **attributes)
{
  Reader *r = data;
  const char *name = (const char *) local;
  g_autoptr (GString) value = g_string_new (NULL);

  r->depth++;
  if (r->depth == 1)
    {
      if (strcmp (name, "Trans") != 0)
        stop (r, g_error_new (HARK_ERROR, HARK_ERROR_PARSE,
                              _("%s:%u:1: Expected a Transcriber document (a <Trans> root "
                                "element); found <%s>."),
                              r->context->name, hark_xml_sax_line (r->ctxt), name));
      r->seen_root = TRUE;
      return;
    }
  if (r->depth > MAX_DEPTH)
    return;
  if (r->turn_depth > 0)
    {
      if (strcmp (name, "Sync") == 0)
        on_sync (r, attributes, n_attributes, value);
      else if (strcmp (name, "Who") == 0)
        on_who (r, attributes, n_attributes, value);
      return;
    }
  if (strcmp (name, "Turn") == 0)
    start_turn (r, attributes, n_attributes, value);
  else if (strcmp (name, "Section") == 0)
    on_section (r, attributes, n_attributes, value);
  else if (strcmp (name, "Speaker") == 0)
    add_name (r->speaker_names, attributes, n_attributes, "name", value);
  else if (strcmp (name, "Topic") == 0)
    add_name (r->topic_names, attributes, n_attributes, "desc", value);
}

static void
on_end_element (void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
  Reader *r = data;

  if (r->turn_depth > 0 && r->depth == r->turn_depth)
    end_turn (r);
  r->depth--;
}

static void
on_characters (void *data, const xmlChar *chars, int length)
{
  Reader *r = data;

  /* Words are only in turns; an <Event> or <Comment> holds none of its own. */
  if (r->turn_depth == 0 || r->text->len > HARK_TEXT_MAX_FILE_BYTES)
    return;
  g_string_append_len (r->text, (const char *) chars, length);
}

static void
on_xml_error (void *data, xmlErrorPtr error)
{
  Reader *r = data;

  hark_xml_sax_warn (r->context, &r->n_bad, error);
}

static void
on_internal_subset (void *data, const xmlChar *name, const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Reader *r = data;

  stop (r, g_error_new (HARK_ERROR, HARK_ERROR_PARSE,
                        _("%s:%u:1: The document declares entities or a DOCTYPE of its own, which "
                          "a Transcriber file never needs; refused."),
                        r->context->name, hark_xml_sax_line (r->ctxt)));
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  on_internal_subset (data, name, public_id, system_id);
}

gboolean
hark_trs_sniff (const char *text)
{
  const char *p = hark_xml_sax_skip_prolog (text, TRUE);

  /* A DOCTYPE the reader refuses still names the format, so the refusal says why. */
  if (g_str_has_prefix (p, "<!DOCTYPE Trans") && !g_ascii_isalnum (p[15]))
    return TRUE;
  return g_str_has_prefix (p, "<Trans")
         && (g_ascii_isspace (p[6]) || p[6] == '>' || p[6] == '/');
}

static int
compare_cues (gconstpointer a, gconstpointer b)
{
  const Cue *x = a, *y = b;

  if (x->time.start != y->time.start)
    return x->time.start < y->time.start ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

static void
add_cues (Reader *r, HarkTranscriptBuilder *builder)
{
  g_array_sort (r->cues, compare_cues);
  hark_sidecar_fill_missing_ends ((HarkTimedItem *) r->cues->data, r->cues->len, sizeof (Cue));
  for (guint i = 0; i < r->cues->len; i++)
    {
      const Cue *cue = &g_array_index (r->cues, Cue, i);
      int speaker = -1;

      if (cue->speaker != NULL)
        {
          const char *name = g_hash_table_lookup (r->speaker_names, cue->speaker);

          speaker = hark_transcript_builder_add_speaker (
              builder, cue->speaker, name != NULL && *name != '\0' ? name : cue->speaker);
          r->context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      hark_transcript_builder_add_cue (builder, cue->time.start, cue->time.end, cue->text,
                                       speaker);
    }
  for (guint i = 0; i < r->chapters->len; i++)
    {
      const Chapter *chapter = &g_array_index (r->chapters, Chapter, i);
      const char *title = g_hash_table_lookup (r->topic_names, chapter->topic);

      if (title == NULL || *title == '\0')
        continue;
      hark_transcript_builder_add_chapter (builder, chapter->start, chapter->end, title, NULL,
                                           FALSE);
      r->context->kind |= HARK_SIDECAR_KIND_CHAPTERS;
    }
}

/* After the parse: the transcript read, or why there is none. */
static gboolean
finish (Reader *r, HarkTranscriptBuilder *builder, GError **error)
{
  if (r->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      return FALSE;
    }
  if (!r->seen_root)
    {
      hark_text_set_parse_error (error, r->context->name, 1, 1,
                                 _("Expected a Transcriber document (a <Trans> root element)."));
      return FALSE;
    }
  /* A file cut short inside a turn keeps the words read so far. */
  if (r->turn_depth > 0)
    end_turn (r);
  if (r->cues->len == 0)
    {
      hark_text_set_parse_error (error, r->context->name, 1, 1,
                                 _("Expected <Turn> elements with words after their "
                                   "<Sync time=\"…\"/> marks; none could be read."));
      return FALSE;
    }
  add_cues (r, builder);
  r->context->kind |= HARK_SIDECAR_KIND_TIMED;
  return TRUE;
}

gboolean
hark_trs_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
               GError **error)
{
  Reader r = { 0 };
  g_autofree char *input = hark_xml_sax_blank_prolog (text, TRUE);
  xmlSAXHandler sax = { 0 };
  gboolean ok = FALSE;

  r.context = context;
  r.speaker_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.topic_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.cues = g_array_new (FALSE, FALSE, sizeof (Cue));
  g_array_set_clear_func (r.cues, cue_clear);
  r.chapters = g_array_new (FALSE, FALSE, sizeof (Chapter));
  g_array_set_clear_func (r.chapters, chapter_clear);
  r.pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_array_set_clear_func (r.pieces, piece_clear);
  r.text = g_string_new (NULL);
  r.turn_speakers = g_new0 (char *, 1);

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
    ok = finish (&r, builder, error);
  g_clear_error (&r.error);
  g_hash_table_unref (r.speaker_names);
  g_hash_table_unref (r.topic_names);
  g_array_unref (r.cues);
  g_array_unref (r.chapters);
  g_array_unref (r.pieces);
  g_string_free (r.text, TRUE);
  g_strfreev (r.turn_speakers);
  return ok;
}
