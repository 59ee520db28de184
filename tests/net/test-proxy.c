/* test-proxy.c — the desktop's proxy settings apply to Hark's HTTP
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test server plays an HTTP proxy: requests for http://feed.invalid/… (a name that never
 * resolves) reach it only through proxy settings. GNOME's settings (org.gnome.system.proxy,
 * read through GIO's proxy resolver) are tested in this process; the http_proxy variable, as a
 * desktop without GNOME's settings has it, with hark-cli in a subprocess.
 */
#include <gio/gio.h>
#include <string.h>

#include "hark-test-util.h"
#include "net/hark-http.h"
#include "test-cli-run.h"
#include "test-server.h"
#include "util/hark-error.h"

static const char *feed = "<rss><channel><title>Behind a Proxy</title><item><guid>1</guid>"
                          "<title>One</title></item></channel></rss>";

static int
server_port (TestServer *server)
{
  return atoi (strrchr (server->base, ':') + 1);
}

static gboolean
have_gnome_proxy_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (
                                                    source, "org.gnome.system.proxy", TRUE)
                                              : NULL;
  return schema != NULL;
}

static void
test_gnome_settings (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autoptr (HarkHttp) http = NULL;
  g_autoptr (GSettings) proxy = NULL;
  g_autoptr (GSettings) proxy_http = NULL;
  g_autoptr (HarkHttpResponse) response = NULL;
  g_autoptr (GError) error = NULL;
  const char *no_hosts[] = { NULL };

  if (!have_gnome_proxy_schema ())
    {
      g_test_skip ("GNOME's proxy settings schema is not installed (gsettings-desktop-schemas)");
      return;
    }
  if (!G_IS_PROXY_RESOLVER (g_proxy_resolver_get_default ())
      || strcmp (G_OBJECT_TYPE_NAME (g_proxy_resolver_get_default ()), "GProxyResolverGnome") != 0)
    {
      g_test_skip ("GIO's GNOME proxy resolver (glib-networking) is not available");
      return;
    }
  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  proxy = g_settings_new ("org.gnome.system.proxy");
  proxy_http = g_settings_new ("org.gnome.system.proxy.http");
  g_settings_set_strv (proxy, "ignore-hosts", no_hosts);
  g_settings_set_string (proxy_http, "host", "127.0.0.1");
  g_settings_set_int (proxy_http, "port", server_port (server));
  g_settings_set_string (proxy, "mode", "manual");

  http = hark_http_new (NULL);
  response = hark_http_get_sync (http, "http://feed.invalid/feed", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (response->body, NULL), "Behind a Proxy"));
  /* The proxy was asked for the other host's address. */
  g_assert_cmpstr (test_server_request_header (server, "/feed", "Host"), ==, "feed.invalid");
  g_assert_cmpuint (server->requests, ==, 1);
  g_clear_pointer (&response, hark_http_response_free);

  /* Proxy off: the name does not resolve, and the server hears nothing. A new session, as
   * open connections to the proxy outlive a change of settings. */
  g_settings_set_string (proxy, "mode", "none");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&http, hark_http_free);
  http = hark_http_new (NULL);
  response = hark_http_get_sync (http, "http://feed.invalid/feed", NULL, NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, HARK_ERROR, HARK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "http://feed.invalid/feed"));
  g_assert_cmpuint (server->requests, ==, 1);
}

static void
run_feed (const char *http_proxy, TestCliRun *run)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  const char *args[] = { "feed", "http://feed.invalid/feed", "--format", "json", NULL };

  /* A desktop without GNOME's settings: the environment is what says. */
  g_subprocess_launcher_unsetenv (launcher, "GIO_USE_PROXY_RESOLVER");
  g_subprocess_launcher_unsetenv (launcher, "no_proxy");
  g_subprocess_launcher_unsetenv (launcher, "NO_PROXY");
  g_subprocess_launcher_unsetenv (launcher, "XDG_CURRENT_DESKTOP");
  if (http_proxy)
    g_subprocess_launcher_setenv (launcher, "http_proxy", http_proxy, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "http_proxy");
  test_cli_run (launcher, args, 30000, run);
}

static void
test_http_proxy_variable (void)
{
  g_autoptr (TestServer) server = test_server_new ();
  g_autofree char *proxy_url = NULL;
  TestCliRun run = { 0 };

  test_server_add_body (server, "/feed", 200, "application/rss+xml", feed, -1);
  proxy_url = g_strdup_printf ("http://127.0.0.1:%d", server_port (server));
  run_feed (proxy_url, &run);
  g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Behind a Proxy"));
  g_assert_cmpstr (test_server_request_header (server, "/feed", "Host"), ==, "feed.invalid");
  test_cli_run_clear (&run);

  run_feed (NULL, &run);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "feed.invalid"));
  g_assert_cmpuint (server->requests, ==, 1);
  test_cli_run_clear (&run);
}

int
main (int argc, char **argv)
{
  /* A GNOME session: GIO then resolves proxies with org.gnome.system.proxy, which this test
   * sets (in the memory settings backend the tests run with). */
  g_setenv ("XDG_CURRENT_DESKTOP", "GNOME", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "gnome", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/proxy/gnome-settings", test_gnome_settings);
  g_test_add_func ("/proxy/http-proxy-variable", test_http_proxy_variable);
  return g_test_run ();
}
