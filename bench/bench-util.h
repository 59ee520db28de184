/* bench-util.h — the small statistics every benchmark prints
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorts @values ascending, in place. */
void bench_sort (double *values, gsize n);
/* Sorts @values and returns the middle one (the upper middle for an even count). */
double bench_median (double *values, gsize n);

G_END_DECLS
