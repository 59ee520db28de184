/* hark-row-item.h — one row of the reading order, as a list model item
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "reading/hark-reading.h"

G_BEGIN_DECLS

#define HARK_TYPE_ROW_ITEM (hark_row_item_get_type ())
G_DECLARE_FINAL_TYPE (HarkRowItem, hark_row_item, HARK, ROW_ITEM, GObject)

HarkRowItem *hark_row_item_new (HarkReading *reading, guint index);
HarkReading *hark_row_item_get_reading (HarkRowItem *self);
guint hark_row_item_get_index (HarkRowItem *self);
const HarkReadingRow *hark_row_item_get_row (HarkRowItem *self);
/* Whether a segment row shows what was said (a turn row always does). */
gboolean hark_row_item_get_expanded (HarkRowItem *self);
void hark_row_item_set_expanded (HarkRowItem *self, gboolean expanded);

G_END_DECLS
