/* hark-cover-art.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "audio/hark-cover-art.h"
#include "util/hark-i18n.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <libavformat/avformat.h>

#include "util/hark-error.h"

static char *
find_beside (const char *audio_path)
{
  static const char *const extensions[] = { "jpg", "jpeg", "png" };
  static const char *const names[] = { "cover", "folder" };
  g_autofree char *dir = g_path_get_dirname (audio_path);
  g_autofree char *base = g_path_get_basename (audio_path);
  char *dot = strrchr (base, '.');

  if (dot && dot != base)
    *dot = '\0';
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", base, extensions[e]);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (path, NULL, NULL);
    }
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", names[n], extensions[e]);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          return g_filename_to_uri (path, NULL, NULL);
      }
  return NULL;
}

static const char *
extension_for (enum AVCodecID codec)
{
  switch (codec)
    {
    case AV_CODEC_ID_PNG:
      return "png";
    case AV_CODEC_ID_MJPEG:
      return "jpg";
    case AV_CODEC_ID_WEBP:
      return "webp";
    case AV_CODEC_ID_GIF:
      return "gif";
    case AV_CODEC_ID_BMP:
      return "bmp";
    default:
      return NULL;
    }
}

char *
hark_cover_art_extract (const char *audio_path, const char *cache_dir, GError **error)
{
  g_autofree char *beside = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *target = NULL;
  AVFormatContext *format = NULL;
  const AVPacket *picture = NULL;
  const char *extension = NULL;
  GStatBuf st;
  int ret;

  g_return_val_if_fail (audio_path != NULL, NULL);

  if (g_stat (audio_path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HARK_ERROR,
                   saved_errno == ENOENT ? HARK_ERROR_NOT_FOUND : HARK_ERROR_IO,
                   _("Could not read %s for its cover (%s)."), audio_path, g_strerror (saved_errno));
      return NULL;
    }
  beside = find_beside (audio_path);
  if (beside)
    return g_steal_pointer (&beside);

  dir = cache_dir ? g_strdup (cache_dir)
                  : g_build_filename (g_get_user_cache_dir (), "hark", "covers", NULL);
  identity = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT, audio_path,
                              (gint64) st.st_size, (gint64) st.st_mtime);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("%s is not a regular file, so no cover is read from it."), audio_path);
      return NULL;
    }
  {
    /* Named as a file, so "a:b.opus" is not taken for a protocol. */
    g_autofree char *url = g_strconcat ("file:", audio_path, NULL);

    ret = avformat_open_input (&format, url, NULL, NULL);
  }
  if (ret < 0)
    {
      char reason[AV_ERROR_MAX_STRING_SIZE] = "";

      av_strerror (ret, reason, sizeof reason);
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("Could not read %s for its cover (%s)."), audio_path, reason);
      return NULL;
    }
  /* Attached pictures are read with the header: no need to look at any audio. */
  for (unsigned i = 0; i < format->nb_streams; i++)
    {
      const AVStream *stream = format->streams[i];

      if ((stream->disposition & AV_DISPOSITION_ATTACHED_PIC) && stream->attached_pic.size > 0
          && (extension = extension_for (stream->codecpar->codec_id)))
        {
          picture = &stream->attached_pic;
          break;
        }
    }
  if (picture == NULL)
    {
      avformat_close_input (&format);
      return NULL;
    }

  {
    g_autofree char *name = g_strdup_printf ("%s.%s", digest, extension);

    target = g_build_filename (dir, name, NULL);
  }
  if (!g_file_test (target, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr (GError) write_error = NULL;

      if (g_mkdir_with_parents (dir, 0700) != 0
          || !g_file_set_contents (target, (const char *) picture->data, picture->size,
                                   &write_error))
        {
          g_set_error (error, HARK_ERROR, HARK_ERROR_IO,
                       _("Could not save the cover of %s in %s (%s)."), audio_path, dir,
                       write_error ? write_error->message : g_strerror (errno));
          avformat_close_input (&format);
          return NULL;
        }
    }
  avformat_close_input (&format);
  return g_filename_to_uri (target, NULL, NULL);
}
