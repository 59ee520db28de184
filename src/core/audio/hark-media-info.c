/* hark-media-info.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio/hark-media-info.h"

#include <libavformat/avformat.h>

#include "audio/hark-decoder.h"
#include "output/hark-output.h"

void
hark_media_info_free (HarkMediaInfo *self)
{
  if (self == NULL)
    return;
  g_free (self->codec);
  g_free (self->container);
  g_strfreev (self->tag_keys);
  g_strfreev (self->tag_values);
  g_free (self);
}

static void
add_tags (GPtrArray *keys, GPtrArray *values, const AVDictionary *dict)
{
  const AVDictionaryEntry *e = NULL;

  while ((e = av_dict_get (dict, "", e, AV_DICT_IGNORE_SUFFIX)))
    {
      g_autofree char *key = g_ascii_strdown (e->key, -1);
      gboolean seen = FALSE;

      if (!g_utf8_validate (e->value, -1, NULL))
        continue;
      for (guint i = 0; i < keys->len && !seen; i++)
        seen = g_str_equal (keys->pdata[i], key);
      if (seen)
        continue;
      g_ptr_array_add (keys, g_steal_pointer (&key));
      g_ptr_array_add (values, g_strdup (e->value));
    }
}

HarkMediaInfo *
hark_media_info_probe (const char *path, GError **error)
{
  g_autoptr (HarkDecoder) decoder =
      hark_decoder_open (path, HARK_OUTPUT_RATE, HARK_OUTPUT_CHANNELS, error);
  const AVFormatContext *fmt;
  const AVStream *stream;
  HarkMediaInfo *self;
  GPtrArray *keys, *values;

  if (decoder == NULL)
    return NULL;
  fmt = hark_decoder_get_format (decoder);
  stream = hark_decoder_get_stream (decoder);

  self = g_new0 (HarkMediaInfo, 1);
  self->duration = hark_decoder_get_duration (decoder);
  self->codec = g_strdup (avcodec_get_name (stream->codecpar->codec_id));
  self->container = g_strdup (fmt->iformat->name);
  self->sample_rate = hark_decoder_get_rate (decoder);
  self->channels = hark_decoder_get_channels (decoder);
  self->bit_rate = stream->codecpar->bit_rate > 0 ? stream->codecpar->bit_rate
                                                   : MAX (fmt->bit_rate, 0);

  keys = g_ptr_array_new ();
  values = g_ptr_array_new ();
  add_tags (keys, values, fmt->metadata);
  add_tags (keys, values, stream->metadata);
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  self->tag_keys = (GStrv) g_ptr_array_free (keys, FALSE);
  self->tag_values = (GStrv) g_ptr_array_free (values, FALSE);
  return self;
}

const char *
hark_media_info_get_tag (const HarkMediaInfo *self, const char *key)
{
  for (guint i = 0; self->tag_keys[i]; i++)
    if (g_ascii_strcasecmp (self->tag_keys[i], key) == 0)
      return self->tag_values[i];
  return NULL;
}
