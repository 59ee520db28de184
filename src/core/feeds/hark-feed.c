/* hark-feed.c — the feed model: ownership, episode identity, repairs, JSON
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "feeds/hark-feed-private.h"
#include "util/hark-i18n.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/hark-text-utils.h"
#include "util/hark-error.h"

void
hark_feed_transcript_free (HarkFeedTranscript *transcript)
{
  if (transcript == NULL)
    return;
  g_free (transcript->url);
  g_free (transcript->type);
  g_free (transcript->language);
  g_free (transcript->rel);
  g_free (transcript);
}

void
hark_feed_person_free (HarkFeedPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->role);
  g_free (person->group);
  g_free (person->img);
  g_free (person->href);
  g_free (person);
}

HarkFeedPerson *
hark_feed_person_copy (const HarkFeedPerson *person)
{
  HarkFeedPerson *copy = g_new0 (HarkFeedPerson, 1);
  copy->name = g_strdup (person->name);
  copy->role = g_strdup (person->role);
  copy->group = g_strdup (person->group);
  copy->img = g_strdup (person->img);
  copy->href = g_strdup (person->href);
  return copy;
}

HarkFeedEpisode *
hark_feed_episode_new (void)
{
  HarkFeedEpisode *episode = g_new0 (HarkFeedEpisode, 1);
  episode->duration = -1;
  episode->enclosure_length = -1;
  episode->transcripts = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_transcript_free);
  episode->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_person_free);
  return episode;
}

void
hark_feed_episode_free (HarkFeedEpisode *episode)
{
  if (episode == NULL)
    return;
  g_free (episode->id);
  g_free (episode->guid);
  g_free (episode->title);
  g_free (episode->link);
  g_free (episode->description);
  g_free (episode->enclosure_url);
  g_free (episode->enclosure_type);
  g_free (episode->image);
  g_ptr_array_unref (episode->transcripts);
  g_free (episode->chapters_url);
  g_free (episode->chapters_type);
  g_ptr_array_unref (episode->persons);
  g_free (episode);
}

void
hark_feed_free (HarkFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->title);
  g_free (feed->link);
  g_free (feed->language);
  g_free (feed->image);
  g_free (feed->description);
  g_free (feed->author);
  g_free (feed->new_feed_url);
  g_free (feed->next_page);
  g_free (feed->self_url);
  g_ptr_array_unref (feed->persons);
  g_ptr_array_unref (feed->episodes);
  g_ptr_array_unref (feed->warnings);
  g_free (feed);
}

char *
hark_feed_episode_identity (const HarkFeedEpisode *episode)
{
  if (episode->guid && *episode->guid)
    return g_strconcat ("guid:", episode->guid, NULL);
  if (episode->enclosure_url && *episode->enclosure_url)
    {
      /* Tracking prefixes and CDNs change the query string between refreshes. */
      gsize length = strcspn (episode->enclosure_url, "?#");
      return g_strdup_printf ("url:%.*s", (int) length, episode->enclosure_url);
    }
  if (episode->link && *episode->link)
    return g_strconcat ("link:", episode->link, NULL);
  if (episode->has_published)
    return g_strdup_printf ("title:%s@%" G_GINT64_FORMAT, episode->title, episode->published);
  return g_strdup_printf ("title:%s", episode->title);
}

char *
hark_feed_episode_id_from_identity (const char *identity)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);
  return g_strndup (sum, 16);
}

/* Repairs */

typedef struct
{
  char *key;
  char *message;
  guint line;
  guint count;
} HarkFeedWarning;

static void
warning_free (HarkFeedWarning *warning)
{
  g_free (warning->key);
  g_free (warning->message);
  g_free (warning);
}

void
hark_feed_warnings_init (HarkFeedWarnings *warnings, const char *name)
{
  warnings->name = name;
  warnings->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);
  warnings->by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

void
hark_feed_warnings_clear (HarkFeedWarnings *warnings)
{
  g_clear_pointer (&warnings->by_key, g_hash_table_unref);
  g_clear_pointer (&warnings->kinds, g_ptr_array_unref);
}

gboolean
hark_feed_warn_again (HarkFeedWarnings *warnings, const char *key)
{
  HarkFeedWarning *warning = g_hash_table_lookup (warnings->by_key, key);

  if (warning == NULL)
    return FALSE;
  warning->count++;
  return TRUE;
}

void
hark_feed_warn_first (HarkFeedWarnings *warnings, const char *key, guint line,
                      const char *format, ...)
{
  HarkFeedWarning *warning = g_new0 (HarkFeedWarning, 1);
  va_list args;

  warning->key = g_strdup (key);
  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  warning->line = line;
  warning->count = 1;
  g_ptr_array_add (warnings->kinds, warning);
  g_hash_table_insert (warnings->by_key, warning->key, warning);
}

void
hark_feed_warnings_flush (HarkFeedWarnings *warnings, GPtrArray *out)
{
  for (guint i = 0; i < warnings->kinds->len; i++)
    {
      HarkFeedWarning *w = g_ptr_array_index (warnings->kinds, i);
      GString *line = g_string_new (warnings->name);
      if (w->line > 0)
        g_string_append_printf (line, ":%u", w->line);
      g_string_append_printf (line, ": %s", w->message);
      if (w->count > 1)
        g_string_append_printf (line, " (%u times)", w->count);
      g_ptr_array_add (out, g_string_free (line, FALSE));
    }
}

/* Maps a regular, non-empty file of at most HARK_FEED_MAX_BYTES read-only; NULL when it is
 * anything else, which the text loader then reads or refuses with its own message. Mapping lets
 * the parser read the page cache in place: reading the file would first fault in and fill a
 * heap copy as large as the feed, the biggest single cost of parsing a large one. */
static const char *
map_feed_file (const char *path, gsize *length)
{
  /* O_NONBLOCK: opening a FIFO with no writer must not wait for one. */
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  struct stat st;
  void *map;

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size <= 0
      || st.st_size > (off_t) HARK_FEED_MAX_BYTES)
    {
      close (fd);
      return NULL;
    }
  map = mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (map == MAP_FAILED)
    return NULL;
  /* The text loader turns CR and CRLF into LF; a feed holding a CR goes through it, so its
   * text and the line numbers of its warnings stay those the loader gives. */
  if (memchr (map, '\r', (size_t) st.st_size) != NULL)
    {
      munmap (map, (size_t) st.st_size);
      return NULL;
    }
  *length = (gsize) st.st_size;
  return map;
}

HarkFeed *
hark_feed_parse_file (const char *path, const char *base_url, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  const char *mapped = map_feed_file (path, &length);

  if (mapped != NULL)
    {
      HarkFeed *feed = hark_feed_parse (mapped, length, path, base_url, error);
      munmap ((void *) mapped, length);
      return feed;
    }
  if (g_stat (path, &st) == 0 && st.st_size > (goffset) HARK_FEED_MAX_BYTES)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_UNSUPPORTED,
                   _("%s: the feed is larger than %u MB; refused"), path,
                   HARK_FEED_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!hark_text_load_file (path, &contents, &length, error))
    return NULL;
  return hark_feed_parse (contents, length, path, base_url, error);
}
