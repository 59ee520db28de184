/* hark-xml-sax.c — what the readers of XML formats share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-xml-sax.h"
#include "util/hark-i18n.h"

#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include <string.h>

#include "text/hark-text-utils.h"
#include "util/hark-error.h"

/* Input goes to the parser in pieces of this size, so a stop takes effect soon. */
#define CHUNK_BYTES (64 * 1024)

/* Recovery can report an error on every tag of a damaged file; a few say enough. */
#define MAX_XML_WARNINGS 20

guint
hark_xml_sax_line (xmlParserCtxtPtr ctxt)
{
  int line = xmlSAX2GetLineNumber (ctxt);

  return line > 0 ? (guint) line : 0;
}

void
hark_xml_sax_warn (HarkSidecarContext *context, guint *n_bad, const xmlError *error)
{
  g_autofree char *message = NULL;

  if (error->domain == XML_FROM_NAMESPACE || *n_bad >= MAX_XML_WARNINGS)
    return;
  (*n_bad)++;
  message = g_strstrip (g_strdup (error->message ? error->message : "error"));
  hark_text_warn (context->warnings, context->name, error->line > 0 ? (guint) error->line : 0, 1,
                  _("XML error recovered from: %s"), message);
}

/* The end of the prolog item at @p ("<?…?>", "<!--…-->", with @doctype "<!DOCTYPE …>" without an
 * internal subset), or NULL when @p starts none. */
static const char *
prolog_item_end (const char *p, gboolean doctype)
{
  const char *end;

  if (g_str_has_prefix (p, "<?"))
    return (end = strstr (p, "?>")) ? end + 2 : NULL;
  if (g_str_has_prefix (p, "<!--"))
    return (end = strstr (p, "-->")) ? end + 3 : NULL;
  if (doctype && g_str_has_prefix (p, "<!DOCTYPE"))
    {
      end = strchr (p, '>');
      if (end == NULL || memchr (p, '[', end - p) != NULL)
        return NULL;
      return end + 1;
    }
  return NULL;
}

const char *
hark_xml_sax_skip_prolog (const char *text, gboolean doctype)
{
  const char *p = text, *end;

  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if ((end = prolog_item_end (p, doctype)) == NULL)
        return p;
      p = end;
    }
}

char *
hark_xml_sax_blank_prolog (const char *text, gboolean doctype)
{
  char *copy = g_strdup (text);
  char *p = copy;
  const char *end;

  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      end = prolog_item_end (p, doctype);
      if (end == NULL)
        return copy;
      /* Comments and processing instructions may stay; the declaration and DOCTYPE may not. */
      if (g_str_has_prefix (p, "<?xml") || g_str_has_prefix (p, "<!DOCTYPE"))
        for (char *q = p; q < end; q++)
          if (*q != '\n')
            *q = ' ';
      p = copy + (end - copy);
    }
}

gboolean
hark_xml_sax_parse (const char *input, xmlSAXHandler *sax, void *user_data,
                    xmlParserCtxtPtr *ctxt, HarkSidecarContext *context, GError **error)
{
  gsize length = strlen (input);

  *ctxt = xmlCreatePushParserCtxt (sax, user_data, NULL, 0, context->name);
  if (*ctxt == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_FAILED, _("%s: the XML parser could not start"),
                   context->name);
      return FALSE;
    }
  /* No NOENT, DTDLOAD or DTDATTR: nothing is expanded or fetched; NONET in case. */
  xmlCtxtUseOptions (*ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING);
  xmlSwitchEncoding (*ctxt, XML_CHAR_ENCODING_UTF8);
  for (gsize at = 0; at < length && !(*ctxt)->disableSAX; at += CHUNK_BYTES)
    xmlParseChunk (*ctxt, input + at, (int) MIN (CHUNK_BYTES, length - at), 0);
  if (!(*ctxt)->disableSAX)
    xmlParseChunk (*ctxt, NULL, 0, 1);
  if ((*ctxt)->myDoc != NULL)
    xmlFreeDoc ((*ctxt)->myDoc);
  xmlFreeParserCtxt (*ctxt);
  *ctxt = NULL;
  return TRUE;
}

const char *
hark_xml_sax_attribute (const xmlChar **attributes, int n, const char *name, GString *value)
{
  /* SAX2 gives name, prefix, URI, value start, value end for each. */
  for (int i = 0; i < n; i++)
    if (strcmp ((const char *) attributes[i * 5], name) == 0)
      {
        g_string_assign (value, "");
        g_string_append_len (value, (const char *) attributes[i * 5 + 3],
                             attributes[i * 5 + 4] - attributes[i * 5 + 3]);
        return value->str;
      }
  return NULL;
}
