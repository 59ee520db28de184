/* hark-window-sync.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-config.h"

#include "hark-window-sync.h"

#include <glib/gi18n.h>

#include "hark-window-private.h"
#include "speech/hark-recognizer.h"

struct _HarkWindowSync
{
  GtkWidget *box;            /* at the start of the header */
  GtkButton *button;         /* "Synchronize with Audio" / "Generate Transcript" */
  GtkWidget *progress_box;   /* while a job runs */
  GtkProgressBar *progress;
  GtkLabel *progress_label;
  GtkWidget *generated;      /* the "Generated" mark */
  GtkButton *page_button;    /* "Generate Transcript" on the no-transcript page */
};

static const char *
button_label (HarkSessionSyncKind kind)
{
  switch (kind)
    {
    case HARK_SESSION_SYNC_ALIGN:
    case HARK_SESSION_SYNC_RESYNC:
      return _("Synchronize with Audio");
    case HARK_SESSION_SYNC_GENERATE:
      return _("Generate Transcript");
    case HARK_SESSION_SYNC_NONE:
    default:
      return NULL;
    }
}

static const char *
button_tooltip (HarkSessionSyncKind kind)
{
  switch (kind)
    {
    case HARK_SESSION_SYNC_ALIGN:
      return _("The transcript has no times: find when each turn was said by recognizing the "
               "speech in the audio");
    case HARK_SESSION_SYNC_RESYNC:
      return _("The transcript was made for another cut of the episode: move it to where its "
               "words are said in this audio");
    case HARK_SESSION_SYNC_GENERATE:
      return _("Make a transcript by recognizing the speech in the audio (machine-made, with "
               "mistakes, but searchable)");
    case HARK_SESSION_SYNC_NONE:
    default:
      return NULL;
    }
}

static const char *
progress_text (HarkSessionSyncKind kind)
{
  /* Translators: the job under way, followed by its percentage */
  return kind == HARK_SESSION_SYNC_GENERATE ? _("Generating transcript") : _("Synchronizing");
}

static void
update (HarkWindow *self)
{
  HarkWindowSync *sync = self->sync;
  const HarkSessionSnapshot *snap;
  HarkSessionSyncKind kind;
  HarkTranscript *transcript;
  gboolean running, offer;
  g_autoptr (GError) missing = NULL;

  if (sync == NULL || self->session == NULL)
    return;
  snap = hark_session_get_snapshot (self->session);
  kind = hark_session_get_sync_kind (self->session);
  transcript = hark_session_get_transcript (self->session);
  running = snap->sync_running != HARK_SESSION_SYNC_NONE;
  offer = !running && kind != HARK_SESSION_SYNC_NONE;

  if (offer)
    {
      /* Offered even without the recognizer, so the listener learns what to install. */
      const char *tooltip = hark_recognizer_check_available (&missing) ? button_tooltip (kind)
                                                                       : missing->message;

      gtk_button_set_label (sync->button, button_label (kind));
      gtk_widget_set_tooltip_text (GTK_WIDGET (sync->button), tooltip);
      gtk_widget_set_tooltip_text (GTK_WIDGET (sync->page_button), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (sync->button), offer);
  gtk_widget_set_visible (GTK_WIDGET (sync->page_button),
                          !running && kind == HARK_SESSION_SYNC_GENERATE);
  gtk_widget_set_visible (sync->progress_box, running);
  if (running)
    {
      g_autofree char *text = g_strdup_printf ("%s… %d%%", progress_text (snap->sync_running),
                                               (int) (snap->sync_fraction * 100));

      gtk_progress_bar_set_fraction (sync->progress, snap->sync_fraction);
      gtk_label_set_label (sync->progress_label, text);
    }
  gtk_widget_set_visible (sync->generated,
                          !running && transcript != NULL
                            && hark_transcript_is_generated (transcript));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", offer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-cancel", running);
}

static void
action_sync (GtkWidget *widget, const char *name, GVariant *parameter)
{
  HarkWindow *self = HARK_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!hark_session_sync_start (self->session, hark_session_get_sync_kind (self->session),
                                &error)
      && error != NULL)
    hark_window_show_banner (self, error->message);
}

static void
action_sync_cancel (GtkWidget *widget, const char *name, GVariant *parameter)
{
  hark_session_sync_cancel (HARK_WINDOW (widget)->session);
}

void
hark_window_class_add_sync (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, action_sync);
  gtk_widget_class_install_action (widget_class, "win.sync-cancel", NULL, action_sync_cancel);
}

void
hark_window_sync_handle_event (HarkWindow *self, const HarkSessionEvent *event)
{
  switch (event->type)
    {
    case HARK_SESSION_EVENT_SYNC_ENDED:
      /* A cancel is the listener's own doing; a failure says why. */
      if (event->error != NULL && !g_error_matches (event->error, G_IO_ERROR,
                                                    G_IO_ERROR_CANCELLED))
        hark_window_show_banner (self, event->error->message);
      else if (event->error == NULL)
        hark_window_show_toast (self,
                                hark_transcript_is_generated (
                                    hark_session_get_transcript (self->session))
                                  ? _("Transcript generated from the audio")
                                  : _("Transcript synchronized with the audio"),
                                NULL, NULL);
      update (self);
      break;
    case HARK_SESSION_EVENT_OPENED:
    case HARK_SESSION_EVENT_LOADED:
    case HARK_SESSION_EVENT_CLOSED:
    case HARK_SESSION_EVENT_ERROR:
    case HARK_SESSION_EVENT_SYNC_PROGRESS:
    case HARK_SESSION_EVENT_TRANSCRIPT:
      update (self);
      break;
    default:
      break;
    }
}

void
hark_window_setup_sync (HarkWindow *self)
{
  HarkWindowSync *sync = g_new0 (HarkWindowSync, 1);
  GtkWidget *header = gtk_widget_get_ancestor (GTK_WIDGET (self->window_title),
                                               ADW_TYPE_HEADER_BAR);
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "no-transcript");
  GtkWidget *cancel;

  self->sync = sync;
  sync->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  sync->button = GTK_BUTTON (gtk_button_new ());
  gtk_actionable_set_action_name (GTK_ACTIONABLE (sync->button), "win.sync");
  gtk_widget_set_visible (GTK_WIDGET (sync->button), FALSE);
  gtk_box_append (GTK_BOX (sync->box), GTK_WIDGET (sync->button));

  /* Progress: words and a bar, so it is not told by a moving bar alone. */
  sync->progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_visible (sync->progress_box, FALSE);
  {
    GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

    gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
    sync->progress_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_widget_add_css_class (GTK_WIDGET (sync->progress_label), "caption");
    gtk_widget_add_css_class (GTK_WIDGET (sync->progress_label), "numeric");
    gtk_label_set_xalign (sync->progress_label, 0);
    sync->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
    gtk_widget_set_size_request (GTK_WIDGET (sync->progress), 120, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (sync->progress),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Progress of the speech recognition"), -1);
    gtk_box_append (GTK_BOX (column), GTK_WIDGET (sync->progress_label));
    gtk_box_append (GTK_BOX (column), GTK_WIDGET (sync->progress));
    gtk_box_append (GTK_BOX (sync->progress_box), column);
  }
  cancel = gtk_button_new_from_icon_name ("process-stop-symbolic");
  gtk_widget_set_tooltip_text (cancel, _("Cancel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel the speech recognition"), -1);
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "flat");
  gtk_widget_add_css_class (cancel, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "win.sync-cancel");
  gtk_box_append (GTK_BOX (sync->progress_box), cancel);
  gtk_box_append (GTK_BOX (sync->box), sync->progress_box);

  /* A word, not a colour: the transcript was made by a machine. */
  sync->generated = gtk_label_new (_("Generated"));
  gtk_widget_add_css_class (sync->generated, "caption-heading");
  gtk_widget_add_css_class (sync->generated, "dim-label");
  gtk_widget_set_valign (sync->generated, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sync->generated,
                               _("This transcript was made by speech recognition from the "
                                 "audio: it has mistakes, but it is searchable"));
  gtk_widget_set_visible (sync->generated, FALSE);
  gtk_box_append (GTK_BOX (sync->box), sync->generated);

  if (header != NULL)
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), sync->box);

  sync->page_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Generate Transcript")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (sync->page_button), "win.sync");
  gtk_widget_set_halign (GTK_WIDGET (sync->page_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (sync->page_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (sync->page_button), "suggested-action");
  gtk_widget_set_visible (GTK_WIDGET (sync->page_button), FALSE);
  /* Beside what the page already offers (adding a transcript file), not instead of it. */
  if (ADW_IS_STATUS_PAGE (page))
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *existing = adw_status_page_get_child (ADW_STATUS_PAGE (page));

      gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
      if (existing != NULL)
        {
          g_object_ref (existing);
          adw_status_page_set_child (ADW_STATUS_PAGE (page), NULL);
          gtk_box_append (GTK_BOX (buttons), existing);
          g_object_unref (existing);
        }
      gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (sync->page_button));
      adw_status_page_set_child (ADW_STATUS_PAGE (page), buttons);
    }
  update (self);
}

void
hark_window_sync_free (HarkWindow *self)
{
  g_clear_pointer (&self->sync, g_free);
}

GtkButton *
hark_window_sync_get_button (HarkWindow *self)
{
  return self->sync != NULL ? self->sync->button : NULL;
}

GtkLabel *
hark_window_sync_get_progress_label (HarkWindow *self)
{
  return self->sync != NULL && gtk_widget_get_visible (self->sync->progress_box)
           ? self->sync->progress_label
           : NULL;
}

GtkWidget *
hark_window_sync_get_generated_label (HarkWindow *self)
{
  return self->sync != NULL ? self->sync->generated : NULL;
}
