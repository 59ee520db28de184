/* hark-media-info.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio/hark-media-info.h"

#include <libavformat/avformat.h>
#include <string.h>

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

/* Longer tag values (lyrics, a base64 picture in a comment) are cut at a character boundary
 * and marked: a title or a description is far shorter, and probe prints every value. */
#define MAX_TAG_VALUE_BYTES (64 * 1024)

/* Tags after this many are dropped: a hostile file can have thousands. */
#define MAX_TAGS 256

static void
add_tags (GPtrArray *keys, GPtrArray *values, const AVDictionary *dict)
{
  const AVDictionaryEntry *e = NULL;

  while ((e = av_dict_get (dict, "", e, AV_DICT_IGNORE_SUFFIX)))
    {
      g_autofree char *key = NULL;
      gboolean seen = FALSE;
      const char *end = NULL;
      gsize length = strlen (e->value);

      if (keys->len >= MAX_TAGS)
        return;
      if (!g_utf8_validate (e->value, MIN (length, MAX_TAG_VALUE_BYTES), &end)
          && (length <= MAX_TAG_VALUE_BYTES || end == e->value))
        continue;
      key = g_ascii_strdown (e->key, -1);
      for (guint i = 0; i < keys->len && !seen; i++)
        seen = g_str_equal (keys->pdata[i], key);
      if (seen)
        continue;
      g_ptr_array_add (keys, g_steal_pointer (&key));
      if (length > MAX_TAG_VALUE_BYTES)
        {
          g_autofree char *cut = g_strndup (e->value, end - e->value);

          g_ptr_array_add (values, g_strconcat (cut, "…", NULL));
        }
      else
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
