/* hark-subscribe-dialog.h — "Add Show": a feed address, checked and fetched without blocking
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The address is normalised and checked as it is typed; Add fetches the feed on the main loop
 * (hark_subscriptions_subscribe_async()) and says what went wrong in the dialog, which stays
 * open to correct it. Cancel stops a fetch under way. Signals: "subscribed" (show id, number of
 * episodes) before it closes; "import" when the listener asks for an OPML file instead.
 */
#pragma once

#include <adwaita.h>

#include "net/hark-http.h"
#include "library/hark-library.h"

G_BEGIN_DECLS

#define HARK_TYPE_SUBSCRIBE_DIALOG (hark_subscribe_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HarkSubscribeDialog, hark_subscribe_dialog, HARK, SUBSCRIBE_DIALOG,
                      AdwWindow)

/* @http and @library must outlive the dialog (the library view's). */
HarkSubscribeDialog *hark_subscribe_dialog_new (GtkWindow *parent, HarkHttp *http,
                                                HarkLibrary *library);

/* For tests. */
void hark_subscribe_dialog_set_url (HarkSubscribeDialog *self, const char *url);
void hark_subscribe_dialog_add (HarkSubscribeDialog *self);
/* The error shown, or NULL. */
const char *hark_subscribe_dialog_get_error (HarkSubscribeDialog *self);
gboolean hark_subscribe_dialog_is_busy (HarkSubscribeDialog *self);

G_END_DECLS
