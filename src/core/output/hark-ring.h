/* hark-ring.h — a lock-free single-producer/single-consumer ring of fixed-size items
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One thread writes, one other thread reads; neither ever blocks, locks or allocates, so the
 * reader can be an audio callback. Debian's PortAudio ships no pa_ringbuffer, hence this one
 * (C11 atomics). Counters are absolute (never wrap in practice), so both sides can name
 * positions: "the frame written as number N".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HarkRing HarkRing;

/* Room for at least @capacity items of @item_size bytes (rounded up to a power of two). */
HarkRing *hark_ring_new (gsize capacity, gsize item_size);
void hark_ring_free (HarkRing *self);
gsize hark_ring_get_capacity (HarkRing *self);

/* Producer side. */
gsize hark_ring_get_write_space (HarkRing *self);
/* Writes up to @n items; returns how many fitted. */
gsize hark_ring_write (HarkRing *self, const void *items, gsize n);
guint64 hark_ring_get_written (HarkRing *self);

/* Consumer side. */
gsize hark_ring_get_read_available (HarkRing *self);
/* Reads up to @n items into @items (NULL: discards them); returns how many. */
gsize hark_ring_read (HarkRing *self, void *items, gsize n);
/* The next item without consuming it; FALSE when empty. */
gboolean hark_ring_peek (HarkRing *self, void *item);
/* Items read so far (any thread). */
guint64 hark_ring_get_read (HarkRing *self);

/* Only while neither side runs: forget everything. */
void hark_ring_reset (HarkRing *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkRing, hark_ring_free)

G_END_DECLS
