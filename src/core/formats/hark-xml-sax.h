/* hark-xml-sax.h — what the readers of XML formats (TTML, YouTube's timed text, Transcriber) share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both read untrusted files with libxml2's SAX parser in recovery mode, never expanding an
 * entity nor fetching anything, and report what the parser recovered from as warnings.
 */
#pragma once

#include <libxml/parser.h>

#include "formats/hark-reader-util.h"

G_BEGIN_DECLS

/* The line the parser is at, from 1 (0 when it does not know). */
guint hark_xml_sax_line (xmlParserCtxtPtr ctxt);

/* Reports an error libxml2 recovered from as a warning at its line, the first 20 of them
 * (counted in @n_bad, which the reader shares with its own warnings). Namespace complaints are
 * left out: they do not stop anything from being read. */
void hark_xml_sax_warn (HarkSidecarContext *context, guint *n_bad, const xmlError *error);

/* The value of the attribute called @name (any prefix) among SAX2's @n @attributes, copied
 * into @value (libxml2 does not terminate it); NULL when there is none. */
const char *hark_xml_sax_attribute (const xmlChar **attributes, int n, const char *name,
                                    GString *value);

/* @text past white space, an XML declaration, comments and processing instructions: where a
 * sniffer looks for the root element. With @doctype, also past a DOCTYPE that only names an
 * external DTD (one with an internal subset could declare entities, so it is not skipped). */
const char *hark_xml_sax_skip_prolog (const char *text, gboolean doctype);

/* A copy of @text with its XML declaration (and, with @doctype, a DOCTYPE naming only an external
 * DTD) blanked out, newlines kept so that the parser's line numbers stay the file's. The text is
 * UTF-8 by now, whatever the declaration said. */
char *hark_xml_sax_blank_prolog (const char *text, gboolean doctype);

/* Runs libxml2's push parser over @input (from hark_xml_sax_blank_prolog()) with @sax and
 * @user_data, in recovery mode, never expanding an entity, loading a DTD or using the network.
 * *@ctxt is the parser while it runs (callbacks use it for line numbers and to stop it) and NULL
 * afterwards. FALSE only when the parser could not start. */
gboolean hark_xml_sax_parse (const char *input, xmlSAXHandler *sax, void *user_data,
                             xmlParserCtxtPtr *ctxt, HarkSidecarContext *context, GError **error);

G_END_DECLS
