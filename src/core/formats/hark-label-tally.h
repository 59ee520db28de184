/* hark-label-tally.h — telling a speaker's label from a word that ends in a colon
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Kim: words" starts a turn, but so does nothing in "Two: the handle." or "Terraform: it
 * plans first." Read alone the two look the same; across a file they do not: a speaker's label
 * recurs as a turn start, a word that happens to open a line rarely does. Every text reader
 * counts the labels it finds (a first pass over the file), then asks the tally whether to trust
 * each one it meets.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HarkLabelTally HarkLabelTally;

HarkLabelTally *hark_label_tally_new (void);
void hark_label_tally_free (HarkLabelTally *self);

/* One more turn start labelled @label (as written, without the colon). */
void hark_label_tally_add (HarkLabelTally *self, const char *label);

/* Whether @label starts a turn. A label seen twice or more does. One seen once does too unless
 * the file's turns are told by recurring labels and it is a single word that is no generic
 * label ("Speaker 2", "SPEAKER_01"): then it is a word of the turn it sits in. A @handle (a
 * lower-case chat name, "zapfox:") must always recur. */
gboolean hark_label_tally_trusts (const HarkLabelTally *self, const char *label, gboolean handle);

/* One more place where a turn may start (a paragraph's first line; in a file of timed lines,
 * each line), @labelled when a label opens it. */
void hark_label_tally_add_opening (HarkLabelTally *self, gboolean labelled);

/* As hark_label_tally_trusts() for a label that opens such a place, followed by @words. A
 * single word seen once is believed too when nearly every such place in the file opens with a
 * label (the layout says turns start there) and @words read as speech: a sentence that starts
 * with a capital ("Dolores: This program is made by listeners." but not "Two: the handle." nor
 * "Location: Lisbon"). */
gboolean hark_label_tally_trusts_opening (const HarkLabelTally *self, const char *label,
                                          const char *words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkLabelTally, hark_label_tally_free)

G_END_DECLS
