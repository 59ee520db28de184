/* hark-row-item.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-row-item.h"

struct _HarkRowItem
{
  GObject parent_instance;
  HarkReading *reading;
  guint index;
  gboolean expanded; /* a segment row showing its text: kept while the row scrolls away */
};

G_DEFINE_FINAL_TYPE (HarkRowItem, hark_row_item, G_TYPE_OBJECT)

static void
hark_row_item_finalize (GObject *object)
{
  HarkRowItem *self = HARK_ROW_ITEM (object);

  hark_reading_unref (self->reading);
  G_OBJECT_CLASS (hark_row_item_parent_class)->finalize (object);
}

static void
hark_row_item_class_init (HarkRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hark_row_item_finalize;
}

static void
hark_row_item_init (HarkRowItem *self)
{
}

HarkRowItem *
hark_row_item_new (HarkReading *reading, guint index)
{
  HarkRowItem *self = g_object_new (HARK_TYPE_ROW_ITEM, NULL);

  self->reading = hark_reading_ref (reading);
  self->index = index;
  return self;
}

HarkReading *
hark_row_item_get_reading (HarkRowItem *self)
{
  return self->reading;
}

guint
hark_row_item_get_index (HarkRowItem *self)
{
  return self->index;
}

const HarkReadingRow *
hark_row_item_get_row (HarkRowItem *self)
{
  return &hark_reading_get_rows (self->reading, NULL)[self->index];
}

gboolean
hark_row_item_get_expanded (HarkRowItem *self)
{
  return self->expanded;
}

void
hark_row_item_set_expanded (HarkRowItem *self, gboolean expanded)
{
  self->expanded = expanded;
}
