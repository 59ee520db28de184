/* fuzz-trs.c — libFuzzer target: Transcriber XML (.trs)
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-sidecar.h"

FUZZ_SIDECAR_TARGET (HARK_SIDECAR_FORMAT_TRANSCRIBER)
