/* hark-resume.h — remembering where the listener stopped, through the library
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wraps HarkLibrary for the window: one episode at a time, saves that never stop playback, and
 * a problem reported once rather than on every save.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HarkResume HarkResume;

/* Opens the library at @path (NULL: the default). When it cannot be opened, the object still
 * works (saving nothing) and @error says why, for the window to show. */
HarkResume *hark_resume_new (const char *path, GError **error);
void hark_resume_free (HarkResume *self);

/* The episode now playing; @key NULL forgets the current one (nothing is saved then). */
void hark_resume_set_episode (HarkResume *self, const char *key, const char *path,
                              const char *title, double duration);
/* Where to continue the current episode and at what speed; FALSE when it was never played. */
gboolean hark_resume_lookup (HarkResume *self, gboolean rewind, double *position, double *speed);
/* Saves the current episode's position. The first failure comes back in @error; later ones
 * are silent until a save works again. */
gboolean hark_resume_save (HarkResume *self, double position, double speed, GError **error);

/* Up to @limit recent episodes (HarkLibraryEntry), the latest first; empty without a library. */
GPtrArray *hark_resume_list_recent (HarkResume *self, guint limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkResume, hark_resume_free)

G_END_DECLS
