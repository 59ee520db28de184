/* hark-subscribe-dialog.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-subscribe-dialog.h"
#include "subscriptions/hark-subscriptions.h"

struct _HarkSubscribeDialog
{
  AdwWindow parent_instance;

  GtkButton *add_button;
  GtkButton *cancel_button;
  AdwEntryRow *url_row;
  GtkLabel *error_label;
  GtkWidget *busy_box;
  GtkSpinner *spinner;

  HarkHttp *http;
  HarkLibrary *library;
  GCancellable *cancellable; /* of the fetch under way, or NULL */
  char *error;
};

G_DEFINE_FINAL_TYPE (HarkSubscribeDialog, hark_subscribe_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SUBSCRIBED,
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Focus leaves the entry first: a text widget destroyed while focused complains. */
static void
close_dialog (HarkSubscribeDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
show_error (HarkSubscribeDialog *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->url_row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label,
                                      NULL, -1);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

static void
set_busy (HarkSubscribeDialog *self, gboolean busy)
{
  gtk_widget_set_visible (self->busy_box, busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !busy);
}

static void
on_changed (HarkSubscribeDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), text[0] != '\0');
  show_error (self, NULL);
}

typedef struct
{
  GWeakRef dialog;
} Pending;

static void
on_subscribed (GObject *source, GAsyncResult *result, gpointer data)
{
  Pending *pending = data;
  g_autoptr (HarkSubscribeDialog) self = g_weak_ref_get (&pending->dialog);
  g_autoptr (GError) error = NULL;
  guint n = 0;
  gint64 id = hark_subscriptions_subscribe_finish (result, &n, &error);

  g_weak_ref_clear (&pending->dialog);
  g_free (pending);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (id == 0)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SUBSCRIBED], 0, id, n);
  close_dialog (self);
}

static void
on_add (HarkSubscribeDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  Pending *pending;

  if (self->cancellable != NULL)
    return;
  url = hark_subscriptions_normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                          &error);
  if (url == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  pending = g_new0 (Pending, 1);
  g_weak_ref_init (&pending->dialog, self);
  hark_subscriptions_subscribe_async (self->http, self->library, url, self->cancellable,
                                      on_subscribed, pending);
}

static void
on_cancel (HarkSubscribeDialog *self)
{
  close_dialog (self);
}

static void
on_import (HarkSubscribeDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
  close_dialog (self);
}

void
hark_subscribe_dialog_set_url (HarkSubscribeDialog *self, const char *url)
{
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
}

void
hark_subscribe_dialog_add (HarkSubscribeDialog *self)
{
  on_add (self);
}

const char *
hark_subscribe_dialog_get_error (HarkSubscribeDialog *self)
{
  return self->error;
}

gboolean
hark_subscribe_dialog_is_busy (HarkSubscribeDialog *self)
{
  return self->cancellable != NULL;
}

static void
hark_subscribe_dialog_dispose (GObject *object)
{
  HarkSubscribeDialog *self = HARK_SUBSCRIBE_DIALOG (object);

  /* Closing the dialog abandons the fetch; the core then forgets the half-added show. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (hark_subscribe_dialog_parent_class)->dispose (object);
}

static void
hark_subscribe_dialog_finalize (GObject *object)
{
  g_free (HARK_SUBSCRIBE_DIALOG (object)->error);
  G_OBJECT_CLASS (hark_subscribe_dialog_parent_class)->finalize (object);
}

static void
hark_subscribe_dialog_class_init (HarkSubscribeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_subscribe_dialog_dispose;
  object_class->finalize = hark_subscribe_dialog_finalize;
  signals[SIGNAL_SUBSCRIBED] = g_signal_new ("subscribed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             2, G_TYPE_INT64, G_TYPE_UINT);
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hark/Hark/hark-subscribe-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkSubscribeDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, HarkSubscribeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HarkSubscribeDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, HarkSubscribeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HarkSubscribeDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, HarkSubscribeDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_import);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hark_subscribe_dialog_init (HarkSubscribeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HarkSubscribeDialog *
hark_subscribe_dialog_new (GtkWindow *parent, HarkHttp *http, HarkLibrary *library)
{
  HarkSubscribeDialog *self = g_object_new (HARK_TYPE_SUBSCRIBE_DIALOG, "transient-for", parent,
                                            NULL);
  self->http = http;
  self->library = library;
  return self;
}
