/* hark-ring.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each side owns one counter: only the producer stores `write`, only the consumer stores
 * `read`. A store-release of its own counter publishes the items; a load-acquire of the other
 * side's counter makes the other side's items (or free room) visible.
 */
#include "output/hark-ring.h"

#include <stdatomic.h>
#include <string.h>

struct _HarkRing
{
  guint8 *data;
  gsize capacity; /* items, a power of two */
  gsize mask;
  gsize item_size;
  /* Apart, so producer and consumer do not fight over one cache line. */
  _Alignas (64) _Atomic guint64 write;
  _Alignas (64) _Atomic guint64 read;
};

HarkRing *
hark_ring_new (gsize capacity, gsize item_size)
{
  HarkRing *self = g_new0 (HarkRing, 1);
  gsize size = 1;

  g_return_val_if_fail (capacity > 0 && item_size > 0, NULL);
  while (size < capacity)
    size <<= 1;
  self->capacity = size;
  self->mask = size - 1;
  self->item_size = item_size;
  self->data = g_malloc0 (size * item_size);
  atomic_init (&self->write, 0);
  atomic_init (&self->read, 0);
  return self;
}

void
hark_ring_free (HarkRing *self)
{
  if (self == NULL)
    return;
  g_free (self->data);
  g_free (self);
}

gsize
hark_ring_get_capacity (HarkRing *self)
{
  return self->capacity;
}

gsize
hark_ring_get_write_space (HarkRing *self)
{
  guint64 w = atomic_load_explicit (&self->write, memory_order_relaxed);
  guint64 r = atomic_load_explicit (&self->read, memory_order_acquire);

  return self->capacity - (gsize) (w - r);
}

/* Copies @n items between the ring at absolute position @pos and @items. */
static void
copy_out (HarkRing *self, guint64 pos, void *items, gsize n)
{
  gsize start = pos & self->mask;
  gsize first = MIN (n, self->capacity - start);

  memcpy (items, self->data + start * self->item_size, first * self->item_size);
  memcpy ((guint8 *) items + first * self->item_size, self->data,
          (n - first) * self->item_size);
}

gsize
hark_ring_write (HarkRing *self, const void *items, gsize n)
{
  guint64 w = atomic_load_explicit (&self->write, memory_order_relaxed);
  gsize start, first;
  gsize space = hark_ring_get_write_space (self);

  /* Not MIN (n, get_write_space ()): the macro would read the other side's counter twice. */
  n = MIN (n, space);
  start = w & self->mask;
  first = MIN (n, self->capacity - start);
  memcpy (self->data + start * self->item_size, items, first * self->item_size);
  memcpy (self->data, (const guint8 *) items + first * self->item_size,
          (n - first) * self->item_size);
  atomic_store_explicit (&self->write, w + n, memory_order_release);
  return n;
}

guint64
hark_ring_get_written (HarkRing *self)
{
  return atomic_load_explicit (&self->write, memory_order_acquire);
}

gsize
hark_ring_get_read_available (HarkRing *self)
{
  guint64 w = atomic_load_explicit (&self->write, memory_order_acquire);
  guint64 r = atomic_load_explicit (&self->read, memory_order_relaxed);

  return (gsize) (w - r);
}

gsize
hark_ring_read (HarkRing *self, void *items, gsize n)
{
  guint64 r = atomic_load_explicit (&self->read, memory_order_relaxed);
  gsize available = hark_ring_get_read_available (self);

  /* Once only: the producer may add items between two reads of its counter, and a second
   * read could then allow more than @items has room for. */
  n = MIN (n, available);
  if (items)
    copy_out (self, r, items, n);
  atomic_store_explicit (&self->read, r + n, memory_order_release);
  return n;
}

gboolean
hark_ring_peek (HarkRing *self, void *item)
{
  if (hark_ring_get_read_available (self) == 0)
    return FALSE;
  copy_out (self, atomic_load_explicit (&self->read, memory_order_relaxed), item, 1);
  return TRUE;
}

guint64
hark_ring_get_read (HarkRing *self)
{
  return atomic_load_explicit (&self->read, memory_order_acquire);
}

void
hark_ring_reset (HarkRing *self)
{
  atomic_store (&self->write, 0);
  atomic_store (&self->read, 0);
}
