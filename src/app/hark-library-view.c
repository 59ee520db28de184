/* hark-library-view.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asynchronous work (a refresh, a download, an OPML file) outlives nothing: each carries a weak
 * reference to the view, and the view's HarkHttp cancels all of it when the view goes.
 */
#include "hark-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hark-episode-row.h"
#include "hark-library-item.h"
#include "hark-library-view.h"
#include "hark-show-row.h"
#include "subscriptions/hark-episode-download.h"
#include "subscriptions/hark-show-artwork.h"
#include "subscriptions/hark-subscriptions-opml.h"
#include "subscriptions/hark-subscriptions.h"

struct _HarkLibraryView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwLeaflet *leaflet;
  AdwWindowTitle *shows_title;
  AdwWindowTitle *show_title;
  GtkWidget *now_playing_button;
  GtkStack *refresh_stack;
  GtkSpinner *refresh_spinner;
  GtkStack *shows_stack;
  GtkListView *shows_list;
  GtkListView *episodes_list;

  GSimpleActionGroup *actions;
  HarkLibrary *library; /* the session's */
  HarkHttp *http;
  GListStore *shows;    /* HarkLibraryItem */
  GListStore *episodes; /* HarkLibraryItem of the open show */
  gint64 show_id;       /* the open show, or 0 */
  GHashTable *downloads; /* episode row (gint64 *) → Download * */
  GHashTable *streaming; /* episode rows (gint64 *) playing while they download */
  GCancellable *refresh_cancellable;
  GCancellable *older_cancellable; /* an older page loading */
  GHashTable *artwork;  /* image URL → GdkPaintable, or NULL while loading or when it failed */
  GCancellable *artwork_cancellable;
  char *last_message;
};

G_DEFINE_FINAL_TYPE (HarkLibraryView, hark_library_view, ADW_TYPE_BIN)

enum
{
  SIGNAL_OPEN_EPISODE,
  SIGNAL_OPEN_STREAM,
  SIGNAL_NOW_PLAYING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A download under way; lives until its callback, whether or not the view does. */
typedef struct
{
  GWeakRef view;
  gint64 row;
  GCancellable *cancellable;
  gboolean play_when_done;
} Download;

static void
download_free (Download *d)
{
  g_weak_ref_clear (&d->view);
  g_clear_object (&d->cancellable);
  g_free (d);
}

static void
tell (HarkLibraryView *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  g_debug ("library: %s", message);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 6);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static GtkWindow *
get_window (HarkLibraryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Listening state comes from the resume entries: an episode's own (hark_library_episode_key()),
 * or, for one heard as a file before, the file's it was saved to. The table maps both keys and
 * paths to entries that @entries owns. */
static GHashTable *
load_play_states (HarkLibraryView *self, GPtrArray **entries)
{
  GHashTable *states = g_hash_table_new (g_str_hash, g_str_equal);

  *entries = hark_library_list_recent (self->library, 0, NULL);
  /* Most recent first: an older entry never hides a newer one. */
  for (guint i = *entries != NULL ? (*entries)->len : 0; i-- > 0;)
    {
      HarkLibraryEntry *entry = g_ptr_array_index (*entries, i);
      if (entry->path != NULL)
        g_hash_table_replace (states, entry->path, entry);
      if (entry->key != NULL)
        g_hash_table_replace (states, entry->key, entry);
    }
  return states;
}

static void
apply_play_state (HarkLibraryItem *item, GHashTable *states)
{
  const HarkShowEpisode *episode = hark_library_item_get_episode (item);
  g_autofree char *key = hark_library_episode_key (episode->row);
  HarkLibraryEntry *entry = g_hash_table_lookup (states, key);

  if (entry == NULL && episode->download_path != NULL)
    entry = g_hash_table_lookup (states, episode->download_path);

  if (entry == NULL || entry->position <= 0)
    hark_library_item_set_play_state (item, HARK_PLAY_STATE_UNPLAYED, 0);
  else if (entry->duration > 0
           && entry->position >= entry->duration - HARK_LIBRARY_FINISHED_MARGIN)
    hark_library_item_set_play_state (item, HARK_PLAY_STATE_PLAYED, entry->position);
  else
    hark_library_item_set_play_state (item, HARK_PLAY_STATE_IN_PROGRESS, entry->position);
}

static HarkLibraryItem *
find_episode_item (HarkLibraryView *self, gint64 row, guint *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->episodes));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HarkLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->episodes), i);
      if (hark_library_item_get_episode (item)->row == row)
        {
          if (position)
            *position = i;
          return item; /* the store keeps it alive */
        }
    }
  return NULL;
}

static void
load_episodes (HarkLibraryView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) episodes = NULL;
  g_autoptr (GHashTable) states = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) items = NULL;

  if (self->library == NULL || self->show_id == 0)
    {
      g_list_store_remove_all (self->episodes);
      return;
    }
  episodes = hark_library_list_show_episodes (self->library, self->show_id, &error);
  if (episodes == NULL)
    {
      tell (self, error->message);
      return;
    }
  states = load_play_states (self, &entries);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < episodes->len; i++)
    {
      HarkShowEpisode *episode = g_steal_pointer (&episodes->pdata[i]);
      HarkLibraryItem *item = hark_library_item_new_episode (episode);
      Download *d = g_hash_table_lookup (self->downloads, &episode->row);

      apply_play_state (item, states);
      if (d != NULL || g_hash_table_contains (self->streaming, &episode->row))
        hark_library_item_set_downloading (item, TRUE, -1);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_set_free_func (episodes, NULL);
  g_list_store_splice (self->episodes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->episodes)),
                       items->pdata, items->len);
}

static void
update_show_title (HarkLibraryView *self)
{
  g_autoptr (HarkShow) show = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;

  if (self->show_id == 0 || self->library == NULL)
    return;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, self->show_id);
  show = hark_library_find_show (self->library, number, NULL);
  if (show == NULL)
    return;
  adw_window_title_set_title (self->show_title, show->title ? show->title : show->feed_url);
  subtitle = self->older_cancellable != NULL
                 ? g_strdup (_("Loading older episodes…"))
                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u episode", "%u episodes",
                                                 show->n_episodes),
                                    show->n_episodes);
  adw_window_title_set_subtitle (self->show_title, subtitle);
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "load-older")),
    show->next_page != NULL && self->older_cancellable == NULL);
}

void
hark_library_view_reload (HarkLibraryView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) shows = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_new = 0;

  if (self->library != NULL && (shows = hark_library_list_shows (self->library, &error)) == NULL)
    tell (self, error->message);
  for (guint i = 0; shows != NULL && i < shows->len; i++)
    {
      HarkShow *show = g_steal_pointer (&shows->pdata[i]);
      n_new += show->n_new;
      g_ptr_array_add (items, hark_library_item_new_show (show));
    }
  if (shows != NULL)
    g_ptr_array_set_free_func (shows, NULL);
  g_list_store_splice (self->shows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shows)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->shows_stack, items->len > 0 ? "list" : "empty");
  if (!hark_library_view_is_refreshing (self))
    {
      g_autofree char *subtitle = n_new > 0 ? g_strdup_printf (
                                                g_dngettext (GETTEXT_PACKAGE, "%u new episode",
                                                             "%u new episodes", n_new),
                                                n_new)
                                            : NULL;
      adw_window_title_set_subtitle (self->shows_title, subtitle);
    }
  load_episodes (self);
  update_show_title (self);
}

gboolean
hark_library_view_has_shows (HarkLibraryView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->shows)) > 0;
}

void
hark_library_view_set_library (HarkLibraryView *self, HarkLibrary *library)
{
  self->library = library;
  hark_library_view_reload (self);
}

void
hark_library_view_set_can_return (HarkLibraryView *self, gboolean can_return)
{
  gtk_widget_set_visible (self->now_playing_button, can_return);
}

void
hark_library_view_open_show (HarkLibraryView *self, gint64 show_id)
{
  self->show_id = show_id;
  load_episodes (self);
  update_show_title (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "show");
  gtk_widget_grab_focus (GTK_WIDGET (self->episodes_list));
}

static void
on_show_activated (HarkLibraryView *self, guint position)
{
  g_autoptr (HarkLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->shows), position);

  if (item != NULL)
    hark_library_view_open_show (self, hark_library_item_get_show (item)->id);
}

static void
on_page_changed (HarkLibraryView *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);

  /* Swiping or Alt+Left back: what was learned on the show page shows in the counts. */
  if (g_strcmp0 (name, "shows") == 0 && self->show_id != 0)
    {
      self->show_id = 0;
      hark_library_view_reload (self);
    }
}

/* Refresh */

typedef struct
{
  GWeakRef view;
  guint n_new;
  guint failures;
} Refresh;

static void
set_refreshing (HarkLibraryView *self, gboolean refreshing)
{
  gtk_stack_set_visible_child_name (self->refresh_stack, refreshing ? "busy" : "button");
  if (refreshing)
    gtk_spinner_start (self->refresh_spinner);
  else
    gtk_spinner_stop (self->refresh_spinner);
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "refresh-all")),
    !refreshing);
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "refresh-show")),
    !refreshing);
}

static void
on_refresh_progress (const HarkRefreshResult *result, guint done, guint total, gpointer data)
{
  Refresh *r = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&r->view);
  g_autofree char *subtitle = NULL;

  r->n_new += result->n_new;
  r->failures += result->error != NULL;
  if (self == NULL)
    return;
  /* Translators: progress of a refresh, "Refreshing 3 of 12…" */
  subtitle = g_strdup_printf (_("Refreshing %u of %u…"), done, total);
  adw_window_title_set_subtitle (self->shows_title, subtitle);
}

static void
on_refreshed (GObject *source, GAsyncResult *result, gpointer data)
{
  Refresh *r = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&r->view);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = hark_subscriptions_refresh_finish (result, &error);
  g_autofree char *message = NULL;

  g_weak_ref_clear (&r->view);
  if (self != NULL)
    {
      g_clear_object (&self->refresh_cancellable);
      set_refreshing (self, FALSE);
      if (results == NULL)
        message = g_strdup (error->message);
      else if (r->failures > 0 && results->len == 1)
        message = g_strdup (((HarkRefreshResult *) g_ptr_array_index (results, 0))->error->message);
      else if (r->failures > 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u show could not be refreshed",
                                                "%u shows could not be refreshed", r->failures),
                                   r->failures);
      else if (r->n_new > 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new episode",
                                                "%u new episodes", r->n_new),
                                   r->n_new);
      else
        message = g_strdup (_("No new episodes"));
      hark_library_view_reload (self);
      tell (self, message);
    }
  g_free (r);
}

/* Refreshes @shows (HarkShow *) with visible progress; one refresh at a time. */
static void
refresh (HarkLibraryView *self, GPtrArray *shows)
{
  Refresh *r;

  if (self->library == NULL || self->refresh_cancellable != NULL || shows->len == 0)
    return;
  r = g_new0 (Refresh, 1);
  g_weak_ref_init (&r->view, self);
  self->refresh_cancellable = g_cancellable_new ();
  set_refreshing (self, TRUE);
  hark_subscriptions_refresh_async (self->http, self->library, shows, on_refresh_progress, r,
                                    self->refresh_cancellable, on_refreshed, r);
}

static void
action_refresh_all (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) shows = self->library ? hark_library_list_shows (self->library, &error)
                                              : NULL;
  if (shows != NULL)
    refresh (self, shows);
  else if (error != NULL)
    tell (self, error->message);
}

static void
action_refresh_show (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->show_id);
  g_autoptr (GPtrArray) shows = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_show_free);
  HarkShow *show;

  if (self->library == NULL || self->show_id == 0)
    return;
  if ((show = hark_library_find_show (self->library, number, NULL)) != NULL)
    g_ptr_array_add (shows, show);
  refresh (self, shows);
}

static void
action_stop_refresh (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;

  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
}

gboolean
hark_library_view_is_refreshing (HarkLibraryView *self)
{
  return self->refresh_cancellable != NULL;
}

static void
on_older_loaded (GObject *object, GAsyncResult *result, gpointer data)
{
  GWeakRef *ref = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (ref);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_new = 0;
  gboolean ok = hark_subscriptions_load_older_finish (result, &n_new, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;
  g_clear_object (&self->older_cancellable);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      update_show_title (self);
      return;
    }
  if (ok)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u older episode loaded",
                                            "%u older episodes loaded", n_new),
                               n_new);
  else
    /* Translators: "Could not load older episodes: why" */
    message = g_strdup_printf (_("Could not load older episodes: %s"), error->message);
  hark_library_view_reload (self);
  tell (self, message);
}

static void
action_load_older (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->show_id);
  g_autoptr (HarkShow) show = NULL;
  GWeakRef *ref;

  if (self->library == NULL || self->older_cancellable != NULL
      || (show = hark_library_find_show (self->library, number, NULL)) == NULL)
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  self->older_cancellable = g_cancellable_new ();
  /* The page may be slow to come: the show's subtitle says so until it is in. */
  update_show_title (self);
  hark_subscriptions_load_older_async (self->http, self->library, show, self->older_cancellable,
                                       on_older_loaded, ref);
}

gboolean
hark_library_view_is_loading_older (HarkLibraryView *self)
{
  return self->older_cancellable != NULL;
}

const char *
hark_library_view_get_show_subtitle (HarkLibraryView *self)
{
  return adw_window_title_get_subtitle (self->show_title);
}

/* Subscribe and unsubscribe */

static void
on_subscribed (HarkLibraryView *self, gint64 show_id, guint n_episodes)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, show_id);
  g_autoptr (HarkShow) show = hark_library_find_show (self->library, number, NULL);
  g_autofree char *message = NULL;

  hark_library_view_reload (self);
  /* Translators: "Subscribed to Show Name" */
  message = g_strdup_printf (_("Subscribed to %s"), show && show->title ? show->title : number);
  tell (self, message);
  hark_library_view_open_show (self, show_id);
}

static void import_opml (HarkLibraryView *self);

HarkSubscribeDialog *
hark_library_view_add_show (HarkLibraryView *self)
{
  HarkSubscribeDialog *dialog;

  if (self->library == NULL)
    {
      tell (self, _("The library could not be opened, so shows cannot be added."));
      return NULL;
    }
  dialog = hark_subscribe_dialog_new (get_window (self), self->http, self->library);
  g_signal_connect_object (dialog, "subscribed", G_CALLBACK (on_subscribed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "import", G_CALLBACK (import_opml), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
action_add_show (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  hark_library_view_add_show (data);
}

static void
on_unsubscribe_response (AdwMessageDialog *dialog, const char *response, HarkLibraryView *self)
{
  gint64 show_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "show"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "unsubscribe") != 0)
    return;
  if (!hark_library_remove_show (self->library, show_id, &error))
    {
      tell (self, error->message);
      return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "shows");
  self->show_id = 0;
  hark_library_view_reload (self);
  tell (self, _("Unsubscribed. Downloaded episodes stay on disk."));
}

static void
action_unsubscribe (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->show_id);
  g_autoptr (HarkShow) show = NULL;
  GtkWidget *dialog;

  if (self->library == NULL || (show = hark_library_find_show (self->library, number, NULL)) == NULL)
    return;
  dialog = adw_message_dialog_new (get_window (self), _("Unsubscribe?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will no longer be refreshed and leaves the library. "
                                    "Episodes already downloaded stay on disk."),
                                  show->title ? show->title : show->feed_url);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "unsubscribe", _("_Unsubscribe"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unsubscribe",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "show", GSIZE_TO_POINTER ((gsize) self->show_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsubscribe_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* OPML */

static void
on_opml_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (data);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));
  g_autoptr (GPtrArray) shows = NULL;
  gsize length = 0;

  g_weak_ref_clear (data);
  g_free (data);
  if (self == NULL || self->library == NULL)
    return;
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error)
      || (shows = hark_subscriptions_import_opml (self->library, contents, length, name, &error))
             == NULL)
    {
      tell (self, error->message);
      return;
    }
  hark_library_view_reload (self);
  {
    g_autofree char *message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u show imported", "%u shows imported", shows->len),
      shows->len);
    tell (self, message);
  }
  refresh (self, shows);
}

void
hark_library_view_import_file (HarkLibraryView *self, GFile *file)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  g_file_load_contents_async (file, NULL, on_opml_loaded, ref);
}

static void
on_import_chosen (GtkNativeDialog *chooser, int response, HarkLibraryView *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    hark_library_view_import_file (self, file);
  g_object_unref (chooser);
}

static void
import_opml (HarkLibraryView *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->library == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Subscriptions"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("OPML subscription lists"));
  gtk_file_filter_add_pattern (filter, "*.opml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "text/x-opml+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_import_opml (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  import_opml (data);
}

static void
on_opml_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (data);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));
  gboolean ok = g_file_replace_contents_finish (G_FILE (source), result, NULL, &error);

  g_weak_ref_clear (data);
  g_free (data);
  if (self == NULL)
    return;
  if (!ok)
    tell (self, error->message);
  else
    {
      /* Translators: "Subscriptions saved to /home/me/hark.opml" */
      g_autofree char *message = g_strdup_printf (_("Subscriptions saved to %s"), name);
      tell (self, message);
    }
}

void
hark_library_view_export_file (HarkLibraryView *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GWeakRef *ref;
  char *text;

  if (self->library == NULL)
    return;
  if ((text = hark_subscriptions_export_opml (self->library, &error)) == NULL)
    {
      tell (self, error->message);
      return;
    }
  bytes = g_bytes_new_take (text, strlen (text));
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, NULL, on_opml_saved,
                                       ref);
}

static void
on_export_chosen (GtkNativeDialog *chooser, int response, HarkLibraryView *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    hark_library_view_export_file (self, file);
  g_object_unref (chooser);
}

static void
action_export_opml (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  GtkFileChooserNative *chooser;

  if (self->library == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Subscriptions"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "hark-subscriptions.opml");
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Downloads and playing */

static void
open_episode (HarkLibraryView *self, const HarkShowEpisode *episode)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_EPISODE], 0, episode->download_path, episode->row);
}

/* The row's download ended or stopped: its state as the library now has it. */
static void
refresh_episode (HarkLibraryView *self, gint64 row)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  HarkShowEpisode *episode = hark_library_find_show_episode (self->library, number, NULL);
  HarkLibraryItem *item = find_episode_item (self, row, NULL);

  if (item != NULL)
    {
      hark_library_item_set_downloading (item, FALSE, -1);
      if (episode != NULL)
        hark_library_item_set_episode (item, g_steal_pointer (&episode));
    }
  g_clear_pointer (&episode, hark_show_episode_free);
}

static void
on_download_progress (const HarkDownloadProgress *progress, gpointer data)
{
  Download *d = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&d->view);
  HarkLibraryItem *item;

  if (self == NULL || (item = find_episode_item (self, d->row, NULL)) == NULL)
    return;
  hark_library_item_set_download_progress (item, progress);
}

static void
on_downloaded (GObject *source, GAsyncResult *result, gpointer data)
{
  Download *d = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&d->view);
  g_autoptr (GError) error = NULL;
  g_autoptr (HarkEpisodeDownload) download = hark_episode_download_finish (result, &error);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, d->row);
  HarkShowEpisode *episode;
  HarkLibraryItem *item;

  if (self == NULL)
    {
      download_free (d);
      return;
    }
  g_hash_table_remove (self->downloads, &d->row);
  episode = hark_library_find_show_episode (self->library, number, NULL);
  if (download == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: "Could not download “Episode”: why" */
      g_autofree char *message = g_strdup_printf (_("Could not download “%s”: %s"),
                                                  episode && episode->title ? episode->title
                                                                            : number,
                                                  error->message);
      tell (self, message);
    }
  if ((item = find_episode_item (self, d->row, NULL)) != NULL)
    {
      hark_library_item_set_downloading (item, FALSE, -1);
      if (episode != NULL)
        hark_library_item_set_episode (item, g_steal_pointer (&episode));
    }
  g_clear_pointer (&episode, hark_show_episode_free);
  if (download != NULL && d->play_when_done)
    g_signal_emit (self, signals[SIGNAL_OPEN_EPISODE], 0, download->audio_path, d->row);
  download_free (d);
}

static void
start_download (HarkLibraryView *self, gint64 row, gboolean play_when_done)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  Download *d = g_hash_table_lookup (self->downloads, &row);
  HarkLibraryItem *item;

  if (d != NULL)
    {
      d->play_when_done |= play_when_done;
      return;
    }
  if (g_hash_table_contains (self->streaming, &row))
    {
      /* One writer per .part: the stream downloads it already. */
      tell (self, _("This episode is downloading while it plays."));
      return;
    }
  d = g_new0 (Download, 1);
  g_weak_ref_init (&d->view, self);
  d->row = row;
  d->cancellable = g_cancellable_new ();
  d->play_when_done = play_when_done;
  g_hash_table_insert (self->downloads, g_memdup2 (&row, sizeof row), d);
  if ((item = find_episode_item (self, row, NULL)) != NULL)
    hark_library_item_set_downloading (item, TRUE, -1);
  hark_episode_download_async (self->http, self->library, number, NULL, on_download_progress, d,
                               d->cancellable, on_downloaded, d);
}

static void
action_download (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;

  if (self->library != NULL)
    start_download (self, g_variant_get_int64 (parameter), FALSE);
}

/* The audio and its sidecars go; the episode stays, with its place, as not downloaded. */
static void
action_delete_download (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  gint64 row = g_variant_get_int64 (parameter);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  g_autoptr (GError) error = NULL;

  if (self->library == NULL)
    return;
  if (g_hash_table_contains (self->downloads, &row) || g_hash_table_contains (self->streaming, &row))
    {
      tell (self, _("Stop the download first."));
      return;
    }
  if (!hark_episode_download_delete (self->library, number, &error))
    {
      tell (self, error->message);
      return;
    }
  refresh_episode (self, row);
  tell (self, _("Download deleted"));
}

static void
action_stop_download (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  gint64 row = g_variant_get_int64 (parameter);
  Download *d = g_hash_table_lookup (self->downloads, &row);

  if (d != NULL)
    {
      d->play_when_done = FALSE;
      g_cancellable_cancel (d->cancellable);
    }
  else if (g_hash_table_contains (self->streaming, &row))
    /* The session reads what this download writes: it ends with the episode. */
    tell (self, _("The episode downloads while it plays; it stops when another one opens."));
}

/* Playing while downloading: the progress of a stream, and its end. Freed with the stream. */
typedef struct
{
  GWeakRef view;
  gint64 row;
} Streaming;

static void
streaming_free (Streaming *st)
{
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&st->view);

  if (self != NULL && self->streaming != NULL)
    {
      g_hash_table_remove (self->streaming, &st->row);
      if (self->library != NULL)
        refresh_episode (self, st->row);
    }
  g_weak_ref_clear (&st->view);
  g_free (st);
}

static void
on_stream_progress (const HarkDownloadProgress *progress, gpointer data)
{
  Streaming *st = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&st->view);
  HarkLibraryItem *item;

  if (self != NULL && (item = find_episode_item (self, st->row, NULL)) != NULL)
    hark_library_item_set_download_progress (item, progress);
}

static void
on_stream_done (HarkEpisodeStream *stream, const GError *error, gpointer data)
{
  Streaming *st = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&st->view);

  if (self == NULL || self->library == NULL)
    return;
  g_hash_table_remove (self->streaming, &st->row);
  refresh_episode (self, st->row);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: "Could not download “Episode”: why" */
      g_autofree char *message = g_strdup_printf (
        _("Could not download “%s”: %s"), hark_episode_stream_get_episode (stream)->title,
        error->message);
      tell (self, message);
    }
}

typedef struct
{
  GWeakRef view;
  Streaming *streaming; /* the stream's, valid while it is */
} StreamStart;

static void
on_stream_started (GObject *object, GAsyncResult *result, gpointer data)
{
  StreamStart *start = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&start->view);
  g_autoptr (GError) error = NULL;
  HarkEpisodeStream *stream = hark_episode_stream_start_finish (result, &error);

  g_weak_ref_clear (&start->view);
  if (stream != NULL)
    hark_episode_stream_set_done_func (stream, on_stream_done, start->streaming);
  g_free (start);
  if (self == NULL)
    {
      g_clear_pointer (&stream, hark_episode_stream_free);
      return;
    }
  if (stream == NULL)
    {
      tell (self, error->message);
      return;
    }
  /* The window's session owns the stream (and so its download) from here. */
  g_signal_emit (self, signals[SIGNAL_OPEN_STREAM], 0, stream);
}

/* Plays @row from its download as it arrives: transcript and chapters first, then the audio
 * through the session, kept on disk like a download. */
static void
stream_row (HarkLibraryView *self, gint64 row)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  Streaming *st = g_new0 (Streaming, 1);
  StreamStart *start = g_new0 (StreamStart, 1);
  HarkLibraryItem *item;

  g_weak_ref_init (&st->view, self);
  st->row = row;
  g_weak_ref_init (&start->view, self);
  start->streaming = st;
  g_hash_table_add (self->streaming, g_memdup2 (&row, sizeof row));
  if ((item = find_episode_item (self, row, NULL)) != NULL)
    hark_library_item_set_downloading (item, TRUE, -1);
  hark_episode_stream_start_async (self->http, self->library, number, NULL, TRUE,
                                   on_stream_progress, st, (GDestroyNotify) streaming_free, NULL,
                                   on_stream_started, start);
}

static void
play_row (HarkLibraryView *self, gint64 row)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row);
  g_autoptr (HarkShowEpisode) episode = NULL;

  if (self->library == NULL
      || (episode = hark_library_find_show_episode (self->library, number, NULL)) == NULL)
    return;
  if (episode->download_state == HARK_DOWNLOAD_DONE && episode->download_path != NULL
      && g_file_test (episode->download_path, G_FILE_TEST_IS_REGULAR))
    {
      open_episode (self, episode);
      return;
    }
  if (episode->enclosure_url == NULL)
    {
      tell (self, _("This episode has no audio to play."));
      return;
    }
  if (g_hash_table_lookup (self->downloads, &row) != NULL)
    {
      /* A download already writes its .part: it plays when that is done. */
      start_download (self, row, TRUE);
      tell (self, _("Downloading the episode; it plays when it is ready."));
      return;
    }
  if (g_hash_table_contains (self->streaming, &row))
    {
      g_signal_emit (self, signals[SIGNAL_NOW_PLAYING], 0);
      return;
    }
  /* Not on disk (or deleted since): it plays as it downloads. */
  stream_row (self, row);
}

static void
action_play (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  play_row (data, g_variant_get_int64 (parameter));
}

static void
on_episode_activated (HarkLibraryView *self, guint position)
{
  g_autoptr (HarkLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->episodes),
                                                            position);
  if (item != NULL)
    play_row (self, hark_library_item_get_episode (item)->row);
}

guint
hark_library_view_get_n_downloads (HarkLibraryView *self)
{
  return g_hash_table_size (self->downloads);
}

/* Navigation */

static void
action_back (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  HarkLibraryView *self = data;
  adw_leaflet_set_visible_child_name (self->leaflet, "shows");
  gtk_widget_grab_focus (GTK_WIDGET (self->shows_list));
}

static void
action_now_playing (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  g_signal_emit (data, signals[SIGNAL_NOW_PLAYING], 0);
}

/* Artwork: fetched into the cache on the main loop, scaled down on a worker thread (a feed's
 * image is often 3000 px square), shared by every show that names the same URL. */

#define ARTWORK_SIZE 112 /* the avatar's 56 px at scale 2 */

typedef struct
{
  GWeakRef view;
  char *url;
} Artwork;

static void
artwork_free (Artwork *a)
{
  g_weak_ref_clear (&a->view);
  g_free (a->url);
  g_free (a);
}

static void
unref_artwork (gpointer paintable)
{
  if (paintable != NULL)
    g_object_unref (paintable);
}

static void
decode_artwork (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file_at_scale (data, ARTWORK_SIZE, ARTWORK_SIZE, TRUE,
                                                         &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static void
on_artwork_decoded (GObject *source, GAsyncResult *result, gpointer data)
{
  Artwork *a = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&a->view);
  g_autoptr (GdkPixbuf) pixbuf = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr (GdkTexture) texture = NULL;
  guint n;

  if (self == NULL || pixbuf == NULL)
    {
      artwork_free (a);
      return;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  g_hash_table_replace (self->artwork, g_strdup (a->url), g_object_ref (texture));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->shows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HarkLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->shows), i);
      if (g_strcmp0 (hark_library_item_get_show (item)->image, a->url) == 0)
        hark_library_item_set_artwork (item, GDK_PAINTABLE (texture));
    }
  artwork_free (a);
}

static void
on_artwork_fetched (GObject *source, GAsyncResult *result, gpointer data)
{
  Artwork *a = data;
  g_autoptr (HarkLibraryView) self = g_weak_ref_get (&a->view);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = hark_show_artwork_fetch_finish (result, &error);
  g_autoptr (GTask) task = NULL;

  if (self == NULL || path == NULL)
    {
      /* The initials stay; a failed image is not asked for again in this session. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("artwork: %s", error->message);
      artwork_free (a);
      return;
    }
  task = g_task_new (NULL, self->artwork_cancellable, on_artwork_decoded, a);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, decode_artwork);
}

static void
request_artwork (HarkLibraryView *self, HarkLibraryItem *item)
{
  const HarkShow *show = hark_library_item_get_show (item);
  GdkPaintable *known;
  Artwork *a;

  if (show == NULL || show->image == NULL || hark_library_item_get_artwork (item) != NULL)
    return;
  if (g_hash_table_lookup_extended (self->artwork, show->image, NULL, (gpointer *) &known))
    {
      if (known != NULL)
        hark_library_item_set_artwork (item, known);
      return;
    }
  g_hash_table_insert (self->artwork, g_strdup (show->image), NULL);
  a = g_new0 (Artwork, 1);
  g_weak_ref_init (&a->view, self);
  a->url = g_strdup (show->image);
  hark_show_artwork_fetch_async (self->http, a->url, NULL, self->artwork_cancellable,
                                 on_artwork_fetched, a);
}

/* Rows */

static void
setup_show_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  gtk_list_item_set_child (list_item, hark_show_row_new ());
}

static void
bind_show_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  /* Only shows scrolled into view fetch their artwork. */
  request_artwork (data, gtk_list_item_get_item (list_item));
  hark_show_row_set_item (HARK_SHOW_ROW (gtk_list_item_get_child (list_item)),
                          gtk_list_item_get_item (list_item));
}

static void
unbind_show_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  hark_show_row_set_item (HARK_SHOW_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
setup_episode_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  gtk_list_item_set_child (list_item, hark_episode_row_new ());
}

static void
bind_episode_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  hark_episode_row_set_item (HARK_EPISODE_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item));
}

static void
unbind_episode_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  hark_episode_row_set_item (HARK_EPISODE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static GtkListItemFactory *
make_factory (HarkLibraryView *self, GCallback setup, GCallback bind, GCallback unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", unbind, self);
  return factory;
}

/* Accessors */

GListModel *
hark_library_view_get_shows (HarkLibraryView *self)
{
  return G_LIST_MODEL (self->shows);
}

GListModel *
hark_library_view_get_episodes (HarkLibraryView *self)
{
  return G_LIST_MODEL (self->episodes);
}

GtkListView *
hark_library_view_get_shows_list (HarkLibraryView *self)
{
  return self->shows_list;
}

GtkListView *
hark_library_view_get_episodes_list (HarkLibraryView *self)
{
  return self->episodes_list;
}

gint64
hark_library_view_get_show_id (HarkLibraryView *self)
{
  return self->show_id;
}

const char *
hark_library_view_get_last_message (HarkLibraryView *self)
{
  return self->last_message;
}

/* Life */

static const GActionEntry action_entries[] = {
  { "add-show", action_add_show },
  { "import-opml", action_import_opml },
  { "export-opml", action_export_opml },
  { "refresh-all", action_refresh_all },
  { "stop-refresh", action_stop_refresh },
  { "refresh-show", action_refresh_show },
  { "load-older", action_load_older },
  { "unsubscribe", action_unsubscribe },
  { "back", action_back },
  { "now-playing", action_now_playing },
  { "download", action_download, "x" },
  { "stop-download", action_stop_download, "x" },
  { "delete-download", action_delete_download, "x" },
  { "play", action_play, "x" },
};

static void
cancel_download (gpointer key, gpointer value, gpointer data)
{
  g_cancellable_cancel (((Download *) value)->cancellable);
}

static void
hark_library_view_dispose (GObject *object)
{
  HarkLibraryView *self = HARK_LIBRARY_VIEW (object);

  /* Downloads keep their .part and resume next time. */
  if (self->downloads != NULL)
    g_hash_table_foreach (self->downloads, cancel_download, NULL);
  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  if (self->older_cancellable != NULL)
    g_cancellable_cancel (self->older_cancellable);
  g_clear_object (&self->older_cancellable);
  if (self->artwork_cancellable != NULL)
    g_cancellable_cancel (self->artwork_cancellable);
  g_clear_object (&self->artwork_cancellable);
  g_clear_pointer (&self->artwork, g_hash_table_unref);
  g_clear_pointer (&self->http, hark_http_free);
  g_clear_pointer (&self->downloads, g_hash_table_unref);
  g_clear_pointer (&self->streaming, g_hash_table_unref);
  g_clear_object (&self->shows);
  g_clear_object (&self->episodes);
  g_clear_object (&self->actions);
  G_OBJECT_CLASS (hark_library_view_parent_class)->dispose (object);
}

static void
hark_library_view_finalize (GObject *object)
{
  g_free (HARK_LIBRARY_VIEW (object)->last_message);
  G_OBJECT_CLASS (hark_library_view_parent_class)->finalize (object);
}

static void
hark_library_view_class_init (HarkLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_library_view_dispose;
  object_class->finalize = hark_library_view_finalize;
  signals[SIGNAL_OPEN_EPISODE] = g_signal_new ("open-episode", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  /* A HarkEpisodeStream the handler takes (hark_window_open_stream()). */
  signals[SIGNAL_OPEN_STREAM] = g_signal_new ("open-stream", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[SIGNAL_NOW_PLAYING] = g_signal_new ("now-playing", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hark/Hark/hark-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, shows_title);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, show_title);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, now_playing_button);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, shows_stack);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, shows_list);
  gtk_widget_class_bind_template_child (widget_class, HarkLibraryView, episodes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_show_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_episode_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "library.add-show", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "library.refresh-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "library.refresh-all", NULL);
}

static void
hark_library_view_init (HarkLibraryView *self)
{
  g_autoptr (GtkListItemFactory) show_factory = NULL;
  g_autoptr (GtkListItemFactory) episode_factory = NULL;
  g_autoptr (GtkSelectionModel) show_selection = NULL;
  g_autoptr (GtkSelectionModel) episode_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->http = hark_http_new (NULL);
  self->downloads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->streaming = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->artwork = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_artwork);
  self->artwork_cancellable = g_cancellable_new ();
  self->shows = g_list_store_new (HARK_TYPE_LIBRARY_ITEM);
  self->episodes = g_list_store_new (HARK_TYPE_LIBRARY_ITEM);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "library", G_ACTION_GROUP (self->actions));

  show_factory = make_factory (self, G_CALLBACK (setup_show_row), G_CALLBACK (bind_show_row),
                               G_CALLBACK (unbind_show_row));
  show_selection = GTK_SELECTION_MODEL (
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shows))));
  gtk_list_view_set_factory (self->shows_list, show_factory);
  gtk_list_view_set_model (self->shows_list, show_selection);
  episode_factory = make_factory (self, G_CALLBACK (setup_episode_row), G_CALLBACK (bind_episode_row),
                                  G_CALLBACK (unbind_episode_row));
  episode_selection = GTK_SELECTION_MODEL (
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->episodes))));
  gtk_list_view_set_factory (self->episodes_list, episode_factory);
  gtk_list_view_set_model (self->episodes_list, episode_selection);
}

GtkWidget *
hark_library_view_new (void)
{
  return g_object_new (HARK_TYPE_LIBRARY_VIEW, NULL);
}
