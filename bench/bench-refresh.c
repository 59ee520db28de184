/* bench-refresh.c — refreshing 200 subscriptions that all answer 304
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1 serves 200 feeds (one host, so the queue takes them one at a time,
 * as it would a real host); a first refresh stores their validators, then the timed ones get
 * 304 for each. Prints the median next to the goal (≤ 2 s); judges nothing.
 */
#include <stdio.h>

#include "bench-util.h"
#include "hark-test-util.h"
#include "subscriptions/hark-subscriptions.h"
#include "test-server.h"

#define SHOWS 200
#define RUNS 5

int
main (int argc, char **argv)
{
  g_autoptr (TestServer) server = NULL;
  g_autoptr (HarkHttp) http = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hark-bench-refresh-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (GPtrArray) shows = NULL;
  double times[RUNS];
  guint not_modified = 0;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  server = test_server_new ();
  test_server_add_conditional (server, "/feeds", "\"same\"", "Tue, 01 Dec 2026 07:00:00 GMT",
                               "<rss><channel><title>Bench</title><item><guid>1</guid>"
                               "<title>One</title></item></channel></rss>");
  library = hark_library_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < SHOWS; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/feeds/%d.xml", server->base, i);
      g_assert_cmpint (hark_library_add_show (library, url, &error), >, 0);
    }
  http = hark_http_new (NULL);
  shows = hark_library_list_shows (library, &error);
  g_ptr_array_unref (hark_subscriptions_refresh_sync (http, library, shows, NULL, NULL, &error));
  g_assert_no_error (error);

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr (GPtrArray) current = hark_library_list_shows (library, &error);
      g_autoptr (GPtrArray) results = NULL;
      gint64 start = g_get_monotonic_time ();
      results = hark_subscriptions_refresh_sync (http, library, current, NULL, NULL, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      not_modified = 0;
      for (guint i = 0; i < results->len; i++)
        not_modified += ((HarkRefreshResult *) g_ptr_array_index (results, i))->not_modified;
    }
  printf ("Refresh: %d subscriptions on a local server answering 304; median of %d runs\n",
          SHOWS, RUNS);
  printf ("  %-40s %8.1f ms   goal <= 2000 ms\n", "refresh, all answered 304", bench_median (times, RUNS));
  printf ("  %-40s %8u of %d\n", "answered 304", not_modified, SHOWS);
  hark_test_remove_tree (dir);
  return not_modified == SHOWS ? 0 : 1;
}
