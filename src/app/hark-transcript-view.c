/* hark-transcript-view.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-transcript-view.h"

#include <glib/gi18n.h>

#include "hark-row-item.h"

struct _HarkTranscriptView
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkListView *list_view;
  HarkSession *session;
  HarkReading *reading;

  /* The list: rows of the reading order, maybe filtered to one speaker. */
  GListStore *store;
  GtkSingleSelection *selection;
  int *pos_of_row;   /* row → position in the store, -1 when filtered out */
  GHashTable *bound; /* row index → HarkTurnRow showing it */
  gboolean selecting;
  int speaker;       /* the filter, or -1 */

  int current_row;
  int current_cue;
  gboolean following;
  int align_row; /* a row to bring to a comfortable reading height on the next frame */
  guint align_tick_id;
  guint align_attempts;
  guint align_settled; /* frames in a row the aligned row stayed where it should be */
  gboolean focus_pending; /* focus goes to the current row once it is on screen */

  char *query;
  int match_row; /* the row of the match being looked at, or -1 */
};

G_DEFINE_FINAL_TYPE (HarkTranscriptView, hark_transcript_view, GTK_TYPE_WIDGET)

enum { SIGNAL_ROW_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_FOLLOWING, N_PROPS };
static GParamSpec *properties[N_PROPS];

static int
row_at_position (HarkTranscriptView *self, guint position)
{
  g_autoptr (HarkRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return item != NULL ? (int) hark_row_item_get_index (item) : -1;
}

static int
position_of_row (HarkTranscriptView *self, int row)
{
  guint n_rows;

  if (self->reading == NULL || row < 0)
    return -1;
  hark_reading_get_rows (self->reading, &n_rows);
  return (guint) row < n_rows ? self->pos_of_row[row] : -1;
}

static void
refresh_row_widget (HarkTranscriptView *self, int row)
{
  HarkTurnRow *widget = hark_transcript_view_get_row_widget (self, row);
  gsize cue_start = 0, cue_end = 0;

  if (widget == NULL)
    return;
  if (row == self->current_row && self->current_cue >= 0)
    hark_reading_row_cue_range (self->reading, row, self->current_cue, &cue_start, &cue_end);
  hark_turn_row_set_now_playing (widget, row == self->current_row, cue_start, cue_end);
  if (row == self->match_row)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "search-current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "search-current");
}

static void
on_factory_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                  HarkTranscriptView *self)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (hark_turn_row_new ()));
}

static gboolean
was_skipped (HarkTranscriptView *self, const HarkReadingRow *row)
{
  return row->kind == HARK_READING_ROW_SEGMENT && self->session != NULL
         && hark_session_was_skipped (self->session, row->segment);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                 HarkTranscriptView *self)
{
  HarkTurnRow *widget = HARK_TURN_ROW (gtk_list_item_get_child (list_item));
  HarkRowItem *item = gtk_list_item_get_item (list_item);
  int index = hark_row_item_get_index (item);

  hark_turn_row_bind (widget, item, self->query, was_skipped (self, hark_row_item_get_row (item)));
  g_hash_table_insert (self->bound, GINT_TO_POINTER (index), widget);
  refresh_row_widget (self, index);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory, GtkListItem *list_item,
                   HarkTranscriptView *self)
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
fill_store (HarkTranscriptView *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  const HarkReadingRow *rows;
  guint n_rows;
  /* The row with the focus goes with the old rows: the keys would then go nowhere (the next key
   * press is lost), so the focus moves to the new rows. */
  gboolean refocus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));

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
      gboolean shown = self->speaker < 0 || (rows[i].kind == HARK_READING_ROW_TURN &&
                                             rows[i].speaker == self->speaker);

      self->pos_of_row[i] = shown ? (int) items->len : -1;
      if (shown)
        g_ptr_array_add (items, hark_row_item_new (self->reading, i));
    }
  self->selecting = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
  if (refocus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* How far to move the list so that the row (its top at @y in a view @height tall) reads well.
 * Reading is comfortable with the current turn in the upper part of the view; the list is left
 * alone while it is there, so the text does not jump under the reader's eyes. In a turn taller
 * than that leaves room for, what counts is the caption being heard: it is kept in view, and
 * brought to the upper part when it is about to leave it. */
static double
caption_shift (HarkTranscriptView *self, HarkTurnRow *row, double y, double height)
{
  double top, bottom;

  if (self->align_row == self->current_row &&
      hark_turn_row_get_cue_span (row, GTK_WIDGET (self->list_view), &top, &bottom) &&
      bottom - y > height * 0.7)
    return top < height * 0.02 || bottom > height * 0.9 ? top - height * 0.2 : 0;
  return y < height * 0.05 || y > height * 0.5 ? y - height * 0.2 : 0;
}

static void scroll_to_row (HarkTranscriptView *self, int row);

/* The caption changed within the current row: if it is leaving the view, the list moves. */
static void
keep_caption_in_view (HarkTranscriptView *self)
{
  HarkTurnRow *row = hark_transcript_view_get_row_widget (self, self->current_row);
  double x, y, top, bottom, height = gtk_widget_get_height (GTK_WIDGET (self->list_view));

  if (!self->following || self->align_tick_id != 0 || row == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (row)) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (row), GTK_WIDGET (self->list_view), 0, 0, &x,
                                         &y) ||
      !hark_turn_row_get_cue_span (row, GTK_WIDGET (self->list_view), &top, &bottom))
    return;
  /* Checked here without waking the frame clock: most captions are in view already. */
  if (top < 0 || bottom > height * 0.9)
    scroll_to_row (self, self->current_row);
}

/* Brings the row to scroll to into a comfortable reading height. A row far away has no widget
 * on screen yet (the list keeps the selected row's widget around, unmapped): the list's own
 * scroll-to-item brings it to an edge, and the next frame, once it is laid out, moves it to
 * reading height by its real position. (Estimating the offset from the row count lands far off
 * when turns differ in height as much as a transcript's do.) */
static gboolean
align_row_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  HarkTranscriptView *self = HARK_TRANSCRIPT_VIEW (widget);
  HarkTurnRow *row = hark_transcript_view_get_row_widget (self, self->align_row);
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
      double shift = caption_shift (self, row, y, height);

      if (shift != 0)
        {
          gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + shift);
          self->align_settled = 0;
        }
      else
        self->align_settled++;
      if (self->focus_pending && self->align_row == self->current_row)
        {
          self->focus_pending = FALSE;
          gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
        }
      /* Done once it stays put for a frame: a row that has just become current may grow (a
       * segment opening to show its words), and the list then moves its top out of view. */
      if (self->align_settled >= 2 || self->align_attempts++ > 20)
        {
          self->align_tick_id = 0;
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }
  if (self->align_attempts++ > 20)
    {
      self->align_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              (guint) position);
  return G_SOURCE_CONTINUE;
}

static void
scroll_to_row (HarkTranscriptView *self, int row)
{
  if (position_of_row (self, row) < 0)
    return;
  self->align_row = row;
  self->align_attempts = 0;
  self->align_settled = 0;
  if (self->align_tick_id == 0)
    self->align_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), align_row_tick, NULL,
                                                        NULL);
}

void
hark_transcript_view_set_following (HarkTranscriptView *self, gboolean following)
{
  following = !!following;
  if (following && self->current_row >= 0)
    scroll_to_row (self, self->current_row);
  /* The reader took the list: an alignment still settling must not pull it back. */
  if (!following && self->align_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->align_tick_id);
      self->align_tick_id = 0;
    }
  if (self->following == following)
    return;
  self->following = following;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWING]);
}

gboolean
hark_transcript_view_get_following (HarkTranscriptView *self)
{
  return self->following;
}

/* The user scrolled: following would fight them, so it pauses until turned on again. */
static void
user_scrolled (HarkTranscriptView *self)
{
  if (self->following && self->reading != NULL)
    hark_transcript_view_set_following (self, FALSE);
}

static gboolean
on_list_scroll (GtkEventControllerScroll *controller, double dx, double dy,
                HarkTranscriptView *self)
{
  if (dy != 0)
    user_scrolled (self);
  return FALSE;
}

static void
on_scrollbar_pressed (GtkGestureClick *gesture, int n_press, double x, double y,
                      HarkTranscriptView *self)
{
  user_scrolled (self);
}

/* Tab leaves the list for the next control: the list is one stop, its arrows move inside. (GTK
 * 4.8's list would otherwise stop at every row.) The list is unfocusable for the move, so the
 * window's focus chain goes past it. */
static gboolean
tab_out (HarkTranscriptView *self, GtkDirectionType direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean moved;

  gtk_widget_set_can_focus (GTK_WIDGET (self->list_view), FALSE);
  moved = gtk_widget_child_focus (root, direction);
  if (!moved)
    {
      /* Past the last control: around to the first, as the window's own Tab does. */
      gtk_root_set_focus (GTK_ROOT (root), NULL);
      gtk_widget_child_focus (root, direction);
    }
  gtk_widget_set_can_focus (GTK_WIDGET (self->list_view), TRUE);
  return TRUE;
}

static gboolean
on_list_key (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, HarkTranscriptView *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && mods == 0)
    return tab_out (self, GTK_DIR_TAB_FORWARD);
  if (keyval == GDK_KEY_ISO_Left_Tab ||
      ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && mods == GDK_SHIFT_MASK))
    return tab_out (self, GTK_DIR_TAB_BACKWARD);
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
select_current (HarkTranscriptView *self)
{
  int pos = position_of_row (self, self->current_row);

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, pos >= 0 ? (guint) pos
                                                               : GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

static void
on_selection_changed (GtkSelectionModel *model, guint position, guint n_items,
                      HarkTranscriptView *self)
{
  if (!self->selecting)
    select_current (self);
}

static void
on_activate (GtkListView *list, guint position, HarkTranscriptView *self)
{
  int row = row_at_position (self, position);

  if (row >= 0)
    g_signal_emit (self, signals[SIGNAL_ROW_ACTIVATED], 0, row);
}

static void
set_current_row (HarkTranscriptView *self, int row, int cue)
{
  int old = self->current_row, old_cue = self->current_cue;

  if (row == old && cue == old_cue)
    return;
  self->current_row = row;
  self->current_cue = cue;
  if (old != row)
    {
      refresh_row_widget (self, old);
      select_current (self);
      if (self->following && row >= 0)
        scroll_to_row (self, row);
    }
  refresh_row_widget (self, row);
  if (old == row && row >= 0)
    keep_caption_in_view (self);
}

void
hark_transcript_view_show_time (HarkTranscriptView *self, double position)
{
  if (self->reading == NULL)
    return;
  set_current_row (self, hark_reading_row_at (self->reading, position),
                   hark_transcript_cue_at (hark_reading_get_transcript (self->reading), position));
}

void
hark_transcript_view_set_session (HarkTranscriptView *self, HarkSession *session)
{
  self->session = session;
}

void
hark_transcript_view_set_reading (HarkTranscriptView *self, HarkReading *reading)
{
  g_clear_pointer (&self->reading, hark_reading_unref);
  self->reading = reading != NULL ? hark_reading_ref (reading) : NULL;
  self->current_row = -1;
  self->current_cue = -1;
  self->match_row = -1;
  if (self->reading == NULL
      || self->speaker >= (int) hark_transcript_get_n_speakers (hark_reading_get_transcript (reading)))
    self->speaker = -1;
  fill_store (self);
}

void
hark_transcript_view_set_speaker_filter (HarkTranscriptView *self, int speaker)
{
  if (speaker == self->speaker)
    return;
  self->speaker = speaker;
  self->current_row = -1;
  fill_store (self);
}

void
hark_transcript_view_set_query (HarkTranscriptView *self, const char *query)
{
  GHashTableIter iter;
  gpointer widget;

  g_free (self->query);
  self->query = query != NULL && *query != '\0' ? g_strdup (query) : NULL;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    hark_turn_row_set_query (widget, self->query);
}

void
hark_transcript_view_show_match (HarkTranscriptView *self, int row)
{
  int old = self->match_row;

  self->match_row = row;
  refresh_row_widget (self, old);
  if (row < 0)
    return;
  refresh_row_widget (self, row);
  /* Looking at a match is looking away from now. */
  user_scrolled (self);
  scroll_to_row (self, row);
}

void
hark_transcript_view_refresh_row (HarkTranscriptView *self, int row)
{
  HarkTurnRow *widget = hark_transcript_view_get_row_widget (self, row);
  HarkRowItem *item = widget != NULL ? hark_turn_row_get_item (widget) : NULL;

  if (item == NULL)
    return;
  hark_turn_row_bind (widget, item, self->query, was_skipped (self, hark_row_item_get_row (item)));
  refresh_row_widget (self, row);
}

/* Puts the keyboard focus on the row being heard (on the list when there is none), without
 * moving the list: a row far away gets it once following has brought it into view. */
void
hark_transcript_view_focus_now (HarkTranscriptView *self)
{
  HarkTurnRow *row = hark_transcript_view_get_row_widget (self, self->current_row);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  self->focus_pending = FALSE;
  if (row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)))
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
  else if (self->current_row >= 0 && self->align_tick_id != 0)
    self->focus_pending = TRUE;
  else if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

gboolean
hark_transcript_view_is_shown (HarkTranscriptView *self, int row)
{
  return position_of_row (self, row) >= 0;
}

int
hark_transcript_view_get_current_row (HarkTranscriptView *self)
{
  return self->current_row;
}

int
hark_transcript_view_get_selected_row (HarkTranscriptView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  return position == GTK_INVALID_LIST_POSITION ? -1 : row_at_position (self, position);
}

int
hark_transcript_view_get_match_row (HarkTranscriptView *self)
{
  return self->match_row;
}

HarkTurnRow *
hark_transcript_view_get_row_widget (HarkTranscriptView *self, int row)
{
  if (row < 0 || self->bound == NULL)
    return NULL;
  return g_hash_table_lookup (self->bound, GINT_TO_POINTER (row));
}

GtkListView *
hark_transcript_view_get_list_view (HarkTranscriptView *self)
{
  return self->list_view;
}

GtkScrolledWindow *
hark_transcript_view_get_scroller (HarkTranscriptView *self)
{
  return self->scroller;
}

static void
hark_transcript_view_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  HarkTranscriptView *self = HARK_TRANSCRIPT_VIEW (object);

  if (prop_id == PROP_FOLLOWING)
    g_value_set_boolean (value, self->following);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hark_transcript_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  HarkTranscriptView *self = HARK_TRANSCRIPT_VIEW (object);

  if (prop_id == PROP_FOLLOWING)
    hark_transcript_view_set_following (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hark_transcript_view_dispose (GObject *object)
{
  HarkTranscriptView *self = HARK_TRANSCRIPT_VIEW (object);

  if (self->align_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->align_tick_id);
  self->align_tick_id = 0;
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer ((GtkWidget **) &self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->reading, hark_reading_unref);
  G_OBJECT_CLASS (hark_transcript_view_parent_class)->dispose (object);
}

static void
hark_transcript_view_finalize (GObject *object)
{
  HarkTranscriptView *self = HARK_TRANSCRIPT_VIEW (object);

  g_free (self->pos_of_row);
  g_free (self->query);
  G_OBJECT_CLASS (hark_transcript_view_parent_class)->finalize (object);
}

static void
hark_transcript_view_class_init (HarkTranscriptViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hark_transcript_view_get_property;
  object_class->set_property = hark_transcript_view_set_property;
  object_class->dispose = hark_transcript_view_dispose;
  object_class->finalize = hark_transcript_view_finalize;

  /* FALSE while the listener has scrolled away from now. */
  properties[PROP_FOLLOWING] = g_param_spec_boolean ("following", NULL, NULL, TRUE,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                       | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* A row was clicked or activated with Enter: (int) its index in the reading order. */
  signals[SIGNAL_ROW_ACTIVATED] = g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_INT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hark_transcript_view_init (HarkTranscriptView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *scrollbar_click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->current_row = -1;
  self->current_cue = -1;
  self->speaker = -1;
  self->align_row = -1;
  self->match_row = -1;
  self->following = TRUE;
  self->bound = g_hash_table_new (NULL, NULL);

  self->store = g_list_store_new (HARK_TYPE_ROW_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "transcript");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Transcript"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* A plain scrollbar, not GTK's overlay indicator: the indicator fades in whenever the list
   * moves and out again a second later, ~100 frames at 60 a second, and while playing the list
   * moves by itself at every turn it follows. That animation cost more than everything else the
   * window draws while playing (a frame a second). */
  gtk_scrolled_window_set_overlay_scrolling (self->scroller, FALSE);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

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
}
