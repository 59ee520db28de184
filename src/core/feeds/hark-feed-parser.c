/* hark-feed-parser.c — RSS 2.0, iTunes, Podcasting 2.0 and Atom through libxml2's SAX2
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2's SAX2 parser is fed the document in chunks and calls back per element: no tree is
 * ever built, so a 50 MB feed costs what one item costs. SAX rather than xmlReader because in
 * recovery mode SAX carries on after a mismatched tag, where xmlReader gives up on the whole
 * chunk it was reading, losing the episodes in it. hark_feed_input_prepare() has already made the
 * bytes UTF-8 with no DOCTYPE and no entity reference libxml2 could expand; here the parser runs
 * with no network, no DTD and no entity substitution anyway, in recovery mode, and every error
 * it recovers from becomes a warning. Elements are matched by namespace, not prefix, except
 * for prefixes a feed uses without declaring (itunes: most often), which are mapped to their
 * well-known namespace with a warning.
 */
#include "feeds/hark-feed-private.h"
#include "util/hark-i18n.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "text/hark-text-utils.h"
#include "util/hark-error.h"

typedef enum
{
  NS_NONE, /* no namespace, or RSS 0.9/1.0's */
  NS_ITUNES,
  NS_PODCAST,
  NS_ATOM,
  NS_CONTENT,
  NS_MEDIA,
  NS_DC,
  NS_RDF,
  NS_OTHER,
} Namespace;

typedef enum
{
  K_OTHER,
  K_ROOT,
  K_CHANNEL,
  K_ITEM,
  K_IMAGE,
} Kind;

typedef enum
{
  F_NONE,
  F_TITLE,
  F_LINK,
  F_DESCRIPTION,
  F_CONTENT,
  F_SUMMARY,
  F_LANGUAGE,
  F_GUID,
  F_DATE,
  F_DURATION,
  F_IMAGE_URL,
  F_NEW_FEED_URL,
  F_AUTHOR,
  F_PERSON,
} Field;

typedef struct
{
  HarkFeed *feed;
  HarkFeedWarnings warnings;
  const char *base_url;
  xmlParserCtxtPtr ctxt;
  const xmlChar **attributes; /* of the element being opened: 5 pointers each */
  int n_attributes;
  int depth;     /* of the element being opened or the innermost open one */
  gboolean seen_root;
  GError *error; /* what stopped the parser */
  Kind stack[HARK_FEED_MAX_DEPTH + 2];
  gboolean atom;
  HarkFeedEpisode *episode; /* the item being read, or NULL */
  guint episode_line;
  char *summary; /* itunes:summary / content:encoded of the item, used when no description */
  char *show_itunes_image;
  /* The text element being collected. */
  Field field;
  int field_depth;
  GString *text;
  gboolean text_truncated;
  HarkFeedPerson *person; /* podcast:person being collected */
  GHashTable *seen_ids; /* episode ids, owned by the episodes */
  GArray *to_finish;    /* indices of the episodes finish_feed() has something to do for */
  struct
  {
    const char *uri;
    Namespace ns;
  } ns_cache[8];
  guint ns_cache_next;
} Parser;

static Namespace
classify_uri (const char *uri)
{
  if (uri == NULL || strcmp (uri, "http://purl.org/rss/1.0/") == 0
      || strcmp (uri, "http://my.netscape.com/rdf/simple/0.9/") == 0
      || strcmp (uri, "http://backend.userland.com/rss2") == 0)
    return NS_NONE;
  if (g_ascii_strcasecmp (uri, "http://www.itunes.com/dtds/podcast-1.0.dtd") == 0
      || g_ascii_strcasecmp (uri, "https://www.itunes.com/dtds/podcast-1.0.dtd") == 0)
    return NS_ITUNES;
  /* Both URIs in use: podcastindex.org/namespace/1.0 and the GitHub document it replaced. */
  if (strstr (uri, "podcastindex.org/namespace/") || strstr (uri, "Podcastindex-org/podcast-namespace")
      || strstr (uri, "podcastindex-org/podcast-namespace"))
    return NS_PODCAST;
  if (strcmp (uri, "http://www.w3.org/2005/Atom") == 0 || strcmp (uri, "http://purl.org/atom/ns#") == 0)
    return NS_ATOM;
  if (strcmp (uri, "http://purl.org/rss/1.0/modules/content/") == 0)
    return NS_CONTENT;
  if (g_str_has_prefix (uri, "http://search.yahoo.com/mrss"))
    return NS_MEDIA;
  if (strcmp (uri, "http://purl.org/dc/elements/1.1/") == 0)
    return NS_DC;
  if (strcmp (uri, "http://www.w3.org/1999/02/22-rdf-syntax-ns#") == 0)
    return NS_RDF;
  return NS_OTHER;
}

/* Prefixes feeds use without declaring them, mapped to the namespace everyone means. */
static Namespace
classify_undeclared_prefix (const char *prefix, gsize length)
{
  static const struct
  {
    const char *prefix;
    Namespace ns;
  } known[] = {
    { "itunes", NS_ITUNES }, { "podcast", NS_PODCAST }, { "atom", NS_ATOM },
    { "content", NS_CONTENT }, { "media", NS_MEDIA }, { "dc", NS_DC },
  };
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strlen (known[i].prefix) == length && memcmp (known[i].prefix, prefix, length) == 0)
      return known[i].ns;
  return NS_OTHER;
}

static guint
current_line (Parser *p)
{
  int line = xmlSAX2GetLineNumber (p->ctxt);
  return line > 0 ? (guint) line : 0;
}

/* The element's namespace, repairing undeclared well-known prefixes. */
static Namespace
element_namespace (Parser *p, const char *prefix, const char *uri)
{
  if (uri == NULL && prefix != NULL)
    {
      Namespace ns = classify_undeclared_prefix (prefix, strlen (prefix));
      if (ns != NS_OTHER)
        hark_feed_warn (&p->warnings, "undeclared-prefix", current_line (p),
                        _("prefix “%s:” used without being declared; read as the usual namespace"),
                        prefix);
      return ns;
    }
  /* Unqualified elements are most of a feed: kept out of the cache, they would evict the
   * namespaces it holds. */
  if (uri == NULL)
    return NS_NONE;
  /* libxml2 interns namespace URIs, so the same pointer comes back for every element. */
  for (guint i = 0; i < G_N_ELEMENTS (p->ns_cache); i++)
    if (p->ns_cache[i].uri == uri)
      return p->ns_cache[i].ns;
  {
    Namespace ns = classify_uri (uri);
    p->ns_cache[p->ns_cache_next].uri = uri;
    p->ns_cache[p->ns_cache_next].ns = ns;
    p->ns_cache_next = (p->ns_cache_next + 1) % G_N_ELEMENTS (p->ns_cache);
    return ns;
  }
}

/* g_strndup() for a range known to hold no NUL, without its scan for one. */
static char *
copy_range (const char *start, const char *end)
{
  char *copy = g_malloc (end - start + 1);

  memcpy (copy, start, end - start);
  copy[end - start] = '\0';
  return copy;
}

/* An unprefixed attribute of the element being opened, trimmed; NULL when absent or empty.
 * libxml2 leaves '&' as "&#38;" in attribute values when it does not substitute entities. */
static char *
attribute (Parser *p, const char *name)
{
  for (int i = 0; i < p->n_attributes; i++)
    {
      const xmlChar **a = p->attributes + i * 5;
      const char *value = (const char *) a[3], *end = (const char *) a[4], *nul;
      GString *copy;

      if (a[1] != NULL || a[0][0] != (xmlChar) name[0] || strcmp ((const char *) a[0], name) != 0)
        continue;
      /* Trimmed before it is copied, so the copy is made once and at its size. */
      nul = memchr (value, '\0', end - value);
      if (nul != NULL)
        end = nul;
      while (value < end && g_ascii_isspace (*value))
        value++;
      while (end > value && g_ascii_isspace (end[-1]))
        end--;
      if (value == end)
        return NULL;
      /* Most values hold no reference. */
      if (memchr (value, '&', end - value) == NULL)
        return copy_range (value, end);
      copy = g_string_new_len (value, end - value);
      g_string_replace (copy, "&#38;", "&", 0);
      return g_string_free (copy, FALSE);
    }
  return NULL;
}

static void
set_if_empty (char **target, char *value)
{
  if (*target == NULL && value != NULL && *value)
    *target = value;
  else
    g_free (value);
}

/* set_if_empty() with a copy of @value, made only when it is kept. */
static void
copy_if_empty (char **target, const char *value)
{
  if (*target == NULL && value != NULL && *value)
    *target = g_strdup (value);
}

static void
replace (char **target, char *value)
{
  if (value != NULL && *value)
    {
      g_free (*target);
      *target = value;
    }
  else
    g_free (value);
}

/* Decodes only complete references ("&amp;", "&#233;"): text that was escaped twice. A literal
 * "&gtgt;" or "AT&T" stays as written. */
static char *
decode_double_escaped (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p)
    {
      const char *semi;
      if (*p == '&' && (semi = strchr (p + 1, ';')) != NULL && semi - p <= 32 && semi > p + 1)
        {
          const char *replacement = NULL;
          char buffer[8];
          if (p[1] == '#')
            {
              gboolean hex = p[2] == 'x' || p[2] == 'X';
              char *end;
              guint64 value = g_ascii_strtoull (p + (hex ? 3 : 2), &end, hex ? 16 : 10);
              if (end == semi && end > p + (hex ? 3 : 2) && value > 0 && value <= 0x10FFFF
                  && g_unichar_validate ((gunichar) value))
                {
                  buffer[g_unichar_to_utf8 ((gunichar) value, buffer)] = '\0';
                  replacement = buffer;
                }
            }
          else
            {
              const char *q = p + 1;
              while (q < semi && g_ascii_isalnum (*q))
                q++;
              if (q == semi)
                replacement = hark_html_entity_lookup (p + 1, semi - p - 1, TRUE);
            }
          if (replacement != NULL)
            {
              g_string_append (out, replacement);
              p = semi + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Whether hark_text_collapse_space() would give @text back as it is: printable ASCII with
 * single spaces between words, as most titles and names are. */
static gboolean
is_collapsed (const char *text)
{
  for (const char *c = text; *c; c++)
    {
      if ((guchar) *c > 0x20 && (guchar) *c < 0x7F)
        continue;
      if (*c != ' ' || c == text || (guchar) c[1] <= 0x20 || (guchar) c[1] >= 0x7F)
        return FALSE;
    }
  return TRUE;
}

/* Plain text for titles: one line, and the entities a publisher escaped twice decoded. */
static char *
clean_title (Parser *p, const char *text)
{
  g_autofree char *decoded = NULL;
  if (strchr (text, '&') != NULL)
    {
      decoded = decode_double_escaped (text);
      if (strcmp (decoded, text) != 0)
        hark_feed_warn (&p->warnings, "double-escaped", current_line (p),
                        _("entities escaped twice in a title decoded"));
    }
  if (decoded == NULL && is_collapsed (text))
    return g_strdup (text);
  return hark_text_collapse_space (decoded ? decoded : text);
}

/* Tags that end a line of text: they become a space, inline ones (<b>, <a>) nothing. Every
 * tag of every description comes here, so the name is matched by its length, then its letters. */
static gboolean
is_block_tag (const char *tag, gsize length)
{
  const char *name = tag + 1;
  char first, second;
  gsize n;

  if (*name == '/')
    name++;
  for (n = 0; name + n < tag + length && g_ascii_isalnum (name[n]); n++)
    ;
  if (n == 0)
    return FALSE;
  first = g_ascii_tolower (name[0]);
  second = n > 1 ? g_ascii_tolower (name[1]) : '\0';
  switch (n)
    {
    case 1:
      return first == 'p';
    case 2:
      /* h1 to h6 and hr; br, li, ul, ol, tr and td. */
      if (first == 'h')
        return (second >= '1' && second <= '6') || second == 'r';
      return (first == 'b' && second == 'r') || (first == 'l' && second == 'i')
             || (first == 'u' && second == 'l') || (first == 'o' && second == 'l')
             || (first == 't' && (second == 'r' || second == 'd'));
    case 3:
      return g_ascii_strncasecmp (name, "div", 3) == 0;
    case 10:
      return g_ascii_strncasecmp (name, "blockquote", 10) == 0;
    default:
      return FALSE;
    }
}

/* The bytes clean_description() must look at: white space, markup, references, and 0xC2 (the
 * lead byte of U+00A0); and the NUL after the text. */
static const guint8 run_stops[256] = {
  ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, ['<'] = 1, ['&'] = 1, [0xC2] = 1, [' '] = 1, ['\0'] = 1,
};

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH_BITS (ONES * 0x80)

/* The high bit of each byte of @w equal to @c; every byte of @w must be below 0x80, so no
 * byte carries into the next. */
static inline guint64
bytes_equal (guint64 w, guchar c)
{
  guint64 t = w ^ (ONES * c);
  return ~(t + ONES * 0x7F) & HIGH_BITS;
}

/* Whether the eight bytes at @s all belong to a plain run: printable ASCII other than '<' and
 * '&', or single spaces (followed by a byte above 0x20). A word that is not, or one holding
 * anything else, goes through the byte loop. @s[8] must be readable. */
static inline gboolean
word_in_run (const char *s)
{
  guint64 w, next, spaces;

  memcpy (&w, s, sizeof w);
  if (w & HIGH_BITS)
    return FALSE;
  spaces = bytes_equal (w, ' ');
  /* Bytes up to 0x20 other than spaces: control characters and the NUL. */
  if (~(w + ONES * 0x5F) & HIGH_BITS & ~spaces)
    return FALSE;
  if (bytes_equal (w, '<') | bytes_equal (w, '&'))
    return FALSE;
  if (spaces == 0)
    return TRUE;
  memcpy (&next, s + 1, sizeof next);
  /* The byte after each space is above 0x20 (any byte with its high bit set is). */
  return (spaces & ~((((next & ~HIGH_BITS) + ONES * 0x5F) | next) & HIGH_BITS)) == 0;
}

/* Descriptions arrive as HTML, escaped or in CDATA; Hark shows plain text. One pass: tags
 * dropped, character references decoded, white space collapsed. @text[@length] is a NUL. */
static char *
clean_description (Parser *p, const char *text, gsize length)
{
  char *out = g_malloc (length + 1), *o = out;
  const char *s = text, *end = text + length;
  gboolean pending_space = FALSE, had_markup = FALSE;

  while (s < end)
    {
      const char *piece = s;
      gsize piece_length = 1;
      char buffer[8];

      /* Plain runs are most of the text: copy them whole, eight bytes at a time while they
       * last. The text ends in a NUL, which stops the scan, so only spaces need a second
       * look. */
      if (!run_stops[(guchar) *piece])
        piece++;
      for (;;)
        {
          while (piece > s && end - piece > 8 && word_in_run (piece))
            piece += 8;
          while (!run_stops[(guchar) *piece])
            piece++;
          /* A single space between words stays in the run. */
          if (*piece == ' ' && piece > s && piece[1] != ' ' && piece[1] != '\n'
              && piece[1] != '\t' && piece[1] != '\r' && piece[1] != '\0')
            {
              piece++;
              continue;
            }
          break;
        }
      if (piece > s)
        {
          if (pending_space)
            *o++ = ' ';
          pending_space = FALSE;
          memcpy (o, s, piece - s);
          o += piece - s;
          s = piece;
          continue;
        }
      if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'
          || ((guchar) s[0] == 0xC2 && (guchar) s[1] == 0xA0))
        {
          pending_space = o > out && o[-1] != ' ';
          s += (guchar) s[0] == 0xC2 ? 2 : 1;
          continue;
        }
      if (*s == '<' && (g_ascii_isalpha (s[1]) || s[1] == '/' || s[1] == '!'))
        {
          const char *close = memchr (s, '>', end - s);
          if (close != NULL)
            {
              had_markup = TRUE;
              if (is_block_tag (s, close - s))
                pending_space = o > out && o[-1] != ' ';
              s = close + 1;
              continue;
            }
        }
      if (*s == '&')
        {
          const char *semi = memchr (s, ';', MIN ((gsize) (end - s), (gsize) 34));
          const char *replacement = NULL;
          if (semi != NULL && s[1] == '#')
            {
              gboolean hex = s[2] == 'x' || s[2] == 'X';
              char *digits_end;
              guint64 value = g_ascii_strtoull (s + (hex ? 3 : 2), &digits_end, hex ? 16 : 10);
              if (digits_end == semi && value > 0 && value <= 0x10FFFF
                  && g_unichar_validate ((gunichar) value))
                {
                  buffer[g_unichar_to_utf8 ((gunichar) value, buffer)] = '\0';
                  replacement = buffer;
                }
            }
          else if (semi != NULL && semi > s + 1)
            replacement = hark_html_entity_lookup (s + 1, semi - s - 1, TRUE);
          if (replacement != NULL)
            {
              piece = replacement;
              piece_length = strlen (replacement);
              s = semi + 1;
              if (strcmp (replacement, "\u00a0") == 0)
                {
                  pending_space = o > out && o[-1] != ' ';
                  continue;
                }
            }
          else
            s++;
        }
      else
        s++;
      if (pending_space)
        *o++ = ' ';
      pending_space = FALSE;
      /* A decoded reference can be longer than the reference only for a few long names. */
      if (o + piece_length > out + length)
        {
          gsize used = o - out;
          length = length * 2 + piece_length;
          out = g_realloc (out, length + 1);
          o = out + used;
        }
      memcpy (o, piece, piece_length);
      o += piece_length;
    }
  while (o > out && o[-1] == ' ')
    o--;
  *o = '\0';
  /* Markup and white space removed leave room the model should not keep. */
  if ((gsize) (o - out) + 64 < length)
    out = g_realloc (out, o - out + 1);
  if (had_markup)
    hark_feed_warn (&p->warnings, "html", current_line (p),
                    _("HTML markup in a description reduced to plain text"));
  return out;
}

static gboolean
is_playable_type (const char *type, const char *url)
{
  static const char *const extensions[] = {
    ".mp3", ".m4a", ".m4b", ".mp4", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wav",
    ".webm", ".mov", ".m4v", NULL,
  };
  if (type == NULL || g_str_has_prefix (type, "audio/") || g_str_has_prefix (type, "video/"))
    return TRUE;
  if (strcmp (type, "application/octet-stream") == 0 || strcmp (type, "binary/octet-stream") == 0
      || strcmp (type, "application/ogg") == 0)
    return TRUE;
  if (url != NULL)
    {
      gsize length = strcspn (url, "?#");
      for (guint i = 0; extensions[i]; i++)
        {
          gsize n = strlen (extensions[i]);
          if (length >= n && g_ascii_strncasecmp (url + length - n, extensions[i], n) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
read_enclosure (Parser *p, const char *url_attr, gboolean fallback)
{
  g_autofree char *url = attribute (p, url_attr);
  g_autofree char *type = attribute (p, "type");
  g_autofree char *length = NULL;
  HarkFeedEpisode *e = p->episode;

  if (url == NULL || e->enclosure_url != NULL || !is_playable_type (type, url))
    return;
  if (fallback && type == NULL)
    return;
  length = attribute (p, fallback ? "fileSize" : "length");
  e->enclosure_url = g_steal_pointer (&url);
  e->enclosure_type = g_steal_pointer (&type);
  e->enclosure_length = -1;
  if (length != NULL)
    {
      char *end;
      gint64 value = g_ascii_strtoll (length, &end, 10);
      if (*end == '\0' && value > 0)
        e->enclosure_length = value;
    }
  if (e->enclosure_length < 0 && !fallback)
    hark_feed_warn (&p->warnings, "length", current_line (p),
                    _("enclosure length is 0, missing or not a number"));
}

static void
start_text (Parser *p, Field field, int depth)
{
  p->field = field;
  p->field_depth = depth;
  g_string_truncate (p->text, 0);
  p->text_truncated = FALSE;
}

/* g_ascii_strdown() on a string the caller owns, without a copy. */
static char *
ascii_down_in_place (char *text)
{
  for (char *c = text; *c; c++)
    *c = g_ascii_tolower (*c);
  return text;
}

static void
start_person (Parser *p, int depth)
{
  char *role = attribute (p, "role");
  char *group = attribute (p, "group");

  p->person = g_new0 (HarkFeedPerson, 1);
  p->person->role = role ? ascii_down_in_place (role) : g_strdup ("host");
  p->person->group = group ? ascii_down_in_place (group) : g_strdup ("cast");
  p->person->img = attribute (p, "img");
  p->person->href = attribute (p, "href");
  start_text (p, F_PERSON, depth);
}

static void
read_link_element (Parser *p, gboolean in_item)
{
  g_autofree char *rel = attribute (p, "rel");
  g_autofree char *href = attribute (p, "href");

  if (href == NULL)
    return;
  if (in_item)
    {
      if (rel && strcmp (rel, "enclosure") == 0)
        read_enclosure (p, "href", FALSE);
      else if (rel == NULL || strcmp (rel, "alternate") == 0)
        set_if_empty (&p->episode->link, g_steal_pointer (&href));
      return;
    }
  if (rel && strcmp (rel, "next") == 0)
    set_if_empty (&p->feed->next_page, g_steal_pointer (&href));
  else if (rel && strcmp (rel, "self") == 0)
    set_if_empty (&p->feed->self_url, g_steal_pointer (&href));
  else if (p->atom && (rel == NULL || strcmp (rel, "alternate") == 0))
    set_if_empty (&p->feed->link, g_steal_pointer (&href));
}

/* An element opens at @depth (its parent's kind is stack[depth - 1]). Returns its kind. */
static Kind
open_element (Parser *p, int depth, Namespace ns, const char *name)
{
  Kind parent = depth > 0 ? p->stack[depth - 1] : K_OTHER;
  gboolean in_item = parent == K_ITEM && p->episode != NULL;
  gboolean in_show = parent == K_CHANNEL || (p->atom && parent == K_ROOT);

  if (depth == 0)
    return K_ROOT;
  if (parent == K_IMAGE && ns == NS_NONE && strcmp (name, "url") == 0)
    {
      start_text (p, F_IMAGE_URL, depth);
      return K_OTHER;
    }
  if (!in_item && p->episode == NULL
      && ((ns == NS_NONE && strcmp (name, "item") == 0 && !p->atom)
          || (ns == NS_ATOM && p->atom && strcmp (name, "entry") == 0)))
    {
      if (p->feed->episodes->len >= HARK_FEED_MAX_EPISODES)
        {
          hark_feed_warn (&p->warnings, "too-many", current_line (p),
                          _("more than %d episodes; the rest ignored"), HARK_FEED_MAX_EPISODES);
          return K_OTHER;
        }
      p->episode = hark_feed_episode_new ();
      p->episode_line = current_line (p);
      return K_ITEM;
    }
  if (ns == NS_NONE && strcmp (name, "channel") == 0 && parent == K_ROOT)
    return K_CHANNEL;

  if (in_item)
    {
      HarkFeedEpisode *e = p->episode;
      if (ns == NS_NONE || (ns == NS_ATOM && p->atom))
        {
          if (strcmp (name, "title") == 0)
            start_text (p, F_TITLE, depth);
          else if (strcmp (name, "link") == 0 && ns == NS_ATOM)
            read_link_element (p, TRUE);
          else if (strcmp (name, "link") == 0)
            start_text (p, F_LINK, depth);
          else if (strcmp (name, "description") == 0 || strcmp (name, "summary") == 0)
            start_text (p, F_DESCRIPTION, depth);
          else if (strcmp (name, "content") == 0)
            start_text (p, F_CONTENT, depth);
          else if (strcmp (name, "guid") == 0 || strcmp (name, "id") == 0)
            start_text (p, F_GUID, depth);
          else if (strcmp (name, "pubDate") == 0 || strcmp (name, "published") == 0
                   || (strcmp (name, "updated") == 0 && !e->has_published))
            start_text (p, F_DATE, depth);
          else if (strcmp (name, "enclosure") == 0)
            read_enclosure (p, "url", FALSE);
        }
      else if (ns == NS_ATOM && strcmp (name, "link") == 0)
        read_link_element (p, TRUE);
      else if (ns == NS_ITUNES)
        {
          if (strcmp (name, "duration") == 0)
            start_text (p, F_DURATION, depth);
          else if (strcmp (name, "image") == 0)
            set_if_empty (&e->image, attribute (p, "href"));
          else if (strcmp (name, "summary") == 0)
            start_text (p, F_SUMMARY, depth);
          else if (strcmp (name, "title") == 0 && (e->title == NULL || !*e->title))
            start_text (p, F_TITLE, depth);
        }
      else if (ns == NS_CONTENT && strcmp (name, "encoded") == 0)
        start_text (p, F_CONTENT, depth);
      else if (ns == NS_DC && strcmp (name, "date") == 0 && !e->has_published)
        start_text (p, F_DATE, depth);
      else if (ns == NS_MEDIA && strcmp (name, "content") == 0)
        read_enclosure (p, "url", TRUE);
      else if (ns == NS_PODCAST)
        {
          if (strcmp (name, "transcript") == 0)
            {
              HarkFeedTranscript *t = g_new0 (HarkFeedTranscript, 1);
              t->url = attribute (p, "url");
              t->type = attribute (p, "type");
              t->language = attribute (p, "language");
              t->rel = attribute (p, "rel");
              if (t->url)
                g_ptr_array_add (e->transcripts, t);
              else
                hark_feed_transcript_free (t);
            }
          else if (strcmp (name, "chapters") == 0 && e->chapters_url == NULL)
            {
              e->chapters_url = attribute (p, "url");
              e->chapters_type = attribute (p, "type");
            }
          else if (strcmp (name, "person") == 0)
            start_person (p, depth);
        }
      return K_OTHER;
    }

  if (in_show)
    {
      HarkFeed *f = p->feed;
      if (ns == NS_NONE || (ns == NS_ATOM && p->atom))
        {
          if (strcmp (name, "title") == 0)
            start_text (p, F_TITLE, depth);
          else if (strcmp (name, "link") == 0 && ns == NS_ATOM)
            read_link_element (p, FALSE);
          else if (strcmp (name, "link") == 0)
            start_text (p, F_LINK, depth);
          else if (strcmp (name, "language") == 0)
            start_text (p, F_LANGUAGE, depth);
          else if (strcmp (name, "description") == 0 || strcmp (name, "subtitle") == 0)
            start_text (p, F_DESCRIPTION, depth);
          else if (strcmp (name, "image") == 0 && ns == NS_NONE)
            return K_IMAGE;
          else if (strcmp (name, "logo") == 0 || strcmp (name, "icon") == 0)
            start_text (p, F_IMAGE_URL, depth);
        }
      else if (ns == NS_ATOM && strcmp (name, "link") == 0)
        read_link_element (p, FALSE);
      else if (ns == NS_ITUNES)
        {
          if (strcmp (name, "image") == 0)
            set_if_empty (&p->show_itunes_image, attribute (p, "href"));
          else if (strcmp (name, "new-feed-url") == 0)
            start_text (p, F_NEW_FEED_URL, depth);
          else if (strcmp (name, "author") == 0)
            start_text (p, F_AUTHOR, depth);
          else if (strcmp (name, "summary") == 0)
            start_text (p, F_SUMMARY, depth);
        }
      else if (ns == NS_DC && strcmp (name, "language") == 0)
        start_text (p, F_LANGUAGE, depth);
      else if (ns == NS_PODCAST && strcmp (name, "person") == 0)
        start_person (p, depth);
      (void) f;
    }
  return K_OTHER;
}

/* The collected text with white space trimmed, in place in its buffer: each field that keeps
 * it copies it once. */
static char *
collected_text_trimmed (Parser *p)
{
  char *start = p->text->str, *end = start + strlen (start);

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  *end = '\0';
  return start;
}

static void
finish_text (Parser *p)
{
  char *trimmed;
  HarkFeedEpisode *e = p->episode;
  HarkFeed *f = p->feed;
  Field field = p->field;

  p->field = F_NONE;
  if (p->text_truncated)
    hark_feed_warn (&p->warnings, "long-text", current_line (p),
                    _("text longer than %u KB cut"), HARK_FEED_MAX_TEXT / 1024);
  /* Descriptions are cleaned straight from the buffer; everything else is short. */
  if (field == F_DESCRIPTION || field == F_CONTENT || field == F_SUMMARY)
    {
      char *text = clean_description (p, p->text->str, p->text->len);
      if (field == F_DESCRIPTION)
        replace (e ? &e->description : &f->description, text);
      else
        set_if_empty (e ? &p->summary : &f->description, text);
      return;
    }
  trimmed = collected_text_trimmed (p);
  switch (field)
    {
    case F_TITLE:
      if (e)
        replace (&e->title, clean_title (p, trimmed));
      else
        set_if_empty (&f->title, clean_title (p, trimmed));
      break;
    case F_LINK:
      copy_if_empty (e ? &e->link : &f->link, trimmed);
      break;
    case F_DESCRIPTION:
    case F_CONTENT:
    case F_SUMMARY: /* cleaned above */
      break;
    case F_LANGUAGE:
      copy_if_empty (&f->language, trimmed);
      break;
    case F_GUID:
      if (e)
        copy_if_empty (&e->guid, trimmed);
      break;
    case F_DATE:
      if (e && *trimmed)
        {
          gboolean wrong_weekday = FALSE;
          gint64 when;
          if (hark_feed_parse_date (trimmed, &when, &wrong_weekday))
            {
              e->has_published = TRUE;
              e->published = when;
              if (wrong_weekday)
                hark_feed_warn (&p->warnings, "weekday", current_line (p),
                                _("date “%s” names the wrong weekday; the date was kept"), trimmed);
              if (!p->atom && g_ascii_isdigit (trimmed[0]) && strchr (trimmed, '-')
                  && strlen (trimmed) >= 10 && trimmed[4] == '-')
                hark_feed_warn (&p->warnings, "iso-date", current_line (p),
                                _("date “%s” is ISO 8601, not RFC 822; read anyway"), trimmed);
            }
          else
            hark_feed_warn (&p->warnings, "bad-date", current_line (p),
                            _("date “%s” not understood; the episode has no date"), trimmed);
        }
      break;
    case F_DURATION:
      if (e && *trimmed)
        {
          double seconds;
          if (hark_feed_parse_duration (trimmed, &seconds))
            e->duration = seconds;
          else
            hark_feed_warn (&p->warnings, "bad-duration", current_line (p),
                            _("duration “%s” not understood"), trimmed);
        }
      break;
    case F_IMAGE_URL:
      copy_if_empty (&f->image, trimmed);
      break;
    case F_NEW_FEED_URL:
      copy_if_empty (&f->new_feed_url, trimmed);
      break;
    case F_AUTHOR:
      set_if_empty (&f->author, clean_title (p, trimmed));
      break;
    case F_PERSON:
      if (*trimmed)
        {
          p->person->name = clean_title (p, trimmed);
          g_ptr_array_add (e ? e->persons : f->persons, g_steal_pointer (&p->person));
        }
      g_clear_pointer (&p->person, hark_feed_person_free);
      break;
    case F_NONE:
      break;
    }
}

/* Whether @url starts with a scheme (RFC 3986: a letter, then letters, digits, '+', '-' or
 * '.', then ':'), as g_uri_peek_scheme() decides without its lowercased, interned copy. */
static gboolean
has_scheme (const char *url)
{
  const char *p = url;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':';
}

static gboolean
is_relative (const char *url)
{
  return url != NULL && !has_scheme (url);
}

/* Whether finish_feed() would change @e: a URL to resolve (or warn about), or no people of its
 * own, so that it takes the show's. */
static gboolean
episode_needs_finishing (HarkFeedEpisode *e)
{
  if (e->persons->len == 0 || is_relative (e->enclosure_url) || is_relative (e->link)
      || is_relative (e->image) || is_relative (e->chapters_url))
    return TRUE;
  for (guint i = 0; i < e->transcripts->len; i++)
    if (is_relative (((HarkFeedTranscript *) g_ptr_array_index (e->transcripts, i))->url))
      return TRUE;
  for (guint i = 0; i < e->persons->len; i++)
    {
      HarkFeedPerson *person = g_ptr_array_index (e->persons, i);
      if (is_relative (person->img) || is_relative (person->href))
        return TRUE;
    }
  return FALSE;
}

static void
finish_episode (Parser *p)
{
  HarkFeedEpisode *e = g_steal_pointer (&p->episode);
  g_autofree char *identity = NULL;

  if (e->title == NULL)
    e->title = g_strdup ("");
  if (e->description == NULL)
    e->description = g_steal_pointer (&p->summary);
  g_clear_pointer (&p->summary, g_free);
  identity = hark_feed_episode_identity (e);
  e->id = hark_feed_episode_id_from_identity (identity);
  if (g_hash_table_contains (p->seen_ids, e->id))
    {
      hark_feed_warn (&p->warnings, "duplicate", p->episode_line,
                      _("an episode listed twice (same %s); the later copy ignored"),
                      e->guid ? "guid" : e->enclosure_url ? "enclosure URL" : "title and date");
      hark_feed_episode_free (e);
      return;
    }
  if (e->enclosure_url == NULL)
    hark_feed_warn (&p->warnings, "no-enclosure", p->episode_line,
                    _("an item without a playable enclosure (listed without one)"));
  g_hash_table_add (p->seen_ids, e->id);
  /* Checked now, while the episode is in the cache, so that finish_feed() visits only these. */
  if (episode_needs_finishing (e))
    g_array_append_val (p->to_finish, p->feed->episodes->len);
  g_ptr_array_add (p->feed->episodes, e);
}

static void
close_element (Parser *p, int depth, Kind kind)
{
  if (p->field != F_NONE && depth == p->field_depth)
    finish_text (p);
  if (kind == K_ITEM && p->episode != NULL)
    finish_episode (p);
}

static void
on_characters (void *data, const xmlChar *chars, int length)
{
  Parser *p = data;
  gsize room;

  if (p->field == F_NONE || length <= 0)
    return;
  room = HARK_FEED_MAX_TEXT > p->text->len ? HARK_FEED_MAX_TEXT - p->text->len : 0;
  if ((gsize) length > room)
    {
      const char *value = (const char *) chars;
      const char *cut = room > 0 ? g_utf8_find_prev_char (value, value + room + 1) : NULL;
      length = cut ? (int) (cut - value) : 0;
      p->text_truncated = TRUE;
    }
  g_string_append_len (p->text, (const char *) chars, length);
}

static void
stop (Parser *p, GError *error)
{
  if (p->error == NULL)
    p->error = error;
  else
    g_error_free (error);
  xmlStopParser (p->ctxt);
}

static gboolean
check_root (Parser *p, Namespace ns, const char *name, const char *qname)
{
  if (ns == NS_NONE && strcmp (name, "rss") == 0)
    return TRUE;
  if (ns == NS_RDF && strcmp (name, "RDF") == 0)
    return TRUE;
  if (ns == NS_ATOM && strcmp (name, "feed") == 0)
    {
      p->atom = TRUE;
      return TRUE;
    }
  stop (p, g_error_new (HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                        _("%s: not a podcast feed (the document is <%s>, not RSS or Atom)"),
                        p->warnings.name, qname));
  return FALSE;
}

static void
on_start_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                  int n_namespaces, const xmlChar **namespaces, int n_attributes,
                  int n_defaulted, const xmlChar **attributes)
{
  Parser *p = data;
  const char *name = (const char *) localname;
  Namespace ns;
  int depth = p->depth++;
  Kind kind = K_OTHER;

  if (p->error != NULL)
    return;
  if (depth >= HARK_FEED_MAX_DEPTH)
    {
      stop (p, g_error_new (HARK_ERROR, HARK_ERROR_PARSE,
                            _("%s:%u: elements nested deeper than %d levels; refused"),
                            p->warnings.name, current_line (p), HARK_FEED_MAX_DEPTH));
      return;
    }
  p->attributes = attributes;
  p->n_attributes = n_attributes;
  ns = element_namespace (p, (const char *) prefix, (const char *) uri);
  if (!p->seen_root)
    {
      g_autofree char *qname = prefix ? g_strdup_printf ("%s:%s", prefix, name) : g_strdup (name);
      p->seen_root = TRUE;
      if (!check_root (p, ns, name, qname))
        return;
    }
  if (p->field == F_NONE)
    kind = open_element (p, depth, ns, name);
  p->stack[depth] = kind;
  p->attributes = NULL;
  p->n_attributes = 0;
}

/* hark_feed_input_prepare() removes every DOCTYPE, so one reaching the parser was smuggled
 * past it: refuse the document rather than let libxml2 read any declaration. */
static void
on_internal_subset (void *data, const xmlChar *name, const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Parser *p = data;
  stop (p, g_error_new (HARK_ERROR, HARK_ERROR_PARSE,
                        _("%s:%u: the document declares entities or a DOCTYPE where none can be; "
                          "refused"), p->warnings.name, current_line (p)));
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  on_internal_subset (data, name, public_id, system_id);
}

static void
on_end_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  Parser *p = data;

  if (p->depth == 0)
    return;
  p->depth--;
  if (p->error == NULL && p->depth < HARK_FEED_MAX_DEPTH)
    close_element (p, p->depth, p->stack[p->depth]);
}

static void
on_xml_error (void *data, xmlErrorPtr error)
{
  Parser *p = data;
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;

  /* Undeclared prefixes are reported (once, with the prefix) by element_name(). */
  if (error->domain == XML_FROM_NAMESPACE)
    return;
  /* libxml2 quotes the input in some messages and may cut it inside a character. */
  message = g_strstrip (g_utf8_make_valid (error->message ? error->message : "error", -1));
  key = g_strdup_printf ("xml-%d", error->code);
  hark_feed_warn (&p->warnings, key, error->line > 0 ? (guint) error->line : 0,
                  _("XML error recovered from: %s"), message);
}

/* Relative URLs resolve against the feed's own address. */
static void
resolve_url (Parser *p, const char *base, char **url)
{
  char *resolved;

  if (*url == NULL || has_scheme (*url))
    return;
  if (base == NULL)
    {
      hark_feed_warn (&p->warnings, "relative-unresolved", 0,
                      _("relative URL “%s” kept as it is: no feed address to resolve it against"),
                      *url);
      return;
    }
  resolved = g_uri_resolve_relative (base, *url, G_URI_FLAGS_NONE, NULL);
  if (resolved == NULL)
    return;
  hark_feed_warn (&p->warnings, "relative", 0, _("relative URL “%s” resolved against %s"), *url,
                  base);
  g_free (*url);
  *url = resolved;
}

static void
resolve_persons (Parser *p, const char *base, GPtrArray *persons)
{
  for (guint i = 0; i < persons->len; i++)
    {
      HarkFeedPerson *person = g_ptr_array_index (persons, i);
      resolve_url (p, base, &person->img);
      resolve_url (p, base, &person->href);
    }
}

static void
finish_feed (Parser *p)
{
  HarkFeed *f = p->feed;
  const char *base = p->base_url;

  if (base == NULL && f->self_url && g_uri_peek_scheme (f->self_url))
    base = f->self_url;
  if (f->image == NULL || p->show_itunes_image != NULL)
    replace (&f->image, g_steal_pointer (&p->show_itunes_image));
  resolve_url (p, base, &f->link);
  resolve_url (p, base, &f->image);
  resolve_url (p, base, &f->new_feed_url);
  resolve_url (p, base, &f->next_page);
  resolve_persons (p, base, f->persons);
  for (guint i = 0; i < p->to_finish->len; i++)
    {
      HarkFeedEpisode *e = g_ptr_array_index (f->episodes, g_array_index (p->to_finish, guint, i));
      resolve_url (p, base, &e->enclosure_url);
      resolve_url (p, base, &e->link);
      resolve_url (p, base, &e->image);
      resolve_url (p, base, &e->chapters_url);
      for (guint j = 0; j < e->transcripts->len; j++)
        resolve_url (p, base, &((HarkFeedTranscript *) g_ptr_array_index (e->transcripts, j))->url);
      resolve_persons (p, base, e->persons);
      /* Podcasting 2.0: the show's people take part in every episode that names none. */
      if (e->persons->len == 0)
        for (guint j = 0; j < f->persons->len; j++)
          g_ptr_array_add (e->persons, hark_feed_person_copy (g_ptr_array_index (f->persons, j)));
    }
}

static gboolean
feed_chunk (const char *chunk, gsize length, gpointer user_data)
{
  Parser *p = user_data;

  if (p->error != NULL || p->ctxt->disableSAX)
    return FALSE;
  xmlParseChunk (p->ctxt, chunk, (int) length, 0);
  return p->error == NULL && !p->ctxt->disableSAX;
}

/* The repaired document goes to libxml2 piece by piece, as it would arrive from the network. */
static gboolean
run (Parser *p, const char *data, gsize length, GError **error)
{
  if (!hark_feed_input_prepare (data, length, &p->warnings, feed_chunk, p, error))
    return FALSE;
  if (p->error == NULL && !p->ctxt->disableSAX)
    xmlParseChunk (p->ctxt, NULL, 0, 1);

  if (p->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&p->error));
      return FALSE;
    }
  /* A document cut short still gives what was read before the break. */
  if (p->field != F_NONE)
    finish_text (p);
  if (p->episode != NULL)
    finish_episode (p);
  if (!p->seen_root)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE, _("%s: not XML (no element in it)"),
                   p->warnings.name);
      return FALSE;
    }
  if (p->depth > 0 || p->ctxt->disableSAX)
    hark_feed_warn (&p->warnings, "stopped", current_line (p),
                    _("the document ends before its elements are closed; what was read is kept"));
  return TRUE;
}

HarkFeed *
hark_feed_parse (const char *data, gsize length, const char *name, const char *base_url,
                 GError **error)
{
  Parser p = { 0 };
  gboolean ok;

  if (name == NULL)
    name = "feed";
  hark_feed_warnings_init (&p.warnings, name);

  p.feed = g_new0 (HarkFeed, 1);
  p.feed->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_person_free);
  p.feed->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_episode_free);
  p.feed->warnings = g_ptr_array_new_with_free_func (g_free);
  p.base_url = base_url && g_uri_peek_scheme (base_url) ? base_url : NULL;
  p.text = g_string_new (NULL);
  p.seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  p.to_finish = g_array_new (FALSE, FALSE, sizeof (guint));
  {
    xmlSAXHandler sax = { 0 };
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start_element;
    sax.endElementNs = on_end_element;
    sax.characters = on_characters;
    sax.ignorableWhitespace = on_characters;
    sax.cdataBlock = on_characters;
    sax.serror = on_xml_error;
    sax.internalSubset = on_internal_subset;
    sax.externalSubset = on_internal_subset;
    sax.entityDecl = on_entity_decl;
    p.ctxt = xmlCreatePushParserCtxt (&sax, &p, NULL, 0, name);
  }
  if (p.ctxt == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_FAILED, _("%s: the XML parser could not start"),
                   name);
      ok = FALSE;
    }
  else
    {
      /* No NOENT, DTDLOAD or DTDATTR: nothing is expanded or fetched; NONET in case. */
      xmlCtxtUseOptions (p.ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING);
      xmlSwitchEncoding (p.ctxt, XML_CHAR_ENCODING_UTF8);
      ok = run (&p, data, length, error);
      if (p.ctxt->myDoc != NULL)
        xmlFreeDoc (p.ctxt->myDoc);
      xmlFreeParserCtxt (p.ctxt);
    }
  if (ok && !p.atom && p.feed->title == NULL && p.feed->episodes->len == 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("%s: not a podcast feed (no channel and no items)"), name);
      ok = FALSE;
    }
  if (ok)
    {
      finish_feed (&p);
      hark_feed_warnings_flush (&p.warnings, p.feed->warnings);
    }
  else
    g_clear_pointer (&p.feed, hark_feed_free);
  if (p.episode)
    hark_feed_episode_free (p.episode);
  if (p.person)
    hark_feed_person_free (p.person);
  g_free (p.summary);
  g_free (p.show_itunes_image);
  g_string_free (p.text, TRUE);
  g_clear_error (&p.error);
  g_hash_table_unref (p.seen_ids);
  g_array_unref (p.to_finish);
  hark_feed_warnings_clear (&p.warnings);
  return p.feed;
}
