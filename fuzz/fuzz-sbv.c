/* fuzz-sbv.c — libFuzzer target: YouTube's SBV captions
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-sidecar.h"

FUZZ_SIDECAR_TARGET (HARK_SIDECAR_FORMAT_SBV)
