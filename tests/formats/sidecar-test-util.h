/* sidecar-test-util.h — what the reader tests share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "formats/hark-sidecar.h"

G_BEGIN_DECLS

/* A read that must succeed: the transcript, its cues, what the reader said. */
typedef struct
{
  HarkTranscript *t;
  GPtrArray *warnings;
  HarkSidecarInfo info;
  const HarkCue *cues;
  guint n_cues;
} SidecarRead;

/* Reads @text (its strlen) as @name with AUTO, asserts success and that @expected was sniffed. */
void sidecar_read (SidecarRead *r, const char *text, const char *name, HarkSidecarFormat expected);
/* The same for @length raw bytes. */
void sidecar_read_bytes (SidecarRead *r, const char *data, gsize length, const char *name,
                         HarkSidecarFormat expected);
void sidecar_read_clear (SidecarRead *r);

/* TRUE when a warning starts with @prefix ("name:line:column: Expected …"). */
gboolean sidecar_has_warning (const SidecarRead *r, const char *prefix);

/* Reads @text expecting failure; returns the error. */
GError *sidecar_read_error (const char *text, const char *name, HarkSidecarFormat format);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SidecarRead, sidecar_read_clear)

G_END_DECLS
