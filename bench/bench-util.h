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

/* The shared fixtures folder, or NULL when HARK_FIXTURES_DIR is unset or does not exist. */
const char *bench_fixtures_dir (void);
/* Says why a benchmark cannot run and returns the exit code to end with: 77 (skipped) for a
 * developer's clone, 1 (failed) when the build requires the fixtures (-Dfixtures=required). */
int bench_skip (const char *why);

G_END_DECLS
