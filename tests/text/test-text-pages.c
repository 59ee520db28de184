/* test-text-pages.c — a printed page's number and running header are not speech
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "text/hark-text-pages.h"

#include <string.h>

static gboolean
furniture (const char *line, const char *header)
{
  return hark_text_line_is_page_furniture (line, strlen (line), header);
}

/* The header is the text the pages open with, the first page included; one page break with a
 * different text after it says nothing. */
static void
test_running_header (void)
{
  g_autofree char *two_pages = hark_text_find_running_header (
      "\n  Tidewater Talks\nAnn (00:00:01):\nHi.\n\fTidewater Talks\nBo (00:00:03):\nHello.\n");
  g_autofree char *many = hark_text_find_running_header (
      "Cover\n\fShow  \nwords\n\fShow\nwords\n\fShow\r\nwords\n\fOther\n");
  g_autofree char *differ = hark_text_find_running_header ("Title\nwords\n\fAnn (00:00:01):\n");
  g_autofree char *none = hark_text_find_running_header ("Title\nTitle\nTitle\n");

  g_assert_cmpstr (two_pages, ==, "Tidewater Talks");
  g_assert_cmpstr (many, ==, "Show");
  g_assert_null (differ);
  g_assert_null (none);
}

static void
test_page_furniture (void)
{
  g_assert_true (furniture ("                         Page 3 of 45", NULL));
  g_assert_true (furniture ("Page 12", NULL));
  g_assert_true (furniture ("Seite 2 von 9  ", NULL));
  g_assert_true (furniture ("\f", NULL));
  g_assert_true (furniture ("\fTidewater Talks", "Tidewater Talks"));
  g_assert_true (furniture ("Tidewater Talks", "Tidewater Talks"));
  /* Words that begin like a page number, or say the header among others, are speech. */
  g_assert_false (furniture ("Page 3 of the report says otherwise.", NULL));
  g_assert_false (furniture ("Page one", NULL));
  g_assert_false (furniture ("Welcome to Tidewater Talks", "Tidewater Talks"));
  g_assert_false (furniture ("Tidewater Talks", NULL));
  g_assert_false (furniture ("", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/pages/running-header", test_running_header);
  g_test_add_func ("/text/pages/furniture", test_page_furniture);
  return g_test_run ();
}
