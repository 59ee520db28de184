/* hark-cli-subscriptions.c — subscribe, shows, episodes, refresh, opml
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-cli.h"
#include "util/hark-i18n.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "subscriptions/hark-subscriptions-opml.h"
#include "subscriptions/hark-subscriptions.h"
#include "util/hark-error.h"
#include "util/hark-time.h"

static char *library_option;

static const GOptionEntry library_entries[] = {
  { "library", 0, 0, G_OPTION_ARG_FILENAME, &library_option,
    "The library file (default: Hark's own)", "FILE" },
  { NULL },
};

static HarkLibrary *
open_library (GError **error)
{
  return hark_library_open (library_option, error);
}

/* Parses the options shared by every subscription command plus @extra. */
static gboolean
parse_options (const char *command, const char *usage, const char *summary,
               const GOptionEntry *extra, int *argc, char ***argv, int *exit_code)
{
  g_autoptr (GOptionContext) context = g_option_context_new (usage);
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, library_entries, NULL);
  if (extra)
    g_option_context_add_main_entries (context, extra, NULL);
  g_option_context_set_summary (context, summary);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = hark_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
hark_cli_cmd_subscribe (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkHttp) http = NULL;
  g_autoptr (HarkShow) show = NULL;
  guint n_episodes = 0;
  gint64 id;
  int code;

  if (!parse_options ("subscribe", "URL — subscribe to a podcast feed",
                      "Fetches the feed once and keeps it in the library.", NULL, &argc, &argv,
                      &code))
    return code;
  if (argc != 2)
    return hark_cli_usage_error ("subscribe", _("expected exactly one URL"));
  if ((library = open_library (&error)) == NULL)
    return hark_cli_fail (error);
  http = hark_http_new (NULL);
  id = hark_subscriptions_subscribe (http, library, argv[1], &n_episodes, &error);
  if (id == 0)
    return hark_cli_fail (error);
  show = hark_library_find_show (library, argv[1], NULL);
  printf ("%" G_GINT64_FORMAT "\t%s\t%u episodes\n", id,
          show && show->title ? show->title : argv[1], n_episodes);
  return HARK_CLI_EXIT_OK;
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

int
hark_cli_cmd_shows (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (GPtrArray) shows = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "text (default) or json", "FORMAT" },
    { NULL },
  };
  int code;

  if (!parse_options ("shows", "— list subscriptions",
                      "One line per show: number, title, episodes (new), feed URL, last error.",
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return hark_cli_usage_error ("shows", _("takes no arguments"));
  if ((library = open_library (&error)) == NULL || (shows = hark_library_list_shows (library, &error)) == NULL)
    return hark_cli_fail (error);
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_array (b);
      for (guint i = 0; i < shows->len; i++)
        {
          HarkShow *s = g_ptr_array_index (shows, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, s->id);
          add_string (b, "title", s->title);
          add_string (b, "feed_url", s->feed_url);
          add_string (b, "link", s->link);
          add_string (b, "image", s->image);
          json_builder_set_member_name (b, "episodes");
          json_builder_add_int_value (b, s->n_episodes);
          json_builder_set_member_name (b, "new");
          json_builder_add_int_value (b, s->n_new);
          json_builder_set_member_name (b, "last_checked");
          json_builder_add_int_value (b, s->last_checked);
          add_string (b, "last_error", s->last_error);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_json (b);
      return HARK_CLI_EXIT_OK;
    }
  for (guint i = 0; i < shows->len; i++)
    {
      HarkShow *s = g_ptr_array_index (shows, i);
      printf ("%" G_GINT64_FORMAT "\t%s\t%u episodes (%u new)\t%s%s%s\n", s->id,
              s->title ? s->title : "(not fetched yet)", s->n_episodes, s->n_new, s->feed_url,
              s->last_error ? "\tlast refresh failed: " : "", s->last_error ? s->last_error : "");
    }
  return HARK_CLI_EXIT_OK;
}

int
hark_cli_cmd_episodes (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkShow) show = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "text (default) or json", "FORMAT" },
    { NULL },
  };
  int code;

  if (!parse_options ("episodes", "SHOW — list a show's episodes",
                      "SHOW is the show's number, feed URL or title. Newest first; episodes "
                      "that left the feed are marked “gone”.",
                      entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return hark_cli_usage_error ("episodes", _("expected exactly one SHOW"));
  if ((library = open_library (&error)) == NULL
      || (show = hark_library_find_show (library, argv[1], &error)) == NULL
      || (episodes = hark_library_list_show_episodes (library, show->id, &error)) == NULL)
    return hark_cli_fail (error);
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_array (b);
      for (guint i = 0; i < episodes->len; i++)
        {
          HarkShowEpisode *e = g_ptr_array_index (episodes, i);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "number");
          json_builder_add_int_value (b, e->row);
          add_string (b, "id", e->episode_id);
          add_string (b, "guid", e->guid);
          add_string (b, "title", e->title);
          json_builder_set_member_name (b, "published");
          json_builder_add_int_value (b, e->published);
          json_builder_set_member_name (b, "duration");
          json_builder_add_double_value (b, e->duration);
          add_string (b, "enclosure_url", e->enclosure_url);
          json_builder_set_member_name (b, "in_feed");
          json_builder_add_boolean_value (b, e->in_feed);
          json_builder_set_member_name (b, "new");
          json_builder_add_boolean_value (b, e->is_new);
          json_builder_set_member_name (b, "transcripts");
          json_builder_add_int_value (b, e->transcripts->len);
          json_builder_set_member_name (b, "persons");
          json_builder_begin_array (b);
          for (guint j = 0; j < e->persons->len; j++)
            json_builder_add_string_value (b, ((HarkFeedPerson *) g_ptr_array_index (e->persons, j))->name);
          json_builder_end_array (b);
          add_string (b, "chapters_url", e->chapters_url);
          add_string (b, "download_path", e->download_state == HARK_DOWNLOAD_DONE
                                              ? e->download_path : NULL);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_json (b);
      return HARK_CLI_EXIT_OK;
    }
  for (guint i = 0; i < episodes->len; i++)
    {
      HarkShowEpisode *e = g_ptr_array_index (episodes, i);
      g_autofree char *date = NULL;
      g_autofree char *duration = e->duration >= 0 ? hark_time_format (e->duration, FALSE)
                                                    : g_strdup ("-");
      if (e->published > 0)
        {
          g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (e->published);
          date = g_date_time_format (dt, "%Y-%m-%d");
        }
      printf ("%" G_GINT64_FORMAT "\t%.8s\t%s\t%s\t%s%s%s%s\n", e->row, e->episode_id,
              date ? date : "----------",
              duration, e->title,
              e->transcripts->len ? "\t[transcript]" : "",
              e->download_state == HARK_DOWNLOAD_DONE ? "\t[downloaded]" : "",
              e->in_feed ? "" : "\t[gone from the feed]");
    }
  return HARK_CLI_EXIT_OK;
}

static void
print_refresh (const HarkRefreshResult *r, guint done, guint total, gpointer data)
{
  if (r->error)
    printf ("[%u/%u] %s: failed: %s\n", done, total, r->feed_url, r->error->message);
  else if (r->not_modified)
    printf ("[%u/%u] %s: not modified\n", done, total, r->feed_url);
  else
    printf ("[%u/%u] %s: %u new\n", done, total, r->feed_url, r->n_new);
  if (r->moved_to)
    printf ("        moved to %s\n", r->moved_to);
  fflush (stdout);
}

int
hark_cli_cmd_refresh (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkHttp) http = NULL;
  g_autoptr (GPtrArray) shows = NULL;
  g_autoptr (GPtrArray) results = NULL;
  gboolean quiet = FALSE;
  gboolean older = FALSE;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print only failures", NULL },
    { "older", 0, 0, G_OPTION_ARG_NONE, &older,
      "Load SHOW's next older page of episodes (paged feeds)", NULL },
    { NULL },
  };
  guint failures = 0;
  int code;

  if (!parse_options ("refresh", "[SHOW] — fetch new episodes",
                      "Asks every show's feed (or SHOW's) whether it changed, and stores what is "
                      "new. Exit status 1 when any show failed.",
                      entries, &argc, &argv, &code))
    return code;
  if (argc > 2)
    return hark_cli_usage_error ("refresh", _("expected at most one SHOW"));
  if ((library = open_library (&error)) == NULL)
    return hark_cli_fail (error);
  if (older)
    {
      g_autoptr (HarkShow) show = NULL;
      guint n_new = 0;
      if (argc != 2)
        return hark_cli_usage_error ("refresh", _("--older needs a SHOW"));
      if ((show = hark_library_find_show (library, argv[1], &error)) == NULL)
        return hark_cli_fail (error);
      http = hark_http_new (NULL);
      if (!hark_subscriptions_load_older (http, library, show, &n_new, &error))
        return hark_cli_fail (error);
      printf ("%s: %u older episodes\n", show->title ? show->title : show->feed_url, n_new);
      return HARK_CLI_EXIT_OK;
    }
  if (argc == 2)
    {
      HarkShow *show = hark_library_find_show (library, argv[1], &error);
      if (show == NULL)
        return hark_cli_fail (error);
      shows = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_show_free);
      g_ptr_array_add (shows, show);
    }
  else if ((shows = hark_library_list_shows (library, &error)) == NULL)
    return hark_cli_fail (error);
  http = hark_http_new (NULL);
  results = hark_subscriptions_refresh_sync (http, library, shows, quiet ? NULL : print_refresh,
                                             NULL, &error);
  if (results == NULL)
    return hark_cli_fail (error);
  for (guint i = 0; i < results->len; i++)
    {
      HarkRefreshResult *r = g_ptr_array_index (results, i);
      if (r->error)
        {
          failures++;
          if (quiet)
            g_printerr ("hark-cli: %s\n", r->error->message);
        }
    }
  return failures ? HARK_CLI_EXIT_FAILED : HARK_CLI_EXIT_OK;
}

static int
opml_import (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (HarkHttp) http = NULL;
  g_autoptr (GPtrArray) shows = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint failures = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    return hark_cli_fail (error);
  if ((library = open_library (&error)) == NULL
      || (shows = hark_subscriptions_import_opml (library, contents, length, path, &error)) == NULL)
    return hark_cli_fail (error);
  http = hark_http_new (NULL);
  results = hark_subscriptions_refresh_sync (http, library, shows, print_refresh, NULL, &error);
  if (results == NULL)
    return hark_cli_fail (error);
  for (guint i = 0; i < results->len; i++)
    failures += ((HarkRefreshResult *) g_ptr_array_index (results, i))->error != NULL;
  printf ("%u subscriptions imported from %s", shows->len, path);
  if (failures)
    printf (", %u could not be fetched now (kept; 'hark-cli refresh' tries again)", failures);
  printf ("\n");
  return HARK_CLI_EXIT_OK;
}

static int
opml_export (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autofree char *text = NULL;

  if ((library = open_library (&error)) == NULL
      || (text = hark_subscriptions_export_opml (library, &error)) == NULL)
    return hark_cli_fail (error);
  fputs (text, stdout);
  return HARK_CLI_EXIT_OK;
}

int
hark_cli_cmd_opml (int argc, char **argv)
{
  int code;

  if (!parse_options ("opml", "import FILE | export — exchange subscriptions with other players",
                      "import subscribes to every feed of an OPML file (GNOME Podcasts, gPodder, "
                      "AntennaPod write them); export prints the subscriptions as OPML.",
                      NULL, &argc, &argv, &code))
    return code;
  if (argc == 3 && strcmp (argv[1], "import") == 0)
    return opml_import (argv[2]);
  if (argc == 2 && strcmp (argv[1], "export") == 0)
    return opml_export ();
  return hark_cli_usage_error ("opml", _("expected 'import FILE' or 'export'"));
}
