/* hark-time-label.h — a time ("12:34", "−1:02:03") drawn from glyphs shaped once
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HARK_TYPE_TIME_LABEL (hark_time_label_get_type ())
G_DECLARE_FINAL_TYPE (HarkTimeLabel, hark_time_label, HARK, TIME_LABEL, GtkWidget)

GtkWidget *hark_time_label_new (void);
void hark_time_label_set_text (HarkTimeLabel *self, const char *text);
const char *hark_time_label_get_text (HarkTimeLabel *self);
/* The width asked for, in approximate characters, as GtkInscription's min-chars. */
void hark_time_label_set_min_chars (HarkTimeLabel *self, guint min_chars);
guint hark_time_label_get_min_chars (HarkTimeLabel *self);

G_END_DECLS
