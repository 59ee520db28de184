/* hark-opml.c — OPML subscription lists in and out
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading goes through hark_feed_input_prepare() and libxml2's SAX2 like a feed, so an OPML
 * file gets the same repairs and the same refusal of DOCTYPEs and entity declarations.
 */
#include "feeds/hark-opml.h"
#include "util/hark-i18n.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "feeds/hark-feed-private.h"
#include "util/hark-error.h"

void
hark_opml_outline_free (HarkOpmlOutline *outline)
{
  if (outline == NULL)
    return;
  g_free (outline->url);
  g_free (outline->title);
  g_free (outline->link);
  g_free (outline);
}

typedef struct
{
  xmlParserCtxtPtr ctxt;
  HarkFeedWarnings warnings;
  GPtrArray *outlines;
  GHashTable *seen;
  int depth;
  gboolean seen_root;
  GError *error;
} OpmlParser;

static void
stop (OpmlParser *p, GError *error)
{
  if (p->error == NULL)
    p->error = error;
  else
    g_error_free (error);
  xmlStopParser (p->ctxt);
}

static char *
attribute (const xmlChar **attributes, int n, const char *name)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + i * 5;
      GString *value;
      if (a[1] != NULL || g_ascii_strcasecmp ((const char *) a[0], name) != 0)
        continue;
      value = g_string_new_len ((const char *) a[3], a[4] - a[3]);
      g_string_replace (value, "&#38;", "&", 0);
      g_strstrip (value->str);
      value->len = strlen (value->str);
      if (value->len == 0)
        {
          g_string_free (value, TRUE);
          return NULL;
        }
      return g_string_free (value, FALSE);
    }
  return NULL;
}

static void
on_start (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
          int n_namespaces, const xmlChar **namespaces, int n_attributes, int n_defaulted,
          const xmlChar **attributes)
{
  OpmlParser *p = data;
  const char *name = (const char *) localname;

  if (p->error)
    return;
  if (++p->depth > HARK_FEED_MAX_DEPTH)
    {
      stop (p, g_error_new (HARK_ERROR, HARK_ERROR_PARSE, _("%s: outlines nested deeper than %d "
                              "levels; refused"), p->warnings.name, HARK_FEED_MAX_DEPTH));
      return;
    }
  if (!p->seen_root)
    {
      p->seen_root = TRUE;
      if (g_ascii_strcasecmp (name, "opml") != 0)
        stop (p, g_error_new (HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                              _("%s: not an OPML file (the document is <%s>)"), p->warnings.name,
                              name));
      return;
    }
  if (g_ascii_strcasecmp (name, "outline") == 0)
    {
      g_autofree char *url = attribute (attributes, n_attributes, "xmlUrl");
      HarkOpmlOutline *outline;
      const char *scheme;

      if (url == NULL)
        return;
      scheme = g_uri_peek_scheme (url);
      if (scheme == NULL || (strcmp (scheme, "http") != 0 && strcmp (scheme, "https") != 0))
        {
          hark_feed_warn (&p->warnings, "opml-url", xmlSAX2GetLineNumber (p->ctxt),
                          _("outline with “%s”, not an http or https address, skipped"), url);
          return;
        }
      if (!g_hash_table_add (p->seen, g_strdup (url)))
        return;
      outline = g_new0 (HarkOpmlOutline, 1);
      outline->url = g_steal_pointer (&url);
      outline->title = attribute (attributes, n_attributes, "title");
      if (outline->title == NULL)
        outline->title = attribute (attributes, n_attributes, "text");
      outline->link = attribute (attributes, n_attributes, "htmlUrl");
      g_ptr_array_add (p->outlines, outline);
    }
}

static void
on_end (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  OpmlParser *p = data;
  if (p->depth > 0)
    p->depth--;
}

static void
on_refused_declaration (void *data, const xmlChar *name, const xmlChar *external_id,
                        const xmlChar *system_id)
{
  OpmlParser *p = data;
  stop (p, g_error_new (HARK_ERROR, HARK_ERROR_PARSE, _("%s: the document declares entities or "
                          "a DOCTYPE where none can be; refused"), p->warnings.name));
}

static void
on_entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
                const xmlChar *system_id, xmlChar *content)
{
  on_refused_declaration (data, name, public_id, system_id);
}

static void
on_error (void *data, xmlErrorPtr error)
{
}

static gboolean
feed_chunk (const char *chunk, gsize length, gpointer data)
{
  OpmlParser *p = data;
  if (p->error != NULL)
    return FALSE;
  xmlParseChunk (p->ctxt, chunk, (int) length, 0);
  return p->error == NULL;
}

GPtrArray *
hark_opml_parse (const char *data, gsize length, const char *name, GError **error)
{
  OpmlParser p = { 0 };
  xmlSAXHandler sax = { 0 };
  gboolean ok;

  hark_feed_warnings_init (&p.warnings, name ? name : "opml");
  p.outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_opml_outline_free);
  p.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.serror = on_error;
  sax.internalSubset = on_refused_declaration;
  sax.externalSubset = on_refused_declaration;
  sax.entityDecl = on_entity_decl;
  p.ctxt = xmlCreatePushParserCtxt (&sax, &p, NULL, 0, p.warnings.name);
  xmlCtxtUseOptions (p.ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING);
  xmlSwitchEncoding (p.ctxt, XML_CHAR_ENCODING_UTF8);
  ok = hark_feed_input_prepare (data, length, &p.warnings, feed_chunk, &p, error);
  if (ok && p.error == NULL)
    xmlParseChunk (p.ctxt, NULL, 0, 1);
  if (p.ctxt->myDoc != NULL)
    xmlFreeDoc (p.ctxt->myDoc);
  xmlFreeParserCtxt (p.ctxt);
  if (ok && p.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&p.error));
      ok = FALSE;
    }
  if (ok && !p.seen_root)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_PARSE, _("%s: not XML (no element in it)"),
                   p.warnings.name);
      ok = FALSE;
    }
  g_clear_error (&p.error);
  g_hash_table_unref (p.seen);
  hark_feed_warnings_clear (&p.warnings);
  if (!ok)
    g_clear_pointer (&p.outlines, g_ptr_array_unref);
  return p.outlines;
}

/* Not g_markup_escape_text(): it writes C1 controls as character references, which the reader
 * (like browsers) takes for Windows-1252, so a title or address holding one would not come back
 * as it was written. Raw, they are valid XML 1.0; tabs and line breaks must be references, or
 * attribute normalization turns them into spaces. */
static void
append_escaped (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\t': g_string_append (out, "&#9;"); break;
      case '\n': g_string_append (out, "&#10;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static void
append_attribute (GString *out, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value);
  g_string_append_c (out, '"');
}

char *
hark_opml_write (GPtrArray *outlines, const char *title)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
                               "  <head>\n    <title>");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  /* RFC 822 wants English names whatever the locale. */
  g_autofree char *date = g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d GMT",
                                           days[g_date_time_get_day_of_week (now) - 1],
                                           g_date_time_get_day_of_month (now),
                                           months[g_date_time_get_month (now) - 1],
                                           g_date_time_get_year (now), g_date_time_get_hour (now),
                                           g_date_time_get_minute (now),
                                           g_date_time_get_second (now));

  append_escaped (out, title ? title : "Hark subscriptions");
  g_string_append_printf (out, "</title>\n    <dateCreated>%s</dateCreated>\n  </head>\n"
                               "  <body>\n", date);
  for (guint i = 0; i < outlines->len; i++)
    {
      const HarkOpmlOutline *o = g_ptr_array_index (outlines, i);
      g_string_append (out, "    <outline type=\"rss\"");
      append_attribute (out, "text", o->title ? o->title : o->url);
      append_attribute (out, "title", o->title ? o->title : o->url);
      append_attribute (out, "xmlUrl", o->url);
      append_attribute (out, "htmlUrl", o->link);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </body>\n</opml>\n");
  return g_string_free (out, FALSE);
}
