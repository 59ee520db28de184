/* hark-ttml-reader.c — TTML / DFXP captions, Apple Podcasts' word-timed TTML among them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each <p> in the <body> is a cue. Its time is its own begin/end/dur, relative to the begin of
 * the <div>/<body> around it (TTML's "par" timing), or in a timeContainer="seq", to the end of
 * the element before it; or when it has none, the span of its timed <span>s. When every word of a <p> sits in a <span> with a
 * time of its own, those spans are the cue's word times: that is how Apple's TTML
 * (<span podcasts:unit="word">) keeps each word's time. The speaker is the <p>'s (or an
 * enclosing element's) ttm:agent, named by the <ttm:agent>'s <ttm:name> in the head when
 * there is one, else a role attribute that names a person rather than a TTML content role.
 *
 * libxml2's SAX2 parser reads the document as the feed parser does: recovery mode, no network,
 * no DTD, and a DOCTYPE or entity declaration refuses the file (nothing is ever expanded).
 * Elements nested deeper than MAX_DEPTH are read as text of the element they sit in; a <p>
 * with a time the reader cannot read, or none at all, is left out with a warning naming its
 * line, and the others are kept.
 */
#include "formats/hark-sidecar-private.h"
#include "formats/hark-xml-sax.h"
#include "formats/hark-reader-util.h"
#include "util/hark-i18n.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/hark-text-seconds.h"
#include "text/hark-text-utils.h"
#include "util/hark-error.h"

#define MAX_DEPTH 64
/* No episode is longer: larger times are damage, not data. */
#define MAX_SECONDS (100.0 * 3600.0)
/* Text of one <p> kept; the rest of a longer one is dropped with a warning. */
#define MAX_CUE_BYTES (256 * 1024)
#define MAX_NAME_BYTES 128

typedef enum
{
  EL_OTHER,
  EL_TT,
  EL_HEAD,
  EL_BODY,
  EL_DIV,
  EL_P,
  EL_SPAN,
  EL_BR,
  EL_AGENT,
  EL_NAME,
  EL_TITLE, /* <ttm:title>: the document's own title, in its head */
} Element;

typedef struct
{
  Element element;
  double begin;      /* absolute seconds; < 0: not known */
  double end;        /* absolute seconds; < 0: not known */
  char *agent;       /* the speaker given here or inherited, owned */
  gboolean timed;    /* begin, end or dur given here */
  gboolean own_end;  /* end or dur given here */
  gboolean timed_inside; /* a timed span is inside this one: that one is the word */
  gsize text_start;  /* where a span's text starts in the cue's text */
  gboolean bad_time; /* a time attribute here could not be read */
  gboolean seq;      /* timeContainer="seq": each child starts where the one before it ended */
  double next_begin; /* in a seq, where the next child starts; < 0: not known */
  gboolean after_open_end; /* in a seq, after a sibling that never said when it ends */
} Frame;

typedef struct
{
  double start;
  double end;
  char *text;
} Word;

typedef struct
{
  HarkTimedItem time; /* start, end */
  char *text;
  char *agent;
  GArray *words; /* Word, or NULL */
  guint order;
} Cue;

typedef struct
{
  HarkSidecarContext *context;
  xmlParserCtxtPtr ctxt;
  GError *error; /* stops the parse */
  int depth;     /* elements open; frames[0 .. MIN (depth, MAX_DEPTH) - 1] hold them */
  Frame frames[MAX_DEPTH];
  gboolean seen_root;
  double frame_rate;
  double sub_frame_rate;
  double tick_rate; /* <= 0: derived from the frame rate */
  gboolean absolute_times; /* Apple's dialect: every time counts from the media's start */
  GHashTable *agent_names; /* xml:id → name */
  char *agent_id;          /* the <ttm:agent> being read */
  GString *name;           /* its <ttm:name>, or NULL */
  GString *title;          /* the <ttm:title> being read, or NULL outside one */
  char *document_title;    /* the first one read */
  /* The <p> being read, when p_depth > 0. */
  int p_depth;
  guint p_line;
  GString *text;
  GArray *words;          /* Word */
  gboolean untimed_words; /* some of the text is in no timed span */
  gboolean p_bad;
  gboolean p_cut;
  int timed_spans_open;
  GArray *cues; /* Cue */
  guint n_bad;
} Reader;

static guint
current_line (Reader *r)
{
  return hark_xml_sax_line (r->ctxt);
}

static void
word_clear (gpointer data)
{
  Word *w = data;
  g_free (w->text);
}

static void
cue_clear (gpointer data)
{
  Cue *c = data;
  g_free (c->text);
  g_free (c->agent);
  if (c->words)
    g_array_unref (c->words);
}

/* ---- Time expressions (TTML 1 §10.3.1) ---------------------------------------------------- */

/* A number of seconds, minutes, frames or ticks: the unit decides, so its bound is loose (ten
 * million ticks a second over MAX_SECONDS still fit); parse_time() bounds the time itself. */
#define MAX_COUNT 1e15

static gboolean
scan_number (const char **p, double *value, gboolean allow_fraction)
{
  return hark_text_scan_seconds (*p, allow_fraction ? HARK_SECONDS_PLAIN : HARK_SECONDS_WHOLE,
                                 MAX_COUNT, p, value);
}

static double
effective_frame_rate (Reader *r)
{
  return r->frame_rate > 0 ? r->frame_rate : 30.0;
}

/* "00:01:02.500", "00:01:02:12" (frames), "00:01:02:12.1", "12.5s", "1500ms", "2m", "1h",
 * "25f", "10000t". Returns FALSE for anything else, and for times past MAX_SECONDS. */
static gboolean
parse_time (Reader *r, const char *text, double *seconds)
{
  const char *p = text;
  double first, value;

  while (g_ascii_isspace (*p))
    p++;
  if (!scan_number (&p, &first, TRUE))
    return FALSE;
  if (*p == ':')
    {
      double minutes, secs, frames = 0, sub = 0;

      if (strchr (text, '.') != NULL && strchr (text, '.') < p)
        return FALSE; /* hours with a fraction */
      p++;
      if (!scan_number (&p, &minutes, TRUE) || minutes >= 60)
        return FALSE;
      if (*p != ':')
        {
          /* "1:02.500": minutes and seconds (the second number), as converters write. */
          value = first * 60 + minutes;
          goto check;
        }
      if (minutes != floor (minutes))
        return FALSE;
      p++;
      if (!scan_number (&p, &secs, TRUE) || secs >= 61)
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!scan_number (&p, &frames, FALSE))
            return FALSE;
          if (*p == '.')
            {
              p++;
              if (!scan_number (&p, &sub, FALSE))
                return FALSE;
            }
        }
      value = first * 3600 + minutes * 60 + secs + frames / effective_frame_rate (r);
      if (sub > 0)
        value += sub / (effective_frame_rate (r) * (r->sub_frame_rate > 0 ? r->sub_frame_rate : 1));
    }
  else if (g_str_has_prefix (p, "ms"))
    {
      value = first / 1000.0;
      p += 2;
    }
  else if (*p == 'h' || *p == 'm' || *p == 's' || *p == 'f' || *p == 't')
    {
      switch (*p)
        {
        case 'h': value = first * 3600; break;
        case 'm': value = first * 60; break;
        case 's': value = first; break;
        case 'f': value = first / effective_frame_rate (r); break;
        default:
          {
            double tick_rate = r->tick_rate;

            if (tick_rate <= 0)
              tick_rate = r->frame_rate > 0
                              ? r->frame_rate * (r->sub_frame_rate > 0 ? r->sub_frame_rate : 1)
                              : 1;
            value = first / tick_rate;
          }
        }
      p++;
    }
  else if (*p == '\0' || g_ascii_isspace (*p))
    value = first; /* "1.980": seconds with no metric, as Apple writes them */
  else
    return FALSE;
check:
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || !isfinite (value) || value < 0 || value > MAX_SECONDS)
    return FALSE;
  *seconds = value;
  return TRUE;
}

/* A positive rate ("30", "1000 1001" for a multiplier's two terms), or 0. */
static double
parse_rate (const char *text)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || !isfinite (v) || v <= 0 || v > 1e9)
    return 0;
  return v;
}

static void
parse_frame_rate_multiplier (Reader *r, const char *text)
{
  char *end = NULL;
  double num = g_ascii_strtod (text, &end);
  double den = end && *end ? g_ascii_strtod (end, NULL) : 0;

  if (r->frame_rate > 0 && isfinite (num) && isfinite (den) && num > 0 && den > 0
      && num / den > 0.001 && num / den < 1000)
    r->frame_rate *= num / den;
}

/* ---- Elements -------------------------------------------------------------------------------- */

static const char *
attribute (const xmlChar **attributes, int n, const char *name, gboolean want_prefix,
           char **owned)
{
  /* libxml2 gives (localname, prefix, URI, value, end) per attribute; values are not
   * terminated. */
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + i * 5;

      if (strcmp ((const char *) a[0], name) != 0)
        continue;
      if (want_prefix != (a[1] != NULL))
        continue;
      g_free (*owned);
      *owned = g_strndup ((const char *) a[3], a[4] - a[3]);
      return *owned;
    }
  return NULL;
}

static Element
element_kind (const char *localname)
{
  static const struct
  {
    const char *name;
    Element element;
  } names[] = {
    { "tt", EL_TT },     { "head", EL_HEAD },   { "body", EL_BODY }, { "div", EL_DIV },
    { "p", EL_P },       { "span", EL_SPAN },   { "br", EL_BR },     { "agent", EL_AGENT },
    { "name", EL_NAME }, { "title", EL_TITLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (localname, names[i].name) == 0)
      return names[i].element;
  return EL_OTHER;
}

/* TTML's own content roles say what kind of text it is, not who speaks. */
static gboolean
is_content_role (const char *role)
{
  static const char *const roles[]
      = { "action",     "caption",    "description", "dialog",      "expletive",
          "kinesic",    "lyrics",     "music",       "narration",   "quality",
          "sound",      "source",     "suppressed",  "reproduction", "thought",
          "title",      "transcription" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (role, roles[i]) == 0 || g_str_has_prefix (role, "x-"))
      return TRUE;
  return FALSE;
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

static void
warn_p (Reader *r, const char *message)
{
  if (r->n_bad++ < 20)
    hark_text_warn (r->context->warnings, r->context->name, r->p_line, 1, "%s", message);
}

/* Whether the times an element gives count from its parent's begin, as TTML says, or from the
 * start of the media, as Apple's files and many converters write them (a word's span repeats
 * the clock of the <p> around it). Those files are known by Apple's namespace, or by a time
 * that fits the parent's interval as it is and would fall past the parent's end if added to
 * its begin. */
static gboolean
times_are_absolute (Reader *r, const Frame *parent, double begin, double end)
{
  if (parent == NULL || parent->begin <= 0)
    return FALSE;
  if (r->absolute_times)
    return TRUE;
  return parent->end >= 0 && begin >= parent->begin && parent->begin + begin > parent->end
         && (end < 0 || end <= parent->end);
}

/* The times an element gives, as seconds from the start of the media. */
static void
read_times (Reader *r, Frame *frame, const Frame *parent, const xmlChar **attributes, int n)
{
  g_autofree char *owned = NULL;
  double base = parent && parent->begin >= 0 ? parent->begin : 0;
  double begin = -1, end = -1, dur = -1;
  gboolean in_seq = parent && parent->seq;

  frame->begin = parent ? parent->begin : -1;
  frame->end = parent ? parent->end : -1;
  if (in_seq)
    {
      /* A child of a seq counts from where its sibling before it ended, and lasts only as long
       * as it says. */
      base = parent->next_begin;
      frame->begin = parent->next_begin;
      frame->end = -1;
      frame->after_open_end = base < 0;
    }
  if (attribute (attributes, n, "begin", FALSE, &owned) != NULL && !parse_time (r, owned, &begin))
    frame->bad_time = TRUE;
  if (attribute (attributes, n, "end", FALSE, &owned) != NULL && !parse_time (r, owned, &end))
    frame->bad_time = TRUE;
  if (end < 0 && attribute (attributes, n, "dur", FALSE, &owned) != NULL
      && !parse_time (r, owned, &dur))
    frame->bad_time = TRUE;
  if (frame->bad_time)
    return;
  frame->timed = begin >= 0 || end >= 0 || dur >= 0;
  frame->own_end = end >= 0 || dur >= 0;
  if (!frame->timed)
    return;
  if (in_seq && base < 0)
    {
      /* The sibling before it never said when it ends, so nothing says when this begins. */
      frame->begin = frame->end = -1;
      return;
    }
  if (!in_seq && times_are_absolute (r, parent, begin >= 0 ? begin : base, end))
    base = 0;
  frame->begin = base + (begin >= 0 ? begin : 0);
  if (begin < 0 && parent && parent->begin >= 0 && base == 0)
    frame->begin = parent->begin;
  if (end >= 0)
    frame->end = base + end;
  else if (dur >= 0)
    frame->end = frame->begin + dur;
  if (frame->end >= 0 && frame->end < frame->begin)
    frame->bad_time = TRUE;
  if (frame->begin > MAX_SECONDS || frame->end > MAX_SECONDS)
    frame->bad_time = TRUE;
}

static char *
speaker_of (Reader *r, const xmlChar **attributes, int n)
{
  g_autofree char *owned = NULL;
  const char *value = attribute (attributes, n, "agent", TRUE, &owned);

  if (value != NULL)
    {
      g_auto (GStrv) ids = g_strsplit_set (value, " \t\r\n", -1);

      for (guint i = 0; ids[i]; i++)
        if (*ids[i] != '\0')
          {
            const char *name = g_hash_table_lookup (r->agent_names, ids[i]);
            return g_strdup (name ? name : ids[i]);
          }
    }
  value = attribute (attributes, n, "role", TRUE, &owned);
  if (value == NULL)
    value = attribute (attributes, n, "role", FALSE, &owned);
  if (value != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      if (*stripped != '\0' && !is_content_role (stripped))
        return g_steal_pointer (&stripped);
    }
  return NULL;
}

static void
start_p (Reader *r, Frame *frame)
{
  r->p_depth = r->depth;
  r->p_line = current_line (r);
  g_string_truncate (r->text, 0);
  g_array_set_size (r->words, 0);
  r->untimed_words = FALSE;
  r->p_bad = frame->bad_time;
  r->p_cut = FALSE;
  r->timed_spans_open = 0;
}

static void
finish_p (Reader *r, Frame *frame)
{
  g_autofree char *text = hark_text_collapse_space (r->text->str);
  Cue cue = { { frame->begin, frame->end }, NULL, NULL, NULL, r->cues->len };

  r->p_depth = 0;
  if (r->p_bad)
    {
      warn_p (r, _("A time of this <p> could not be read (expected “00:01:02.500”, “12.5s”, "
                   "“1500ms” or the like, within 100 hours); the cue was left out."));
      return;
    }
  if (*text == '\0')
    return;
  if (r->words->len > 0 && !r->untimed_words)
    {
      double first = G_MAXDOUBLE, last = 0;

      /* A word with a begin only lasts until the next one, the last until the cue's end. */
      for (guint i = 0; i < r->words->len; i++)
        {
          Word *w = &g_array_index (r->words, Word, i);

          if (w->end < 0)
            w->end = i + 1 < r->words->len
                         ? g_array_index (r->words, Word, i + 1).start
                         : (frame->end >= 0 ? frame->end : w->start);
          if (w->end < w->start)
            w->end = w->start;
        }

      for (guint i = 0; i < r->words->len; i++)
        {
          Word *w = &g_array_index (r->words, Word, i);
          first = MIN (first, w->start);
          last = MAX (last, w->end);
        }
      if (!frame->timed || cue.time.start < 0)
        {
          cue.time.start = first;
          cue.time.end = last;
        }
      cue.words = g_array_new (FALSE, FALSE, sizeof (Word));
      g_array_set_clear_func (cue.words, word_clear);
      g_array_append_vals (cue.words, r->words->data, r->words->len);
      /* The texts moved to the cue. */
      g_array_set_clear_func (r->words, NULL);
      g_array_set_size (r->words, 0);
      g_array_set_clear_func (r->words, word_clear);
    }
  if (cue.time.start < 0 && frame->after_open_end)
    {
      warn_p (r, _("This <p> follows, in a timeContainer=\"seq\", an element that never says when "
                   "it ends (no end or dur), so nothing says when it begins; the cue was left "
                   "out."));
      if (cue.words)
        g_array_unref (cue.words);
      return;
    }
  if (cue.time.start < 0)
    {
      warn_p (r, _("This <p> has no time (no begin, end or dur on it, its spans or the "
                   "elements around it); the cue was left out."));
      if (cue.words)
        g_array_unref (cue.words);
      return;
    }
  if (r->p_cut)
    warn_p (r, _("This <p> is too long; its text was cut."));
  cue.text = g_steal_pointer (&text);
  cue.agent = g_strdup (frame->agent);
  g_array_append_val (r->cues, cue);
}

static void
on_start_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                  int n_namespaces, const xmlChar **namespaces, int n_attributes, int n_defaulted,
                  const xmlChar **attributes)
{
  Reader *r = data;
  Frame *parent = r->depth > 0 && r->depth <= MAX_DEPTH ? &r->frames[r->depth - 1] : NULL;
  Frame *frame;
  g_autofree char *owned = NULL;
  Element element = element_kind ((const char *) localname);
  char *agent;

  if (r->error != NULL)
    return;
  r->depth++;
  if (r->depth > MAX_DEPTH)
    return;
  frame = &r->frames[r->depth - 1];
  memset (frame, 0, sizeof *frame);
  frame->element = element;
  frame->begin = frame->end = -1;
  if (r->depth == 1)
    {
      r->seen_root = TRUE;
      if (element != EL_TT)
        {
          stop (r, g_error_new (HARK_ERROR, HARK_ERROR_PARSE,
                                _("%s:%u: expected a TTML document (a <tt> root element)"),
                                r->context->name, current_line (r)));
          return;
        }
      for (int i = 0; i < n_namespaces; i++)
        if (namespaces[2 * i + 1] != NULL
            && strstr ((const char *) namespaces[2 * i + 1], "apple.com") != NULL)
          r->absolute_times = TRUE;
      if (attribute (attributes, n_attributes, "frameRate", TRUE, &owned))
        r->frame_rate = parse_rate (owned);
      if (attribute (attributes, n_attributes, "subFrameRate", TRUE, &owned))
        r->sub_frame_rate = parse_rate (owned);
      if (attribute (attributes, n_attributes, "tickRate", TRUE, &owned))
        r->tick_rate = parse_rate (owned);
      if (attribute (attributes, n_attributes, "frameRateMultiplier", TRUE, &owned))
        parse_frame_rate_multiplier (r, owned);
    }
  if (element == EL_AGENT)
    {
      g_free (r->agent_id);
      r->agent_id = g_strdup (attribute (attributes, n_attributes, "id", TRUE, &owned));
      g_string_truncate (r->name, 0);
      return;
    }
  if (element == EL_NAME && r->agent_id != NULL)
    {
      g_string_truncate (r->name, 0);
      return;
    }
  if (element == EL_TITLE && r->p_depth == 0 && r->title == NULL && r->document_title == NULL)
    {
      r->title = g_string_new (NULL);
      return;
    }
  if (r->p_depth > 0 && element == EL_BR)
    {
      g_string_append_c (r->text, ' ');
      return;
    }
  if (element != EL_BODY && element != EL_DIV && element != EL_P && element != EL_SPAN)
    return;
  read_times (r, frame, parent, attributes, n_attributes);
  if (g_strcmp0 (attribute (attributes, n_attributes, "timeContainer", FALSE, &owned), "seq") == 0)
    {
      frame->seq = TRUE;
      frame->next_begin = frame->begin >= 0 ? frame->begin : (parent ? -1 : 0);
    }
  agent = speaker_of (r, attributes, n_attributes);
  frame->agent = agent ? agent : g_strdup (parent ? parent->agent : NULL);
  if (element == EL_P && r->p_depth == 0)
    start_p (r, frame);
  else if (element == EL_SPAN && r->p_depth > 0)
    {
      if (frame->bad_time)
        r->p_bad = TRUE;
      frame->text_start = r->text->len;
      /* Only the span's own begin/end/dur make it a word time, not its parent's. */
      if (frame->timed)
        r->timed_spans_open++;
    }
}

static void
on_end_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  Reader *r = data;
  Frame *frame;

  if (r->depth == 0)
    return;
  r->depth--;
  if (r->error != NULL || r->depth >= MAX_DEPTH)
    return;
  frame = &r->frames[r->depth];
  if (r->depth > 0 && r->frames[r->depth - 1].seq
      && (frame->element == EL_DIV || frame->element == EL_P || frame->element == EL_SPAN))
    r->frames[r->depth - 1].next_begin = frame->bad_time ? -1 : frame->end;
  switch (frame->element)
    {
    case EL_NAME:
      if (r->agent_id != NULL && r->name->len > 0)
        {
          g_autofree char *name = hark_text_collapse_space (r->name->str);

          if (*name != '\0' && strlen (name) <= MAX_NAME_BYTES
              && (g_hash_table_lookup (r->agent_names, r->agent_id) == NULL
                  || g_hash_table_size (r->agent_names) < 10000))
            g_hash_table_replace (r->agent_names, g_strdup (r->agent_id),
                                  g_steal_pointer (&name));
        }
      g_string_truncate (r->name, 0);
      break;
    case EL_AGENT:
      g_clear_pointer (&r->agent_id, g_free);
      break;
    case EL_TITLE:
      if (r->title != NULL)
        {
          r->document_title = hark_text_collapse_space (r->title->str);
          g_string_free (g_steal_pointer (&r->title), TRUE);
        }
      break;
    case EL_P:
      if (r->p_depth == r->depth + 1)
        finish_p (r, frame);
      break;
    case EL_SPAN:
      if (r->p_depth > 0 && (frame->timed || frame->timed_inside) && r->depth > 0)
        r->frames[r->depth - 1].timed_inside = TRUE;
      if (r->p_depth > 0 && frame->timed)
        {
          g_autofree char *word = NULL;

          r->timed_spans_open--;
          if (frame->text_start <= r->text->len && !r->p_bad)
            {
              word = hark_text_collapse_space (r->text->str + frame->text_start);
              if (*word != '\0' && !frame->timed_inside)
                {
                  Word w = { frame->begin, frame->own_end ? frame->end : -1,
                             g_steal_pointer (&word) };
                  g_array_append_val (r->words, w);
                }
            }
        }
      break;
    default:
      break;
    }
  g_clear_pointer (&frame->agent, g_free);
}

static void
on_characters (void *data, const xmlChar *chars, int length)
{
  Reader *r = data;

  if (r->error != NULL)
    return;
  if (r->agent_id != NULL && r->depth <= MAX_DEPTH && r->depth > 0
      && r->frames[r->depth - 1].element == EL_NAME)
    {
      if (r->name->len < MAX_NAME_BYTES * 4)
        g_string_append_len (r->name, (const char *) chars, MIN (length, MAX_NAME_BYTES * 4));
      return;
    }
  if (r->title != NULL)
    {
      if (r->title->len < MAX_NAME_BYTES * 4)
        g_string_append_len (r->title, (const char *) chars, MIN (length, MAX_NAME_BYTES * 4));
      return;
    }
  if (r->p_depth == 0)
    return;
  if (r->text->len + length > MAX_CUE_BYTES)
    {
      r->p_cut = TRUE;
      return;
    }
  if (r->timed_spans_open == 0)
    for (int i = 0; i < length; i++)
      if (!g_ascii_isspace (chars[i]))
        {
          r->untimed_words = TRUE;
          break;
        }
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
                        _("%s:%u: the document declares entities or a DOCTYPE, which a TTML "
                          "transcript never needs; refused"),
                        r->context->name, current_line (r)));
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  on_internal_subset (data, name, public_id, system_id);
}

/* ---- Sniffing and reading -------------------------------------------------------------------- */

gboolean
hark_ttml_sniff (const char *text)
{
  const char *p = hark_xml_sax_skip_prolog (text, FALSE);
  const char *q;
  g_autofree char *head = NULL;

  if (*p != '<')
    return FALSE;
  q = p + 1;
  /* "<tt " or a prefixed root such as "<tt:tt ". */
  while (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == '.')
    q++;
  if (*q == ':')
    {
      if (strncmp (q + 1, "tt", 2) != 0)
        return FALSE;
      q += 3;
    }
  else if (q - p != 3 || strncmp (p + 1, "tt", 2) != 0)
    return FALSE;
  if (!(g_ascii_isspace (*q) || *q == '>' || *q == '/'))
    return FALSE;
  head = g_strndup (p, 4096);
  return strstr (head, "http://www.w3.org/ns/ttml") != NULL
         || strstr (head, "http://www.w3.org/2006/10/ttaf1") != NULL
         || strstr (head, "http://www.w3.org/2006/04/ttaf1") != NULL;
}

static int
compare_cues (gconstpointer a, gconstpointer b)
{
  const Cue *x = a, *y = b;

  if (x->time.start != y->time.start)
    return x->time.start < y->time.start ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
add_cues (Reader *r, HarkTranscriptBuilder *builder)
{
  Cue *cues = (Cue *) r->cues->data;
  guint n = r->cues->len;

  g_array_sort (r->cues, compare_cues);
  hark_sidecar_fill_missing_ends ((HarkTimedItem *) cues, n, sizeof (Cue));
  for (guint i = 0; i < n; i++)
    {
      int speaker = -1;

      if (cues[i].agent != NULL)
        {
          speaker = hark_transcript_builder_add_speaker (builder, cues[i].agent, cues[i].agent);
          r->context->kind |= HARK_SIDECAR_KIND_SPEAKERS;
        }
      hark_transcript_builder_add_cue (builder, cues[i].time.start,
                                       MAX (cues[i].time.end, cues[i].time.start), cues[i].text,
                                       speaker);
      if (cues[i].words)
        for (guint j = 0; j < cues[i].words->len; j++)
          {
            Word *w = &g_array_index (cues[i].words, Word, j);
            hark_transcript_builder_add_word (builder, w->start, MAX (w->end, w->start), w->text);
          }
    }
}

gboolean
hark_ttml_read (const char *text, HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                GError **error)
{
  Reader r = { 0 };
  g_autofree char *input = hark_xml_sax_blank_prolog (text, FALSE);
  gboolean ok = TRUE;
  xmlSAXHandler sax = { 0 };

  r.context = context;
  r.agent_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.name = g_string_new (NULL);
  r.text = g_string_new (NULL);
  r.words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_array_set_clear_func (r.words, word_clear);
  r.cues = g_array_new (FALSE, FALSE, sizeof (Cue));
  g_array_set_clear_func (r.cues, cue_clear);

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element;
  sax.endElementNs = on_end_element;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.serror = on_xml_error;
  sax.internalSubset = on_internal_subset;
  sax.externalSubset = on_internal_subset;
  sax.entityDecl = on_entity_decl;
  if (!hark_xml_sax_parse (input, &sax, &r, &r.ctxt, context, error))
    ok = FALSE;
  else if (r.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r.error));
      ok = FALSE;
    }
  else if (!r.seen_root)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected a TTML document (a <tt> root element)."));
      ok = FALSE;
    }
  else if (r.cues->len == 0)
    {
      hark_text_set_parse_error (error, context->name, 1, 1,
                                 _("Expected timed <p> elements in the TTML body; none could be "
                                   "read."));
      ok = FALSE;
    }
  if (ok)
    {
      add_cues (&r, builder);
      hark_transcript_builder_set_title (builder, r.document_title);
      context->kind |= HARK_SIDECAR_KIND_TIMED;
    }
  /* Frames left open by a document cut short. */
  for (int i = 0; i < MIN (r.depth, MAX_DEPTH); i++)
    g_free (r.frames[i].agent);
  g_clear_error (&r.error);
  g_free (r.agent_id);
  g_hash_table_unref (r.agent_names);
  g_string_free (r.name, TRUE);
  if (r.title)
    g_string_free (r.title, TRUE);
  g_free (r.document_title);
  g_string_free (r.text, TRUE);
  g_array_unref (r.words);
  g_array_unref (r.cues);
  return ok;
}
