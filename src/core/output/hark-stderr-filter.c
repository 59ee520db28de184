/* hark-stderr-filter.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "output/hark-stderr-filter.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A line that never ends is written out once this long, filtered or not. */
#define MAX_PENDING_BYTES (64 * 1024)

static const char *const noise_prefixes[] = { "Expression '", "ALSA lib " };

gboolean
hark_stderr_filter_is_noise (const char *line, gsize length)
{
  static const char portaudio_host[] = "' failed in 'src/hostapi/";

  if (length >= 9 && memcmp (line, "ALSA lib ", 9) == 0)
    return TRUE;
  return length >= 12 && memcmp (line, "Expression '", 12) == 0
         && g_strstr_len (line, length, portaudio_host) != NULL;
}

/* TRUE when @text (no newline yet) may still turn out to be noise once its line ends. */
static gboolean
could_be_noise (const char *text, gsize length)
{
  for (guint i = 0; i < G_N_ELEMENTS (noise_prefixes); i++)
    {
      gsize n = strlen (noise_prefixes[i]);

      if (memcmp (text, noise_prefixes[i], MIN (length, n)) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
write_all (const char *data, gsize length)
{
  while (length > 0)
    {
      gssize n = write (STDERR_FILENO, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      data += n;
      length -= n;
    }
}

/* Called under the stream's lock, so one thread at a time. */
static ssize_t
filter_write (void *cookie, const char *data, size_t size)
{
  GString *pending = cookie;
  char *newline;

  g_string_append_len (pending, data, size);
  while ((newline = memchr (pending->str, '\n', pending->len)))
    {
      gsize length = newline - pending->str;

      if (!hark_stderr_filter_is_noise (pending->str, length))
        write_all (pending->str, length + 1);
      g_string_erase (pending, 0, length + 1);
    }
  if (pending->len > 0
      && (!could_be_noise (pending->str, pending->len) || pending->len > MAX_PENDING_BYTES))
    {
      write_all (pending->str, pending->len);
      g_string_truncate (pending, 0);
    }
  return size;
}

static int
filter_close (void *cookie)
{
  GString *pending = cookie;

  if (pending->len > 0 && !hark_stderr_filter_is_noise (pending->str, pending->len))
    write_all (pending->str, pending->len);
  g_string_free (pending, TRUE);
  return 0;
}

void
hark_stderr_filter_install (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (g_getenv ("HARK_PORTAUDIO_LOG") == NULL)
        {
          cookie_io_functions_t functions = { NULL, filter_write, NULL, filter_close };
          FILE *filtered = fopencookie (g_string_new (NULL), "w", functions);

          if (filtered)
            {
              /* Unbuffered, as stderr is: each message goes out when it is written. */
              setvbuf (filtered, NULL, _IONBF, 0);
              fflush (stderr);
              stderr = filtered;
            }
        }
      g_once_init_leave (&done, 1);
    }
}
