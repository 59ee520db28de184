/* hark-main-context.h — handing work from a worker thread to a main context
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_main_context_invoke() runs the function at once, on the calling thread, whenever no thread
 * owns the context at that moment (between two iterations of a loop that a test drives, say),
 * so a worker would run main-thread code. Posting a source never does: the function runs when
 * the context's owner next iterates it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @func(@data) once, at G_PRIORITY_DEFAULT, from @context's next iteration; @destroy
 * frees @data afterwards (or when the context is destroyed first). */
void hark_main_context_post (GMainContext *context, GSourceFunc func, gpointer data,
                             GDestroyNotify destroy);

G_END_DECLS
