/* hark-library-context.c — what the library knows about an audio file it downloaded
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "library/hark-library-context.h"

#include <sqlite3.h>

#include "library/hark-library-private.h"
#include "util/hark-i18n.h"

void
hark_library_context_free (HarkLibraryContext *context)
{
  if (context == NULL)
    return;
  g_free (context->show_title);
  g_free (context->episode_title);
  g_free (context->image);
  g_free (context->show_link);
  g_free (context);
}

static char *
column_text (sqlite3_stmt *stmt, int index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The row of a show's episode from the session's resume key ("episode:ROW"), or -1. */
static gint64
row_of_key (const char *key)
{
  char *end = NULL;
  gint64 row;

  if (key == NULL || !g_str_has_prefix (key, "episode:"))
    return -1;
  row = g_ascii_strtoll (key + 8, &end, 10);
  return end != key + 8 && *end == '\0' && row > 0 ? row : -1;
}

HarkLibraryContext *
hark_library_find_context (HarkLibrary *self, const char *path, const char *key, GError **error)
{
  static const char sql[] =
    "SELECT s.title, e.title, COALESCE (NULLIF (e.image, ''), s.image), s.link FROM show_episodes e "
    "JOIN shows s ON s.id = e.show_id LEFT JOIN downloads d ON d.episode = e.id "
    "WHERE e.id = ?2 OR (?1 IS NOT NULL AND d.path = ?1) ORDER BY e.id = ?2 DESC LIMIT 1;";
  sqlite3 *db = hark_library_get_db (self);
  sqlite3_stmt *stmt = NULL;
  HarkLibraryContext *context = NULL;
  int rc;

  if (db == NULL || (path == NULL && row_of_key (key) < 0))
    return NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      hark_library_set_db_error (self, _("read"), error);
      return NULL;
    }
  if (path != NULL)
    sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_of_key (key));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      context = g_new0 (HarkLibraryContext, 1);
      context->show_title = column_text (stmt, 0);
      context->episode_title = column_text (stmt, 1);
      context->image = column_text (stmt, 2);
      context->show_link = column_text (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    hark_library_set_db_error (self, _("read"), error);
  sqlite3_finalize (stmt);
  return context;
}
