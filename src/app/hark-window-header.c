/* hark-window-header.c — what the header bar says about the episode
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subtitle names the sidecars the transcript was read from; the chapters button lists the
 * chapters of the table of contents, each a seek.
 */
#include "hark-config.h"

#include <glib/gi18n.h>

#include "hark-window-private.h"
#include "util/hark-time.h"


char *
hark_window_describe_sources (HarkEpisode *episode)
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
  if (hark_transcript_is_generated (hark_episode_get_transcript (episode)))
    /* Translators: a transcript made by speech recognition, "Generated from the audio: ep.hark.json" */
    return g_strdup_printf (_("Generated from the audio: %s"), names->str);
  /* Translators: the sidecar files read, "Transcript: ep189.vtt + ep189.transcript.txt" */
  return g_strdup_printf (_("Transcript: %s"), names->str);
}

void
hark_window_build_chapters_menu (HarkWindow *self)
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
