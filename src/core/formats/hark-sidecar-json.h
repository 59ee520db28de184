/* hark-sidecar-json.h — what the JSON sidecar readers share
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib forgets where a value was once parsed; this remembers where every object starts,
 * so a reader can say "file:12:5: expected “startTime” as a number of seconds".
 */
#pragma once

#include <json-glib/json-glib.h>

#include "formats/hark-sidecar-private.h"

G_BEGIN_DECLS

typedef struct _HarkJsonDoc HarkJsonDoc;

/* Parses normalised text; a syntax error is HARK_ERROR_PARSE with "name:line:column: …". */
HarkJsonDoc *hark_json_doc_parse (const char *text, const char *name, GError **error);
void hark_json_doc_free (HarkJsonDoc *doc);
JsonNode *hark_json_doc_get_root (HarkJsonDoc *doc);

/* Where @object's '{' is in the file (1, 1 when unknown). */
void hark_json_doc_get_position (HarkJsonDoc *doc, JsonObject *object, guint *line, guint *column);

/* hark_text_warn() at @object's position. */
void hark_json_warn (HarkSidecarContext *context, HarkJsonDoc *doc, JsonObject *object,
                     const char *format, ...) G_GNUC_PRINTF (4, 5);
/* hark_text_set_parse_error() at @object's position (@object may be NULL: 1:1). */
void hark_json_set_error (GError **error, HarkSidecarContext *context, HarkJsonDoc *doc,
                          JsonObject *object, const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Speech services' "utterances" array in @object ({"utterances": […]} or {"results":
 * {"utterances": […]}}), or NULL. */
JsonArray *hark_json_find_utterances (JsonObject *object);

/* Which sidecar format a parsed JSON document is, or AUTO. */
HarkSidecarFormat hark_json_sniff (JsonNode *root);

/* The member's string value, or NULL when absent, null or not a string. */
const char *hark_json_get_string (JsonObject *object, const char *member);

typedef enum
{
  HARK_JSON_ABSENT, /* no such member, or null */
  HARK_JSON_OK,
  HARK_JSON_INVALID, /* there, but not a time */
} HarkJsonResult;

/* A time in seconds: a JSON number, or a string holding seconds or [HH:]MM:SS[.mmm]. The
 * number is multiplied by @scale (0.001 for milliseconds). Negative and non-finite values are
 * INVALID. */
HarkJsonResult hark_json_get_time (JsonObject *object, const char *member, double scale,
                                   double *seconds);

/* The same for a value that is not an object member (NULL is ABSENT). */
HarkJsonResult hark_json_node_get_time (JsonNode *node, double scale, double *seconds);

/* The first of @members that is present (NULL-terminated list), with hark_json_get_time(). */
HarkJsonResult hark_json_get_time_any (JsonObject *object, const char *const *members, double scale,
                                       double *seconds, const char **found);

/* TRUE when every @members value in @items is an integer and there is at least one; the
 * largest in @largest (may be NULL). */
gboolean hark_json_times_are_integers (JsonArray *items, const char *const *members,
                                       gint64 *largest);

/* Some services write times as integer milliseconds under the usual names. Returns 0.001 when
 * every @members value in @items is an integer and the largest is beyond a day in seconds. */
double hark_json_guess_time_scale (JsonArray *items, const char *const *members);

/* The array of items a reader walks: the root when it is an array, else the root object's
 * @member. Fails with "Expected @expected." at the root otherwise. */
JsonArray *hark_json_get_items (HarkJsonDoc *doc, HarkSidecarContext *context, const char *member,
                                const char *expected, GError **error);

/* Element @index of @items as an object, or NULL after a warning at the object before it
 * (@last_object, updated on success) naming @what ("segment", "chapter"). */
JsonObject *hark_json_get_item (HarkJsonDoc *doc, HarkSidecarContext *context, JsonArray *items,
                                guint index, JsonObject **last_object, const char *what);

/* A file whose every item was rejected has nothing usable: fails with a parse error at the
 * first item when @items is not empty and @used is 0. @what names the items ("segments"). */
gboolean hark_json_check_used (HarkJsonDoc *doc, HarkSidecarContext *context, JsonArray *items,
                               guint used, const char *what, GError **error);

/* The readers. @doc's root has already been sniffed as the reader's format, or the caller
 * asked for it explicitly: a reader still checks the shape and fails with a clear message. */
typedef gboolean (*HarkSidecarJsonReadFunc) (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                                             HarkSidecarContext *context, GError **error);

gboolean hark_p20_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                        HarkSidecarContext *context, GError **error);
gboolean hark_p20_chapters_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                                 HarkSidecarContext *context, GError **error);
gboolean hark_whisper_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                            HarkSidecarContext *context, GError **error);
gboolean hark_word_list_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                              HarkSidecarContext *context, GError **error);
gboolean hark_youtube_json_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                                 HarkSidecarContext *context, GError **error);
/* YouTube's json3: an "events" array whose items carry "tStartMs". */
gboolean hark_youtube_json_sniff (JsonObject *root);
gboolean hark_sponsorblock_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                                 HarkSidecarContext *context, GError **error);
gboolean hark_hark_read (HarkJsonDoc *doc, HarkTranscriptBuilder *builder,
                         HarkSidecarContext *context, GError **error);

/* Reads a Podcasting 2.0 "segments" array into @builder; hark_hark_read() shares it. @speakers
 * maps display names to speaker indices already added (may be NULL). */
gboolean hark_p20_read_segments (HarkJsonDoc *doc, JsonArray *segments,
                                 HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                                 GHashTable *speakers, GError **error);

/* The name the document gives itself at its top level ("show", "podcast", "podcastTitle", or
 * failing those "title") as @builder's title; hark_hark_read() shares it. */
void hark_p20_read_title (HarkJsonDoc *doc, HarkTranscriptBuilder *builder);

/* Reads a chapters array; hark_hark_read() shares it. */
gboolean hark_chapters_read_array (HarkJsonDoc *doc, JsonArray *items,
                                   HarkTranscriptBuilder *builder, HarkSidecarContext *context,
                                   GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HarkJsonDoc, hark_json_doc_free)

G_END_DECLS
