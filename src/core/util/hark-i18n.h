/* hark-i18n.h — translatable strings in the core
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's user-facing strings (error messages, warnings, category labels) are in the
 * application's gettext domain, so one catalogue serves the window, hark-cli and MPRIS. Each
 * front end binds the domain at start-up (setlocale + bindtextdomain); the core only marks.
 */
#pragma once

#include "hark-config.h"

#include <glib/gi18n-lib.h>
