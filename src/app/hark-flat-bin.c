/* hark-flat-bin.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-flat-bin.h"

#include "hark-flat-node.h"

struct _HarkFlatBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
  HarkFlatNode flat;
};

static void hark_flat_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HarkFlatBin, hark_flat_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      hark_flat_bin_buildable_init))

static GtkBuildableIface *parent_buildable;

static void
hark_flat_bin_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child,
                         const char *type)
{
  if (GTK_IS_WIDGET (child) && type == NULL)
    hark_flat_bin_set_child (HARK_FLAT_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
hark_flat_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = hark_flat_bin_add_child;
}

/* Called only when something inside drew anew: GTK keeps this widget's node otherwise. The
 * child's own node is handed back unchanged when only a sibling of ours changed, and then the
 * image made for it is reused. */
static void
hark_flat_bin_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  HarkFlatBin *self = HARK_FLAT_BIN (widget);
  GtkSnapshot *inner;

  if (self->child == NULL)
    return;
  inner = gtk_snapshot_new ();
  gtk_widget_snapshot_child (widget, self->child, inner);
  hark_flat_node_append (&self->flat, snapshot, widget, gtk_snapshot_free_to_node (inner));
}

static void
hark_flat_bin_compute_expand (GtkWidget *widget, gboolean *hexpand, gboolean *vexpand)
{
  GtkWidget *child = HARK_FLAT_BIN (widget)->child;

  *hexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
}

/* Shown exactly when the child is, so a box around it lays out as if the child were its own. */
static void
follow_visible (HarkFlatBin *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), self->child != NULL
                                               && gtk_widget_get_visible (self->child));
}

void
hark_flat_bin_set_child (HarkFlatBin *self, GtkWidget *child)
{
  g_return_if_fail (HARK_IS_FLAT_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  if (self->child != NULL)
    g_signal_handlers_disconnect_by_func (self->child, follow_visible, self);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  hark_flat_node_clear (&self->flat);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      g_signal_connect_swapped (child, "notify::visible", G_CALLBACK (follow_visible), self);
    }
  follow_visible (self);
}

GtkWidget *
hark_flat_bin_get_child (HarkFlatBin *self)
{
  g_return_val_if_fail (HARK_IS_FLAT_BIN (self), NULL);
  return self->child;
}

GtkWidget *
hark_flat_bin_new (void)
{
  return g_object_new (HARK_TYPE_FLAT_BIN, NULL);
}

static void
hark_flat_bin_dispose (GObject *object)
{
  HarkFlatBin *self = HARK_FLAT_BIN (object);

  if (self->child != NULL)
    g_signal_handlers_disconnect_by_func (self->child, follow_visible, self);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  hark_flat_node_clear (&self->flat);
  G_OBJECT_CLASS (hark_flat_bin_parent_class)->dispose (object);
}

static void
hark_flat_bin_class_init (HarkFlatBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_flat_bin_dispose;
  widget_class->snapshot = hark_flat_bin_snapshot;
  widget_class->compute_expand = hark_flat_bin_compute_expand;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A plain grouping, as the GtkBox it usually stands in for. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hark_flat_bin_init (HarkFlatBin *self)
{
  follow_visible (self);
}
