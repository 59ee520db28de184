/* test-ring.c — the lock-free ring under a real producer and consumer
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "output/hark-ring.h"

#define TOTAL 2000000

typedef struct
{
  HarkRing *ring;
  guint32 seed;
} Producer;

static gpointer
produce (gpointer data)
{
  Producer *p = data;
  g_autoptr (GRand) rand = g_rand_new_with_seed (p->seed);
  guint32 next = 0, chunk[300];

  while (next < TOTAL)
    {
      guint32 size = g_rand_int_range (rand, 1, G_N_ELEMENTS (chunk));
      gsize want = MIN (size, TOTAL - next), n;

      for (gsize i = 0; i < want; i++)
        chunk[i] = next + i;
      n = hark_ring_write (p->ring, chunk, want);
      g_assert_cmpuint (n, <=, want);
      next += n;
      if (n < want)
        g_thread_yield ();
    }
  return NULL;
}

/* Every item arrives once, in order, and a read never returns more than asked for. */
static void
test_spsc (void)
{
  g_autoptr (HarkRing) ring = hark_ring_new (1000, sizeof (guint32));
  g_autoptr (GRand) rand = g_rand_new_with_seed (4);
  Producer p = { ring, 3 };
  GThread *thread;
  guint32 expect = 0;

  g_assert_cmpuint (hark_ring_get_capacity (ring), ==, 1024);
  thread = g_thread_new ("producer", produce, &p);
  while (expect < TOTAL)
    {
      /* Guard items after what was asked for catch any read past it. */
      guint32 buffer[64 + 4];
      gsize want = g_rand_int_range (rand, 1, 65), n;

      for (gsize i = 0; i < G_N_ELEMENTS (buffer); i++)
        buffer[i] = G_MAXUINT32;
      if (g_rand_boolean (rand))
        {
          guint32 first;

          if (hark_ring_peek (ring, &first))
            g_assert_cmpuint (first, ==, expect);
        }
      n = hark_ring_read (ring, buffer, want);
      g_assert_cmpuint (n, <=, want);
      for (gsize i = 0; i < n; i++)
        g_assert_cmpuint (buffer[i], ==, expect + i);
      for (gsize i = n; i < G_N_ELEMENTS (buffer); i++)
        g_assert_cmpuint (buffer[i], ==, G_MAXUINT32);
      expect += n;
      g_assert_cmpuint (hark_ring_get_read (ring), ==, expect);
    }
  g_thread_join (thread);
  g_assert_cmpuint (hark_ring_get_read_available (ring), ==, 0);
  g_assert_cmpuint (hark_ring_get_written (ring), ==, TOTAL);
}

static void
test_discard_and_reset (void)
{
  g_autoptr (HarkRing) ring = hark_ring_new (8, sizeof (float));
  float in[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, out[8] = { 0 };

  g_assert_cmpuint (hark_ring_write (ring, in, 10), ==, 8);
  g_assert_cmpuint (hark_ring_get_write_space (ring), ==, 0);
  g_assert_cmpuint (hark_ring_read (ring, NULL, 5), ==, 5);
  g_assert_cmpuint (hark_ring_write (ring, in, 3), ==, 3);
  g_assert_cmpuint (hark_ring_read (ring, out, 8), ==, 6);
  g_assert_cmpfloat (out[0], ==, 6);
  g_assert_cmpfloat (out[2], ==, 8);
  g_assert_cmpfloat (out[3], ==, 1);
  g_assert_cmpfloat (out[5], ==, 3);
  hark_ring_reset (ring);
  g_assert_cmpuint (hark_ring_get_read_available (ring), ==, 0);
  g_assert_cmpuint (hark_ring_get_write_space (ring), ==, 8);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ring/spsc", test_spsc);
  g_test_add_func ("/ring/discard-and-reset", test_discard_and_reset);
  return g_test_run ();
}
