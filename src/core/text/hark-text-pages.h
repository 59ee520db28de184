/* hark-text-pages.h — what a page of a printed transcript adds that nobody said
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The running header a transcript saved from a PDF repeats after its form feeds ("\fShow
 * Name"), or NULL when no text follows two form feeds alike. Free with g_free(). */
char *hark_text_find_running_header (const char *text);

/* Whether the line (@length bytes) is a page's furniture, not words: "Page 3 of 45" on its own
 * (after any blanks), a form feed with nothing or @running_header after it, or
 * @running_header alone. @running_header may be NULL. */
gboolean hark_text_line_is_page_furniture (const char *line, gsize length,
                                           const char *running_header);

G_END_DECLS
