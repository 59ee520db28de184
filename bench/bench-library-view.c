/* bench-library-view.c — building and scrolling the library's lists in the real widgets
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; judges nothing. A library of 500 shows with 10 episodes each (5,000) and one
 * more show of 20,000 episodes is written to a temporary database, then in a window:
 *  - the shows page is built (hark_library_view_reload(): the query, the model, the first frame
 *    drawn), next to the query alone (hark_library_list_shows()), the floor any view pays;
 *  - the big show's page is opened, next to hark_library_list_show_episodes() alone;
 *  - that page is scrolled from top to bottom a screen height every frame, and the intervals
 *    between frames are printed: at 60 Hz a frame is 16.7 ms, an interval over 33 ms is a
 *    dropped frame.
 * Needs a display (the test session's Xvfb); without one it is skipped.
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-util.h"
#include "hark-application.h"
#include "hark-library-view.h"
#include "library/hark-library-shows.h"

#define SHOWS 500
#define EPISODES_EACH 10
#define BIG_SHOW_EPISODES 20000
#define RUNS 3

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static char *
make_feed (guint show, guint n_episodes)
{
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml,
                          "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                          "<channel><title>Show %04u about things</title>", show);
  /* Like a real feed, every row differs from the next: its date and length, and a title
   * of one line or two. */
  for (guint i = 0; i < n_episodes; i++)
    g_string_append_printf (xml,
                            "<item><guid>s%u-e%u</guid><title>Episode %u of show %u%s</title>"
                            "<pubDate>%02u %s %u 07:00:00 GMT</pubDate>"
                            "<itunes:duration>%u</itunes:duration>"
                            "<enclosure url=\"https://example.com/%u/%u.mp3\" type=\"audio/mpeg\" "
                            "length=\"1000\"/></item>",
                            i, show, i, show,
                            i % 3 == 0 ? "" : ", with a title long enough to wrap on a narrow window",
                            1 + i % 28, months[(i / 28) % 12], 2026 - (i / 336) % 50,
                            600 + (i * 37) % 7200, show, i);
  g_string_append (xml, "</channel></rss>");
  return g_string_free (xml, FALSE);
}

static gint64
add_show (HarkLibrary *library, guint show, guint n_episodes)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("https://example.com/feed/%u.xml", show);
  g_autofree char *xml = make_feed (show, n_episodes);
  g_autoptr (HarkFeed) feed = hark_feed_parse (xml, strlen (xml), url, url, &error);
  gint64 id = hark_library_add_show (library, url, &error);

  if (feed == NULL || id == 0
      || !hark_library_store_feed (library, id, feed, NULL, NULL, 1, NULL, &error))
    g_error ("could not build the test library: %s", error->message);
  return id;
}

static gboolean
count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Runs the loop until @n more frames are drawn. */
static void
wait_frames (GtkWidget *widget, guint n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* This process's CPU time (user + system), which other load on the machine disturbs less than
 * the intervals between frames. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

typedef struct
{
  GtkAdjustment *adjustment;
  GArray *intervals; /* double ms */
  gint64 last;
  gboolean done;
} Scroll;

static gboolean
scroll_step (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Scroll *s = data;
  gint64 t = gdk_frame_clock_get_frame_time (clock);
  double value = gtk_adjustment_get_value (s->adjustment);
  double page = gtk_adjustment_get_page_size (s->adjustment);
  double upper = gtk_adjustment_get_upper (s->adjustment);

  if (s->last != 0)
    {
      double ms = (t - s->last) / 1000.0;
      g_array_append_val (s->intervals, ms);
    }
  s->last = t;
  if (value + page >= upper - 1 || s->intervals->len >= 600)
    {
      s->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (s->adjustment, value + page);
  return G_SOURCE_CONTINUE;
}

/* Scrolls @list a screen per frame to its end (or 600 frames); frame intervals, sorted, and
 * the CPU time a frame took in @cpu_per_frame. */
static GArray *
measure_scroll (GtkWidget *window, GtkWidget *list, double *covered, double *cpu_per_frame)
{
  Scroll scroll = { 0 };
  guint id;
  double cpu_start = cpu_ms ();

  scroll.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  scroll.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  id = gtk_widget_add_tick_callback (window, scroll_step, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
  *cpu_per_frame = (cpu_ms () - cpu_start) / MAX (scroll.intervals->len, 1);
  *covered = 100.0 * (gtk_adjustment_get_value (scroll.adjustment)
                      + gtk_adjustment_get_page_size (scroll.adjustment))
             / gtk_adjustment_get_upper (scroll.adjustment);
  bench_sort ((double *) scroll.intervals->data, scroll.intervals->len);
  return scroll.intervals;
}

static void
print_scroll (const char *what, GArray *intervals, double covered, double cpu_per_frame)
{
  const double *ms = (const double *) intervals->data;
  guint n = intervals->len, dropped = 0;

  for (guint i = 0; i < n; i++)
    dropped += ms[i] > 33.4;
  printf ("  %-26s %4u frames (%3.0f%% of the list)  median %6.2f  p95 %6.2f  max %7.2f ms  "
          "over 33 ms: %u  CPU %5.2f ms a frame\n",
          what, n, covered, ms[n / 2], ms[n * 95 / 100], ms[n - 1], dropped, cpu_per_frame);
}

static void
setup_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gtk_widget_set_margin_top (label, 24);
  gtk_widget_set_margin_bottom (label, 24);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* The toolkit's plainest list of as many rows, scrolled the same way: the floor. */
static GArray *
measure_reference_scroll (guint n_rows, double *covered, double *cpu_per_frame)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list;
  GArray *intervals;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *text = g_strdup_printf ("Episode %u of a show, a plain label", i);
      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (strings))),
                            factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 5);
  intervals = measure_scroll (window, list, covered, cpu_per_frame);
  gtk_window_destroy (GTK_WINDOW (window));
  return intervals;
}

static void
print_times (const char *what, double *ms, guint n, const char *reference, double *ref_ms)
{
  printf ("  %-44s median %8.2f ms  max %8.2f ms\n", what, bench_median (ms, n), ms[n - 1]);
  printf ("  %-44s median %8.2f ms  max %8.2f ms\n", reference, bench_median (ref_ms, n),
          ref_ms[n - 1]);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hark-bench-library-view-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr (HarkLibrary) library = NULL;
  HarkLibraryView *view;
  GtkWidget *window;
  double build[RUNS], query[RUNS], open[RUNS], open_model[RUNS], open_query[RUNS];
  double open_cpu[RUNS], c0;
  gint64 big;
  GArray *intervals;
  double t0, covered = 0, cpu = 0;

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (!gtk_init_check ())
    {
      /* Not a missing fixture: the run simply has no display to draw the lists on. */
      printf ("skipped: no display: run inside tests/harness/hark-test-session\n");
      return 77;
    }
  adw_init ();
  g_assert_no_error (error);
  db = g_build_filename (dir, "library.db", NULL);
  library = hark_library_open (db, &error);
  g_assert_no_error (error);

  t0 = now_ms ();
  for (guint i = 0; i < SHOWS; i++)
    add_show (library, i, EPISODES_EACH);
  big = add_show (library, SHOWS, BIG_SHOW_EPISODES);
  printf ("bench-library-view: %u shows, %u episodes (one show of %u), written in %.0f ms\n",
          SHOWS + 1, SHOWS * EPISODES_EACH + BIG_SHOW_EPISODES, BIG_SHOW_EPISODES, now_ms () - t0);

  hark_application_ensure_resources ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 800);
  view = HARK_LIBRARY_VIEW (hark_library_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr (GPtrArray) shows = NULL;

      t0 = now_ms ();
      shows = hark_library_list_shows (library, NULL);
      query[r] = now_ms () - t0;

      t0 = now_ms ();
      hark_library_view_set_library (view, library);
      wait_frames (window, 1);
      build[r] = now_ms () - t0;
      g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_shows (view)), ==,
                        SHOWS + 1);
    }
  bench_sort (build, RUNS);
  bench_sort (query, RUNS);
  printf ("Shows page, %u shows (%d runs):\n", SHOWS + 1, RUNS);
  print_times ("Hark: reload and first frame", build, RUNS, "reference: the query alone", query);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr (GPtrArray) episodes = NULL;

      t0 = now_ms ();
      episodes = hark_library_list_show_episodes (library, big, NULL);
      open_query[r] = now_ms () - t0;

      t0 = now_ms ();
      c0 = cpu_ms ();
      hark_library_view_open_show (view, big);
      open_model[r] = now_ms () - t0;
      wait_frames (window, 1);
      open[r] = now_ms () - t0;
      open_cpu[r] = cpu_ms () - c0;
      g_assert_cmpuint (g_list_model_get_n_items (hark_library_view_get_episodes (view)), ==,
                        BIG_SHOW_EPISODES);
    }
  bench_sort (open, RUNS);
  bench_sort (open_model, RUNS);
  bench_sort (open_query, RUNS);
  printf ("Show page, %u episodes (%d runs):\n", BIG_SHOW_EPISODES, RUNS);
  print_times ("Hark: open and first frame", open, RUNS, "  of which the query and the model",
               open_model);
  printf ("  %-44s median %8.2f ms  max %8.2f ms\n", "reference: the query alone",
          bench_median (open_query, RUNS), open_query[RUNS - 1]);
  bench_sort (open_cpu, RUNS);
  printf ("  %-44s median %8.2f ms  max %8.2f ms\n", "Hark: CPU time of the open and first frame",
          bench_median (open_cpu, RUNS), open_cpu[RUNS - 1]);

  wait_frames (window, 5);
  printf ("Scrolling a screen per frame, %u rows (60 Hz budget: 16.7 ms a frame):\n",
          BIG_SHOW_EPISODES);
  intervals = measure_scroll (window, GTK_WIDGET (hark_library_view_get_episodes_list (view)),
                              &covered, &cpu);
  print_scroll ("Hark: the show page", intervals, covered, cpu);
  g_array_unref (intervals);
  intervals = measure_reference_scroll (BIG_SHOW_EPISODES, &covered, &cpu);
  print_scroll ("reference: GtkListView of labels", intervals, covered, cpu);
  g_array_unref (intervals);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&library, hark_library_free);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
