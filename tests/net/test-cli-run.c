/* test-cli-run.c — hark-cli as a child process while the test server keeps answering
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-cli-run.h"

#include "test-server.h"

static void
on_communicated (GObject *source, GAsyncResult *result, gpointer data)
{
  TestCliRun *run = data;
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                        &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  run->done = TRUE;
}

void
test_cli_run (GSubprocessLauncher *launcher, const char *const *args, guint timeout_ms,
              TestCliRun *run)
{
  g_autofree char *cli = g_build_filename (g_getenv ("HARK_BUILD_DIR"), "src", "cli", "hark-cli",
                                           NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) own = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  if (launcher == NULL)
    launcher = own = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                 | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  run->done = FALSE;
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, run);
  test_server_wait (&run->done, timeout_ms);
  g_assert_true (run->done);
}

void
test_cli_run_clear (TestCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->done = FALSE;
}
