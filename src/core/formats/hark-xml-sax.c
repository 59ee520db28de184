/* hark-xml-sax.c — what the readers of XML formats share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "formats/hark-xml-sax.h"
#include "util/hark-i18n.h"

#include <libxml/SAX2.h>

#include "text/hark-text-utils.h"

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
