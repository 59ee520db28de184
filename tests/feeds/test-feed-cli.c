/* test-feed-cli.c — `hark-cli feed FILE --format json` on real and broken feeds
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "hark-test-util.h"

static char *
run_cli (const char *const *args, int *status, char **err)
{
  g_autofree char *cli = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "cli", "hark-cli",
                                           NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err, status,
                &error);
  g_assert_no_error (error);
  return out;
}

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
write_temp (const char *name, const char *contents, gssize length)
{
  g_autofree char *dir = hark_test_make_tmpdir ("feed-cli");
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* A feed broken in most of the common ways at once still lists its episodes. */
static void
test_broken_feed (void)
{
  const char feed[] =
    "\r\n <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<rss version=\"2.0\"><channel><title>Caf\xE9 &nbsp;Radio</title>\n"
    "<link>https://radio.example/</link><language>fr</language>\n"
    "<itunes:new-feed-url>https://radio.example/new.xml</itunes:new-feed-url>\n"
    "<item><title>Un &gtgt; deux</title><pubDate>Mon, 01 Dec 2026 07:31:17 +0100</pubDate>\n"
    "<itunes:duration>01:00:00.5</itunes:duration>\n"
    "<enclosure url=\"media/1.mp3?t=1&x=2\" type=\"audio/mpeg\" length=\"0\"/>\n"
    "<description>&lt;p&gt;Hi&lt;/p&gt;</description></item>\n"
    "<item><title>Sans fichier</title><guid>g2</guid></item>\n"
    "</channel></rss>\n";
  g_autofree char *path = write_temp ("broken.xml", feed, sizeof feed - 1);
  const char *args[] = { "feed", path, "--format", "json", "--base-url",
                         "https://radio.example/pod/feed.xml", NULL };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  JsonObject *root, *e0, *e1, *enclosure;
  JsonArray *episodes, *warnings;
  int status;

  out = run_cli (args, &status, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Caf\u00e9 Radio");
  g_assert_cmpstr (json_object_get_string_member (root, "language"), ==, "fr");
  g_assert_cmpstr (json_object_get_string_member (root, "new_feed_url"), ==,
                   "https://radio.example/new.xml");
  g_assert_true (json_object_get_null_member (root, "next_page"));
  episodes = json_object_get_array_member (root, "episodes");
  g_assert_cmpuint (json_array_get_length (episodes), ==, 2);
  e0 = json_array_get_object_element (episodes, 0);
  e1 = json_array_get_object_element (episodes, 1);
  g_assert_cmpstr (json_object_get_string_member (e0, "title"), ==, "Un &gtgt; deux");
  g_assert_cmpstr (json_object_get_string_member (e0, "published"), ==, "2026-12-01T06:31:17Z");
  g_assert_cmpfloat (json_object_get_double_member (e0, "duration"), ==, 3600.5);
  enclosure = json_object_get_object_member (e0, "enclosure");
  g_assert_cmpstr (json_object_get_string_member (enclosure, "url"), ==,
                   "https://radio.example/pod/media/1.mp3?t=1&x=2");
  g_assert_true (json_object_get_null_member (enclosure, "length"));
  g_assert_true (json_object_get_null_member (e1, "enclosure"));
  g_assert_cmpstr (json_object_get_string_member (e1, "guid"), ==, "g2");
  warnings = json_object_get_array_member (root, "warnings");
  /* white space, encoding, &nbsp;, &gtgt;, bare &, undeclared itunes:, weekday, length,
   * HTML, relative URL, no enclosure. */
  g_assert_cmpuint (json_array_get_length (warnings), >=, 10);
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    g_assert_true (g_str_has_prefix (json_array_get_string_element (warnings, i), path));
}

static void
test_errors (void)
{
  g_autofree char *html = write_temp ("page.xml", "<html><body>Moved</body></html>", -1);
  g_autofree char *evil = write_temp ("evil.xml", "<!DOCTYPE r [<!ENTITY x \"y\">]><rss/>", -1);
  static const char *const missing = "/nonexistent/feed.xml";
  const char *cases[][2] = { { html, "not a podcast feed" }, { evil, "declares entities" },
                             { missing, "feed.xml" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "feed", cases[i][0], NULL };
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;
      int status;

      out = run_cli (args, &status, &err);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, cases[i][0]));
      g_assert_nonnull (strstr (err, cases[i][1]));
    }
  {
    const char *args[] = { "feed", html, "--format", "xml", NULL };
    g_autofree char *err = NULL;
    g_autofree char *out = NULL;
    int status;
    out = run_cli (args, &status, &err);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
  }
}

/* The real Podcasting 2.0 feed: every key of the shape, with values. */
static void
test_fixture_shape (void)
{
  g_autofree char *path = hark_test_fixture ("feeds/partytime--themnshow.xml");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  JsonObject *root, *e;
  JsonArray *episodes;
  int status;

  if (path == NULL)
    return;
  {
    const char *args[] = { "feed", path, "--format", "json", NULL };
    out = run_cli (args, &status, &err);
  }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  root = parse_object (parser, out);
  episodes = json_object_get_array_member (root, "episodes");
  g_assert_cmpuint (json_array_get_length (episodes), ==, 54);
  e = json_array_get_object_element (episodes, 1);
  g_assert_cmpuint (strlen (json_object_get_string_member (e, "id")), ==, 16);
  g_assert_nonnull (json_object_get_string_member (e, "guid"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (e, "published"), "Z"));
  g_assert_cmpfloat (json_object_get_double_member (e, "duration"), >, 0);
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (e, "enclosure"),
                                                   "url"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (e, "transcripts")), >=, 1);
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (e, "chapters"),
                                                   "url"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (e, "persons")), >=, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed-cli/broken", test_broken_feed);
  g_test_add_func ("/feed-cli/errors", test_errors);
  g_test_add_func ("/feed-cli/fixture-shape", test_fixture_shape);
  return g_test_run ();
}
