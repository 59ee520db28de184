/* hark-show-row.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-show-row.h"

struct _HarkShowRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  AdwAvatar *avatar;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *badge;
  GtkImage *warning;
  HarkLibraryItem *item;
  gulong changed_id;
};

G_DEFINE_FINAL_TYPE (HarkShowRow, hark_show_row, GTK_TYPE_WIDGET)

static void
update (HarkShowRow *self)
{
  const HarkShow *show = self->item ? hark_library_item_get_show (self->item) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *accessible = NULL;
  const char *title;

  if (show == NULL)
    return;
  title = show->title != NULL ? show->title : show->feed_url;
  gtk_label_set_text (self->title, title);
  adw_avatar_set_text (self->avatar, title);
  adw_avatar_set_custom_image (self->avatar, hark_library_item_get_artwork (self->item));
  if (show->n_episodes == 0 && show->last_error != NULL)
    subtitle = g_strdup (show->last_error);
  else if (show->n_episodes == 0 && show->last_checked == 0)
    subtitle = g_strdup (_("Not fetched yet"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u episode", "%u episodes",
                                             show->n_episodes),
                                show->n_episodes);
  gtk_label_set_text (self->subtitle, subtitle);
  /* The last refresh's failure stays visible until a refresh works. */
  gtk_widget_set_visible (GTK_WIDGET (self->warning), show->last_error != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warning), show->last_error);
  if (show->n_new > 0)
    /* Translators: a badge on a show, e.g. "3 new" episodes */
    badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", show->n_new),
                             show->n_new);
  gtk_label_set_text (self->badge, badge ? badge : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), badge != NULL);
  accessible = g_strjoin (", ", title, subtitle, badge ? badge : "",
                          show->last_error ? show->last_error : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

void
hark_show_row_set_item (HarkShowRow *self, HarkLibraryItem *item)
{
  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->changed_id = g_signal_connect_swapped (item, "changed", G_CALLBACK (update), self);
  update (self);
}

const char *
hark_show_row_get_title (HarkShowRow *self)
{
  return gtk_label_get_text (self->title);
}

const char *
hark_show_row_get_badge (HarkShowRow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->badge)) ? gtk_label_get_text (self->badge)
                                                            : NULL;
}

const char *
hark_show_row_get_subtitle (HarkShowRow *self)
{
  return gtk_label_get_text (self->subtitle);
}

gboolean
hark_show_row_has_artwork (HarkShowRow *self)
{
  return adw_avatar_get_custom_image (self->avatar) != NULL;
}

static void
hark_show_row_dispose (GObject *object)
{
  HarkShowRow *self = HARK_SHOW_ROW (object);

  hark_show_row_set_item (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (hark_show_row_parent_class)->dispose (object);
}

static void
hark_show_row_class_init (HarkShowRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hark_show_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "showrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hark_show_row_init (HarkShowRow *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *next = gtk_image_new_from_icon_name ("go-next-symbolic");

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "hark-library-row");

  self->avatar = ADW_AVATAR (adw_avatar_new (56, NULL, TRUE));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->avatar));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title, 2);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->subtitle));
  gtk_box_append (GTK_BOX (self->box), texts);

  self->warning = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->warning), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->warning), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->warning));

  self->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->badge), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "hark-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "accent");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->badge));
  gtk_box_append (GTK_BOX (self->box), next);
}

GtkWidget *
hark_show_row_new (void)
{
  return g_object_new (HARK_TYPE_SHOW_ROW, NULL);
}
