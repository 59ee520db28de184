/* hark-opml.h — subscription lists as GNOME Podcasts, gPodder and AntennaPod exchange them
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *url;   /* xmlUrl */
  char *title; /* title or text, may be NULL */
  char *link;  /* htmlUrl, may be NULL */
} HarkOpmlOutline;

void hark_opml_outline_free (HarkOpmlOutline *outline);

/* Every <outline> with an xmlUrl, at any depth (categories are flattened), each URL once.
 * Read with the same protections as feeds (no DTD, no entities, depth and size limits). */
GPtrArray *hark_opml_parse (const char *data, gsize length, const char *name, GError **error);

/* An OPML 2.0 document listing @outlines (HarkOpmlOutline *). */
char *hark_opml_write (GPtrArray *outlines, const char *title);

G_END_DECLS
