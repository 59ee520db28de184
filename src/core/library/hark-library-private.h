/* hark-library-private.h — what the library's other tables share with hark-library.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "library/hark-library.h"

G_BEGIN_DECLS

sqlite3 *hark_library_get_db (HarkLibrary *self);
/* Sets @error from SQLite's last failure as a sentence ("Could not @doing the library file …"). */
void hark_library_set_db_error (HarkLibrary *self, const char *doing, GError **error);

G_END_DECLS
