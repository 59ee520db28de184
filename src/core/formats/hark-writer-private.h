/* hark-writer-private.h — what the writers share among themselves
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "formats/hark-writer.h"

G_BEGIN_DECLS

/* HH:MM:SS.mmm with @separator before the milliseconds ('.' for WebVTT, ',' for SRT).
 * Negative times are written as 0: neither format can say them. */
void hark_writer_append_timestamp (GString *out, double seconds, char separator);

G_END_DECLS
