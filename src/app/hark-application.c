/* hark-application.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-application.h"

#include <glib/gi18n.h>

#include "hark-app-settings.h"
#include "hark-preferences-window.h"
#include "hark-resources.h"
#include "desktop/hark-mpris.h"
#include "library/hark-library.h"

struct _HarkApplication
{
  AdwApplication parent_instance;

  /* The application owns the listening session; the window and MPRIS are views of it. */
  HarkLibrary *library; /* NULL when it could not be opened */
  char *library_error;  /* why, told in the first window */
  HarkSession *session;
  HarkMpris *mpris;     /* NULL without a session bus */
  GSettings *settings;
  HarkWindow *window;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (HarkApplication, hark_application, ADW_TYPE_APPLICATION)

void
hark_application_ensure_resources (void)
{
  g_resources_register (hark_get_resource ());
}

static void
mpris_raise (gpointer user_data)
{
  gtk_window_present (GTK_WINDOW (hark_application_get_window (user_data)));
}

static void
mpris_quit (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
}

static gboolean
mpris_open_uri (const char *uri, gpointer user_data, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_uri (uri);
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Hark opens local files only, not %s."), uri);
      return FALSE;
    }
  hark_window_open (hark_application_get_window (user_data), path, NULL);
  return TRUE;
}

/* The media controls are one more view of the session, for as long as the application runs. */
static void
attach_mpris (HarkApplication *self)
{
  static const HarkMprisCallbacks callbacks = { mpris_raise, mpris_quit, mpris_open_uri };
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autoptr (GError) error = NULL;

  if (bus == NULL || self->mpris != NULL)
    return;
  self->mpris = hark_mpris_new (bus, self->session, &callbacks, self, &error);
  if (self->mpris == NULL)
    g_message ("No media controls: %s", error->message);
}

/* What the user set in Preferences: the skip policy and how resuming behaves. */
static void
apply_settings (HarkApplication *self)
{
  HarkSkipPolicy policy;

  hark_app_settings_get_policy (self->settings, &policy);
  hark_session_set_policy (self->session, &policy);
  hark_session_set_resume_options (
    self->session, hark_app_settings_get_boolean (self->settings, "rewind-on-resume", TRUE),
    hark_app_settings_get_double (self->settings, "default-speed", 1.0));
}

HarkSession *
hark_application_get_session (HarkApplication *self)
{
  return self->session;
}

HarkWindow *
hark_application_get_window (HarkApplication *self)
{
  if (self->window == NULL)
    {
      self->window = hark_window_new (GTK_APPLICATION (self), self->session);
      g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      if (self->library_error != NULL)
        hark_window_show_lasting_message (self->window, self->library_error);
    }
  return self->window;
}

static void
on_chooser_response (GtkNativeDialog *dialog, int response, HarkApplication *self)
{
  g_autoptr (GListModel) files = NULL;
  g_autoptr (GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *audio = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);
          g_autofree char *type = g_content_type_guess (path, NULL, 0, NULL);

          if (path == NULL)
            continue;
          if (audio == NULL && g_content_type_is_a (type, "audio/*"))
            audio = g_steal_pointer (&path);
          else
            g_ptr_array_add (sidecars, g_steal_pointer (&path));
        }
      g_ptr_array_add (sidecars, NULL);
      if (audio != NULL || sidecars->len > 1)
        hark_window_open (hark_application_get_window (self), audio,
                          sidecars->len > 1 ? (const char *const *) sidecars->pdata : NULL);
    }
  g_clear_object (&self->chooser);
}

static void
action_open (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HarkApplication *self = user_data;
  g_autoptr (GtkFileFilter) audio = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Open Episode"),
                                               GTK_WINDOW (hark_application_get_window (self)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (audio, _("Audio and Transcripts"));
  gtk_file_filter_add_mime_type (audio, "audio/*");
  gtk_file_filter_add_suffix (audio, "vtt");
  gtk_file_filter_add_suffix (audio, "srt");
  gtk_file_filter_add_suffix (audio, "json");
  gtk_file_filter_add_suffix (audio, "txt");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), audio);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
action_preferences (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HarkApplication *self = user_data;
  g_autoptr (GSettings) settings = hark_app_settings_new ();

  gtk_window_present (GTK_WINDOW (hark_preferences_window_new (
    GTK_WINDOW (hark_application_get_window (self)), settings)));
}

static void
action_about (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HarkApplication *self = user_data;
  const char *developers[] = { _("The Hark authors"), NULL };

  adw_show_about_window (GTK_WINDOW (hark_application_get_window (self)),
                         "application-name", "Hark",
                         "application-icon", HARK_APP_ID,
                         "version", HARK_VERSION,
                         "comments", _("A podcast player that reads along with you"),
                         "developers", developers,
                         "copyright", "© 2026 The Hark authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
action_quit (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HarkApplication *self = user_data;

  if (self->window != NULL)
    gtk_window_close (GTK_WINDOW (self->window));
  g_application_quit (G_APPLICATION (self));
}

/* The playback actions, from the window's menus or from D-Bus (`gapplication action`), must
 * work without a click first. Plain playback goes to the session, whose commands check every
 * number (`seek nan` moves nothing); turn and answer jumps go through the window, which also
 * follows and explains. */
static void
action_playback (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HarkApplication *self = user_data;
  HarkWindow *window = hark_application_get_window (self);
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "play"))
    hark_session_play (self->session);
  else if (g_str_equal (name, "pause"))
    hark_session_pause (self->session);
  else if (g_str_equal (name, "play-pause"))
    hark_session_toggle (self->session);
  else if (g_str_equal (name, "seek"))
    hark_window_seek (window, g_variant_get_double (param));
  else if (g_str_equal (name, "back"))
    hark_window_skip_by (window, -hark_app_settings_get_int (self->settings, "skip-back-seconds", 15));
  else if (g_str_equal (name, "forward"))
    hark_window_skip_by (window, hark_app_settings_get_int (self->settings, "skip-forward-seconds", 30));
  else if (g_str_equal (name, "next-turn"))
    hark_window_next_turn (window, +1);
  else if (g_str_equal (name, "previous-turn"))
    hark_window_next_turn (window, -1);
  else if (g_str_equal (name, "next-answer"))
    hark_window_next_answer (window, g_variant_get_string (param, NULL), +1);
  else if (g_str_equal (name, "previous-answer"))
    hark_window_next_answer (window, g_variant_get_string (param, NULL), -1);
  else if (g_str_equal (name, "slower"))
    hark_window_change_speed (window, -1);
  else if (g_str_equal (name, "faster"))
    hark_window_change_speed (window, +1);
  else if (g_str_equal (name, "set-speed"))
    hark_window_set_speed (window, g_variant_get_double (param));
}

static const GActionEntry app_actions[] = {
  { "open", action_open },
  { "preferences", action_preferences },
  { "about", action_about },
  { "quit", action_quit },
  { "play", action_playback },
  { "pause", action_playback },
  { "play-pause", action_playback },
  { "seek", action_playback, "d" },
  { "back", action_playback },
  { "forward", action_playback },
  { "next-turn", action_playback },
  { "previous-turn", action_playback },
  { "next-answer", action_playback, "s" },
  { "previous-answer", action_playback, "s" },
  { "slower", action_playback },
  { "faster", action_playback },
  { "set-speed", action_playback, "d" },
};

static void
hark_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (hark_application_get_window (HARK_APPLICATION (app))));
}

static int
hark_application_command_line (GApplication *app, GApplicationCommandLine *command_line)
{
  HarkApplication *self = HARK_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **transcripts = NULL;
  g_autofree const char **files = NULL;
  g_autoptr (GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *audio = NULL;

  g_variant_dict_lookup (options, "transcript", "^a&ay", &transcripts);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  /* Paths are the caller's, relative to where they ran `hark`. */
  for (guint i = 0; transcripts != NULL && transcripts[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              transcripts[i]);
      g_ptr_array_add (sidecars, g_file_get_path (file));
    }
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              files[0]);
      audio = g_file_get_path (file);
      if (files[1] != NULL)
        g_application_command_line_printerr (command_line,
                                             _("Hark opens one episode at a time; only %s is opened.\n"),
                                             files[0]);
    }

  g_application_activate (app);
  if (audio != NULL || sidecars->len > 0)
    {
      g_ptr_array_add (sidecars, NULL);
      hark_window_open (hark_application_get_window (self), audio,
                        sidecars->len > 1 ? (const char *const *) sidecars->pdata : NULL);
    }
  return EXIT_SUCCESS;
}

static void
hark_application_startup (GApplication *app)
{
  static const char *const open_accels[] = { "<Control>o", NULL };
  static const char *const search_accels[] = { "<Control>f", NULL };
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const prefs_accels[] = { "<Control>comma", NULL };
  static const char *const next_accels[] = { "<Alt>n", NULL };
  static const char *const previous_accels[] = { "<Alt>p", NULL };
  static const char *const copy_accels[] = { "<Control><Shift>c", NULL };
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  HarkApplication *self = HARK_APPLICATION (app);
  g_autoptr (GError) error = NULL;

  G_APPLICATION_CLASS (hark_application_parent_class)->startup (app);

  /* A broken library is reported and otherwise ignored: playback never depends on it. */
  self->library = hark_library_open (NULL, &error);
  if (error != NULL)
    self->library_error = g_strdup (error->message);
  else if (hark_library_get_problem (self->library) != NULL)
    /* Opened to read only (read-only, full, locked): positions still come back, and the
     * listener learns why they are not saved. */
    self->library_error = g_strdup (hark_library_get_problem (self->library));
  self->session = hark_session_new (NULL, self->library, NULL);
  self->settings = hark_app_settings_new ();
  apply_settings (self);
  if (self->settings != NULL)
    {
      g_signal_connect_swapped (self->settings, "changed::category-policy",
                                G_CALLBACK (apply_settings), self);
      g_signal_connect_swapped (self->settings, "changed::rewind-on-resume",
                                G_CALLBACK (apply_settings), self);
      g_signal_connect_swapped (self->settings, "changed::default-speed",
                                G_CALLBACK (apply_settings), self);
    }
  attach_mpris (self);

  gtk_application_set_accels_for_action (gtk_app, "app.open", open_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.search", search_accels);
  gtk_application_set_accels_for_action (gtk_app, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.next-answer", next_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.previous-answer", previous_accels);
  gtk_application_set_accels_for_action (gtk_app, "win.copy-current", copy_accels);
}

/* Views first, then the session (which saves the place), then the library it saves into. */
static void
hark_application_shutdown (GApplication *app)
{
  HarkApplication *self = HARK_APPLICATION (app);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_pointer (&self->mpris, hark_mpris_free);
  G_APPLICATION_CLASS (hark_application_parent_class)->shutdown (app);
  g_clear_pointer (&self->session, hark_session_free);
  g_clear_pointer (&self->library, hark_library_free);
  g_clear_pointer (&self->library_error, g_free);
  g_clear_object (&self->settings);
}

static void
hark_application_class_init (HarkApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = hark_application_activate;
  app_class->command_line = hark_application_command_line;
  app_class->startup = hark_application_startup;
  app_class->shutdown = hark_application_shutdown;
}

static void
hark_application_init (HarkApplication *self)
{
  static const GOptionEntry options[] = {
    { "transcript", 't', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Read this transcript, chapters or skip file (repeatable; default: found beside FILE)"),
      N_("SIDECAR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
    { NULL },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Play a podcast episode and read along with it."));
}

HarkApplication *
hark_application_new (GApplicationFlags flags)
{
  hark_application_ensure_resources ();
  return g_object_new (HARK_TYPE_APPLICATION,
                       "application-id", HARK_APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/hark/Hark",
                       NULL);
}
