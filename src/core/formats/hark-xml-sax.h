/* hark-xml-sax.h — what the readers of XML formats (TTML, YouTube's timed text) share
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

G_END_DECLS
