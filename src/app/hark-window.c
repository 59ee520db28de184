/* hark-window.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-window.h"

#include <glib/gi18n.h>

#include "hark-app-settings.h"
#include "hark-player-bar.h"
#include "hark-row-item.h"
#include "formats/hark-sidecar.h"
#include "hark-speakers-popover.h"
#include "library/hark-library.h"
#include "util/hark-limits.h"
#include "util/hark-time.h"

struct _HarkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkToggleButton *search_button;
  GtkMenuButton *chapters_button;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *search_count;
  GtkStack *stack;
  GtkListBox *recent_list;
  guint n_recent;
  GtkSpinner *spinner;
  GtkScrolledWindow *scroller;
  GtkListView *list_view;
  GtkRevealer *back_to_now_revealer;
  GtkRevealer *skip_revealer;
  AdwButtonContent *skip_content;
  HarkPlayerBar *player_bar;
  HarkSpeakersPopover *speakers_popover;

  GSettings *settings;
  HarkSession *session; /* the application's: this window is one view of it */
  guint listener;
  guint open_id;          /* the deferred open (see open_deferred()) */
  char *pending_audio;
  char **pending_sidecars;
  HarkReading *reading; /* the session's, NULL without a transcript */
  double duration;

  /* The list: rows of the reading order, maybe filtered to one speaker. */
  GListStore *store;
  GtkSingleSelection *selection;
  int *pos_of_row;   /* row → position in the store, -1 when filtered out */
  GHashTable *bound; /* row index → HarkTurnRow showing it */
  gboolean selecting;

  int current_row;
  int current_cue;
  int chosen_speaker;
  gboolean filter_speaker;
  gboolean following;
  guint tick_id;
  int align_row; /* a row to bring to a comfortable reading height on the next frame */
  guint align_tick_id;
  guint align_attempts;


  GArray *search_matches; /* HarkReadingMatch */
  char *search_query;
  int search_index;
  int search_row; /* the row of the match being looked at, or -1 */

  char *last_toast;
  char *banner_text;
};

G_DEFINE_FINAL_TYPE (HarkWindow, hark_window, ADW_TYPE_APPLICATION_WINDOW)

enum { SIGNAL_EPISODE_SHOWN, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_FILTER_SPEAKER, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void update_now (HarkWindow *self);

/* ------------------------------------------------------------------------------------------ */
/* Messages */

static void
show_toast (HarkWindow *self, const char *title, const char *button, const char *action)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      adw_toast_set_timeout (toast, 8);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_banner (HarkWindow *self, const char *text)
{
  g_free (self->banner_text);
  self->banner_text = g_strdup (text);
  if (text != NULL)
    gtk_label_set_label (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, text != NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* The list */

static int
row_at_position (HarkWindow *self, guint position)
{
  g_autoptr (HarkRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return item != NULL ? (int) hark_row_item_get_index (item) : -1;
}

static int
position_of_row (HarkWindow *self, int row)
{
  guint n_rows;

  if (self->reading == NULL || row < 0)
    return -1;
  hark_reading_get_rows (self->reading, &n_rows);
  return (guint) row < n_rows ? self->pos_of_row[row] : -1;
}

static void
refresh_row_widget (HarkWindow *self, int row)
{
  HarkTurnRow *widget = hark_window_get_row_widget (self, row);
  gsize cue_start = 0, cue_end = 0;

  if (widget == NULL)
    return;
  if (row == self->current_row && self->current_cue >= 0)
    hark_reading_row_cue_range (self->reading, row, self->current_cue, &cue_start, &cue_end);
  hark_turn_row_set_now_playing (widget, row == self->current_row, cue_start, cue_end);
  if (row == self->search_row)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "search-current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "search-current");
}

static void
on_factory_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, HarkWindow *self)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (hark_turn_row_new ()));
}

static void
on_factory_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, HarkWindow *self)
{
  HarkTurnRow *widget = HARK_TURN_ROW (gtk_list_item_get_child (list_item));
  HarkRowItem *item = gtk_list_item_get_item (list_item);
  const HarkReadingRow *row = hark_row_item_get_row (item);
  int index = hark_row_item_get_index (item);
  gboolean skipped = row->kind == HARK_READING_ROW_SEGMENT
                     && hark_session_was_skipped (self->session, row->segment);

  hark_turn_row_bind (widget, item, self->search_query, skipped);
  g_hash_table_insert (self->bound, GINT_TO_POINTER (index), widget);
  refresh_row_widget (self, index);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory, GtkListItem *list_item, HarkWindow *self)
{
  HarkTurnRow *widget = HARK_TURN_ROW (gtk_list_item_get_child (list_item));
  HarkRowItem *item = hark_turn_row_get_item (widget);

  if (item != NULL && self->bound != NULL &&
      g_hash_table_lookup (self->bound, GINT_TO_POINTER (hark_row_item_get_index (item))) == widget)
    g_hash_table_remove (self->bound, GINT_TO_POINTER (hark_row_item_get_index (item)));
  hark_turn_row_unbind (widget);
}

/* Fills the store with the rows to show: all of them, or one speaker's. */
static void
fill_store (HarkWindow *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const HarkReadingRow *rows;
  guint n_rows;

  g_hash_table_remove_all (self->bound);
  g_clear_pointer (&self->pos_of_row, g_free);
  if (self->reading == NULL)
    {
      g_list_store_remove_all (self->store);
      return;
    }

  rows = hark_reading_get_rows (self->reading, &n_rows);
  self->pos_of_row = g_new (int, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    {
      gboolean shown = !self->filter_speaker || self->chosen_speaker < 0 ||
                       (rows[i].kind == HARK_READING_ROW_TURN &&
                        rows[i].speaker == self->chosen_speaker);

      self->pos_of_row[i] = shown ? (int) items->len : -1;
      if (shown)
        g_ptr_array_add (items, hark_row_item_new (self->reading, i));
    }
  self->selecting = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

/* Brings the row to scroll to into a comfortable reading height. Rows far away have no widget
 * yet: jump to where the list estimates them, and refine on the next frame once they exist.
 * (GtkListView's own scroll-to-item in GTK 4.8 leaves the rows below the target unallocated.) */
static gboolean
align_row_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  HarkWindow *self = HARK_WINDOW (widget);
  HarkTurnRow *row = hark_window_get_row_widget (self, self->align_row);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double x, y, height = gtk_widget_get_height (GTK_WIDGET (self->list_view));
  int position = position_of_row (self, self->align_row);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (position < 0 || n_items == 0)
    {
      self->align_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) &&
      gtk_widget_translate_coordinates (GTK_WIDGET (row), GTK_WIDGET (self->list_view), 0, 0, &x,
                                        &y))
    {
      /* Reading is comfortable with the current turn in the upper part of the view; leave the
       * list alone while it is there, so the text does not jump under the reader's eyes. */
      if (y < height * 0.05 || y > height * 0.5)
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + y - height * 0.2);
      self->align_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->align_attempts++ > 8)
    {
      self->align_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) * position / n_items -
                                   height * 0.2);
  return G_SOURCE_CONTINUE;
}

static void
scroll_to_row (HarkWindow *self, int row)
{
  if (position_of_row (self, row) < 0)
    return;
  self->align_row = row;
  self->align_attempts = 0;
  if (self->align_tick_id == 0)
    self->align_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), align_row_tick, NULL,
                                                        NULL);
}

static void
set_following (HarkWindow *self, gboolean following)
{
  self->following = following;
  gtk_revealer_set_reveal_child (self->back_to_now_revealer, !following && self->reading != NULL);
  if (following && self->current_row >= 0)
    scroll_to_row (self, self->current_row);
}

/* The user scrolled: following would fight them, so it pauses until "Back to now". */
static void
user_scrolled (HarkWindow *self)
{
  if (self->following && self->reading != NULL)
    set_following (self, FALSE);
}

static gboolean
on_list_scroll (GtkEventControllerScroll *controller, double dx, double dy, HarkWindow *self)
{
  if (dy != 0)
    user_scrolled (self);
  return FALSE;
}

static void
on_scrollbar_pressed (GtkGestureClick *gesture, int n_press, double x, double y, HarkWindow *self)
{
  user_scrolled (self);
}

static gboolean
on_list_key (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, HarkWindow *self)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_Home:
    case GDK_KEY_End:
      user_scrolled (self);
      break;
    default:
      break;
    }
  return FALSE;
}

/* The selection mirrors the current row; keyboard focus moves must not change what is "now". */
static void
on_selection_changed (GtkSelectionModel *model, guint position, guint n_items, HarkWindow *self)
{
  int pos;

  if (self->selecting)
    return;
  pos = position_of_row (self, self->current_row);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, pos >= 0 ? (guint) pos
                                                               : GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

static void
set_current_row (HarkWindow *self, int row, int cue)
{
  int old = self->current_row, old_cue = self->current_cue, pos;

  if (row == old && cue == old_cue)
    return;
  self->current_row = row;
  self->current_cue = cue;
  if (old != row)
    {
      refresh_row_widget (self, old);
      pos = position_of_row (self, row);
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, pos >= 0 ? (guint) pos
                                                                   : GTK_INVALID_LIST_POSITION);
      self->selecting = FALSE;
      if (self->following && row >= 0)
        scroll_to_row (self, row);
    }
  refresh_row_widget (self, row);
}

/* ------------------------------------------------------------------------------------------ */
/* The clock */

double
hark_window_get_position (HarkWindow *self)
{
  return hark_session_get_position (self->session);
}

/* The Skip button of an "ask" segment, while the session offers it. */
static void
show_skip_offer (HarkWindow *self, const HarkSegmentEntry *entry)
{
  if (entry != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Skip %s"),
                                                hark_category_get_label (entry->segment.category));

      adw_button_content_set_label (self->skip_content, label);
    }
  gtk_revealer_set_reveal_child (self->skip_revealer, entry != NULL);
}

static void
update_now (HarkWindow *self)
{
  double position = hark_window_get_position (self);

  hark_player_bar_set_times (self->player_bar, position, self->duration);
  if (self->reading != NULL)
    {
      HarkTranscript *transcript = hark_reading_get_transcript (self->reading);

      set_current_row (self, hark_reading_row_at (self->reading, position),
                       hark_transcript_cue_at (transcript, position));
    }
}

static gboolean
on_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  update_now (HARK_WINDOW (widget));
  return G_SOURCE_CONTINUE;
}

static void
update_ticking (HarkWindow *self)
{
  gboolean playing = hark_session_get_snapshot (self->session)->state == HARK_PLAYER_STATE_PLAYING;

  hark_player_bar_set_playing (self->player_bar, playing);
  if (playing && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
  else if (!playing && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  update_now (self);
}

static int
row_of_segment (HarkWindow *self, guint segment)
{
  guint n_rows;
  const HarkReadingRow *rows = hark_reading_get_rows (self->reading, &n_rows);

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT && rows[i].segment == (int) segment)
      return i;
  return -1;
}

/* A skip the session made: a toast with Unskip, and the segment's row says "skipped". */
static void
show_skip (HarkWindow *self, const HarkSessionEvent *event)
{
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  int row;
  int seconds = (int) (event->range.end - event->range.start + 0.5);

  if (!event->counted || event->entry == NULL || self->reading == NULL)
    return;
  row = row_of_segment (self, event->segment);
  label = g_ascii_strdown (hark_category_get_label (event->entry->segment.category), -1);
  /* Translators: "Skipped sponsor (53 s)" */
  title = g_strdup_printf (_("Skipped %s (%d s)"), label, seconds);
  show_toast (self, title, _("_Unskip"), "win.unskip");
  if (row >= 0 && hark_window_get_row_widget (self, row) != NULL)
    hark_turn_row_bind (hark_window_get_row_widget (self, row),
                        hark_turn_row_get_item (hark_window_get_row_widget (self, row)),
                        self->search_query, TRUE);
}

static void on_session_opened (HarkWindow *self);
static void on_session_loaded (HarkWindow *self);
static void on_session_failed (HarkWindow *self, const HarkSessionEvent *event);
static void show_reading (HarkWindow *self);

static void
on_session_event (HarkSession *session, const HarkSessionEvent *event, gpointer user_data)
{
  HarkWindow *self = user_data;

  switch (event->type)
    {
    case HARK_SESSION_EVENT_OPENED:
      on_session_opened (self);
      break;
    case HARK_SESSION_EVENT_LOADED:
      on_session_loaded (self);
      break;
    case HARK_SESSION_EVENT_SEGMENTS:
      show_reading (self);
      break;
    case HARK_SESSION_EVENT_STATE:
    case HARK_SESSION_EVENT_END:
      update_ticking (self);
      break;
    case HARK_SESSION_EVENT_SEEKED:
    case HARK_SESSION_EVENT_UNSKIP:
      update_now (self);
      break;
    case HARK_SESSION_EVENT_SKIP:
      show_skip (self, event);
      update_now (self);
      break;
    case HARK_SESSION_EVENT_OFFER_STARTED:
      show_skip_offer (self, event->entry);
      break;
    case HARK_SESSION_EVENT_OFFER_ENDED:
      show_skip_offer (self, NULL);
      break;
    case HARK_SESSION_EVENT_CHANGED:
      hark_player_bar_set_speed (self->player_bar, hark_session_get_snapshot (session)->speed);
      break;
    case HARK_SESSION_EVENT_ERROR:
      on_session_failed (self, event);
      break;
    case HARK_SESSION_EVENT_CLOSED:
    case HARK_SESSION_EVENT_TURN:
    case HARK_SESSION_EVENT_UNSKIP_ENDED:
    default:
      break;
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Opening */

/* Opens what the user gave: the first audio file, with the transcripts among the rest. */
static void
open_files (HarkWindow *self, GFile **files, guint n_files)
{
  g_autoptr (GPtrArray) sidecars = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *audio = NULL;

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        continue;
      if (hark_sidecar_is_candidate (path))
        g_ptr_array_add (sidecars, g_steal_pointer (&path));
      else if (audio == NULL)
        audio = g_steal_pointer (&path);
    }
  /* Transcripts alone are added to the episode that is open. */
  if (audio == NULL && sidecars->len > 0 && hark_session_get_snapshot (self->session)->path != NULL)
    audio = g_strdup (hark_session_get_snapshot (self->session)->path);
  if (audio == NULL && sidecars->len == 0)
    {
      show_toast (self, _("Hark can only open audio files and transcripts"), NULL, NULL);
      return;
    }
  g_ptr_array_add (sidecars, NULL);
  hark_window_open (self, audio, sidecars->len > 1 ? (const char *const *) sidecars->pdata : NULL);
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, HarkWindow *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr (GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  open_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static char *
describe_sources (HarkEpisode *episode)
{
  const GPtrArray *sources = hark_episode_get_sources (episode);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const HarkSidecarUse *use = g_ptr_array_index (sources, i);
      g_autofree char *base = g_path_get_basename (use->path);

      if (names->len > 0)
        g_string_append (names, " + ");
      g_string_append (names, base);
    }
  if (names->len == 0)
    return g_strdup (_("No transcript"));
  /* Translators: the sidecar files read, "Transcript: ep189.vtt + ep189.transcript.txt" */
  return g_strdup_printf (_("Transcript: %s"), names->str);
}

static void
build_chapters_menu (HarkWindow *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  const HarkChapter *chapters = NULL;
  guint n_chapters = 0, shown = 0;

  if (self->reading != NULL)
    chapters = hark_transcript_get_chapters (hark_reading_get_transcript (self->reading),
                                             &n_chapters);
  for (guint i = 0; i < n_chapters; i++)
    {
      g_autofree char *time = NULL;
      g_autofree char *label = NULL;
      g_autoptr (GMenuItem) item = NULL;

      if (!chapters[i].toc)
        continue;
      time = hark_time_format (chapters[i].start, FALSE);
      label = g_strdup_printf ("%s  %s", time, chapters[i].title);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "app.seek",
                                               g_variant_new_double (chapters[i].start));
      g_menu_append_item (menu, item);
      shown++;
    }
  gtk_menu_button_set_menu_model (self->chapters_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->chapters_button), shown > 0);
}

/* Shows the reading order of what is loaded (again, after a policy change). */
static void
show_reading (HarkWindow *self)
{
  HarkTranscript *transcript = hark_session_get_transcript (self->session);

  self->reading = hark_session_get_reading (self->session);
  self->current_row = -1;
  self->current_cue = -1;
  self->search_index = -1;
  g_clear_pointer (&self->search_matches, g_array_unref);
  if (self->chosen_speaker >= (int) hark_transcript_get_n_speakers (transcript))
    self->chosen_speaker = -1;

  fill_store (self);
  hark_seek_bar_set_episode (hark_player_bar_get_seek_bar (self->player_bar), self->reading,
                             self->duration);
  hark_speakers_popover_set_transcript (self->speakers_popover,
                                        self->reading != NULL ? transcript : NULL);
  build_chapters_menu (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), self->reading != NULL);
  gtk_stack_set_visible_child_name (self->stack, self->reading != NULL ? "episode"
                                                                       : "no-transcript");
  if (self->search_query != NULL)
    hark_window_search (self, self->search_query);
  update_now (self);
  set_following (self, self->following);
}

/* The transcript is read: show it, with what it was read from and what went wrong. */
static void
on_session_loaded (HarkWindow *self)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (self->session);
  HarkEpisode *episode = hark_session_get_episode (self->session);
  const char *const *warnings;
  g_autofree char *subtitle = NULL;

  gtk_spinner_stop (self->spinner);
  if (snap->title != NULL)
    {
      adw_window_title_set_title (self->window_title, snap->title);
      gtk_window_set_title (GTK_WINDOW (self), snap->title);
    }
  subtitle = describe_sources (episode);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  warnings = hark_episode_get_warnings (episode);
  if (warnings != NULL && warnings[0] != NULL)
    {
      guint n = g_strv_length ((char **) warnings);
      g_autofree char *text = n > 1 ? g_strdup_printf (g_dngettext (NULL, "%s (and %u more problem)",
                                                                     "%s (and %u more problems)",
                                                                     n - 1),
                                                        warnings[0], n - 1)
                                    : g_strdup (warnings[0]);
      show_banner (self, text);
    }

  show_reading (self);
  g_signal_emit (self, signals[SIGNAL_EPISODE_SHOWN], 0, TRUE);
}

/* The audio is open (maybe where the listener stopped last time); the transcript comes later. */
static void
on_session_opened (HarkWindow *self)
{
  const HarkSessionSnapshot *snap = hark_session_get_snapshot (self->session);
  gboolean audio = snap->path != NULL;

  self->duration = snap->duration;
  /* Resumed: the list goes to where the listener stopped. */
  if (snap->position > 0)
    self->following = TRUE;
  hark_player_bar_set_speed (self->player_bar, snap->speed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->player_bar), audio);
  gtk_widget_set_visible (GTK_WIDGET (self->player_bar), audio);
  hark_seek_bar_set_episode (hark_player_bar_get_seek_bar (self->player_bar), NULL, self->duration);
  update_ticking (self);
}

static void
on_session_failed (HarkWindow *self, const HarkSessionEvent *event)
{
  const char *message = event->error != NULL ? event->error->message : NULL;

  switch (event->error_kind)
    {
    case HARK_SESSION_ERROR_AUDIO:
      show_banner (self, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->player_bar), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->player_bar), FALSE);
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, NULL);
      g_signal_emit (self, signals[SIGNAL_EPISODE_SHOWN], 0, FALSE);
      break;
    case HARK_SESSION_ERROR_SIDECAR:
      /* Only a sidecar the user named explicitly fails the load; the audio still plays. */
      gtk_spinner_stop (self->spinner);
      show_banner (self, message);
      gtk_stack_set_visible_child_name (self->stack, "no-transcript");
      g_signal_emit (self, signals[SIGNAL_EPISODE_SHOWN], 0, FALSE);
      break;
    case HARK_SESSION_ERROR_OUTPUT:
      show_banner (self, message != NULL ? message : _("The audio output failed."));
      update_ticking (self);
      break;
    case HARK_SESSION_ERROR_LIBRARY:
    default:
      /* A save that failed: said once until saving works again, and playback goes on. */
      show_toast (self, message, NULL, NULL);
      break;
    }
}

/* Runs after the window painted the episode's title and spinner: the session then probes and
 * reads on its worker thread. */
static gboolean
open_deferred (gpointer user_data)
{
  HarkWindow *self = user_data;
  g_autofree char *audio_path = g_steal_pointer (&self->pending_audio);
  g_auto (GStrv) sidecars = g_steal_pointer (&self->pending_sidecars);

  self->open_id = 0;
  hark_session_open (self->session, audio_path, (const char *const *) sidecars);
  return G_SOURCE_REMOVE;
}

void
hark_window_open (HarkWindow *self, const char *audio_path, const char *const *sidecars)
{
  g_autofree char *title = NULL;

  g_return_if_fail (HARK_IS_WINDOW (self));
  g_return_if_fail (audio_path != NULL || (sidecars != NULL && sidecars[0] != NULL));

  show_banner (self, NULL);

  /* Leaving an episode is like closing it: the session keeps its place. Until the new one is
   * open, commands find no episode rather than the old one. */
  hark_session_close (self->session);
  self->reading = NULL;
  show_skip_offer (self, NULL);
  update_ticking (self);
  self->duration = -1;

  /* The title is the file name until tags say better; the extension is noise to a listener. */
  title = g_path_get_basename (audio_path != NULL ? audio_path : sidecars[0]);
  if (strrchr (title, '.') != NULL && strrchr (title, '.') != title)
    *strrchr (title, '.') = '\0';
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, _("Reading the transcript…"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  g_free (self->pending_audio);
  g_strfreev (self->pending_sidecars);
  self->pending_audio = g_strdup (audio_path);
  self->pending_sidecars = g_strdupv ((char **) sidecars);
  if (self->open_id == 0)
    self->open_id = g_idle_add_full (G_PRIORITY_LOW, open_deferred, self, NULL);
}

gboolean
hark_window_is_loading (HarkWindow *self)
{
  return self->open_id != 0 || hark_session_is_loading (self->session);
}

/* ------------------------------------------------------------------------------------------ */
/* Commands */

void
hark_window_play (HarkWindow *self)
{
  hark_session_play (self->session);
}

void
hark_window_pause (HarkWindow *self)
{
  hark_session_pause (self->session);
}

void
hark_window_play_pause (HarkWindow *self)
{
  hark_session_toggle (self->session);
}

void
hark_window_seek (HarkWindow *self, double seconds)
{
  if (hark_session_seek (self->session, seconds))
    update_now (self);
}

void
hark_window_skip_by (HarkWindow *self, double delta)
{
  if (hark_session_seek_by (self->session, delta))
    update_now (self);
}

/* After a jump by turn: the list follows, or a bell says there was nowhere to go. */
static void
turn_jumped (HarkWindow *self, gboolean jumped)
{
  if (!jumped)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  update_now (self);
  set_following (self, TRUE);
}

void
hark_window_next_turn (HarkWindow *self, int direction)
{
  if (self->reading == NULL)
    return;
  turn_jumped (self, hark_session_next_turn (self->session, direction));
}

static void
choose_speaker (HarkWindow *self, int speaker)
{
  HarkTranscript *transcript = hark_reading_get_transcript (self->reading);

  if (speaker == self->chosen_speaker)
    return;
  self->chosen_speaker = speaker;
  hark_player_bar_set_speaker (self->player_bar,
                               speaker >= 0 ? hark_transcript_get_speaker (transcript, speaker)->name
                                            : NULL);
  hark_speakers_popover_set_chosen (self->speakers_popover, speaker);
  if (self->filter_speaker)
    {
      fill_store (self);
      update_now (self);
      set_following (self, TRUE);
    }
}

void
hark_window_next_answer (HarkWindow *self, const char *speaker, int direction)
{
  HarkTranscript *transcript;
  int index;

  if (self->reading == NULL)
    return;
  transcript = hark_reading_get_transcript (self->reading);
  if (speaker != NULL)
    {
      index = hark_transcript_find_speaker (transcript, speaker);
      if (index < 0)
        {
          g_autofree char *text = g_strdup_printf (_("No speaker called “%s” in this episode"),
                                                   speaker);
          show_toast (self, text, NULL, NULL);
          return;
        }
      choose_speaker (self, index);
    }
  if (self->chosen_speaker < 0)
    {
      show_toast (self, _("Choose a speaker first"), NULL, NULL);
      gtk_menu_button_popup (hark_player_bar_get_speaker_button (self->player_bar));
      return;
    }
  turn_jumped (self, hark_session_next_answer (self->session, self->chosen_speaker, direction));
}

/* The speed menu and keys move in steps; the session checks and clamps the number. */
void
hark_window_set_speed (HarkWindow *self, double speed)
{
  hark_session_set_speed (self->session, round (speed / HARK_SPEED_STEP) * HARK_SPEED_STEP);
}

void
hark_window_change_speed (HarkWindow *self, int steps)
{
  hark_window_set_speed (self,
                         hark_session_get_snapshot (self->session)->speed + steps * HARK_SPEED_STEP);
}

void
hark_window_unskip (HarkWindow *self)
{
  hark_session_unskip (self->session);
}

/* ------------------------------------------------------------------------------------------ */
/* Search */

static void
show_search_match (HarkWindow *self)
{
  int old = self->search_row;
  g_autofree char *count = NULL;

  if (self->search_matches == NULL || self->search_matches->len == 0)
    {
      self->search_row = -1;
      refresh_row_widget (self, old);
      gtk_label_set_label (self->search_count,
                           self->search_query != NULL && *self->search_query != '\0'
                             ? _("No results") : "");
      return;
    }
  count = g_strdup_printf (_("%d of %u"), self->search_index + 1, self->search_matches->len);
  gtk_label_set_label (self->search_count, count);
  self->search_row =
    g_array_index (self->search_matches, HarkReadingMatch, self->search_index).row;
  refresh_row_widget (self, old);
  refresh_row_widget (self, self->search_row);
  /* Looking at a match is looking away from now. */
  user_scrolled (self);
  scroll_to_row (self, self->search_row);
}

void
hark_window_search (HarkWindow *self, const char *query)
{
  GHashTableIter iter;
  gpointer widget;
  double position = hark_window_get_position (self);

  g_free (self->search_query);
  self->search_query = query != NULL && *query != '\0' ? g_strdup (query) : NULL;
  g_clear_pointer (&self->search_matches, g_array_unref);
  self->search_index = -1;
  if (self->reading != NULL && self->search_query != NULL)
    {
      GArray *all = hark_reading_search (self->reading, self->search_query);
      const HarkReadingRow *rows = hark_reading_get_rows (self->reading, NULL);

      /* Only rows the list shows; start from the first match after now. */
      self->search_matches = g_array_new (FALSE, FALSE, sizeof (HarkReadingMatch));
      for (guint i = 0; i < all->len; i++)
        {
          HarkReadingMatch *m = &g_array_index (all, HarkReadingMatch, i);

          if (self->pos_of_row[m->row] < 0)
            continue;
          if (self->search_index < 0 && rows[m->row].start >= position)
            self->search_index = self->search_matches->len;
          g_array_append_val (self->search_matches, *m);
        }
      g_array_unref (all);
      if (self->search_index < 0)
        self->search_index = 0;
    }

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    hark_turn_row_set_query (widget, self->search_query);
  show_search_match (self);
}

static void
on_search_changed (HarkWindow *self)
{
  hark_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
move_search (HarkWindow *self, int direction)
{
  guint n = self->search_matches != NULL ? self->search_matches->len : 0;

  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  self->search_index = (self->search_index + direction + n) % n;
  show_search_match (self);
}

static void
on_search_next (HarkWindow *self)
{
  move_search (self, +1);
}

static void
on_search_previous (HarkWindow *self)
{
  move_search (self, -1);
}

static void
on_search_stop (HarkWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Ctrl+Enter in the search entry: go and listen to the match. */
static gboolean
on_search_seek (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  HarkWindow *self = HARK_WINDOW (user_data);

  if (self->search_row < 0)
    return FALSE;
  hark_window_seek (self, hark_reading_get_rows (self->reading, NULL)[self->search_row].start);
  set_following (self, TRUE);
  return TRUE;
}

static gboolean
on_search_shift_enter (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  move_search (HARK_WINDOW (user_data), -1);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Signals and actions */

static void
on_row_activated (HarkWindow *self, guint position)
{
  int row = row_at_position (self, position);

  if (row < 0)
    return;
  /* A click means "listen from here": the list follows again, a paused player stays paused. */
  hark_window_seek (self, hark_reading_get_rows (self->reading, NULL)[row].start);
  set_following (self, TRUE);
}

static void
on_recent_activated (HarkWindow *self, GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    hark_window_open (self, path, NULL);
}

/* The empty state offers the episodes listened to last, where they still exist. */
static void
fill_recent (HarkWindow *self)
{
  HarkLibrary *library = self->session ? hark_session_get_library (self->session) : NULL;
  g_autoptr (GPtrArray) recent = library != NULL ? hark_library_list_recent (library, 5, NULL)
                                                 : NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent != NULL && i < recent->len; i++)
    {
      HarkLibraryEntry *entry = g_ptr_array_index (recent, i);
      g_autofree char *base = NULL, *where = NULL, *length = NULL, *subtitle = NULL;
      GtkWidget *row;

      if (entry->path == NULL || !g_file_test (entry->path, G_FILE_TEST_EXISTS))
        continue;
      base = g_path_get_basename (entry->path);
      where = hark_time_format (entry->position, FALSE);
      length = hark_time_format (entry->duration, FALSE);
      /* Translators: "Stopped at 12:00 of 59:11" */
      subtitle = g_strdup_printf (_("Stopped at %s of %s"), where, length);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     entry->title != NULL ? entry->title : base);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (entry->path), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  self->n_recent = shown;
}

static void
on_bar_seek (HarkWindow *self, double position)
{
  hark_window_seek (self, position);
}

static void
on_volume_changed (GtkAdjustment *adjustment, HarkWindow *self)
{
  if (self->session != NULL)
    hark_session_set_volume (self->session, gtk_adjustment_get_value (adjustment));
}

static void
action_back_to_now (GtkWidget *widget, const char *name, GVariant *param)
{
  set_following (HARK_WINDOW (widget), TRUE);
}

static void
action_unskip (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_window_unskip (HARK_WINDOW (widget));
}

static void
action_skip_segment (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_session_skip_offered (HARK_WINDOW (widget)->session);
}

static void
action_toast (GtkWidget *widget, const char *name, GVariant *param)
{
  show_toast (HARK_WINDOW (widget), g_variant_get_string (param, NULL), NULL, NULL);
}

static void
action_dismiss_banner (GtkWidget *widget, const char *name, GVariant *param)
{
  show_banner (HARK_WINDOW (widget), NULL);
}

static void
action_search (GtkWidget *widget, const char *name, GVariant *param)
{
  HarkWindow *self = HARK_WINDOW (widget);

  if (self->reading == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_choose_speaker (GtkWidget *widget, const char *name, GVariant *param)
{
  HarkWindow *self = HARK_WINDOW (widget);

  if (self->reading != NULL)
    choose_speaker (self, g_variant_get_int32 (param));
}

static void
action_answer (GtkWidget *widget, const char *name, GVariant *param)
{
  hark_window_next_answer (HARK_WINDOW (widget), NULL,
                           g_str_equal (name, "win.next-answer") ? +1 : -1);
}

static void
set_filter_speaker (HarkWindow *self, gboolean filter)
{
  if (self->filter_speaker == filter)
    return;
  self->filter_speaker = filter;
  if (self->reading != NULL)
    {
      fill_store (self);
      self->current_row = -1;
      update_now (self);
      set_following (self, TRUE);
      if (self->search_query != NULL)
        hark_window_search (self, self->search_query);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_SPEAKER]);
}

static void
hark_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILTER_SPEAKER:
      g_value_set_boolean (value, HARK_WINDOW (object)->filter_speaker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hark_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILTER_SPEAKER:
      set_filter_speaker (HARK_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
action_copy_current (GtkWidget *widget, const char *name, GVariant *param)
{
  HarkWindow *self = HARK_WINDOW (widget);
  g_autofree char *quote = NULL;

  if (self->reading == NULL || self->current_row < 0)
    return;
  quote = hark_reading_row_to_markdown (self->reading, self->current_row);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), quote);
  show_toast (self, _("Copied as quote"), NULL, NULL);
}

static gboolean
on_close_request (HarkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  hark_app_settings_save_window (self->settings, width, height,
                                 gtk_window_is_maximized (GTK_WINDOW (self)));
  /* Closing the window ends listening: the session saves the place. */
  hark_session_close (self->session);
  return FALSE;
}

static void
on_skip_seconds_changed (HarkWindow *self)
{
  hark_player_bar_set_skip_seconds (self->player_bar,
                                    hark_app_settings_get_int (self->settings, "skip-back-seconds", 15),
                                    hark_app_settings_get_int (self->settings, "skip-forward-seconds", 30));
}

static void
on_follow_changed (HarkWindow *self)
{
  set_following (self, hark_app_settings_get_boolean (self->settings, "follow-transcript", TRUE));
}

static void
hark_window_dispose (GObject *object)
{
  HarkWindow *self = HARK_WINDOW (object);

  g_clear_handle_id (&self->open_id, g_source_remove);
  if (self->listener != 0)
    hark_session_remove_listener (self->session, self->listener);
  self->listener = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), HARK_TYPE_WINDOW);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  self->reading = NULL;
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hark_window_parent_class)->dispose (object);
}

static void
hark_window_finalize (GObject *object)
{
  HarkWindow *self = HARK_WINDOW (object);

  g_free (self->pos_of_row);
  g_free (self->pending_audio);
  g_strfreev (self->pending_sidecars);
  g_clear_pointer (&self->search_matches, g_array_unref);
  g_free (self->search_query);
  g_free (self->last_toast);
  g_free (self->banner_text);
  G_OBJECT_CLASS (hark_window_parent_class)->finalize (object);
}

static void
hark_window_class_init (HarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_window_dispose;
  object_class->finalize = hark_window_finalize;
  object_class->get_property = hark_window_get_property;
  object_class->set_property = hark_window_set_property;

  properties[PROP_FILTER_SPEAKER] =
    g_param_spec_boolean ("filter-speaker", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EPISODE_SHOWN] = g_signal_new ("episode-shown", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (HARK_TYPE_PLAYER_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hark/Hark/hark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, chapters_button);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, back_to_now_revealer);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, skip_revealer);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, skip_content);
  gtk_widget_class_bind_template_child (widget_class, HarkWindow, player_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_seek);

  gtk_widget_class_install_action (widget_class, "win.back-to-now", NULL, action_back_to_now);
  gtk_widget_class_install_action (widget_class, "win.unskip", NULL, action_unskip);
  gtk_widget_class_install_action (widget_class, "win.skip-segment", NULL, action_skip_segment);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", action_toast);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, action_dismiss_banner);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.choose-speaker", "i", action_choose_speaker);
  gtk_widget_class_install_action (widget_class, "win.next-answer", NULL, action_answer);
  gtk_widget_class_install_action (widget_class, "win.previous-answer", NULL, action_answer);
  gtk_widget_class_install_property_action (widget_class, "win.filter-speaker", "filter-speaker");
  gtk_widget_class_install_action (widget_class, "win.copy-current", NULL, action_copy_current);
}

static void
add_shortcut (GtkShortcutController *controller, const char *trigger, const char *action,
              GVariant *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Single keys (Space, arrows, N, P, brackets) must not steal typing from the search entry, so
 * they live in a bubble-phase controller: the entry sees them first. Application accelerators
 * run before the focus widget and are only for chords. */
static void
setup_shortcuts (HarkWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  GtkEventController *entry_keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  add_shortcut (shortcuts, "space", "app.play-pause", NULL);
  add_shortcut (shortcuts, "Left", "app.back", NULL);
  add_shortcut (shortcuts, "Right", "app.forward", NULL);
  add_shortcut (shortcuts, "n", "app.next-turn", NULL);
  add_shortcut (shortcuts, "p", "app.previous-turn", NULL);
  add_shortcut (shortcuts, "bracketleft", "app.slower", NULL);
  add_shortcut (shortcuts, "bracketright", "app.faster", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_event_controller_set_propagation_phase (entry_keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (entry_keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return"),
                      gtk_callback_action_new (on_search_shift_enter, self, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (entry_keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                      gtk_callback_action_new (on_search_seek, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), entry_keys);
}

static void
setup_list (HarkWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *scrollbar_click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->store = g_list_store_new (HARK_TYPE_ROW_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_list_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (scrollbar_click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (scrollbar_click, "pressed", G_CALLBACK (on_scrollbar_pressed), self);
  gtk_widget_add_controller (gtk_scrolled_window_get_vscrollbar (self->scroller),
                             GTK_EVENT_CONTROLLER (scrollbar_click));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  self->bound = g_hash_table_new (NULL, NULL);
}

static void
hark_window_init (HarkWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->current_row = -1;
  self->current_cue = -1;
  self->chosen_speaker = -1;
  self->search_index = -1;
  self->search_row = -1;
  self->align_row = -1;
  self->duration = -1;

  self->settings = hark_app_settings_new ();
  self->following = hark_app_settings_get_boolean (self->settings, "follow-transcript", TRUE);
  hark_app_settings_get_window (self->settings, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (hark_app_settings_get_boolean (self->settings, "window-maximized", FALSE))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_adjustment_set_value (hark_player_bar_get_volume (self->player_bar),
                            hark_app_settings_get_double (self->settings, "volume", 1.0));
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "volume", hark_player_bar_get_volume (self->player_bar),
                       "value", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_swapped (self->settings, "changed::follow-transcript",
                                G_CALLBACK (on_follow_changed), self);
      g_signal_connect_swapped (self->settings, "changed::skip-back-seconds",
                                G_CALLBACK (on_skip_seconds_changed), self);
      g_signal_connect_swapped (self->settings, "changed::skip-forward-seconds",
                                G_CALLBACK (on_skip_seconds_changed), self);
    }
  on_skip_seconds_changed (self);
  g_signal_connect (hark_player_bar_get_volume (self->player_bar), "value-changed",
                    G_CALLBACK (on_volume_changed), self);

  self->speakers_popover = HARK_SPEAKERS_POPOVER (hark_speakers_popover_new ());
  gtk_menu_button_set_popover (hark_player_bar_get_speaker_button (self->player_bar),
                               GTK_WIDGET (self->speakers_popover));

  setup_list (self);
  setup_shortcuts (self);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

HarkWindow *
hark_window_new (GtkApplication *application, HarkSession *session)
{
  HarkWindow *self = g_object_new (HARK_TYPE_WINDOW, "application", application, NULL);

  self->session = session;
  self->listener = hark_session_add_listener (session, on_session_event, self, NULL);
  hark_session_set_volume (session,
                           gtk_adjustment_get_value (hark_player_bar_get_volume (self->player_bar)));
  fill_recent (self);
  return self;
}

/* Stays until dismissed: opening an episode must not hide it. */
void
hark_window_show_lasting_message (HarkWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

HarkSession *
hark_window_get_session (HarkWindow *self)
{
  return self->session;
}

HarkPlayer *
hark_window_get_player (HarkWindow *self)
{
  return hark_session_get_player (self->session);
}

HarkReading *
hark_window_get_reading (HarkWindow *self)
{
  return self->reading;
}

int
hark_window_get_current_row (HarkWindow *self)
{
  return self->current_row;
}

int
hark_window_get_selected_row (HarkWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  return position == GTK_INVALID_LIST_POSITION ? -1 : row_at_position (self, position);
}

HarkTurnRow *
hark_window_get_row_widget (HarkWindow *self, int row)
{
  if (row < 0 || self->bound == NULL)
    return NULL;
  return g_hash_table_lookup (self->bound, GINT_TO_POINTER (row));
}

GArray *
hark_window_get_search_matches (HarkWindow *self)
{
  return self->search_matches;
}

int
hark_window_get_search_row (HarkWindow *self)
{
  return self->search_row;
}

gboolean
hark_window_get_following (HarkWindow *self)
{
  return self->following;
}

const char *
hark_window_get_last_toast (HarkWindow *self)
{
  return self->last_toast;
}

const char *
hark_window_get_banner (HarkWindow *self)
{
  return self->banner_text;
}

GtkListView *
hark_window_get_list_view (HarkWindow *self)
{
  return self->list_view;
}

GtkScrolledWindow *
hark_window_get_scroller (HarkWindow *self)
{
  return self->scroller;
}

guint
hark_window_get_n_recent (HarkWindow *self)
{
  return self->n_recent;
}
