/* hark-app-settings.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-app-settings.h"

GSettings *
hark_app_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, HARK_APP_ID, TRUE);
#ifdef HARK_BUILD_SCHEMA_DIR
  /* Running from the build tree (tools/hark-dev run): the schema compiled next to it. */
  if (schema == NULL)
    {
      g_autoptr (GSettingsSchemaSource) build =
        g_settings_schema_source_new_from_directory (HARK_BUILD_SCHEMA_DIR, source, FALSE, NULL);

      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, HARK_APP_ID, FALSE);
    }
#endif
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; preferences will not be kept "
                 "(set GSETTINGS_SCHEMA_DIR to the build's data folder when running uninstalled)",
                 HARK_APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

int
hark_app_settings_get_int (GSettings *settings, const char *key, int fallback)
{
  return settings != NULL ? g_settings_get_int (settings, key) : fallback;
}

double
hark_app_settings_get_double (GSettings *settings, const char *key, double fallback)
{
  return settings != NULL ? g_settings_get_double (settings, key) : fallback;
}

gboolean
hark_app_settings_get_boolean (GSettings *settings, const char *key, gboolean fallback)
{
  return settings != NULL ? g_settings_get_boolean (settings, key) : fallback;
}

void
hark_app_settings_get_policy (GSettings *settings, HarkSkipPolicy *policy)
{
  g_autoptr (GVariant) map = NULL;
  GVariantIter iter;
  const char *name, *value;

  hark_skip_policy_init_default (policy);
  if (settings == NULL)
    return;
  map = g_settings_get_value (settings, "category-policy");
  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s&s}", &name, &value))
    {
      HarkCategory category;
      HarkSkipAction action;

      if (hark_category_from_string (name, &category) &&
          hark_skip_action_from_string (value, &action))
        policy->actions[category] = action;
    }
}

void
hark_app_settings_set_action (GSettings *settings, HarkCategory category, HarkSkipAction action)
{
  HarkSkipPolicy policy;
  GVariantBuilder builder;

  if (settings == NULL)
    return;
  hark_app_settings_get_policy (settings, &policy);
  policy.actions[category] = action;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < HARK_N_CATEGORIES; i++)
    g_variant_builder_add (&builder, "{ss}", hark_category_to_string (i),
                           hark_skip_action_to_string (policy.actions[i]));
  g_settings_set_value (settings, "category-policy", g_variant_builder_end (&builder));
}

void
hark_app_settings_get_window (GSettings *settings, int *width, int *height)
{
  *width = hark_app_settings_get_int (settings, "window-width", 980);
  *height = hark_app_settings_get_int (settings, "window-height", 720);
}

void
hark_app_settings_save_window (GSettings *settings, int width, int height, gboolean maximized)
{
  if (settings == NULL)
    return;
  g_settings_set_boolean (settings, "window-maximized", maximized);
  if (!maximized)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}
