/* hark-library-item.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hark-library-item.h"

#include <string.h>

struct _HarkLibraryItem
{
  GObject parent_instance;

  HarkShow *show;
  HarkShowEpisode *episode;
  HarkPlayState play_state;
  double position;
  gboolean downloading;
  double fraction;
  HarkDownloadProgress progress; /* of the download running, zeros when unknown */
  GdkPaintable *artwork;
};

G_DEFINE_FINAL_TYPE (HarkLibraryItem, hark_library_item, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hark_library_item_finalize (GObject *object)
{
  HarkLibraryItem *self = HARK_LIBRARY_ITEM (object);

  g_clear_pointer (&self->show, hark_show_free);
  g_clear_pointer (&self->episode, hark_show_episode_free);
  g_clear_object (&self->artwork);
  G_OBJECT_CLASS (hark_library_item_parent_class)->finalize (object);
}

static void
hark_library_item_class_init (HarkLibraryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hark_library_item_finalize;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hark_library_item_init (HarkLibraryItem *self)
{
  self->fraction = -1;
}

HarkLibraryItem *
hark_library_item_new_show (HarkShow *show)
{
  HarkLibraryItem *self = g_object_new (HARK_TYPE_LIBRARY_ITEM, NULL);
  self->show = show;
  return self;
}

HarkLibraryItem *
hark_library_item_new_episode (HarkShowEpisode *episode)
{
  HarkLibraryItem *self = g_object_new (HARK_TYPE_LIBRARY_ITEM, NULL);
  self->episode = episode;
  return self;
}

const HarkShow *
hark_library_item_get_show (HarkLibraryItem *self)
{
  return self->show;
}

const HarkShowEpisode *
hark_library_item_get_episode (HarkLibraryItem *self)
{
  return self->episode;
}

void
hark_library_item_set_episode (HarkLibraryItem *self, HarkShowEpisode *episode)
{
  g_clear_pointer (&self->episode, hark_show_episode_free);
  self->episode = episode;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

HarkPlayState
hark_library_item_get_play_state (HarkLibraryItem *self, double *position)
{
  if (position)
    *position = self->position;
  return self->play_state;
}

void
hark_library_item_set_play_state (HarkLibraryItem *self, HarkPlayState state, double position)
{
  if (self->play_state == state && self->position == position)
    return;
  self->play_state = state;
  self->position = position;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
hark_library_item_get_downloading (HarkLibraryItem *self, double *fraction)
{
  if (fraction)
    *fraction = self->fraction;
  return self->downloading;
}

void
hark_library_item_set_downloading (HarkLibraryItem *self, gboolean downloading, double fraction)
{
  self->downloading = downloading;
  self->fraction = fraction;
  if (!downloading)
    memset (&self->progress, 0, sizeof self->progress);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
hark_library_item_set_download_progress (HarkLibraryItem *self,
                                         const HarkDownloadProgress *progress)
{
  self->progress = *progress;
  hark_library_item_set_downloading (self, TRUE,
                                     progress->total > 0
                                         ? (double) progress->bytes / progress->total
                                         : -1);
}

const HarkDownloadProgress *
hark_library_item_get_download_progress (HarkLibraryItem *self)
{
  return &self->progress;
}

GdkPaintable *
hark_library_item_get_artwork (HarkLibraryItem *self)
{
  return self->artwork;
}

void
hark_library_item_set_artwork (HarkLibraryItem *self, GdkPaintable *artwork)
{
  g_set_object (&self->artwork, artwork);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
