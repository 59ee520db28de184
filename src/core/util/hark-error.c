/* hark-error.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "util/hark-error.h"

G_DEFINE_QUARK (hark-error-quark, hark_error)
