/* hark-turn-row.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-turn-row.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hark-cue-text.h"
#include "hark-flat-bin.h"
#include "hark-speaker-colors.h"
#include "reading/hark-paragraphs.h"
#include "sync/hark-sync-text.h"
#include "util/hark-time.h"

/* A comfortable measure: about 70 characters a line (typographers say 45–75, 66 ideal). The
 * card is as wide as MEASURE_CHARS of the font's "approximate character width" (wider than an
 * average letter of running text, which makes about 70), plus its padding and bar (CARD_CHROME,
 * as in ui/style.css), and never wider than the list. */
#define MEASURE_CHARS 72
#define CARD_CHROME 36

struct _HarkTurnRow
{
  GtkWidget parent_instance;

  GtkWidget *card;
  GtkWidget *header;
  GtkLabel *speaker_label;
  GtkLabel *time_label;
  HarkCueText *cue_text;
  GtkLabel *text_label;
  GtkWidget *segment_box;
  GtkLabel *segment_label;
  GtkToggleButton *expand_button;

  HarkRowItem *item;
  char *query;
  gboolean now_playing;
  gboolean skipped;                /* a segment the session jumped over */
  gsize cue_start;
  gsize cue_end;
  GArray *paragraphs;              /* where the shown text breaks into paragraphs (gsize) */
  const char *speaker_class;
  gboolean binding;                /* setting the expander from the item, not the user */
  PangoFontDescription *measure_font; /* the font the card width was computed for */
  GtkWidget *menu;                 /* the context menu, made on first use */
  int card_width;
};

G_DEFINE_FINAL_TYPE (HarkTurnRow, hark_turn_row, GTK_TYPE_WIDGET)

static guint n_alive;

guint
hark_turn_row_get_n_alive (void)
{
  return n_alive;
}

/* Escapes @text into @out, wrapping [from, to) in @open … </span>. */
static void
append_range (GString *out, const char *text, gsize from, gsize to)
{
  g_autofree char *escaped = g_markup_escape_text (text + from, to - from);

  g_string_append (out, escaped);
}

/* Where byte @pos of the row's text is in the label's: the label has a blank line ("\n\n") at
 * each paragraph break before it. */
static gsize
shown_offset (HarkTurnRow *self, gsize pos, gboolean is_end)
{
  gsize breaks = 0;

  for (guint i = 0; self->paragraphs != NULL && i < self->paragraphs->len; i++)
    {
      gsize at = g_array_index (self->paragraphs, gsize, i);

      breaks += is_end ? at < pos : at <= pos;
    }
  return pos + 2 * breaks;
}

/* The current caption's tint, behind the words: only drawn, never laid out. */
static void
update_cue (HarkTurnRow *self)
{
  if (self->now_playing && self->cue_end > self->cue_start &&
      gtk_widget_get_visible (GTK_WIDGET (self->cue_text)))
    hark_cue_text_set_range (self->cue_text, shown_offset (self, self->cue_start, FALSE),
                             shown_offset (self, self->cue_end, TRUE));
  else
    hark_cue_text_set_range (self->cue_text, 0, 0);
}

static void
update_text (HarkTurnRow *self)
{
  const HarkReadingRow *row = hark_row_item_get_row (self->item);
  const char *text = row->text;
  gsize len = strlen (text);
  g_autoptr (GArray) matches = hark_reading_find_all (text, self->query);
  g_autoptr (GString) markup = g_string_new (NULL);
  g_autoptr (GArray) paragraphs = hark_paragraphs_find (text, HARK_PARAGRAPH_TARGET_CHARS);
  gboolean show_text;
  gsize pos = 0;
  guint m = 0, b = 0;

  g_clear_pointer (&self->paragraphs, g_array_unref);
  self->paragraphs = g_array_ref (paragraphs);
  /* Segments stay one line unless asked to open, being played (their words are heard, so they
   * are shown like any turn) or holding a search match. */
  show_text = row->kind != HARK_READING_ROW_SEGMENT || matches->len > 0 || self->now_playing ||
              hark_row_item_get_expanded (self->item);
  gtk_widget_set_visible (GTK_WIDGET (self->cue_text), show_text && len > 0);
  if (!show_text)
    {
      update_cue (self);
      return;
    }

  /* Walk the text once, opening and closing search matches and paragraphs as we go. The
   * current caption is not marked here but drawn behind the text (hark-cue-text.c), so that
   * moving it does not lay the whole turn out again. */
  while (pos < len)
    {
      gsize next = len;
      gboolean in_match = m + 1 < matches->len && pos >= g_array_index (matches, gsize, m) &&
                          pos < g_array_index (matches, gsize, m + 1);

      if (b < paragraphs->len)
        next = MIN (next, g_array_index (paragraphs, gsize, b));
      if (m + 1 < matches->len)
        {
          if (pos < g_array_index (matches, gsize, m))
            next = MIN (next, g_array_index (matches, gsize, m));
          else
            next = MIN (next, g_array_index (matches, gsize, m + 1));
        }

      if (in_match)
        g_string_append (markup, "<span bgcolor=\"#f6d32d\" bgalpha=\"60%\" fgcolor=\"#000000\">");
      append_range (markup, text, pos, next);
      if (in_match)
        g_string_append (markup, "</span>");

      pos = next;
      if (m + 1 < matches->len && pos >= g_array_index (matches, gsize, m + 1))
        m += 2;
      /* A blank line between paragraphs; the text's offsets stay those of the turn. */
      if (b < paragraphs->len && pos == g_array_index (paragraphs, gsize, b))
        {
          g_string_append (markup, "\n\n");
          b++;
        }
    }
  gtk_label_set_markup (self->text_label, markup->str);
  update_cue (self);
}

/* "row.copy-quote": the row as a Markdown quote with speaker and time. */
static void
copy_quote (GtkWidget *widget, const char *action, GVariant *parameter)
{
  HarkTurnRow *self = HARK_TURN_ROW (widget);
  g_autofree char *quote = NULL;

  if (self->item == NULL)
    return;
  quote = hark_reading_row_to_markdown (hark_row_item_get_reading (self->item),
                                        hark_row_item_get_index (self->item));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), quote);
  gtk_widget_activate_action (widget, "win.toast", "s", _("Copied as quote"));
}

/* "row.copy-text": the words alone. */
static void
copy_text (GtkWidget *widget, const char *action, GVariant *parameter)
{
  HarkTurnRow *self = HARK_TURN_ROW (widget);

  if (self->item == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          hark_row_item_get_row (self->item)->text);
  gtk_widget_activate_action (widget, "win.toast", "s", _("Copied"));
}

static void
on_copy_clicked (HarkTurnRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "row.copy-quote", NULL);
}

/* A right click (or long press) opens the row's menu where it happened. The copy button only
 * shows on hover and takes no focus, so Tab does not stop at every row's button. */
static void
open_menu_at (HarkTurnRow *self, double x, double y)
{
  if (self->item == NULL)
    return;
  if (self->menu == NULL)
    {
      g_autoptr (GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("Copy as Quote"), "row.copy-quote");
      g_menu_append (menu, _("Copy Text"), "row.copy-text");
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_click (GtkGestureClick *gesture, int n_press, double x, double y,
                    HarkTurnRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  open_menu_at (self, x, y);
}

static void
on_long_press (GtkGestureLongPress *gesture, double x, double y, HarkTurnRow *self)
{
  open_menu_at (self, x, y);
}

void
hark_turn_row_popup_menu (HarkTurnRow *self)
{
  open_menu_at (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, 0);
}

GtkWidget *
hark_turn_row_get_menu (HarkTurnRow *self)
{
  return self->menu;
}

static void
on_expand_toggled (HarkTurnRow *self)
{
  gboolean open = gtk_toggle_button_get_active (self->expand_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button),
                            open ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->expand_button),
                               open ? _("Hide What Was Said") : _("Show What Was Said"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  open ? _("Hide what was said") : _("Show what was said"), -1);
  if (self->binding || self->item == NULL)
    return;
  hark_row_item_set_expanded (self->item, open);
  update_text (self);
}

/* The widest the card may be, from the text's font as styled now (text size, theme). */
static int
card_width (HarkTurnRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_label));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMetrics *metrics;

  if (self->measure_font != NULL && font != NULL &&
      pango_font_description_equal (self->measure_font, font))
    return self->card_width;
  g_clear_pointer (&self->measure_font, pango_font_description_free);
  self->measure_font = font != NULL ? pango_font_description_copy (font) : NULL;
  metrics = pango_context_get_metrics (context, font, NULL);
  self->card_width = MEASURE_CHARS * pango_font_metrics_get_approximate_char_width (metrics) /
                       PANGO_SCALE + CARD_CHROME;
  pango_font_metrics_unref (metrics);
  return self->card_width;
}

static GtkSizeRequestMode
hark_turn_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hark_turn_row_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                       int *natural, int *minimum_baseline, int *natural_baseline)
{
  HarkTurnRow *self = HARK_TURN_ROW (widget);
  int width = card_width (self);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    for_size = MIN (for_size, width);
  gtk_widget_measure (self->card, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, width));
}

/* The card, as wide as the measure allows, in the middle of the list's width. */
static void
hark_turn_row_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  HarkTurnRow *self = HARK_TURN_ROW (widget);
  int card_min, card = MIN (width, card_width (self));

  gtk_widget_measure (self->card, GTK_ORIENTATION_HORIZONTAL, -1, &card_min, NULL, NULL, NULL);
  card = MAX (card, MIN (card_min, width));
  gtk_widget_size_allocate (self->card, &(GtkAllocation) { (width - card) / 2, 0, card, height },
                            -1);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
hark_turn_row_dispose (GObject *object)
{
  HarkTurnRow *self = HARK_TURN_ROW (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  /* A bare widget does not let go of its child by itself (the template still holds a ref). */
  if (self->card != NULL && gtk_widget_get_parent (self->card) == GTK_WIDGET (self))
    gtk_widget_unparent (self->card);
  gtk_widget_dispose_template (GTK_WIDGET (self), HARK_TYPE_TURN_ROW);
  G_OBJECT_CLASS (hark_turn_row_parent_class)->dispose (object);
}

static void
hark_turn_row_finalize (GObject *object)
{
  HarkTurnRow *self = HARK_TURN_ROW (object);

  g_free (self->query);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->measure_font, pango_font_description_free);
  n_alive--;
  G_OBJECT_CLASS (hark_turn_row_parent_class)->finalize (object);
}

static void
hark_turn_row_class_init (HarkTurnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hark_turn_row_dispose;
  object_class->finalize = hark_turn_row_finalize;
  widget_class->get_request_mode = hark_turn_row_get_request_mode;
  widget_class->measure = hark_turn_row_measure;
  widget_class->size_allocate = hark_turn_row_size_allocate;

  g_type_ensure (HARK_TYPE_CUE_TEXT);
  g_type_ensure (HARK_TYPE_FLAT_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hark/Hark/hark-turn-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, card);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, header);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, cue_text);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, segment_box);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, segment_label);
  gtk_widget_class_bind_template_child (widget_class, HarkTurnRow, expand_button);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_install_action (widget_class, "row.copy-quote", NULL, copy_quote);
  gtk_widget_class_install_action (widget_class, "row.copy-text", NULL, copy_text);
  gtk_widget_class_bind_template_callback (widget_class, on_expand_toggled);
}

static void
hark_turn_row_init (HarkTurnRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  n_alive++;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
}

HarkTurnRow *
hark_turn_row_new (void)
{
  return g_object_new (HARK_TYPE_TURN_ROW, NULL);
}

static char *
describe_segment (const HarkSegmentEntry *entry, gboolean skipped, gboolean playing)
{
  g_autofree char *length = hark_time_format (entry->segment.end - entry->segment.start, FALSE);
  const char *label = hark_category_get_label (entry->segment.category);
  const char *state;

  /* Heard now (unskipped, offered and not skipped, or only marked): it says so, whatever
   * happened to it before, and its words are shown like any turn's. */
  if (playing)
    state = _("playing");
  else switch (entry->action)
    {
    case HARK_SKIP_ACTION_SKIP:
      state = skipped ? _("skipped") : _("skipped automatically");
      break;
    case HARK_SKIP_ACTION_ASK:
      state = _("skip offered");
      break;
    default:
      state = _("marked");
      break;
    }
  /* Translators: "Sponsor · 0:53 · skipped" */
  return g_strdup_printf (_("%s · %s · %s"), label, length, state);
}

/* A screen reader reads the list's row (the focusable parent), so "Now playing" goes there. */
static void
describe_now_playing (HarkTurnRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkAccessible *target = GTK_ACCESSIBLE (parent != NULL ? parent : GTK_WIDGET (self));

  if (self->now_playing)
    gtk_accessible_update_property (target, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Now playing"),
                                    -1);
  else
    gtk_accessible_reset_property (target, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* A turn timed from the audio whose words the recognizer mostly missed may start a few seconds
 * off: the time says so in words (not only in its style), which assistive technologies read. */
static void
describe_time (HarkTurnRow *self, HarkTranscript *transcript, const HarkReadingRow *row,
               const char *time)
{
  guint n_turns;
  const HarkTurn *turns = hark_transcript_get_turns (transcript, &n_turns);
  const HarkTurn *turn = row->kind == HARK_READING_ROW_TURN && row->turn >= 0
                             && (guint) row->turn < n_turns
                           ? &turns[row->turn]
                           : NULL;
  gboolean uncertain = turn != NULL && turn->evidence < HARK_SYNC_WEAK_CONFIDENCE
                       && !hark_sync_is_untimed (transcript);
  g_autofree char *label = NULL;

  if (uncertain)
    /* Translators: a turn's start time and a note that it may be off: "12:34 · time uncertain" */
    label = g_strdup_printf (_("%s · time uncertain"), time);
  gtk_label_set_label (self->time_label, uncertain ? label : time);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label),
                               uncertain ? _("Few of this turn’s words were recognized in the "
                                             "audio, so its start may be off by a few seconds")
                                         : NULL);
  if (uncertain)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "uncertain");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "uncertain");
}

static void
update_segment_label (HarkTurnRow *self)
{
  const HarkReadingRow *row = hark_row_item_get_row (self->item);
  g_autofree char *label = NULL;

  if (row->kind != HARK_READING_ROW_SEGMENT)
    return;
  label = describe_segment (hark_reading_get_segment (hark_row_item_get_reading (self->item),
                                                      row->segment),
                            self->skipped, self->now_playing);
  gtk_label_set_label (self->segment_label, label);
}

void
hark_turn_row_bind (HarkTurnRow *self, HarkRowItem *item, const char *query, gboolean skipped)
{
  const HarkReadingRow *row = hark_row_item_get_row (item);
  HarkReading *reading = hark_row_item_get_reading (item);
  HarkTranscript *transcript = hark_reading_get_transcript (reading);
  g_autofree char *time = hark_time_format (row->start, FALSE);
  gboolean segment = row->kind == HARK_READING_ROW_SEGMENT;

  g_set_object (&self->item, item);
  g_free (self->query);
  self->query = g_strdup (query);
  self->now_playing = FALSE;
  self->skipped = skipped;
  self->cue_start = self->cue_end = 0;

  if (self->speaker_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->speaker_label), self->speaker_class);
  self->speaker_class = hark_speaker_css_class (row->speaker);
  gtk_widget_add_css_class (GTK_WIDGET (self->speaker_label), self->speaker_class);

  gtk_widget_remove_css_class (GTK_WIDGET (self->speaker_label), "generated");
  if (row->speaker >= 0)
    gtk_label_set_label (self->speaker_label,
                         hark_transcript_get_speaker (transcript, row->speaker)->name);
  else if (hark_transcript_is_generated (transcript))
    {
      /* Recognition does not tell voices apart: say where the words came from instead. */
      /* Translators: in place of a speaker's name, above text made by speech recognition */
      gtk_label_set_label (self->speaker_label, _("Generated"));
      gtk_widget_add_css_class (GTK_WIDGET (self->speaker_label), "generated");
    }
  else
    gtk_label_set_label (self->speaker_label, _("Unknown speaker"));
  describe_time (self, transcript, row, time);

  /* A piece after a segment continues the same voice: a quieter header says so. A chapter
   * heading is its title alone. */
  gtk_widget_set_visible (self->header, row->kind == HARK_READING_ROW_TURN);
  if (row->kind == HARK_READING_ROW_CHAPTER)
    gtk_widget_add_css_class (GTK_WIDGET (self), "chapter");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "chapter");
  if (row->continued)
    gtk_widget_add_css_class (GTK_WIDGET (self), "continued");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "continued");

  gtk_widget_set_visible (self->segment_box, segment);
  if (segment)
    {
      update_segment_label (self);
      gtk_widget_add_css_class (GTK_WIDGET (self), "segment");
      gtk_widget_set_visible (GTK_WIDGET (self->expand_button), *row->text != '\0');
      self->binding = TRUE;
      gtk_toggle_button_set_active (self->expand_button, hark_row_item_get_expanded (item));
      self->binding = FALSE;
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "segment");

  gtk_widget_remove_css_class (GTK_WIDGET (self), "now-playing");
  describe_now_playing (self);
  update_text (self);
}

void
hark_turn_row_unbind (HarkTurnRow *self)
{
  g_clear_object (&self->item);
}

HarkRowItem *
hark_turn_row_get_item (HarkTurnRow *self)
{
  return self->item;
}

void
hark_turn_row_set_now_playing (HarkTurnRow *self, gboolean now_playing, gsize cue_start,
                               gsize cue_end)
{
  if (self->item == NULL)
    return;
  if (self->now_playing == now_playing && self->cue_start == cue_start && self->cue_end == cue_end)
    return;
  self->cue_start = cue_start;
  self->cue_end = cue_end;
  /* Within the turn, only the caption moves: a redraw. */
  if (self->now_playing == now_playing)
    {
      update_cue (self);
      return;
    }
  self->now_playing = now_playing;
  if (now_playing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "now-playing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "now-playing");
  describe_now_playing (self);
  update_segment_label (self);
  update_text (self);
}

/* The one line of a segment row ("Sponsor · 0:53 · skipped"), NULL on other rows. */
/* Whether the row shows its words (a collapsed segment does not). */
gboolean
hark_turn_row_get_text_shown (HarkTurnRow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->cue_text));
}

const char *
hark_turn_row_get_segment_label (HarkTurnRow *self)
{
  if (self->item == NULL || hark_row_item_get_row (self->item)->kind != HARK_READING_ROW_SEGMENT)
    return NULL;
  return gtk_label_get_label (self->segment_label);
}

void
hark_turn_row_get_cue (HarkTurnRow *self, gsize *start, gsize *end)
{
  *start = self->cue_start;
  *end = self->cue_end;
}

/* The current caption's lines, from the top of its first to the bottom of its last, in @target's
 * coordinates. The label shows the row's text with a blank line at each paragraph break (see
 * update_text()), so its offsets move by two bytes per break before them. */
gboolean
hark_turn_row_get_cue_span (HarkTurnRow *self, GtkWidget *target, double *top, double *bottom)
{
  PangoLayout *layout;
  PangoRectangle first, last;
  gsize start, end;
  int layout_x, layout_y;
  graphene_point_t a, b;

  if (self->item == NULL || !self->now_playing || self->cue_end <= self->cue_start ||
      !gtk_widget_get_visible (GTK_WIDGET (self->cue_text)))
    return FALSE;
  start = shown_offset (self, self->cue_start, FALSE);
  end = shown_offset (self, self->cue_end, TRUE);
  layout = gtk_label_get_layout (self->text_label);
  if (end > strlen (pango_layout_get_text (layout)) || end == 0)
    return FALSE;
  pango_layout_index_to_pos (layout, (int) start, &first);
  pango_layout_index_to_pos (layout, (int) end - 1, &last);
  gtk_label_get_layout_offsets (self->text_label, &layout_x, &layout_y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_label), target,
                                 &GRAPHENE_POINT_INIT (0, layout_y + first.y / (float) PANGO_SCALE),
                                 &a) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->text_label), target,
                                 &GRAPHENE_POINT_INIT (0, layout_y + (last.y + last.height) /
                                                              (float) PANGO_SCALE),
                                 &b))
    return FALSE;
  *top = a.y;
  *bottom = b.y;
  return TRUE;
}

gboolean
hark_turn_row_get_now_playing (HarkTurnRow *self)
{
  return self->now_playing;
}

void
hark_turn_row_set_query (HarkTurnRow *self, const char *query)
{
  if (g_strcmp0 (self->query, query) == 0 || self->item == NULL)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  update_text (self);
}

const char *
hark_turn_row_get_text (HarkTurnRow *self)
{
  return gtk_label_get_text (self->text_label);
}
