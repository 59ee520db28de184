/* hark-preferences-window.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-preferences-window.h"

#include <glib/gi18n.h>

#include "hark-app-settings.h"

struct _HarkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkSpinButton *back_spin;
  GtkSpinButton *forward_spin;
  GtkSpinButton *speed_spin;
  GtkSwitch *follow_switch;
  GtkSwitch *rewind_switch;
  AdwPreferencesGroup *segments_group;

  GSettings *settings;
  AdwComboRow *category_rows[HARK_N_CATEGORIES];
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (HarkPreferencesWindow, hark_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo rows list the actions in this order. */
static const HarkSkipAction row_actions[] = {
  HARK_SKIP_ACTION_SKIP, HARK_SKIP_ACTION_ASK, HARK_SKIP_ACTION_MARK, HARK_SKIP_ACTION_OFF,
};

static void
sync_category_rows (HarkPreferencesWindow *self)
{
  HarkSkipPolicy policy;

  hark_app_settings_get_policy (self->settings, &policy);
  self->syncing = TRUE;
  for (guint c = 0; c < HARK_N_CATEGORIES; c++)
    for (guint i = 0; i < G_N_ELEMENTS (row_actions); i++)
      if (row_actions[i] == policy.actions[c])
        adw_combo_row_set_selected (self->category_rows[c], i);
  self->syncing = FALSE;
}

static void
on_category_selected (AdwComboRow *row, GParamSpec *pspec, HarkPreferencesWindow *self)
{
  HarkCategory category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "category"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected >= G_N_ELEMENTS (row_actions))
    return;
  hark_app_settings_set_action (self->settings, category, row_actions[selected]);
}

static void
hark_preferences_window_dispose (GObject *object)
{
  HarkPreferencesWindow *self = HARK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HARK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hark_preferences_window_parent_class)->dispose (object);
}

static void
hark_preferences_window_class_init (HarkPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hark_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hark/Hark/hark-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkPreferencesWindow, back_spin);
  gtk_widget_class_bind_template_child (widget_class, HarkPreferencesWindow, forward_spin);
  gtk_widget_class_bind_template_child (widget_class, HarkPreferencesWindow, speed_spin);
  gtk_widget_class_bind_template_child (widget_class, HarkPreferencesWindow, follow_switch);
  gtk_widget_class_bind_template_child (widget_class, HarkPreferencesWindow, rewind_switch);
  gtk_widget_class_bind_template_child (widget_class, HarkPreferencesWindow, segments_group);
}

static void
hark_preferences_window_init (HarkPreferencesWindow *self)
{
  const char *const labels[] = {
    _("Skip Automatically"), _("Offer to Skip"), _("Only Mark"), _("Ignore"), NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint c = 0; c < HARK_N_CATEGORIES; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autoptr (GtkStringList) model = gtk_string_list_new (labels);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hark_category_get_label (c));
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
      g_object_set_data (G_OBJECT (row), "category", GUINT_TO_POINTER (c));
      adw_preferences_group_add (self->segments_group, GTK_WIDGET (row));
      self->category_rows[c] = row;
    }
}

GtkWidget *
hark_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  HarkPreferencesWindow *self = g_object_new (HARK_TYPE_PREFERENCES_WINDOW,
                                              "transient-for", parent, "modal", TRUE, NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  sync_category_rows (self);
  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return GTK_WIDGET (self);
    }
  g_settings_bind (settings, "skip-back-seconds", self->back_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "skip-forward-seconds", self->forward_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-speed", self->speed_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "follow-transcript", self->follow_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "rewind-on-resume", self->rewind_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::category-policy", G_CALLBACK (sync_category_rows),
                           self, G_CONNECT_SWAPPED);
  for (guint c = 0; c < HARK_N_CATEGORIES; c++)
    g_signal_connect (self->category_rows[c], "notify::selected",
                      G_CALLBACK (on_category_selected), self);
  return GTK_WIDGET (self);
}
