/* hark-skip-policy.c — what to do with each category of segment
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "segments/hark-segments.h"
#include "util/hark-i18n.h"

#include <string.h>

#include "util/hark-error.h"

static const char *const action_names[] = {
  [HARK_SKIP_ACTION_SKIP] = "skip",
  [HARK_SKIP_ACTION_ASK] = "ask",
  [HARK_SKIP_ACTION_MARK] = "mark",
  [HARK_SKIP_ACTION_OFF] = "off",
};

const char *
hark_skip_action_to_string (HarkSkipAction action)
{
  g_return_val_if_fail (action <= HARK_SKIP_ACTION_OFF, NULL);
  return action_names[action];
}

gboolean
hark_skip_action_from_string (const char *name, HarkSkipAction *action)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    if (g_ascii_strcasecmp (name, action_names[i]) == 0)
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

void
hark_skip_policy_init_default (HarkSkipPolicy *policy)
{
  for (guint i = 0; i < HARK_N_CATEGORIES; i++)
    policy->actions[i] = HARK_SKIP_ACTION_MARK;
  policy->actions[HARK_CATEGORY_SPONSOR] = HARK_SKIP_ACTION_SKIP;
  policy->actions[HARK_CATEGORY_SELFPROMO] = HARK_SKIP_ACTION_ASK;
}

gboolean
hark_skip_policy_parse_override (HarkSkipPolicy *policy, const char *text, GError **error)
{
  const char *eq = text ? strchr (text, '=') : NULL;
  g_autofree char *name = NULL;
  HarkCategory category;
  HarkSkipAction action;

  if (eq == NULL)
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not CATEGORY=ACTION, for example sponsor=skip."), text ? text : "");
      return FALSE;
    }
  name = g_strndup (text, eq - text);
  if (!hark_category_from_string (g_strstrip (name), &category))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a segment category; the categories are sponsor, selfpromo, "
                     "interaction, intro, outro, preview, filler and music_offtopic."),
                   name);
      return FALSE;
    }
  if (!hark_skip_action_from_string (eq + 1, &action))
    {
      g_set_error (error, HARK_ERROR, HARK_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a skip action; use skip, ask, mark or off."), eq + 1);
      return FALSE;
    }
  policy->actions[category] = action;
  return TRUE;
}
