/* test-data-files.c — the desktop file, metainfo, schema and icons are valid and agree
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "hark-config.h"
#include "hark-test-util.h"

static char *
build_file (const char *relative_path)
{
  return g_build_filename (g_getenv ("HARK_BUILD_DIR"), relative_path, NULL);
}

/* Runs a validator; FALSE after g_test_skip() when the tool is not installed. */
static gboolean
run_validator (const char *const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);
      g_test_skip (message);
      return FALSE;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s said:\n%s%s", argv[0], out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
test_desktop_file (void)
{
  g_autofree char *path = build_file ("data/" HARK_APP_ID ".desktop");
  const char *argv[] = { "desktop-file-validate", path, NULL };
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) mime_types = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  /* What podcasts come as; the issue names these. */
  const char *required[] = { "audio/mpeg", "audio/mp4", "audio/ogg", "audio/opus", "audio/flac",
                             "audio/x-wav" };

  if (!run_validator (argv))
    return;

  g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  exec = g_key_file_get_string (kf, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exec, "hark "));
  icon = g_key_file_get_string (kf, "Desktop Entry", "Icon", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, HARK_APP_ID);
  mime_types = g_key_file_get_string_list (kf, "Desktop Entry", "MimeType", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!g_strv_contains ((const char *const *) mime_types, required[i]))
      g_error ("the desktop file does not claim %s", required[i]);
}

static void
test_metainfo (void)
{
  g_autofree char *path = build_file ("data/" HARK_APP_ID ".metainfo.xml");
  const char *argv[] = { "appstreamcli", "validate", "--no-net", path, NULL };
  g_autofree char *xml = NULL;
  g_autofree char *screenshots = hark_test_source_file ("data/screenshots");
  const char *names[] = { "main-light.png", "main-dark.png" };

  if (!run_validator (argv))
    return;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "<id>" HARK_APP_ID "</id>"));
  g_assert_nonnull (strstr (xml, "<launchable type=\"desktop-id\">" HARK_APP_ID ".desktop"));
  g_assert_nonnull (strstr (xml, "<content_rating"));
  g_assert_nonnull (strstr (xml, "<release "));

  /* The screenshots are committed by the window's author; once they are, the metainfo must
   * name exactly those files. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *url_tail = g_strdup_printf ("/data/screenshots/%s</image>", names[i]);
      g_autofree char *file = g_build_filename (screenshots, names[i], NULL);

      g_assert_nonnull (strstr (xml, url_tail));
      if (g_file_test (screenshots, G_FILE_TEST_IS_DIR))
        g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    }
  if (!g_file_test (screenshots, G_FILE_TEST_IS_DIR))
    g_test_message ("data/screenshots/ is not there yet: the image files were not checked");
}

static void
test_schema_strict (void)
{
  g_autofree char *dir = hark_test_source_file ("data");
  const char *argv[] = { "glib-compile-schemas", "--strict", "--dry-run", dir, NULL };

  run_validator (argv);
}

/* The window codes against these names, types and defaults (see the settings contract). */
static void
test_schema_contract (void)
{
  g_autofree char *dir = build_file ("data");
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettingsSchemaSource) source =
      g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;
  static const struct
  {
    const char *name;
    const char *type;
    const char *value;
  } contract[] = {
    { "skip-back-seconds", "i", "15" },
    { "skip-forward-seconds", "i", "30" },
    { "default-speed", "d", "1.0" },
    { "volume", "d", "1.0" },
    { "follow-transcript", "b", "true" },
    { "rewind-on-resume", "b", "true" },
    { "category-policy", "a{ss}",
      "{'sponsor': 'skip', 'selfpromo': 'ask', 'interaction': 'mark', 'intro': 'mark', "
      "'outro': 'mark', 'preview': 'mark', 'filler': 'mark', 'music_offtopic': 'mark'}" },
    { "window-width", "i", "980" },
    { "window-height", "i", "720" },
    { "window-maximized", "b", "false" },
    { "transcript-text-scale", "d", "1.0" },
  };

  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, HARK_APP_ID, FALSE);
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/org/hark/Hark/");
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (contract));

  for (guint i = 0; i < G_N_ELEMENTS (contract); i++)
    {
      g_autoptr (GSettingsSchemaKey) key = NULL;
      g_autoptr (GVariant) expected = NULL;
      g_autoptr (GVariant) actual = NULL;
      const GVariantType *type;

      g_assert_true (g_settings_schema_has_key (schema, contract[i].name));
      key = g_settings_schema_get_key (schema, contract[i].name);
      type = g_settings_schema_key_get_value_type (key);
      g_assert_cmpstr (g_variant_type_peek_string (type), ==, contract[i].type);
      expected = g_variant_parse (type, contract[i].value, NULL, NULL, &error);
      g_assert_no_error (error);
      actual = g_settings_schema_key_get_default_value (key);
      if (!g_variant_equal (expected, actual))
        {
          g_autofree char *shown = g_variant_print (actual, FALSE);
          g_error ("%s defaults to %s, the contract says %s", contract[i].name, shown,
                   contract[i].value);
        }
    }
}

/* Icons must be well-formed SVG of the size GNOME draws them at. */
static void
check_svg (const char *relative_path, const char *size)
{
  g_autofree char *path = hark_test_source_file (relative_path);
  g_autofree char *svg = NULL;
  g_autofree char *view_box = g_strdup_printf ("viewBox=\"0 0 %s %s\"", size, size);
  GMarkupParser parser = { 0 };
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &svg, &length, NULL));
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  /* Skip the XML declaration, which GMarkup does not take. */
  g_markup_parse_context_parse (context, strstr (svg, "<svg"), -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, view_box));
}

static void
test_icons (void)
{
  check_svg ("data/icons/hicolor/scalable/apps/" HARK_APP_ID ".svg", "128");
  check_svg ("data/icons/hicolor/symbolic/apps/" HARK_APP_ID "-symbolic.svg", "16");
}

static gboolean
has_translatable_strings (const char *path)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  if (g_str_has_suffix (path, ".ui"))
    return strstr (text, "translatable=\"yes\"") != NULL;
  /* _("…"), _ ("…"), N_("…"), C_("…", "…"), not some_function ("…"). */
  return g_regex_match_simple ("(^|[^A-Za-z0-9_])[NC]?_ ?\\(\"", text, G_REGEX_MULTILINE, 0);
}

/* Adds every .c and .ui file under @relative (a folder of the source tree), recursively. */
static void
collect_sources (const char *relative, GPtrArray *out)
{
  g_autofree char *dir_path = hark_test_source_file (relative);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sources (child, out);
      else if (g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

/* po/POTFILES.in names files that exist, and every file of the core, the command line and the
 * window that has strings to translate. */
static void
test_potfiles (void)
{
  g_autofree char *potfiles_path = hark_test_source_file ("po/POTFILES.in");
  g_autofree char *potfiles = NULL;
  g_auto (GStrv) lines = NULL;
  const char *dirs[] = { "src", "ui" };
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (potfiles_path, &potfiles, NULL, NULL));
  lines = g_strsplit (potfiles, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *path = NULL;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      path = hark_test_source_file (lines[i]);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("po/POTFILES.in names %s, which does not exist", lines[i]);
    }

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    collect_sources (dirs[d], sources);
  g_assert_cmpuint (sources->len, >, 50);
  for (guint i = 0; i < sources->len; i++)
    {
      const char *relative = g_ptr_array_index (sources, i);
      g_autofree char *path = hark_test_source_file (relative);

      if (has_translatable_strings (path)
          && !g_strv_contains ((const char *const *) lines, relative))
        g_error ("%s has strings to translate but is not in po/POTFILES.in", relative);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desktop/data/desktop-file", test_desktop_file);
  g_test_add_func ("/desktop/data/metainfo", test_metainfo);
  g_test_add_func ("/desktop/data/schema-strict", test_schema_strict);
  g_test_add_func ("/desktop/data/schema-contract", test_schema_contract);
  g_test_add_func ("/desktop/data/icons", test_icons);
  g_test_add_func ("/desktop/data/potfiles", test_potfiles);
  return g_test_run ();
}
