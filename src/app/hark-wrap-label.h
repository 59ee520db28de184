/* hark-wrap-label.h — text of a few lines, wrapped and ellipsized, laid out once per width
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a GtkLabel with wrap, lines and ellipsize shows, for rows of long lists. A GtkLabel
 * measures its minimum and natural widths by laying out the whole text at widths it will
 * never be given, then lays it out again for the height at the row's width and once more
 * when allocated: every row scrolled into view shaped its title four or more times. This one
 * keeps a single layout, reports widths from the font's metrics, and shapes the text again
 * only when its text, width or font changes.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HARK_TYPE_WRAP_LABEL (hark_wrap_label_get_type ())
G_DECLARE_FINAL_TYPE (HarkWrapLabel, hark_wrap_label, HARK, WRAP_LABEL, GtkWidget)

/* At most @lines lines; the last one ends in "…" when the text does not fit. */
GtkWidget *hark_wrap_label_new (int lines);
void hark_wrap_label_set_text (HarkWrapLabel *self, const char *text);
const char *hark_wrap_label_get_text (HarkWrapLabel *self);

G_END_DECLS
