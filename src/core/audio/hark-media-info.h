/* hark-media-info.h — what an audio file is: length, codec, format and tags
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double duration;   /* seconds, exact (see hark_decoder_get_duration()) */
  char *codec;       /* FFmpeg's short codec name: "mp3", "opus", "aac", … */
  char *container;   /* FFmpeg's demuxer name: "mp3", "ogg", "mov,mp4,m4a,3gp,3g2,mj2", … */
  int sample_rate;
  int channels;
  gint64 bit_rate;   /* bits per second, 0 when unknown */
  /* Container and stream tags merged, keys in lower case, in the file's order. */
  GStrv tag_keys;
  GStrv tag_values;
} HarkMediaInfo;

/* Opens @path and decodes its first frame, so a file that cannot play fails here. */
HarkMediaInfo *hark_media_info_probe (const char *path, GError **error);
void hark_media_info_free (HarkMediaInfo *self);

/* A tag by name, case-insensitive ("title", "artist", "album", "date", …), or NULL. */
const char *hark_media_info_get_tag (const HarkMediaInfo *self, const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkMediaInfo, hark_media_info_free)

G_END_DECLS
