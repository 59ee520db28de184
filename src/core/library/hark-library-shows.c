/* hark-library-shows.c — shows, their episodes and downloads in the library's SQLite file
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "library/hark-library-shows.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "library/hark-library-private.h"
#include "util/hark-error.h"

void
hark_show_free (HarkShow *show)
{
  if (show == NULL)
    return;
  g_free (show->feed_url);
  g_free (show->title);
  g_free (show->link);
  g_free (show->language);
  g_free (show->image);
  g_free (show->description);
  g_free (show->etag);
  g_free (show->last_modified);
  g_free (show->next_page);
  g_free (show->last_error);
  g_free (show);
}

void
hark_show_episode_free (HarkShowEpisode *episode)
{
  if (episode == NULL)
    return;
  g_free (episode->episode_id);
  g_free (episode->guid);
  g_free (episode->title);
  g_free (episode->description);
  g_free (episode->enclosure_url);
  g_free (episode->enclosure_type);
  g_free (episode->image);
  g_free (episode->chapters_url);
  g_free (episode->chapters_type);
  g_clear_pointer (&episode->transcripts, g_ptr_array_unref);
  g_clear_pointer (&episode->persons, g_ptr_array_unref);
  g_free (episode->download_path);
  g_free (episode->download_etag);
  g_free (episode);
}

/* A prepared statement that finalizes itself. */
typedef struct
{
  sqlite3_stmt *stmt;
} Stmt;

static void
stmt_clear (Stmt *s)
{
  if (s->stmt)
    sqlite3_finalize (s->stmt);
  s->stmt = NULL;
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stmt, stmt_clear)

static gboolean
prepare (HarkLibrary *self, Stmt *s, const char *sql, GError **error)
{
  if (sqlite3_prepare_v2 (hark_library_get_db (self), sql, -1, &s->stmt, NULL) == SQLITE_OK)
    return TRUE;
  hark_library_set_db_error (self, _("read"), error);
  return FALSE;
}

static void
bind_text (Stmt *s, int index, const char *text)
{
  if (text)
    sqlite3_bind_text (s->stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (s->stmt, index);
}

static char *
column_text (Stmt *s, int index)
{
  return g_strdup ((const char *) sqlite3_column_text (s->stmt, index));
}

static gboolean
step_done (HarkLibrary *self, Stmt *s, GError **error)
{
  if (sqlite3_step (s->stmt) == SQLITE_DONE)
    return TRUE;
  hark_library_set_db_error (self, _("update"), error);
  return FALSE;
}

static gboolean
exec (HarkLibrary *self, const char *sql, GError **error)
{
  if (sqlite3_exec (hark_library_get_db (self), sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  hark_library_set_db_error (self, _("update"), error);
  return FALSE;
}

gint64
hark_library_add_show (HarkLibrary *self, const char *feed_url, GError **error)
{
  g_auto (Stmt) insert = { NULL };
  g_auto (Stmt) find = { NULL };

  if (!prepare (self, &insert,
                "INSERT OR IGNORE INTO shows (feed_url, added) VALUES (?1, strftime ('%s', 'now'));",
                error))
    return 0;
  bind_text (&insert, 1, feed_url);
  if (!step_done (self, &insert, error))
    return 0;
  if (!prepare (self, &find, "SELECT id FROM shows WHERE feed_url = ?1;", error))
    return 0;
  bind_text (&find, 1, feed_url);
  if (sqlite3_step (find.stmt) != SQLITE_ROW)
    {
      hark_library_set_db_error (self, _("read"), error);
      return 0;
    }
  return sqlite3_column_int64 (find.stmt, 0);
}

gboolean
hark_library_remove_show (HarkLibrary *self, gint64 show_id, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
    "BEGIN;"
    "DELETE FROM episode_transcripts WHERE episode IN (SELECT id FROM show_episodes WHERE show_id = %1$" G_GINT64_FORMAT ");"
    "DELETE FROM episode_persons WHERE episode IN (SELECT id FROM show_episodes WHERE show_id = %1$" G_GINT64_FORMAT ");"
    "DELETE FROM downloads WHERE episode IN (SELECT id FROM show_episodes WHERE show_id = %1$" G_GINT64_FORMAT ");"
    "DELETE FROM show_episodes WHERE show_id = %1$" G_GINT64_FORMAT ";"
    "DELETE FROM shows WHERE id = %1$" G_GINT64_FORMAT ";"
    "COMMIT;", show_id);
  if (exec (self, sql, error))
    return TRUE;
  sqlite3_exec (hark_library_get_db (self), "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

static const char *const show_columns =
  "s.id, s.feed_url, s.title, s.link, s.language, s.image, s.description, s.etag, "
  "s.last_modified, s.next_page, s.added, s.last_checked, s.last_error, "
  "(SELECT COUNT (*) FROM show_episodes e WHERE e.show_id = s.id), "
  "(SELECT COUNT (*) FROM show_episodes e WHERE e.show_id = s.id AND e.is_new)";

static HarkShow *
read_show (Stmt *s)
{
  HarkShow *show = g_new0 (HarkShow, 1);
  show->id = sqlite3_column_int64 (s->stmt, 0);
  show->feed_url = column_text (s, 1);
  show->title = column_text (s, 2);
  show->link = column_text (s, 3);
  show->language = column_text (s, 4);
  show->image = column_text (s, 5);
  show->description = column_text (s, 6);
  show->etag = column_text (s, 7);
  show->last_modified = column_text (s, 8);
  show->next_page = column_text (s, 9);
  show->added = sqlite3_column_int64 (s->stmt, 10);
  show->last_checked = sqlite3_column_int64 (s->stmt, 11);
  show->last_error = column_text (s, 12);
  show->n_episodes = (guint) sqlite3_column_int64 (s->stmt, 13);
  show->n_new = (guint) sqlite3_column_int64 (s->stmt, 14);
  return show;
}

GPtrArray *
hark_library_list_shows (HarkLibrary *self, GError **error)
{
  g_auto (Stmt) s = { NULL };
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM shows s ORDER BY COALESCE (s.title, "
                                          "s.feed_url) COLLATE NOCASE;", show_columns);
  GPtrArray *shows;
  int rc;

  if (!prepare (self, &s, sql, error))
    return NULL;
  shows = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_show_free);
  while ((rc = sqlite3_step (s.stmt)) == SQLITE_ROW)
    g_ptr_array_add (shows, read_show (&s));
  if (rc != SQLITE_DONE)
    {
      hark_library_set_db_error (self, _("read"), error);
      g_ptr_array_unref (shows);
      return NULL;
    }
  return shows;
}

HarkShow *
hark_library_find_show (HarkLibrary *self, const char *what, GError **error)
{
  g_autoptr (GPtrArray) shows = hark_library_list_shows (self, error);
  HarkShow *match = NULL;
  guint n_prefix = 0;
  char *end;
  gint64 id;

  if (shows == NULL)
    return NULL;
  id = g_ascii_strtoll (what, &end, 10);
  for (guint i = 0; i < shows->len; i++)
    {
      HarkShow *show = g_ptr_array_index (shows, i);
      if ((*end == '\0' && end != what && show->id == id) || strcmp (show->feed_url, what) == 0
          || (show->title && g_ascii_strcasecmp (show->title, what) == 0))
        return g_ptr_array_steal_index (shows, i);
      if (show->title && g_ascii_strncasecmp (show->title, what, strlen (what)) == 0)
        {
          match = show;
          n_prefix++;
        }
    }
  if (n_prefix == 1)
    {
      guint index;
      g_ptr_array_find (shows, match, &index);
      return g_ptr_array_steal_index (shows, index);
    }
  g_set_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND,
               n_prefix > 1 ? "“%s” matches %u shows; give more of the title or the show's number"
                            : "No show is “%s” (give its number, feed URL or title)",
               what, n_prefix);
  return NULL;
}

static gboolean
store_episode_details (HarkLibrary *self, gint64 row, const HarkFeedEpisode *e, GError **error)
{
  g_auto (Stmt) clear_t = { NULL };
  g_auto (Stmt) clear_p = { NULL };
  g_auto (Stmt) add_t = { NULL };
  g_auto (Stmt) add_p = { NULL };

  if (!prepare (self, &clear_t, "DELETE FROM episode_transcripts WHERE episode = ?1;", error)
      || !prepare (self, &clear_p, "DELETE FROM episode_persons WHERE episode = ?1;", error)
      || !prepare (self, &add_t, "INSERT INTO episode_transcripts (episode, position, url, type, "
                                 "language, rel) VALUES (?1, ?2, ?3, ?4, ?5, ?6);", error)
      || !prepare (self, &add_p, "INSERT INTO episode_persons (episode, position, name, role, "
                                 "person_group, img, href) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                   error))
    return FALSE;
  sqlite3_bind_int64 (clear_t.stmt, 1, row);
  sqlite3_bind_int64 (clear_p.stmt, 1, row);
  if (!step_done (self, &clear_t, error) || !step_done (self, &clear_p, error))
    return FALSE;
  for (guint i = 0; i < e->transcripts->len; i++)
    {
      const HarkFeedTranscript *t = g_ptr_array_index (e->transcripts, i);
      sqlite3_reset (add_t.stmt);
      sqlite3_bind_int64 (add_t.stmt, 1, row);
      sqlite3_bind_int (add_t.stmt, 2, (int) i);
      bind_text (&add_t, 3, t->url);
      bind_text (&add_t, 4, t->type);
      bind_text (&add_t, 5, t->language);
      bind_text (&add_t, 6, t->rel);
      if (!step_done (self, &add_t, error))
        return FALSE;
    }
  for (guint i = 0; i < e->persons->len; i++)
    {
      const HarkFeedPerson *person = g_ptr_array_index (e->persons, i);
      sqlite3_reset (add_p.stmt);
      sqlite3_bind_int64 (add_p.stmt, 1, row);
      sqlite3_bind_int (add_p.stmt, 2, (int) i);
      bind_text (&add_p, 3, person->name);
      bind_text (&add_p, 4, person->role);
      bind_text (&add_p, 5, person->group);
      bind_text (&add_p, 6, person->img);
      bind_text (&add_p, 7, person->href);
      if (!step_done (self, &add_p, error))
        return FALSE;
    }
  return TRUE;
}

/* @older_page: @feed is an older page of the show (atom:link rel="next"): its episodes are
 * added, the show keeps its fields and validators, only its next page moves on, and nothing
 * is marked as gone. */
static gboolean
store_feed_locked (HarkLibrary *self, gint64 show_id, const HarkFeed *feed, const char *etag,
                   const char *last_modified, gint64 now, gboolean older_page, guint *n_new,
                   GError **error)
{
  g_auto (Stmt) show = { NULL };
  g_auto (Stmt) find = { NULL };
  g_auto (Stmt) insert = { NULL };
  g_auto (Stmt) update = { NULL };
  g_auto (Stmt) stamp = { NULL };
  g_auto (Stmt) count = { NULL };
  gboolean first_fetch;
  guint added = 0;

  /* Episodes already there when the listener subscribed are not news to them. */
  if (!prepare (self, &count, "SELECT COUNT (*) FROM show_episodes WHERE show_id = ?1;", error))
    return FALSE;
  sqlite3_bind_int64 (count.stmt, 1, show_id);
  if (sqlite3_step (count.stmt) != SQLITE_ROW)
    {
      hark_library_set_db_error (self, _("read"), error);
      return FALSE;
    }
  first_fetch = sqlite3_column_int64 (count.stmt, 0) == 0;

  if (!prepare (self, &show,
                older_page
                    /* The other parameters are bound and ignored (SQLITE_RANGE for ?10). */
                    ? "UPDATE shows SET next_page = ?9 WHERE id = ?1;"
                    : "UPDATE shows SET title = ?2, link = ?3, language = ?4, image = ?5, "
                      "description = ?6, etag = ?7, last_modified = ?8, next_page = ?9, "
                      "last_checked = ?10, last_error = NULL, refresh_stamp = refresh_stamp + 1 "
                      "WHERE id = ?1;", error)
      || !prepare (self, &find, "SELECT id FROM show_episodes WHERE show_id = ?1 AND "
                                "episode_id = ?2;", error)
      || !prepare (self, &insert,
                   "INSERT INTO show_episodes (show_id, episode_id, guid, title, link, "
                   "description, published, duration, enclosure_url, enclosure_type, "
                   "enclosure_length, image, chapters_url, chapters_type, in_feed, first_seen, "
                   "seen_stamp, is_new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                   "?13, ?14, 1, ?15, (SELECT refresh_stamp FROM shows WHERE id = ?1), ?16);", error)
      || !prepare (self, &update,
                   "UPDATE show_episodes SET guid = ?3, title = ?4, link = ?5, description = ?6, "
                   "published = ?7, duration = ?8, enclosure_url = ?9, enclosure_type = ?10, "
                   "enclosure_length = ?11, image = ?12, chapters_url = ?13, chapters_type = ?14, "
                   "in_feed = 1, seen_stamp = (SELECT refresh_stamp FROM shows WHERE id = ?1) "
                   "WHERE id = ?2;", error)
      || !prepare (self, &stamp, "SELECT refresh_stamp FROM shows WHERE id = ?1;", error))
    return FALSE;

  sqlite3_bind_int64 (show.stmt, 1, show_id);
  bind_text (&show, 2, feed->title);
  bind_text (&show, 3, feed->link);
  bind_text (&show, 4, feed->language);
  bind_text (&show, 5, feed->image);
  bind_text (&show, 6, feed->description);
  bind_text (&show, 7, etag);
  bind_text (&show, 8, last_modified);
  bind_text (&show, 9, feed->next_page);
  sqlite3_bind_int64 (show.stmt, 10, now);
  if (!step_done (self, &show, error))
    return FALSE;
  if (sqlite3_changes (hark_library_get_db (self)) == 0)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND, "No show has number %" G_GINT64_FORMAT,
                   show_id);
      return FALSE;
    }

  for (guint i = 0; i < feed->episodes->len; i++)
    {
      const HarkFeedEpisode *e = g_ptr_array_index (feed->episodes, i);
      gint64 row = 0;
      Stmt *target;

      sqlite3_reset (find.stmt);
      sqlite3_bind_int64 (find.stmt, 1, show_id);
      bind_text (&find, 2, e->id);
      if (sqlite3_step (find.stmt) == SQLITE_ROW)
        row = sqlite3_column_int64 (find.stmt, 0);
      target = row ? &update : &insert;
      sqlite3_reset (target->stmt);
      sqlite3_bind_int64 (target->stmt, 1, show_id);
      if (row)
        sqlite3_bind_int64 (target->stmt, 2, row);
      else
        bind_text (target, 2, e->id);
      bind_text (target, 3, e->guid);
      bind_text (target, 4, e->title);
      bind_text (target, 5, e->link);
      bind_text (target, 6, e->description);
      if (e->has_published)
        sqlite3_bind_int64 (target->stmt, 7, e->published);
      else
        sqlite3_bind_null (target->stmt, 7);
      sqlite3_bind_double (target->stmt, 8, e->duration);
      bind_text (target, 9, e->enclosure_url);
      bind_text (target, 10, e->enclosure_type);
      sqlite3_bind_int64 (target->stmt, 11, e->enclosure_length);
      bind_text (target, 12, e->image);
      bind_text (target, 13, e->chapters_url);
      bind_text (target, 14, e->chapters_type);
      if (!row)
        {
          sqlite3_bind_int64 (target->stmt, 15, now);
          sqlite3_bind_int (target->stmt, 16, !first_fetch);
        }
      if (!step_done (self, target, error))
        return FALSE;
      if (!row)
        {
          row = sqlite3_last_insert_rowid (hark_library_get_db (self));
          added++;
        }
      if (!store_episode_details (self, row, e, error))
        return FALSE;
    }

  /* What this refresh did not see has left the feed — unless the feed is paged, when older
   * episodes are simply on another page. */
  if (feed->next_page == NULL && !older_page)
    {
      g_autofree char *sql = NULL;
      sqlite3_bind_int64 (stamp.stmt, 1, show_id);
      if (sqlite3_step (stamp.stmt) != SQLITE_ROW)
        {
          hark_library_set_db_error (self, _("read"), error);
          return FALSE;
        }
      sql = g_strdup_printf ("UPDATE show_episodes SET in_feed = 0 WHERE show_id = %" G_GINT64_FORMAT
                             " AND seen_stamp < %" G_GINT64_FORMAT ";",
                             show_id, (gint64) sqlite3_column_int64 (stamp.stmt, 0));
      if (!exec (self, sql, error))
        return FALSE;
    }
  if (n_new)
    *n_new = added;
  return TRUE;
}

gboolean
hark_library_store_feed (HarkLibrary *self, gint64 show_id, const HarkFeed *feed,
                         const char *etag, const char *last_modified, gint64 now, guint *n_new,
                         GError **error)
{
  if (!exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (store_feed_locked (self, show_id, feed, etag, last_modified, now, FALSE, n_new, error)
      && exec (self, "COMMIT;", error))
    return TRUE;
  sqlite3_exec (hark_library_get_db (self), "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

gboolean
hark_library_store_older_page (HarkLibrary *self, gint64 show_id, const HarkFeed *page,
                               gint64 now, guint *n_new, GError **error)
{
  if (!exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  if (store_feed_locked (self, show_id, page, NULL, NULL, now, TRUE, n_new, error)
      && exec (self, "COMMIT;", error))
    return TRUE;
  sqlite3_exec (hark_library_get_db (self), "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

gboolean
hark_library_mark_checked (HarkLibrary *self, gint64 show_id, gint64 now, const char *failure,
                           GError **error)
{
  g_auto (Stmt) s = { NULL };

  if (!prepare (self, &s, "UPDATE shows SET last_checked = ?2, last_error = ?3 WHERE id = ?1;",
                error))
    return FALSE;
  sqlite3_bind_int64 (s.stmt, 1, show_id);
  sqlite3_bind_int64 (s.stmt, 2, now);
  bind_text (&s, 3, failure);
  return step_done (self, &s, error);
}

gboolean
hark_library_move_show (HarkLibrary *self, gint64 show_id, const char *new_url, GError **error)
{
  g_auto (Stmt) s = { NULL };

  if (!prepare (self, &s, "UPDATE shows SET feed_url = ?2, etag = NULL, last_modified = NULL "
                          "WHERE id = ?1;", error))
    return FALSE;
  sqlite3_bind_int64 (s.stmt, 1, show_id);
  bind_text (&s, 2, new_url);
  if (sqlite3_step (s.stmt) == SQLITE_DONE)
    return TRUE;
  if ((sqlite3_errcode (hark_library_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("The feed moved to %s, which is already a subscription"), new_url);
      return FALSE;
    }
  hark_library_set_db_error (self, _("update"), error);
  return FALSE;
}

static const char *const episode_columns =
  "e.id, e.show_id, e.episode_id, e.guid, e.title, e.description, e.published, e.duration, "
  "e.enclosure_url, e.enclosure_type, e.enclosure_length, e.image, e.chapters_url, "
  "e.chapters_type, e.in_feed, e.is_new, d.state, d.path, d.bytes, d.total, d.etag";

/* The two statements that read one episode's transcripts and persons. */
static gboolean
prepare_details (HarkLibrary *self, Stmt *t, Stmt *p, GError **error)
{
  return prepare (self, t, "SELECT url, type, language, rel FROM episode_transcripts WHERE "
                           "episode = ?1 ORDER BY position;", error)
         && prepare (self, p, "SELECT name, role, person_group, img, href FROM episode_persons "
                              "WHERE episode = ?1 ORDER BY position;", error);
}

static void
read_details_with (Stmt *t, Stmt *p, HarkShowEpisode *episode)
{
  episode->transcripts = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_transcript_free);
  episode->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_person_free);
  sqlite3_reset (t->stmt);
  sqlite3_reset (p->stmt);
  sqlite3_bind_int64 (t->stmt, 1, episode->row);
  sqlite3_bind_int64 (p->stmt, 1, episode->row);
  while (sqlite3_step (t->stmt) == SQLITE_ROW)
    {
      HarkFeedTranscript *transcript = g_new0 (HarkFeedTranscript, 1);
      transcript->url = column_text (t, 0);
      transcript->type = column_text (t, 1);
      transcript->language = column_text (t, 2);
      transcript->rel = column_text (t, 3);
      g_ptr_array_add (episode->transcripts, transcript);
    }
  while (sqlite3_step (p->stmt) == SQLITE_ROW)
    {
      HarkFeedPerson *person = g_new0 (HarkFeedPerson, 1);
      person->name = column_text (p, 0);
      person->role = column_text (p, 1);
      person->group = column_text (p, 2);
      person->img = column_text (p, 3);
      person->href = column_text (p, 4);
      g_ptr_array_add (episode->persons, person);
    }
}

static gboolean
read_details (HarkLibrary *self, HarkShowEpisode *episode, GError **error)
{
  g_auto (Stmt) t = { NULL };
  g_auto (Stmt) p = { NULL };

  if (!prepare_details (self, &t, &p, error))
    return FALSE;
  read_details_with (&t, &p, episode);
  return TRUE;
}

static HarkShowEpisode *
read_episode (Stmt *s)
{
  HarkShowEpisode *e = g_new0 (HarkShowEpisode, 1);
  e->row = sqlite3_column_int64 (s->stmt, 0);
  e->show_id = sqlite3_column_int64 (s->stmt, 1);
  e->episode_id = column_text (s, 2);
  e->guid = column_text (s, 3);
  e->title = column_text (s, 4);
  e->description = column_text (s, 5);
  e->published = sqlite3_column_int64 (s->stmt, 6);
  e->duration = sqlite3_column_type (s->stmt, 7) == SQLITE_NULL ? -1
                                                                : sqlite3_column_double (s->stmt, 7);
  e->enclosure_url = column_text (s, 8);
  e->enclosure_type = column_text (s, 9);
  e->enclosure_length = sqlite3_column_int64 (s->stmt, 10);
  e->image = column_text (s, 11);
  e->chapters_url = column_text (s, 12);
  e->chapters_type = column_text (s, 13);
  e->in_feed = sqlite3_column_int (s->stmt, 14) != 0;
  e->is_new = sqlite3_column_int (s->stmt, 15) != 0;
  e->download_state = (HarkDownloadState) sqlite3_column_int (s->stmt, 16);
  e->download_path = column_text (s, 17);
  e->download_bytes = sqlite3_column_int64 (s->stmt, 18);
  e->download_total = sqlite3_column_int64 (s->stmt, 19);
  e->download_etag = column_text (s, 20);
  return e;
}

/* The transcripts and persons of every episode of a show, in two queries for the whole show:
 * two lookups per episode were most of the time a 20,000-episode show took to open. */
static gboolean
read_show_details (HarkLibrary *self, gint64 show_id, GHashTable *by_row, GError **error)
{
  g_auto (Stmt) t = { NULL };
  g_auto (Stmt) p = { NULL };
  int rc_t, rc_p;

  if (!prepare (self, &t, "SELECT t.episode, t.url, t.type, t.language, t.rel "
                          "FROM episode_transcripts t JOIN show_episodes e ON e.id = t.episode "
                          "WHERE e.show_id = ?1 ORDER BY t.episode, t.position;", error)
      || !prepare (self, &p, "SELECT p.episode, p.name, p.role, p.person_group, p.img, p.href "
                             "FROM episode_persons p JOIN show_episodes e ON e.id = p.episode "
                             "WHERE e.show_id = ?1 ORDER BY p.episode, p.position;", error))
    return FALSE;
  sqlite3_bind_int64 (t.stmt, 1, show_id);
  sqlite3_bind_int64 (p.stmt, 1, show_id);
  while ((rc_t = sqlite3_step (t.stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (t.stmt, 0);
      HarkShowEpisode *episode = g_hash_table_lookup (by_row, &row);
      HarkFeedTranscript *transcript;

      if (episode == NULL)
        continue;
      transcript = g_new0 (HarkFeedTranscript, 1);
      transcript->url = column_text (&t, 1);
      transcript->type = column_text (&t, 2);
      transcript->language = column_text (&t, 3);
      transcript->rel = column_text (&t, 4);
      g_ptr_array_add (episode->transcripts, transcript);
    }
  while ((rc_p = sqlite3_step (p.stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (p.stmt, 0);
      HarkShowEpisode *episode = g_hash_table_lookup (by_row, &row);
      HarkFeedPerson *person;

      if (episode == NULL)
        continue;
      person = g_new0 (HarkFeedPerson, 1);
      person->name = column_text (&p, 1);
      person->role = column_text (&p, 2);
      person->group = column_text (&p, 3);
      person->img = column_text (&p, 4);
      person->href = column_text (&p, 5);
      g_ptr_array_add (episode->persons, person);
    }
  if (rc_t != SQLITE_DONE || rc_p != SQLITE_DONE)
    {
      hark_library_set_db_error (self, _("read"), error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
hark_library_list_show_episodes (HarkLibrary *self, gint64 show_id, GError **error)
{
  g_auto (Stmt) s = { NULL };
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s FROM show_episodes e LEFT JOIN downloads d ON d.episode = e.id "
    "WHERE e.show_id = ?1 ORDER BY e.published IS NULL, e.published DESC, e.id;",
    episode_columns);
  g_autoptr (GHashTable) by_row = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *episodes;
  int rc;

  if (!prepare (self, &s, sql, error))
    return NULL;
  sqlite3_bind_int64 (s.stmt, 1, show_id);
  episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_show_episode_free);
  while ((rc = sqlite3_step (s.stmt)) == SQLITE_ROW)
    {
      HarkShowEpisode *e = read_episode (&s);
      e->transcripts = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_transcript_free);
      e->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) hark_feed_person_free);
      g_ptr_array_add (episodes, e);
      g_hash_table_insert (by_row, &e->row, e);
    }
  if (rc != SQLITE_DONE)
    {
      hark_library_set_db_error (self, _("read"), error);
      g_ptr_array_unref (episodes);
      return NULL;
    }
  if (!read_show_details (self, show_id, by_row, error))
    {
      g_ptr_array_unref (episodes);
      return NULL;
    }
  return episodes;
}

HarkShowEpisode *
hark_library_find_show_episode (HarkLibrary *self, const char *what, GError **error)
{
  g_auto (Stmt) s = { NULL };
  g_autofree char *sql = g_strdup_printf (
    "SELECT %s FROM show_episodes e LEFT JOIN downloads d ON d.episode = e.id "
    "WHERE e.id = ?1 OR (length (?2) >= 6 AND substr (e.episode_id, 1, length (?2)) = ?2) "
    "LIMIT 2;", episode_columns);
  HarkShowEpisode *found = NULL;
  char *end;
  gint64 row = g_ascii_strtoll (what, &end, 10);
  int rc;

  if (!prepare (self, &s, sql, error))
    return NULL;
  sqlite3_bind_int64 (s.stmt, 1, (*end == '\0' && end != what) ? row : -1);
  bind_text (&s, 2, what);
  while ((rc = sqlite3_step (s.stmt)) == SQLITE_ROW)
    {
      if (found != NULL)
        {
          hark_show_episode_free (found);
          g_set_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND,
                       _("“%s” matches several episodes; give more of its id"), what);
          return NULL;
        }
      found = read_episode (&s);
    }
  if (found == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_NOT_FOUND,
                   _("No episode is “%s” (give its number or id from 'hark-cli episodes')"), what);
      return NULL;
    }
  if (!read_details (self, found, error))
    {
      hark_show_episode_free (found);
      return NULL;
    }
  return found;
}

gboolean
hark_library_set_download (HarkLibrary *self, gint64 episode_row, HarkDownloadState state,
                           const char *path, gint64 bytes, gint64 total, const char *etag,
                           GError **error)
{
  g_auto (Stmt) s = { NULL };

  if (!prepare (self, &s,
                "INSERT OR REPLACE INTO downloads (episode, state, path, bytes, total, etag, "
                "updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime ('%s', 'now'));", error))
    return FALSE;
  sqlite3_bind_int64 (s.stmt, 1, episode_row);
  sqlite3_bind_int (s.stmt, 2, state);
  bind_text (&s, 3, path);
  sqlite3_bind_int64 (s.stmt, 4, bytes);
  sqlite3_bind_int64 (s.stmt, 5, total);
  bind_text (&s, 6, etag);
  if (!step_done (self, &s, error))
    return FALSE;
  if (state == HARK_DOWNLOAD_DONE)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE show_episodes SET is_new = 0 WHERE id = %"
                                              G_GINT64_FORMAT ";", episode_row);
      return exec (self, sql, error);
    }
  return TRUE;
}

char *
hark_library_episode_key (gint64 episode_row)
{
  return g_strdup_printf ("episode:%" G_GINT64_FORMAT, episode_row);
}
