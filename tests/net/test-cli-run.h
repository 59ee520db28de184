/* test-cli-run.h — hark-cli as a child process while the test server keeps answering
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The network tests run hark-cli against the test server, which lives in the test's own main
 * context: waiting for the child must keep that context turning, or the child waits for answers
 * that never come.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean done;
  int status;
  char *out;
  char *err;
} TestCliRun;

/* Runs the build's hark-cli with @args (NULL-terminated) and waits up to @timeout_ms for it to
 * exit, with its output in @run. @launcher, when given, sets its environment; without one the
 * child inherits the test's. */
void test_cli_run (GSubprocessLauncher *launcher, const char *const *args, guint timeout_ms,
                   TestCliRun *run);

/* Frees @run's output so that it can be used again. */
void test_cli_run_clear (TestCliRun *run);

G_END_DECLS
