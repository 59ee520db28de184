/* hark-show-row.h — one show in the library: artwork, title, episodes and what is new
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hark-library-item.h"

G_BEGIN_DECLS

#define HARK_TYPE_SHOW_ROW (hark_show_row_get_type ())
G_DECLARE_FINAL_TYPE (HarkShowRow, hark_show_row, HARK, SHOW_ROW, GtkWidget)

GtkWidget *hark_show_row_new (void);
/* Shows @item (a show), following its changes; NULL unbinds. */
void hark_show_row_set_item (HarkShowRow *self, HarkLibraryItem *item);
/* What the row says, for tests: "Title", "3 new", the subtitle. */
const char *hark_show_row_get_title (HarkShowRow *self);
const char *hark_show_row_get_badge (HarkShowRow *self);
const char *hark_show_row_get_subtitle (HarkShowRow *self);
gboolean hark_show_row_has_artwork (HarkShowRow *self);

G_END_DECLS
