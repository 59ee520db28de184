/* test-flatpak.c — the Flatpak manifest, checked offline (no runtime needed): it parses, names
 * this app, pins every download, points at files that exist, and asks for little
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "hark-config.h"
#include "hark-test-util.h"

static JsonObject *
load_manifest (JsonParser *parser)
{
  g_autofree char *path = hark_test_source_file ("flatpak/" HARK_APP_ID ".json");
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static void
test_identity (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  const char *id = json_object_get_string_member_with_default (manifest, "id", NULL);

  if (id == NULL)
    id = json_object_get_string_member_with_default (manifest, "app-id", NULL);
  g_assert_cmpstr (id, ==, HARK_APP_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "hark");
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  /* A release branch such as "50", not "master": reproducible builds. */
  g_assert_true (g_ascii_isdigit (
      json_object_get_string_member (manifest, "runtime-version")[0]));
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static void
check_sources (JsonArray *sources, const char *flatpak_dir)
{
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);
      const char *type = json_object_get_string_member (source, "type");

      if (g_str_equal (type, "archive")
          || (g_str_equal (type, "file") && json_object_has_member (source, "url")))
        {
          const char *url = json_object_get_string_member (source, "url");

          g_assert_true (g_str_has_prefix (url, "https://"));
          if (!is_sha256 (json_object_get_string_member_with_default (source, "sha256", NULL)))
            g_error ("%s is not pinned by a sha256", url);
        }
      else if (g_str_equal (type, "dir") || g_str_equal (type, "file")
               || g_str_equal (type, "patch"))
        {
          g_autofree char *path = g_build_filename (
              flatpak_dir, json_object_get_string_member (source, "path"), NULL);

          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            g_error ("the manifest names %s, which does not exist", path);
        }
      else if (g_str_equal (type, "git"))
        g_assert_true (json_object_has_member (source, "commit")
                       || json_object_has_member (source, "tag"));
      else
        g_error ("unexpected source type %s", type);
    }
}

static void
test_modules (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  g_autofree char *flatpak_dir = hark_test_source_file ("flatpak");
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  JsonObject *app = NULL;
  gboolean have_portaudio = FALSE;

  g_assert_cmpuint (json_array_get_length (modules), >=, 2);
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);
      const char *name = json_object_get_string_member (module, "name");

      check_sources (json_object_get_array_member (module, "sources"), flatpak_dir);
      if (g_str_equal (name, "portaudio"))
        {
          JsonArray *sources = json_object_get_array_member (module, "sources");
          JsonObject *archive = json_array_get_object_element (sources, 0);

          have_portaudio = TRUE;
          g_assert_true (g_str_has_suffix (json_object_get_string_member (archive, "url"),
                                           "/pa_stable_v190700_20210406.tgz"));
        }
      if (g_str_equal (name, "hark"))
        app = module;
    }
  g_assert_true (have_portaudio);

  /* The app comes last (it needs the others), builds with meson, and runs its tests. */
  g_assert_true (app == json_array_get_object_element (modules,
                                                       json_array_get_length (modules) - 1));
  g_assert_cmpstr (json_object_get_string_member (app, "buildsystem"), ==, "meson");
  g_assert_true (json_object_get_boolean_member_with_default (app, "run-tests", FALSE));
  /* The dir source is this source tree. */
  {
    JsonObject *source =
        json_array_get_object_element (json_object_get_array_member (app, "sources"), 0);
    g_autofree char *tree =
        g_build_filename (flatpak_dir, json_object_get_string_member (source, "path"),
                          "meson.build", NULL);
    g_autofree char *flatpak_json =
        g_build_filename (flatpak_dir, json_object_get_string_member (source, "path"),
                          "flatpak", HARK_APP_ID ".json", NULL);

    g_assert_true (g_file_test (tree, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (flatpak_json, G_FILE_TEST_IS_REGULAR));
  }
}

/* What the sandbox may do: a window, sound, and reading the folders where episodes live. */
static void
test_finish_args (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");
  const char *required[] = { "--socket=wayland", "--socket=fallback-x11", "--socket=pulseaudio",
                             "--filesystem=xdg-music:ro", "--filesystem=xdg-download:ro" };
  const char *allowed[] = { "--share=ipc", "--device=dri" };
  guint n_required = 0;

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (required); j++)
        if (g_str_equal (arg, required[j]))
          {
            known = TRUE;
            n_required++;
          }
      for (guint j = 0; j < G_N_ELEMENTS (allowed); j++)
        known |= g_str_equal (arg, allowed[j]);
      /* Anything else (home, host, network, x11 without fallback, more D-Bus names) needs a
       * reason in the README and a change here. */
      if (!known)
        g_error ("finish-arg %s is not in the agreed minimal set", arg);
    }
  g_assert_cmpuint (n_required, ==, G_N_ELEMENTS (required));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desktop/flatpak/identity", test_identity);
  g_test_add_func ("/desktop/flatpak/modules", test_modules);
  g_test_add_func ("/desktop/flatpak/finish-args", test_finish_args);
  return g_test_run ();
}
