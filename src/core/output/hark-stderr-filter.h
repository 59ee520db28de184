/* hark-stderr-filter.h — keeps PortAudio's and ALSA's own error lines off the terminal
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the sound server dies mid-stream, PortAudio's ALSA host prints "Expression '…' failed in
 * 'src/hostapi/alsa/…'" lines to stderr from its own thread, through C's stderr stream, with no
 * way to turn them off; ALSA prints "ALSA lib …" lines the same way. Hark reports the failure
 * itself, in a sentence. The filter replaces the stderr stream by one that drops exactly those
 * lines and writes everything else to file descriptor 2 unchanged (children and anything
 * writing to the descriptor directly are not affected).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Installs the filter, once per process; does nothing when HARK_PORTAUDIO_LOG is set (to see
 * everything PortAudio and ALSA say). Call before PortAudio starts. */
void hark_stderr_filter_install (void);

/* TRUE for a line (without its newline) the filter drops. */
gboolean hark_stderr_filter_is_noise (const char *line, gsize length);

G_END_DECLS
