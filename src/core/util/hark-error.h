/* hark-error.h — the error domain for everything the core reports to users
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HARK_ERROR (hark_error_quark ())

/* Messages are full sentences a listener can act on; the code lets callers branch. */
typedef enum
{
  HARK_ERROR_FAILED,           /* anything without a better code */
  HARK_ERROR_NOT_FOUND,        /* a file or stream that is not there */
  HARK_ERROR_UNSUPPORTED,      /* a format, codec or option Hark cannot handle */
  HARK_ERROR_CORRUPT,          /* the data is damaged beyond what can be played or read */
  HARK_ERROR_PARSE,            /* a sidecar that does not follow its format; message has file:line:col */
  HARK_ERROR_DEVICE,           /* no audio device, or the device failed */
  HARK_ERROR_INVALID_ARGUMENT, /* a caller passed a value out of range */
  HARK_ERROR_IO,               /* reading or writing failed */
} HarkError;

GQuark hark_error_quark (void);

G_END_DECLS
