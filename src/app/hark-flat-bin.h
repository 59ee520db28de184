/* hark-flat-bin.h — a container whose child is painted from one image between its changes
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For parts of the window that sit still while an episode plays (the header bar, the player's
 * buttons): GTK 4.8's cairo renderer draws every node of the window at each frame, and a
 * symbolic icon or a translucent label costs it an offscreen group as big as the frame's damage.
 * Flattened (see hark-flat-node.h), such a part costs one clipped paint until it changes (hover,
 * press, focus, a new icon), when it is drawn once again. It changes nothing in the window's
 * look, layout or input; to assistive technologies it is a group, as a GtkBox would be.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HARK_TYPE_FLAT_BIN (hark_flat_bin_get_type ())
G_DECLARE_FINAL_TYPE (HarkFlatBin, hark_flat_bin, HARK, FLAT_BIN, GtkWidget)

GtkWidget *hark_flat_bin_new (void);
void hark_flat_bin_set_child (HarkFlatBin *self, GtkWidget *child);
GtkWidget *hark_flat_bin_get_child (HarkFlatBin *self);

G_END_DECLS
