/* hark-speakers-popover.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-speakers-popover.h"

#include <glib/gi18n.h>

#include "hark-speaker-colors.h"
#include "util/hark-time.h"

struct _HarkSpeakersPopover
{
  GtkPopover parent_instance;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (HarkSpeakersPopover, hark_speakers_popover, GTK_TYPE_POPOVER)

static void
on_row_activated (HarkSpeakersPopover *self, GtkListBoxRow *row)
{
  int speaker = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "speaker"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.choose-speaker", "i", speaker);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
hark_speakers_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HARK_TYPE_SPEAKERS_POPOVER);
  G_OBJECT_CLASS (hark_speakers_popover_parent_class)->dispose (object);
}

static void
hark_speakers_popover_class_init (HarkSpeakersPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hark_speakers_popover_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hark/Hark/hark-speakers-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkSpeakersPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
hark_speakers_popover_init (HarkSpeakersPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hark_speakers_popover_new (void)
{
  return g_object_new (HARK_TYPE_SPEAKERS_POPOVER, NULL);
}

static GtkWidget *
make_row (HarkTranscript *transcript, int speaker)
{
  const HarkSpeaker *s = hark_transcript_get_speaker (transcript, speaker);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");
  GtkWidget *name = gtk_label_new (s->name);
  GtkWidget *stats;
  g_autofree char *talk = NULL;
  g_autofree char *caption = NULL;
  guint n_turns;
  double seconds;

  hark_transcript_get_speaker_stats (transcript, speaker, &n_turns, &seconds);
  talk = hark_time_format (seconds, FALSE);
  caption = g_strdup_printf (g_dngettext (NULL, "%u turn · %s", "%u turns · %s", n_turns),
                             n_turns, talk);
  stats = gtk_label_new (caption);

  gtk_widget_add_css_class (dot, hark_speaker_css_class (speaker));
  gtk_widget_add_css_class (dot, "speaker-dot");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (stats), 0);
  gtk_widget_add_css_class (stats, "dim-label");
  gtk_widget_add_css_class (stats, "caption");
  gtk_widget_add_css_class (stats, "numeric");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), stats);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "speaker", GINT_TO_POINTER (speaker));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, s->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);
  return row;
}

void
hark_speakers_popover_set_transcript (HarkSpeakersPopover *self, HarkTranscript *transcript)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (transcript == NULL)
    return;
  for (guint i = 0; i < hark_transcript_get_n_speakers (transcript); i++)
    gtk_list_box_append (self->list, make_row (transcript, i));
}

void
hark_speakers_popover_set_chosen (HarkSpeakersPopover *self, int speaker)
{
  GtkListBoxRow *row = speaker >= 0 ? gtk_list_box_get_row_at_index (self->list, speaker) : NULL;

  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  else
    gtk_list_box_unselect_all (self->list);
}
