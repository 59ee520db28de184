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
  g_free (context);
}

static char *
column_text (sqlite3_stmt *stmt, int index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

HarkLibraryContext *
hark_library_find_context (HarkLibrary *self, const char *path, GError **error)
{
  static const char sql[] =
    "SELECT s.title, e.title, COALESCE (NULLIF (e.image, ''), s.image) FROM downloads d "
    "JOIN show_episodes e ON e.id = d.episode JOIN shows s ON s.id = e.show_id "
    "WHERE d.path = ?1 LIMIT 1;";
  sqlite3 *db = hark_library_get_db (self);
  sqlite3_stmt *stmt = NULL;
  HarkLibraryContext *context = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  if (db == NULL)
    return NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      hark_library_set_db_error (self, _("read"), error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      context = g_new0 (HarkLibraryContext, 1);
      context->show_title = column_text (stmt, 0);
      context->episode_title = column_text (stmt, 1);
      context->image = column_text (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    hark_library_set_db_error (self, _("read"), error);
  sqlite3_finalize (stmt);
  return context;
}
