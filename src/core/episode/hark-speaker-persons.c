/* hark-speaker-persons.c
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "episode/hark-speaker-persons.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "formats/hark-speaker-names.h"
#include "util/hark-error.h"
#include "util/hark-i18n.h"

/* The largest persons file read: a few hundred people is already far more than any episode. */
#define MAX_FILE_BYTES (256 * 1024)

static gboolean
is_cast (const HarkFeedPerson *person)
{
  return person->name != NULL && *person->name != '\0'
         && (person->group == NULL || g_ascii_strcasecmp (person->group, "cast") == 0);
}

/* The role a speaker label names ("Host", "host 2", "Co-host", "GUEST_1"), or NULL. */
static const char *
label_role (const char *name)
{
  static const char *const roles[] = { "co-host", "cohost", "host", "guest" };
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *p = g_strstrip (lower);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_has_prefix (p, roles[i]))
      {
        const char *rest = p + strlen (roles[i]);

        /* Only a number may follow: "Host 2", "guest_1"; not "Hostname". */
        while (*rest == ' ' || *rest == '_' || *rest == '-' || g_ascii_isdigit (*rest))
          rest++;
        if (*rest == '\0')
          return i < 2 ? "co-host" : roles[i];
      }
  return NULL;
}

static gboolean
same_role (const char *a, const char *b)
{
  return a != NULL && b != NULL && g_ascii_strcasecmp (a, b) == 0;
}

/* Whether @speaker names @person: the same name, or its first words ("Ada" in "Ada
 * Lovelace") when no other person's name begins so. */
static gboolean
names_person (const char *speaker, GPtrArray *persons, guint person)
{
  const char *names[HARK_SPEAKER_PERSONS_MAX + 1];
  guint map[HARK_SPEAKER_PERSONS_MAX + 1];
  guint n = 0, self = 0, target = 0;

  if (hark_speaker_names_equal (speaker, ((HarkFeedPerson *) persons->pdata[person])->name))
    return TRUE;
  for (guint i = 0; i < persons->len && n < HARK_SPEAKER_PERSONS_MAX; i++)
    {
      const HarkFeedPerson *p = persons->pdata[i];

      if (!is_cast (p))
        continue;
      if (i == person)
        target = n;
      names[n++] = p->name;
    }
  self = n;
  names[n++] = speaker;
  hark_speaker_names_unify (names, n, map);
  /* Grouped with the person, and the group is named by the person (the fuller spelling). */
  return map[self] == target && map[target] == target;
}

guint
hark_speaker_persons_plan (const HarkTranscript *transcript, GPtrArray *persons,
                           GPtrArray *names, GPtrArray *roles, GPtrArray *notes)
{
  guint n_speakers = hark_transcript_get_n_speakers (transcript);
  g_autofree gboolean *taken = g_new0 (gboolean, persons->len + 1);
  g_autofree gboolean *decided = g_new0 (gboolean, n_speakers + 1);
  int generic = -1, left = -1;
  guint n_generic = 0, n_left = 0, changed = 0;

  g_ptr_array_set_size (names, 0);
  g_ptr_array_set_size (roles, 0);
  for (guint s = 0; s < n_speakers; s++)
    {
      g_ptr_array_add (names, NULL);
      g_ptr_array_add (roles, NULL);
    }
  if (persons->len == 0 || persons->len > HARK_SPEAKER_PERSONS_MAX)
    return 0;

  /* Real names first: they say who they are. */
  for (guint s = 0; s < n_speakers; s++)
    {
      const char *name = hark_transcript_get_speaker (transcript, s)->name;
      int match = -1;

      if (hark_speaker_name_is_label (name))
        continue;
      decided[s] = TRUE;
      for (guint p = 0; p < persons->len; p++)
        if (!taken[p] && is_cast (persons->pdata[p]) && names_person (name, persons, p))
          {
            match = (int) p;
            break;
          }
      if (match < 0)
        continue;
      taken[match] = TRUE;
      {
        const HarkFeedPerson *person = persons->pdata[match];

        if (strcmp (person->name, name) != 0)
          names->pdata[s] = g_strdup (person->name);
        roles->pdata[s] = g_strdup (person->role);
        changed++;
        if (notes)
          g_ptr_array_add (notes, g_strdup_printf (_("“%s” is %s (%s) in the feed"), name,
                                                   person->name, person->role));
      }
    }

  /* Role labels: "Host" is the one host not yet placed. */
  for (guint s = 0; s < n_speakers; s++)
    {
      const char *name = hark_transcript_get_speaker (transcript, s)->name;
      const char *role = decided[s] ? NULL : label_role (name);
      int only = -1;
      guint count = 0;

      if (role == NULL)
        continue;
      for (guint p = 0; p < persons->len; p++)
        if (!taken[p] && is_cast (persons->pdata[p])
            && same_role (((HarkFeedPerson *) persons->pdata[p])->role, role))
          {
            only = (int) p;
            count++;
          }
      /* Two hosts and a "Host" label: either could be it. */
      if (count != 1)
        continue;
      /* Two speakers labelled "Host" for one host: neither is surely them. */
      for (guint o = 0; o < n_speakers; o++)
        if (o != s && !decided[o]
            && same_role (label_role (hark_transcript_get_speaker (transcript, o)->name), role))
          count++;
      if (count != 1)
        continue;
      decided[s] = TRUE;
      taken[only] = TRUE;
      names->pdata[s] = g_strdup (((HarkFeedPerson *) persons->pdata[only])->name);
      roles->pdata[s] = g_strdup (((HarkFeedPerson *) persons->pdata[only])->role);
      changed++;
      if (notes)
        g_ptr_array_add (notes, g_strdup_printf (_("“%s” is %s, the only %s in the feed"), name,
                                                 (char *) names->pdata[s], role));
    }

  /* One generic label left and one person left: that is them. */
  for (guint s = 0; s < n_speakers; s++)
    if (!decided[s])
      {
        generic = (int) s;
        n_generic++;
      }
  for (guint p = 0; p < persons->len; p++)
    if (!taken[p] && is_cast (persons->pdata[p]))
      {
        left = (int) p;
        n_left++;
      }
  if (n_generic == 1 && n_left == 1)
    {
      const HarkFeedPerson *person = persons->pdata[left];

      names->pdata[generic] = g_strdup (person->name);
      roles->pdata[generic] = g_strdup (person->role);
      changed++;
      if (notes)
        g_ptr_array_add (notes,
                         g_strdup_printf (_("“%s” is %s, the only person of the feed left"),
                                          hark_transcript_get_speaker (transcript, generic)->name,
                                          person->name));
    }
  return changed;
}

char *
hark_speaker_persons_path (const char *audio_path)
{
  const char *slash = strrchr (audio_path, '/');
  const char *dot = strrchr (audio_path, '.');
  g_autofree char *stem = dot != NULL && (slash == NULL || dot > slash)
                              ? g_strndup (audio_path, dot - audio_path)
                              : g_strdup (audio_path);

  return g_strconcat (stem, ".persons.json", NULL);
}

gboolean
hark_speaker_persons_write (const char *path, GPtrArray *persons, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < persons->len && i < HARK_SPEAKER_PERSONS_MAX; i++)
    {
      const HarkFeedPerson *p = persons->pdata[i];
      const char *keys[] = { "name", "role", "group", "img", "href" };
      const char *values[] = { p->name, p->role, p->group, p->img, p->href };

      json_builder_begin_object (builder);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if (values[k] != NULL)
          {
            json_builder_set_member_name (builder, keys[k]);
            json_builder_add_string_value (builder, values[k]);
          }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_file_set_contents (path, text, -1, error);
}

GPtrArray *
hark_speaker_persons_read (const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) persons = g_ptr_array_new_with_free_func (
      (GDestroyNotify) hark_feed_person_free);
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;
  JsonNode *root;
  JsonArray *array;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("%s: more than %d KB, too large for a list of people"), path,
                   MAX_FILE_BYTES / 1024);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, (gssize) length, &local))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT, "%s: %s", path, local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_CORRUPT,
                   _("%s: expected a JSON array of people"), path);
      return NULL;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array) && persons->len < HARK_SPEAKER_PERSONS_MAX;
       i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      HarkFeedPerson *p;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      o = json_node_get_object (node);
      name = json_object_get_string_member_with_default (o, "name", NULL);
      if (name == NULL || *name == '\0')
        continue;
      p = g_new0 (HarkFeedPerson, 1);
      p->name = g_strdup (name);
      p->role = g_ascii_strdown (json_object_get_string_member_with_default (o, "role", "host"),
                                 -1);
      p->group = g_ascii_strdown (json_object_get_string_member_with_default (o, "group", "cast"),
                                  -1);
      p->img = g_strdup (json_object_get_string_member_with_default (o, "img", NULL));
      p->href = g_strdup (json_object_get_string_member_with_default (o, "href", NULL));
      g_ptr_array_add (persons, p);
    }
  return g_steal_pointer (&persons);
}
