/* hark-episode-row.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hark-episode-row.h"
#include "hark-wrap-label.h"

struct _HarkEpisodeRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  HarkWrapLabel *title;
  GtkInscription *details;
  GtkWidget *badges;
  GtkLabel *new_badge;
  GtkLabel *transcript_badge;
  GtkLabel *download_badge;
  GtkLabel *gone_badge;
  GtkProgressBar *progress;
  GtkWidget *download_button;
  GtkWidget *stop_button;
  GtkWidget *delete_button;
  GtkWidget *play_button;
  HarkLibraryItem *item;
  gulong changed_id;
  const char *download_description; /* translated strings, compared by address */
  const char *play_description;
};

G_DEFINE_FINAL_TYPE (HarkEpisodeRow, hark_episode_row, GTK_TYPE_WIDGET)

char *
hark_episode_row_format_length (double seconds)
{
  long total;

  if (!isfinite (seconds) || seconds < 0)
    return NULL;
  total = lround (seconds);
  if (total < 60)
    /* Translators: a length in seconds */
    return g_strdup_printf (_("%ld s"), total);
  if (total < 3600)
    /* Translators: a length in minutes */
    return g_strdup_printf (_("%ld min"), (total + 30) / 60);
  /* Translators: a length in hours and minutes, "1 h 05 min" */
  return g_strdup_printf (_("%ld h %02ld min"), total / 3600, (total % 3600 + 30) / 60);
}

static char *
format_date (gint64 published)
{
  g_autoptr (GDateTime) date = NULL;

  if (published <= 0 || (date = g_date_time_new_from_unix_local (published)) == NULL)
    return NULL;
  /* Translators: an episode's date, see strftime(3): "1 Dec 2026" */
  return g_date_time_format (date, _("%-d %b %Y"));
}

/* The buttons' tooltips are asked for when shown, not set on every bind: setting one makes
 * GTK look for the pointer, a round trip to the X server per row scrolled into view. */
static const char *
button_tooltip (HarkEpisodeRow *self, GtkWidget *button)
{
  const HarkShowEpisode *episode = self->item ? hark_library_item_get_episode (self->item) : NULL;

  if (button == self->stop_button)
    return _("Stop Download");
  if (button == self->delete_button)
    return _("Delete Download");
  if (episode == NULL)
    return NULL;
  if (button == self->download_button)
    return episode->download_state == HARK_DOWNLOAD_PARTIAL ? _("Resume Download")
                                                             : _("Download");
  return episode->download_state == HARK_DOWNLOAD_DONE ? _("Play") : _("Play While Downloading");
}

static gboolean
on_query_tooltip (GtkWidget *button, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  HarkEpisodeRow *self)
{
  const char *text = button_tooltip (self, button);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* What the tooltip says, for screen readers too; only when it changes. */
static void
set_description (HarkEpisodeRow *self, GtkWidget *button)
{
  const char *text = button_tooltip (self, button);
  const char **last = button == self->download_button ? &self->download_description
                                                      : &self->play_description;

  if (text != *last)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      *last = text;
    }
}

static void
show_badge (GtkLabel *badge, const char *text)
{
  gtk_label_set_text (badge, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (badge), text != NULL);
}

static void
update (HarkEpisodeRow *self)
{
  const HarkShowEpisode *episode = self->item ? hark_library_item_get_episode (self->item) : NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  g_autofree char *downloaded = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *badges = NULL;
  HarkPlayState state;
  double position = 0, fraction = -1;
  gboolean downloading, done;
  char *date, *length;

  if (episode == NULL)
    return;
  state = hark_library_item_get_play_state (self->item, &position);
  downloading = hark_library_item_get_downloading (self->item, &fraction);
  done = episode->download_state == HARK_DOWNLOAD_DONE;

  hark_wrap_label_set_text (self->title, episode->title ? episode->title : _("Untitled Episode"));
  if ((date = format_date (episode->published)) != NULL)
    g_ptr_array_add (parts, date);
  if ((length = hark_episode_row_format_length (episode->duration)) != NULL && episode->duration > 0)
    g_ptr_array_add (parts, length);
  else
    g_free (length);
  if (state == HARK_PLAY_STATE_PLAYED)
    g_ptr_array_add (parts, g_strdup (_("Played")));
  else if (state == HARK_PLAY_STATE_IN_PROGRESS)
    {
      g_autofree char *left = episode->duration > 0
                                  ? hark_episode_row_format_length (episode->duration - position)
                                  : NULL;
      /* Translators: "12 min left" of an episode begun */
      g_ptr_array_add (parts, left ? g_strdup_printf (_("%s left"), left)
                                   : g_strdup (_("In progress")));
    }
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_inscription_set_text (self->details, details);
  gtk_widget_set_opacity (GTK_WIDGET (self->title), state == HARK_PLAY_STATE_PLAYED ? 0.6 : 1.0);

  show_badge (self->new_badge, episode->is_new && state == HARK_PLAY_STATE_UNPLAYED && !done
                                   ? _("New") : NULL);
  show_badge (self->transcript_badge, episode->transcripts->len > 0 ? _("Transcript") : NULL);
  if (done)
    downloaded = g_strdup (_("Downloaded"));
  else if (!downloading && episode->download_state == HARK_DOWNLOAD_PARTIAL
           && episode->download_total > 0)
    /* Translators: a download stopped part way, "Downloaded 40 %" */
    downloaded = g_strdup_printf (_("Downloaded %d %%"),
                                  (int) (100.0 * episode->download_bytes / episode->download_total));
  else if (!downloading && episode->download_state == HARK_DOWNLOAD_PARTIAL)
    downloaded = g_strdup (_("Partly downloaded"));
  else if (!downloading && episode->download_state == HARK_DOWNLOAD_FAILED)
    downloaded = g_strdup (_("Download failed"));
  show_badge (self->download_badge, downloaded);
  /* Green only for what is ready to play. */
  if (done)
    gtk_widget_add_css_class (GTK_WIDGET (self->download_badge), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->download_badge), "success");
  show_badge (self->gone_badge, episode->in_feed ? NULL : _("No longer in the feed"));

  gtk_widget_set_visible (GTK_WIDGET (self->progress), downloading);
  /* Most rows download nothing: they are bound on every scroll, and leave the bar alone. */
  if (downloading || gtk_progress_bar_get_show_text (self->progress))
    {
      g_autofree char *text = downloading ? hark_episode_row_format_progress (
                                              hark_library_item_get_download_progress (self->item))
                                          : NULL;
      gtk_progress_bar_set_show_text (self->progress, text != NULL);
      gtk_progress_bar_set_text (self->progress, text);
    }
  if (downloading && fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0.0, 1.0));
  else if (downloading)
    gtk_progress_bar_pulse (self->progress);

  gtk_widget_set_visible (self->download_button,
                          !downloading && !done && episode->enclosure_url != NULL);
  set_description (self, self->download_button);
  gtk_widget_set_visible (self->stop_button, downloading);
  gtk_widget_set_visible (self->delete_button,
                          !downloading && (done || episode->download_state == HARK_DOWNLOAD_PARTIAL));
  gtk_widget_set_visible (self->play_button, episode->enclosure_url != NULL || done);
  set_description (self, self->play_button);

  badges = hark_episode_row_describe_badges (self);
  accessible = g_strjoin (", ", hark_wrap_label_get_text (self->title), details, badges, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

void
hark_episode_row_set_item (HarkEpisodeRow *self, HarkLibraryItem *item)
{
  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->changed_id = g_signal_connect_swapped (item, "changed", G_CALLBACK (update), self);
  update (self);
}

HarkLibraryItem *
hark_episode_row_get_item (HarkEpisodeRow *self)
{
  return self->item;
}

const char *
hark_episode_row_get_details (HarkEpisodeRow *self)
{
  const char *details = gtk_inscription_get_text (self->details);
  return details ? details : "";
}

char *
hark_episode_row_describe_badges (HarkEpisodeRow *self)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->badges); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_string_append_printf (out, "%s%s", out->len ? ", " : "",
                              gtk_label_get_text (GTK_LABEL (child)));
  return g_string_free (out, FALSE);
}

GtkWidget *
hark_episode_row_get_delete_button (HarkEpisodeRow *self)
{
  return self->delete_button;
}

GtkProgressBar *
hark_episode_row_get_progress (HarkEpisodeRow *self)
{
  return self->progress;
}

static GtkLabel *
add_badge (HarkEpisodeRow *self, const char *style)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "hark-badge");
  if (style)
    gtk_widget_add_css_class (badge, style);
  gtk_widget_set_visible (badge, FALSE);
  gtk_box_append (GTK_BOX (self->badges), badge);
  return GTK_LABEL (badge);
}

/* The buttons send their action with the row's episode when clicked rather than being
 * GtkActionable: each actionable button registers with the window's action muxer when its row
 * is created and again when rebound, and a list makes two hundred rows at once. The row
 * actions are never disabled, so the buttons lose nothing. */
static void
on_button_clicked (GtkWidget *button, HarkEpisodeRow *self)
{
  const HarkShowEpisode *episode = self->item ? hark_library_item_get_episode (self->item) : NULL;

  if (episode != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self),
                                        g_object_get_data (G_OBJECT (button), "hark-action"),
                                        g_variant_new_int64 (episode->row));
}

static GtkWidget *
add_button (HarkEpisodeRow *self, const char *icon, const char *action, const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data (G_OBJECT (button), "hark-action", (gpointer) action);
  g_signal_connect (button, "clicked", G_CALLBACK (on_button_clicked), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  gtk_box_append (GTK_BOX (self->box), button);
  return button;
}

static void
hark_episode_row_dispose (GObject *object)
{
  HarkEpisodeRow *self = HARK_EPISODE_ROW (object);

  hark_episode_row_set_item (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (hark_episode_row_parent_class)->dispose (object);
}

static void
hark_episode_row_class_init (HarkEpisodeRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hark_episode_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "episoderow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hark_episode_row_init (HarkEpisodeRow *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->box, "hark-library-row");

  /* Up to two lines, laid out once per bind (hark-wrap-label.h). */
  self->title = HARK_WRAP_LABEL (hark_wrap_label_new (2));
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  /* One line of a fixed height: a new text redraws the row without laying the list out
   * again, and rows are rebound on every scroll (bench-library-view). */
  self->details = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_xalign (self->details, 0);
  gtk_inscription_set_min_lines (self->details, 1);
  gtk_inscription_set_text_overflow (self->details, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* Dimmed by its colour (style.css) rather than .dim-label's opacity, which draws every
   * row's details through an offscreen surface. */
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "hark-episode-details");
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "numeric");
  self->badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->new_badge = add_badge (self, "accent");
  self->transcript_badge = add_badge (self, NULL);
  self->download_badge = add_badge (self, NULL);
  self->gone_badge = add_badge (self, "dim-label");
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Download progress"), -1);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->details));
  gtk_box_append (GTK_BOX (texts), self->badges);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (self->box), texts);

  self->download_button = add_button (self, "folder-download-symbolic", "library.download",
                                      _("Download"));
  self->stop_button = add_button (self, "process-stop-symbolic", "library.stop-download",
                                  _("Stop download"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stop_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Stop Download"), -1);
  self->delete_button = add_button (self, "user-trash-symbolic", "library.delete-download",
                                    _("Delete Download"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Delete Download"), -1);
  self->play_button = add_button (self, "media-playback-start-symbolic", "library.play",
                                  _("Play"));
  gtk_widget_add_css_class (self->play_button, "suggested-action");
}

char *
hark_episode_row_format_progress (const HarkDownloadProgress *progress)
{
  g_autofree char *bytes = NULL;
  g_autofree char *total = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *amount = NULL;

  if (progress == NULL || progress->bytes == 0)
    return NULL;
  bytes = g_format_size (progress->bytes);
  if (progress->total > 0)
    {
      total = g_format_size (progress->total);
      /* Translators: a download's progress, "12.5 MB of 48.0 MB" */
      amount = g_strdup_printf (_("%s of %s"), bytes, total);
    }
  else
    amount = g_steal_pointer (&bytes);
  if (!(progress->rate > 0) || !isfinite (progress->rate))
    return g_steal_pointer (&amount);
  rate = g_format_size ((guint64) progress->rate);
  /* Translators: a download's progress and speed, "12.5 MB of 48.0 MB · 1.2 MB/s" */
  return g_strdup_printf (_("%s · %s/s"), amount, rate);
}

const char *
hark_episode_row_get_progress_text (HarkEpisodeRow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->progress))
             && gtk_progress_bar_get_show_text (self->progress)
             ? gtk_progress_bar_get_text (self->progress)
             : NULL;
}

GtkWidget *
hark_episode_row_new (void)
{
  return g_object_new (HARK_TYPE_EPISODE_ROW, NULL);
}
