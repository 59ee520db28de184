/* bench-feed-parse.c — parsing a 1 MB, 500-item feed next to `xmllint --stream`
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the feed (iTunes and Podcasting 2.0 tags, HTML descriptions in CDATA), then runs
 * each side as its own process several times: `xmllint --stream --noout FILE` and this program
 * with --parse FILE (read, repair, parse, build the model). Wall time is the median; peak RSS
 * is the child's ru_maxrss. Prints figures next to the goals (≤ 1.5× the time, ≤ 2× the RSS);
 * judges nothing.
 */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "feeds/hark-feed.h"

#define RUNS 9

static char *
generate_feed (const char *dir)
{
  GString *xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"\n"
    "  xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"\n"
    "  xmlns:atom=\"http://www.w3.org/2005/Atom\"\n"
    "  xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n"
    "<title>Benchmark Show</title><link>https://bench.example/</link><language>en</language>\n"
    "<atom:link rel=\"self\" href=\"https://bench.example/feed.xml\"/>\n"
    "<itunes:image href=\"https://bench.example/art.jpg\"/>\n");
  char *path = g_build_filename (dir, "feed-500.xml", NULL);

  for (int i = 500; i > 0; i--)
    {
      g_string_append_printf (
        xml,
        "<item>\n<title>Episode %d: a conversation about things &amp; more</title>\n"
        "<guid isPermaLink=\"false\">bench-%d-7d2f9a</guid>\n"
        "<pubDate>Tue, %02d Dec 2026 07:31:17 +0000</pubDate>\n"
        "<link>https://bench.example/episodes/%d</link>\n"
        "<itunes:duration>01:%02d:%02d</itunes:duration>\n"
        "<itunes:image href=\"https://bench.example/episodes/%d.jpg\"/>\n"
        "<enclosure url=\"https://cdn.bench.example/audio/episode-%d.mp3?source=rss\" "
        "type=\"audio/mpeg\" length=\"%d\"/>\n"
        "<podcast:transcript url=\"https://bench.example/episodes/%d.vtt\" type=\"text/vtt\" "
        "language=\"en\" rel=\"captions\"/>\n"
        "<podcast:chapters url=\"https://bench.example/episodes/%d.json\" "
        "type=\"application/json+chapters\"/>\n"
        "<podcast:person role=\"host\" img=\"https://bench.example/host.jpg\">Ann Host</podcast:person>\n"
        "<podcast:person role=\"guest\" href=\"https://guest%d.example/\">Guest Number %d</podcast:person>\n"
        "<description><![CDATA[<p>In episode %d we talk about ",
        i, i, 1 + i % 28, i, i % 60, (i * 7) % 60, i, i, 40000000 + i * 1000, i, i, i, i, i);
      while (xml->len % 2048 < 1700)
        g_string_append (xml, "the <b>news</b>, the weather, a listener's letter and more; ");
      g_string_append (xml, "</p>]]></description>\n</item>\n");
    }
  g_string_append (xml, "</channel>\n</rss>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));
  g_string_free (xml, TRUE);
  return path;
}

/* Runs @argv as a child; returns wall seconds and sets @max_rss_kb and @cpu (user + system
 * seconds, which other load on the machine disturbs less than wall time). */
static double
run_child (char **argv, long *max_rss_kb, double *cpu)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int devnull = open ("/dev/null", O_WRONLY);
      dup2 (devnull, 1);
      execvp (argv[0], argv);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "bench-feed-parse: %s failed (status %d)\n", argv[0], status);
      exit (1);
    }
  *max_rss_kb = usage.ru_maxrss;
  *cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
measure (char **argv, double *time_median, double *cpu_median, double *rss_median_kb)
{
  double times[RUNS], cpus[RUNS], rss[RUNS];
  for (int i = 0; i < RUNS; i++)
    {
      long kb = 0;
      times[i] = run_child (argv, &kb, &cpus[i]);
      rss[i] = kb;
    }
  *time_median = bench_median (times, RUNS);
  *cpu_median = bench_median (cpus, RUNS);
  *rss_median_kb = bench_median (rss, RUNS);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *self = NULL;
  double hark_time, hark_cpu, hark_rss, lint_time, lint_cpu, lint_rss;
  gsize size = 0;

  if (argc == 3 && strcmp (argv[1], "--parse") == 0)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (HarkFeed) parsed = hark_feed_parse_file (argv[2], NULL, &error);
      if (parsed == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%u episodes\n", parsed->episodes->len);
      return parsed->episodes->len == 500 ? 0 : 1;
    }

  if (argc == 3 && strcmp (argv[1], "--generate") == 0)
    {
      g_autofree char *path = generate_feed (argv[2]);
      printf ("%s\n", path);
      return 0;
    }
  if (g_find_program_in_path ("xmllint") == NULL)
    {
      printf ("1..0 # SKIP xmllint is not installed (Debian: libxml2-utils)\n");
      return 77;
    }
  dir = g_dir_make_tmp ("hark-bench-feed-XXXXXX", NULL);
  feed = generate_feed (dir);
  {
    g_autofree char *contents = NULL;
    g_file_get_contents (feed, &contents, &size, NULL);
  }
  self = g_file_read_link ("/proc/self/exe", NULL);
  {
    char *hark_argv[] = { self, (char *) "--parse", feed, NULL };
    char *lint_argv[] = { (char *) "xmllint", (char *) "--stream", (char *) "--noout", feed, NULL };
    /* One untimed run each to warm the page cache. */
    long kb;
    double cpu;
    run_child (hark_argv, &kb, &cpu);
    run_child (lint_argv, &kb, &cpu);
    measure (lint_argv, &lint_time, &lint_cpu, &lint_rss);
    measure (hark_argv, &hark_time, &hark_cpu, &hark_rss);
  }
  printf ("Feed parsing: generated feed, %.2f MB, 500 items; median of %d runs, each a process\n",
          size / 1048576.0, RUNS);
  printf ("  %-36s %10s %10s %8s %s\n", "", "hark", "xmllint", "ratio", "goal");
  printf ("  %-36s %7.1f ms %7.1f ms %7.2fx %s\n", "wall time", hark_time * 1000,
          lint_time * 1000, hark_time / lint_time, "<= 1.5x");
  printf ("  %-36s %7.1f ms %7.1f ms %7.2fx %s\n", "CPU time (user + system)", hark_cpu * 1000,
          lint_cpu * 1000, hark_cpu / lint_cpu, "(wall time is the goal)");
  printf ("  %-36s %7.1f MB %7.1f MB %7.2fx %s\n", "peak RSS", hark_rss / 1024, lint_rss / 1024,
          hark_rss / lint_rss, "<= 2x");
  g_unlink (feed);
  g_rmdir (dir);
  return 0;
}
