/* hark-show-artwork.h — a show's artwork from its feed, fetched once into the cache
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds name their artwork by URL (itunes:image, <image>). The library shows it beside each
 * show, so it is fetched on the caller's main loop the first time and kept in
 * $XDG_CACHE_HOME/hark/artwork under a hash of the URL; later calls answer from the cache
 * without the network. Only images are kept: the first bytes must be PNG, JPEG, GIF or WebP,
 * and at most HARK_SHOW_ARTWORK_MAX_BYTES.
 */
#pragma once

#include "net/hark-http.h"

G_BEGIN_DECLS

#define HARK_SHOW_ARTWORK_MAX_BYTES (8 * 1024 * 1024)

/* Where @url's artwork is (or would be) cached under @cache_dir (NULL: the default). */
char *hark_show_artwork_cache_path (const char *url, const char *cache_dir);

/* The cached file for @url, fetched now if it is not cached yet. */
void hark_show_artwork_fetch_async (HarkHttp *http, const char *url, const char *cache_dir,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);
/* The path of the image file, or NULL with the reason (HARK_ERROR_UNSUPPORTED: not an image). */
char *hark_show_artwork_fetch_finish (GAsyncResult *result, GError **error);

G_END_DECLS
