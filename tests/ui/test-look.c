/* test-look.c — what a listener sees: layout at phone to desktop widths, names for assistive
 * technologies, the seek bar from the keyboard, contrast measured on rendered pixels
 *
 * Copyright 2026 The Hark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "hark-cue-text.h"
#include "hark-player-bar.h"
#include "hark-app-settings.h"
#include "hark-speaker-colors.h"
#include "hark-text-size.h"
#include "hark-time-label.h"
#include "hark-test-util.h"
#include "hark-ui-test.h"

typedef struct
{
  HarkApplication *app;
  HarkWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (!hark_ui_test_have_display ())
    return;
  f->app = hark_ui_test_app_new ();
  f->window = hark_application_get_window (f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  if (f->app != NULL)
    hark_ui_test_app_free (f->app);
}

static gboolean
open_ep189 (Fixture *f)
{
  g_autofree char *audio = NULL;

  if (f->app == NULL)
    return FALSE;
  audio = hark_test_fixture ("ep189/ep189.opus");
  if (audio == NULL)
    return FALSE;
  g_assert_true (hark_ui_test_open (f->window, audio, NULL));
  g_assert_nonnull (hark_window_get_reading (f->window));
  return TRUE;
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_class (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_class (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

/* What a label or a time label (the player bar's times) shows. */
static const char *
text_of (GtkWidget *widget)
{
  const char *text = HARK_IS_TIME_LABEL (widget) ? hark_time_label_get_text (HARK_TIME_LABEL (widget))
                                                 : gtk_label_get_text (GTK_LABEL (widget));

  return text != NULL ? text : "";
}

static void
resize (Fixture *f, int width, int height)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 8);
}

/* What a user sees as separate things in the player bar: the seek bar, the time labels and
 * every button (a menu button counts once, not as the button inside it). */
static void
collect_controls (GtkWidget *widget, GPtrArray *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (HARK_IS_SEEK_BAR (widget) || GTK_IS_LABEL (widget) || HARK_IS_TIME_LABEL (widget) ||
      GTK_IS_MENU_BUTTON (widget) ||
      GTK_IS_SCALE_BUTTON (widget) || GTK_IS_BUTTON (widget))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_controls (c, out);
}

static void
check_player_bar_layout (GtkWindow *window, int width, const char *name)
{
  GtkWidget *bar = find_descendant (GTK_WIDGET (window), HARK_TYPE_PLAYER_BAR);
  g_autoptr (GPtrArray) controls = g_ptr_array_new ();
  graphene_rect_t bar_bounds;

  gtk_window_set_default_size (window, width, 640);
  hark_ui_test_wait_frames (GTK_WIDGET (window), 8);
  /* Nothing in the window forces it wider than asked (its frame may take a few pixels). */
  g_test_message ("window asked %d px, got %d", width, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_compute_bounds (bar, bar, &bar_bounds));
  collect_controls (bar, controls);
  g_assert_cmpuint (controls->len, >=, 10);
  for (guint i = 0; i < controls->len; i++)
    {
      graphene_rect_t a;

      g_assert_true (gtk_widget_compute_bounds (controls->pdata[i], bar, &a));
      g_test_message ("%d px: %s at %.0f,%.0f %.0f×%.0f", width,
                      G_OBJECT_TYPE_NAME (controls->pdata[i]), a.origin.x, a.origin.y,
                      a.size.width, a.size.height);
      /* Inside the bar, at a size that shows something. */
      g_assert_true (graphene_rect_contains_rect (&bar_bounds, &a));
      g_assert_cmpfloat (a.size.width, >=, 16);
      for (guint j = 0; j < i; j++)
        {
          graphene_rect_t b, overlap;

          g_assert_true (gtk_widget_compute_bounds (controls->pdata[j], bar, &b));
          if (graphene_rect_intersection (&a, &b, &overlap) && overlap.size.width > 0.5 &&
              overlap.size.height > 0.5)
            g_error ("at %d px, %s overlaps %s by %.0f×%.0f px", width,
                     G_OBJECT_TYPE_NAME (controls->pdata[i]),
                     G_OBJECT_TYPE_NAME (controls->pdata[j]), overlap.size.width,
                     overlap.size.height);
        }
    }
  g_free (hark_ui_test_screenshot (GTK_WIDGET (window), name));
}

static void
test_player_bar_layout (Fixture *f, gconstpointer data)
{
  if (!open_ep189 (f))
    return;
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (1100));
  check_player_bar_layout (GTK_WINDOW (f->window), 1200, "window-1200");
  check_player_bar_layout (GTK_WINDOW (f->window), 600, "window-600");
}

/* The player bar alone at phone width, with a long speaker name and a long episode. */
static void
test_player_bar_narrow (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  HarkPlayerBar *bar;
  GtkWidget *speaker_button, *speaker_name;

  if (f->app == NULL)
    return;
  window = GTK_WINDOW (gtk_window_new ());
  bar = g_object_new (HARK_TYPE_PLAYER_BAR, NULL);
  gtk_window_set_child (window, GTK_WIDGET (bar));
  hark_seek_bar_set_episode (hark_player_bar_get_seek_bar (bar), NULL, 4 * 3600 + 59 * 60);
  hark_player_bar_set_times (bar, 3 * 3600 + 33 * 60, 4 * 3600 + 59 * 60);
  hark_player_bar_set_speed (bar, 1.25);
  hark_player_bar_set_speaker (bar, "Michael Kennedy and Friends");
  gtk_window_present (window);
  /* At phone width the Speakers button is its icon (no "M…"); its tooltip names the speaker and
   * its accessible name stays. With room, the name is back. */
  speaker_button = GTK_WIDGET (hark_player_bar_get_speaker_button (bar));
  speaker_name = find_descendant (speaker_button, GTK_TYPE_LABEL);
  check_player_bar_layout (window, 360, "player-360");
  g_assert_false (gtk_widget_get_visible (speaker_name));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (speaker_button), ==,
                   "Michael Kennedy and Friends · Choose a Speaker");
  gtk_test_accessible_assert_property (speaker_button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Choose a speaker");
  check_player_bar_layout (window, 600, "player-600");
  g_assert_true (gtk_widget_get_visible (speaker_name));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (speaker_button), ==, "Choose a Speaker");

  /* With the chapter and the cover: still nothing on top of anything. */
  {
    guchar pixels[64 * 64 * 3];
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GdkTexture) art = NULL;
    GtkWidget *chapter;

    for (gsize i = 0; i < sizeof pixels; i++)
      pixels[i] = (guchar) (i % 3 == 0 ? 0xc0 : i % 7);
    bytes = g_bytes_new (pixels, sizeof pixels);
    art = gdk_memory_texture_new (64, 64, GDK_MEMORY_R8G8B8, bytes, 64 * 3);
    hark_player_bar_set_art (bar, GDK_PAINTABLE (art));
    hark_player_bar_set_chapter (bar, "Chapter 12: What a developer advocate does all day long");
    chapter = find_by_class (GTK_WIDGET (bar), "chapter-label");
    g_assert_true (gtk_widget_get_visible (chapter));
    check_player_bar_layout (window, 360, "player-360-chapter");
    hark_player_bar_set_chapter (bar, NULL);
    g_assert_false (gtk_widget_get_visible (chapter));
  }

  /* No transcript: the speaker controls say they cannot be used. */
  hark_player_bar_set_has_transcript (bar, FALSE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (hark_player_bar_get_speaker_button (bar))));
  hark_player_bar_set_has_transcript (bar, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (hark_player_bar_get_speaker_button (bar))));
  gtk_window_destroy (window);
}

/* A button's name as a screen reader would say it: its own label property, or the text of the
 * label inside it, or (for the button inside a menu or volume button) its owner's. */
static gboolean
has_clean_name (GtkWidget *button)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *parent = gtk_widget_get_parent (button);

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (GTK_IS_MENU_BUTTON (parent) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  collect (button, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (*gtk_label_get_text (labels->pdata[i]) != '\0')
      return TRUE;
  return FALSE;
}

static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  HarkSeekBar *seek;
  HarkTurnRow *row;
  GtkWidget *bar;
  double before;

  if (!open_ep189 (f))
    return;
  resize (f, 980, 720);
  bar = find_descendant (GTK_WIDGET (f->window), HARK_TYPE_PLAYER_BAR);
  collect (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >=, 8);
  for (guint i = 0; i < buttons->len; i++)
    if (!has_clean_name (buttons->pdata[i]))
      g_error ("a %s inside a %s has no name", G_OBJECT_TYPE_NAME (buttons->pdata[i]),
               G_OBJECT_TYPE_NAME (gtk_widget_get_parent (buttons->pdata[i])));

  /* The volume button's focusable inner button says "Volume", not the name of its icon. */
  g_ptr_array_set_size (buttons, 0);
  collect (find_descendant (bar, GTK_TYPE_SCALE_BUTTON), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_test_accessible_assert_property (buttons->pdata[0], GTK_ACCESSIBLE_PROPERTY_LABEL, "Volume");

  /* The seek bar: a focusable slider with a value a screen reader can say. */
  seek = hark_player_bar_get_seek_bar (HARK_PLAYER_BAR (bar));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (seek)));
  gtk_test_accessible_assert_role (seek, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (seek, GTK_ACCESSIBLE_PROPERTY_LABEL, "Position");
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (600.4));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (seek),
                                                   GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT));
  gtk_test_accessible_assert_property (seek, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "10:00 of 59:11");

  /* Its keys (bound to these actions) move the episode, not just the knob. */
  before = hark_window_get_position (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (seek), "seekbar.step", "d", 60.0));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_cmpfloat (fabs (hark_window_get_position (f->window) - (before + 60)), <, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (seek), "seekbar.jump-to", "d", 0.0));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_cmpfloat (hark_window_get_position (f->window), <, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (seek), "seekbar.step", "d", NAN));
  g_assert_cmpfloat (hark_window_get_position (f->window), <, 1.0);

  /* "Now playing" is said by the row a screen reader lands on, not a part inside it. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (600.4));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  row = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
  g_assert_nonnull (row);
  g_assert_true (hark_turn_row_get_now_playing (row));
  gtk_test_accessible_assert_property (gtk_widget_get_parent (GTK_WIDGET (row)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Now playing");
}

/* The window as rendered: 8-bit premultiplied BGRA (the window is opaque where we look). */
typedef struct
{
  GBytes *bytes;
  const guchar *data;
  int width, height;
  gsize stride;
} Pixels;

static void
pixels_clear (Pixels *p)
{
  g_clear_pointer (&p->bytes, g_bytes_unref);
}

static Pixels
render (GtkWidget *widget, const char *name)
{
  g_autofree char *path = hark_ui_test_screenshot (widget, name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  Pixels p = { NULL, NULL, 0, 0, 0 };
  guchar *data;

  g_assert_no_error (error);
  p.width = gdk_texture_get_width (texture);
  p.height = gdk_texture_get_height (texture);
  p.stride = (gsize) p.width * 4;
  data = g_malloc (p.stride * p.height);
  gdk_texture_download (texture, data, p.stride);
  p.bytes = g_bytes_new_take (data, p.stride * p.height);
  p.data = data;
  return p;
}

static guint32
pixel_at (const Pixels *p, int x, int y)
{
  const guchar *q = p->data + (gsize) y * p->stride + (gsize) x * 4;

  return (guint32) q[2] << 16 | (guint32) q[1] << 8 | q[0];
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
channel (guint32 v)
{
  double c = v / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (guint32 rgb)
{
  return 0.2126 * channel (rgb >> 16 & 0xff) + 0.7152 * channel (rgb >> 8 & 0xff) +
         0.0722 * channel (rgb & 0xff);
}

static double
contrast (guint32 a, guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static guint32
rgba_to_rgb (const GdkRGBA *c)
{
  return (guint32) lround (c->red * 255) << 16 | (guint32) lround (c->green * 255) << 8 |
         (guint32) lround (c->blue * 255);
}

typedef struct
{
  guint32 background; /* the most common colour */
  guint32 second;     /* a tint behind part of the text (a fill close to the background
                       * covering a twentieth of the area or more), else background */
} Region;

static gboolean
bounds_in (GtkWidget *widget, GtkWidget *window, graphene_rect_t *r)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_compute_bounds (widget, window, r) &&
         r->size.width >= 4 && r->size.height >= 4;
}

static Region
measure_region (const Pixels *p, const graphene_rect_t *r)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  int x0 = MAX ((int) ceil (r->origin.x), 0), y0 = MAX ((int) ceil (r->origin.y), 0);
  int x1 = MIN ((int) (r->origin.x + r->size.width), p->width);
  int y1 = MIN ((int) (r->origin.y + r->size.height), p->height);
  guint best = 0, next = 0, total = 0;
  Region region = { 0, 0 };
  GHashTableIter iter;
  gpointer key, value;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        gpointer k = GUINT_TO_POINTER (pixel_at (p, x, y) | 0x1000000);

        g_hash_table_insert (counts, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                          g_hash_table_lookup (counts, k)) + 1));
        total++;
      }
  g_assert_cmpuint (total, >, 0);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        region.background = GPOINTER_TO_UINT (key) & 0xffffff;
      }
  region.second = region.background;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 rgb = GPOINTER_TO_UINT (key) & 0xffffff;

      if (rgb != region.background && contrast (rgb, region.background) < 2 &&
          GPOINTER_TO_UINT (value) > next && GPOINTER_TO_UINT (value) * 20 >= total)
        {
          next = GPOINTER_TO_UINT (value);
          region.second = rgb;
        }
    }
  return region;
}

/* The text's own colour as drawn, composited on @background: the label alone is rendered (so
 * no neighbour's descenders count), and its most opaque pixel is a glyph's solid core. Its own
 * opacity (quiet text) is part of the rendering. */
static guint32
ink_over (GtkWidget *label, guint32 background)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (label);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (label));
  int width = gtk_widget_get_width (label), height = gtk_widget_get_height (label);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint best_alpha = 0;
  guint32 ink = background;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      const guchar *q = data + i * 4; /* premultiplied B, G, R, A */

      if (q[3] > best_alpha)
        {
          guint32 out = 0;

          best_alpha = q[3];
          for (int ch = 0; ch < 3; ch++)
            {
              guint bg = background >> (8 * ch) & 0xff;

              out |= (guint32) MIN (q[ch] + bg * (255 - q[3]) / 255, 255) << (8 * ch);
            }
          ink = out;
        }
    }
  return ink;
}

static void
check_text (const Pixels *p, GtkWidget *label, GtkWidget *window, const char *what,
            double *worst)
{
  graphene_rect_t r;
  Region region;
  guint32 ink;
  double c, c2;

  if (!bounds_in (label, window, &r) || *text_of (label) == '\0')
    return;
  region = measure_region (p, &r);
  ink = ink_over (label, region.background);
  c = contrast (ink, region.background);
  /* Under a tint (the current caption) the most opaque pixels are the words over the tint:
   * those must read on the tint. The words outside it are checked with the tint taken away
   * (see check_contrast()). */
  c2 = c;
  if (region.second != region.background)
    c = c2 = contrast (ink, region.second);
  g_test_message ("%s \"%.20s\" (%.0f,%.0f %.0fx%.0f): #%06x on #%06x: %.2f:1 (on #%06x: %.2f:1)", what,
                  text_of (label), r.origin.x, r.origin.y, r.size.width, r.size.height, ink, region.background, c,
                  region.second, c2);
  *worst = MIN (*worst, MIN (c, c2));
  if (MIN (c, c2) < 4.5)
    g_error ("%s \"%s\": #%06x on #%06x/#%06x is %.2f:1, below 4.5:1", what,
             text_of (label), ink, region.background,
             region.second, MIN (c, c2));
}

static void
check_contrast (Fixture *f, const char *scheme)
{
  g_autofree char *name = g_strconcat ("contrast-", scheme, NULL);
  GtkWidget *window = GTK_WIDGET (f->window);
  Pixels p = render (window, name);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  int current = hark_window_get_current_row (f->window);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint32 page = 0, highlight = 0;
  double worst = 100, c;
  guint n_rows = 0;

  graphene_rect_t view;

  g_assert_cmpint (current, >=, 0);
  g_assert_true (bounds_in (GTK_WIDGET (hark_window_get_scroller (f->window)), window, &view));
  for (int i = MAX (current - 4, 0); i <= current + 4; i++)
    {
      HarkTurnRow *row = hark_window_get_row_widget (f->window, i);
      GtkWidget *card = row != NULL ? find_by_class (GTK_WIDGET (row), "turn-card") : NULL;
      graphene_rect_t r;

      /* Rows the list keeps ready above and below the view are not seen: leave them out. */
      if (card == NULL || !bounds_in (card, window, &r) || !graphene_rect_contains_rect (&view, &r))
        continue;
      n_rows++;
      if (i == current)
        highlight = measure_region (&p, &r).background;
      else if (page == 0 && !hark_turn_row_get_now_playing (row) &&
               hark_row_item_get_row (hark_turn_row_get_item (row))->kind ==
                 HARK_READING_ROW_TURN)
        page = measure_region (&p, &r).background;
      g_ptr_array_set_size (labels, 0);
      collect (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
      for (guint j = 0; j < labels->len; j++)
        check_text (&p, labels->pdata[j], window, i == current ? "current turn" : "turn",
                    &worst);
      if (i == current)
        {
          gsize cue_start, cue_end;

          /* The same words without the caption's tint, on the current turn's background. */
          hark_turn_row_get_cue (row, &cue_start, &cue_end);
          g_assert_cmpuint (cue_end, >, cue_start);
          hark_turn_row_set_now_playing (row, TRUE, 0, 0);
          hark_ui_test_wait_frames (window, 3);
          for (guint j = 0; j < labels->len; j++)
            check_text (&p, labels->pdata[j], window, "current turn, outside the caption",
                        &worst);
          hark_turn_row_set_now_playing (row, TRUE, cue_start, cue_end);
          hark_ui_test_wait_frames (window, 3);
        }
    }
  g_assert_cmpuint (n_rows, >=, 3);
  g_assert_cmpuint (page, !=, 0);
  c = contrast (page, highlight);
  g_test_message ("%s: current turn #%06x on page #%06x: %.2f:1; worst text %.2f:1", scheme,
                  highlight, page, c, worst);
  g_assert_cmpfloat (c, >=, 1.3);

  /* The player bar's and the header bar's labels. */
  g_ptr_array_set_size (labels, 0);
  collect (find_descendant (window, HARK_TYPE_PLAYER_BAR), GTK_TYPE_LABEL, labels);
  collect (find_descendant (window, HARK_TYPE_PLAYER_BAR), HARK_TYPE_TIME_LABEL, labels);
  for (guint j = 0; j < labels->len; j++)
    check_text (&p, labels->pdata[j], window, "player bar", &worst);
  g_ptr_array_set_size (labels, 0);
  collect (find_descendant (window, ADW_TYPE_HEADER_BAR), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >=, 1);
  for (guint j = 0; j < labels->len; j++)
    check_text (&p, labels->pdata[j], window, "header bar", &worst);

  /* Every speaker colour, not only those of this episode, on the page and the current turn. */
  for (int s = -1; s < HARK_N_SPEAKER_COLORS; s++)
    {
      GdkRGBA rgba;
      guint32 rgb;

      hark_speaker_color (s, dark, &rgba);
      rgb = rgba_to_rgb (&rgba);
      g_test_message ("speaker %d #%06x: %.2f:1 on the page, %.2f:1 on the current turn", s, rgb,
                      contrast (rgb, page), contrast (rgb, highlight));
      g_assert_cmpfloat (contrast (rgb, page), >=, 4.5);
      g_assert_cmpfloat (contrast (rgb, highlight), >=, 4.5);
    }
  pixels_clear (&p);
}

/* The stylesheets and hark_speaker_color() agree (the seek bar uses one, the rows the other). */
static void
check_speaker_classes (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (int s = 0; s < HARK_N_SPEAKER_COLORS; s++)
    {
      GtkWidget *label = gtk_label_new ("Speaker");
      GdkRGBA css, code;

      gtk_widget_add_css_class (label, hark_speaker_css_class (s));
      gtk_box_append (GTK_BOX (box), label);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (label), &css);
      G_GNUC_END_IGNORE_DEPRECATIONS
      hark_speaker_color (s, dark, &code);
      g_assert_cmphex (rgba_to_rgb (&css), ==, rgba_to_rgb (&code));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_contrast (Fixture *f, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const HarkReadingRow *rows;
  guint n_rows;
  double segment = -1;

  if (!open_ep189 (f))
    return;
  resize (f, 980, 720);
  /* Just before the first skippable read, so the segment row is in view with turns around. */
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  for (guint i = 0; i < n_rows && segment < 0; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT)
      segment = rows[i].start;
  g_assert_cmpfloat (segment, >, 10);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek",
                                  g_variant_new_double (segment - 9));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 30);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  check_contrast (f, "light");
  check_speaker_classes ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  check_contrast (f, "dark");
  check_speaker_classes ();
}

/* Characters on each full line (not a paragraph's last) of the visible turns' text. */
static void
measure_lines (Fixture *f, double *mean, int *longest, guint *n_lines)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  guint n_rows, total = 0;
  graphene_rect_t view;

  *longest = 0;
  *n_lines = 0;
  hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  g_assert_true (bounds_in (GTK_WIDGET (hark_window_get_scroller (f->window)), window, &view));
  for (guint i = 0; i < n_rows; i++)
    {
      HarkTurnRow *row = hark_window_get_row_widget (f->window, (int) i);
      GtkWidget *label;
      PangoLayout *layout;
      const char *text;
      graphene_rect_t r;

      if (row == NULL || !bounds_in (GTK_WIDGET (row), window, &r) ||
          !graphene_rect_intersection (&view, &r, NULL))
        continue;
      label = find_by_class (GTK_WIDGET (row), "turn-text");
      if (label == NULL || !gtk_widget_get_mapped (label))
        continue;
      layout = gtk_label_get_layout (GTK_LABEL (label));
      text = pango_layout_get_text (layout);
      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          const char *end = text + line->start_index + line->length;
          int chars;

          /* The last line of a paragraph is as short as it happens to be. */
          if (l->next == NULL || *end == '\n' || end[-1] == '\n')
            continue;
          chars = (int) g_utf8_strlen (text + line->start_index, line->length);
          *longest = MAX (*longest, chars);
          total += chars;
          (*n_lines)++;
        }
    }
  *mean = *n_lines > 0 ? (double) total / *n_lines : 0;
}

/* At 1400 px (and 980) a line holds about 60–80 characters, not the width of the window. */
static void
test_line_measure (Fixture *f, gconstpointer data)
{
  static const int widths[] = { 1400, 980 };
  double mean;
  int longest;
  guint n_lines;

  if (!open_ep189 (f))
    return;
  /* A long answer is in view there. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (1100));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("measure-%d", widths[i]);

      resize (f, widths[i], 900);
      hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
      measure_lines (f, &mean, &longest, &n_lines);
      g_test_message ("%d px: %u full lines, %.1f characters on average, %d at most", widths[i],
                      n_lines, mean, longest);
      g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), name));
      g_assert_cmpuint (n_lines, >=, 10);
      g_assert_cmpfloat (mean, >=, 60);
      g_assert_cmpfloat (mean, <=, 80);
      g_assert_cmpint (longest, <=, 90);
    }
}

/* The most common alpha in @r of @widget rendered alone (premultiplied BGRA). */
static guint
most_common_alpha (GtkWidget *widget, const graphene_rect_t *r)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint counts[256] = { 0 }, best = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, (gsize) width * 4);
  for (int y = MAX ((int) r->origin.y, 0); y < MIN ((int) (r->origin.y + r->size.height), height); y++)
    for (int x = MAX ((int) r->origin.x, 0); x < MIN ((int) (r->origin.x + r->size.width), width); x++)
      counts[data[((gsize) y * width + x) * 4 + 3]]++;
  for (guint a = 1; a < 256; a++)
    if (counts[a] > counts[best])
      best = a;
  return best;
}

/* Moving the caption inside a turn only redraws: the label keeps its text and layout (no new
 * shaping or measuring), and the tint is drawn behind exactly the caption's lines, in every
 * paragraph. */
static void
check_caption_at (Fixture *f, HarkTurnRow *row, gsize start, gsize end)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *cue = find_descendant (GTK_WIDGET (row), HARK_TYPE_CUE_TEXT);
  GtkLabel *label = hark_cue_text_get_label (HARK_CUE_TEXT (cue));
  g_autofree char *markup = g_strdup (gtk_label_get_label (label));
  PangoLayout *layout = gtk_label_get_layout (label);
  g_autoptr (GArray) rects = NULL;
  double top, bottom, slack, rects_top = G_MAXDOUBLE, rects_bottom = -G_MAXDOUBLE;
  graphene_rect_t first;

  hark_turn_row_set_now_playing (row, TRUE, start, end);
  hark_ui_test_wait_frames (window, 3);
  g_assert_cmpstr (gtk_label_get_label (label), ==, markup);
  g_assert_true (gtk_label_get_layout (label) == layout);

  rects = hark_cue_text_get_rects (HARK_CUE_TEXT (cue));
  g_assert_cmpuint (rects->len, >=, 1);
  for (guint i = 0; i < rects->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);

      g_assert_cmpfloat (r->size.width, >, 4);
      rects_top = MIN (rects_top, r->origin.y);
      rects_bottom = MAX (rects_bottom, r->origin.y + r->size.height);
    }
  g_assert_true (hark_turn_row_get_cue_span (row, cue, &top, &bottom));
  g_test_message ("caption [%zu, %zu): %u pieces, %.0f–%.0f px; its lines %.0f–%.0f px", start,
                  end, rects->len, rects_top, rects_bottom, top, bottom);
  /* The tint covers whole lines, with the line spacing (at most about a third of a line, half
   * above and half below) that the words' own boxes leave out. */
  slack = 0.4 * g_array_index (rects, graphene_rect_t, 0).size.height;
  g_assert_cmpfloat (rects_top, <=, top + 1);
  g_assert_cmpfloat (rects_top, >=, top - slack);
  g_assert_cmpfloat (rects_bottom, >=, bottom - 1);
  g_assert_cmpfloat (rects_bottom, <=, bottom + slack);

  /* The tint is really drawn there, behind the words: rendered alone, the caption text's first
   * piece is mostly the tint (the blue at 30%, premultiplied), and without a caption it is
   * mostly clear. */
  first = g_array_index (rects, graphene_rect_t, 0);
  g_assert_cmpuint (most_common_alpha (cue, &first), >=, 70);
  hark_turn_row_set_now_playing (row, TRUE, 0, 0);
  hark_ui_test_wait_frames (window, 3);
  g_assert_cmpuint (most_common_alpha (cue, &first), ==, 0);
}

static void
test_caption_layer (Fixture *f, gconstpointer data)
{
  const HarkReadingRow *rows;
  guint n_rows;
  int longest = -1;
  HarkTurnRow *row;
  const char *text;
  gsize len, first_end, last_start;

  if (!open_ep189 (f))
    return;
  resize (f, 980, 900);
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_TURN &&
        (longest < 0 || strlen (rows[i].text) > strlen (rows[longest].text)))
      longest = (int) i;
  g_assert_cmpint (longest, >=, 0);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek",
                                  g_variant_new_double (rows[longest].start + 0.5));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 20);
  row = hark_window_get_row_widget (f->window, longest);
  g_assert_nonnull (row);
  g_assert_true (hark_turn_row_get_now_playing (row));
  g_assert_nonnull (strstr (hark_turn_row_get_text (row), "\n\n"));

  /* The first words, then the last sentence-sized piece (past every paragraph break). */
  text = rows[longest].text;
  len = strlen (text);
  first_end = 60;
  while (first_end < len && text[first_end] != ' ')
    first_end++;
  check_caption_at (f, row, 0, first_end);
  last_start = len - 80;
  while (last_start > 0 && text[last_start - 1] != ' ')
    last_start--;
  check_caption_at (f, row, last_start, len);
}

/* A long turn reads as paragraphs: its label holds blank lines between them. */
static void
test_paragraphs (Fixture *f, gconstpointer data)
{
  const HarkReadingRow *rows;
  guint n_rows;
  int longest = -1;
  HarkTurnRow *widget;
  const char *shown;

  if (!open_ep189 (f))
    return;
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == HARK_READING_ROW_TURN &&
        (longest < 0 || strlen (rows[i].text) > strlen (rows[longest].text)))
      longest = (int) i;
  g_assert_cmpint (longest, >=, 0);
  g_test_message ("longest turn: %zu bytes at %.0f s", strlen (rows[longest].text),
                  rows[longest].start);
  g_assert_cmpuint (strlen (rows[longest].text), >, 2 * 320);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek",
                                  g_variant_new_double (rows[longest].start + 0.5));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 20);
  widget = hark_window_get_row_widget (f->window, longest);
  g_assert_nonnull (widget);
  shown = hark_turn_row_get_text (widget);
  g_assert_nonnull (strstr (shown, "\n\n"));
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "paragraphs"));
}

/* A skipped read is one line until opened; while it is being heard its words are shown. */
static void
test_segment_rows (Fixture *f, gconstpointer data)
{
  const HarkReadingRow *rows;
  guint n_rows;
  int segment = -1;
  HarkTurnRow *widget;
  GtkWidget *text, *expand;

  if (!open_ep189 (f))
    return;
  rows = hark_reading_get_rows (hark_window_get_reading (f->window), &n_rows);
  for (guint i = 0; i < n_rows && segment < 0; i++)
    if (rows[i].kind == HARK_READING_ROW_SEGMENT && *rows[i].text != '\0')
      segment = (int) i;
  g_assert_cmpint (segment, >=, 0);

  /* Paused a little before it: one line, with a button that opens it. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek",
                                  g_variant_new_double (rows[segment].start - 5));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 20);
  widget = hark_window_get_row_widget (f->window, segment);
  g_assert_nonnull (widget);
  text = find_by_class (GTK_WIDGET (widget), "turn-text");
  expand = find_by_class (GTK_WIDGET (widget), "expand-button");
  g_assert_false (gtk_widget_is_visible (text));
  g_assert_true (gtk_widget_get_visible (expand));
  gtk_test_accessible_assert_property (expand, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Show what was said");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (expand), TRUE);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_true (gtk_widget_is_visible (text));
  g_assert_cmpuint (strlen (hark_turn_row_get_text (widget)), >, 20);
  gtk_test_accessible_assert_property (expand, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Hide what was said");
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "segment-open"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (expand), FALSE);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_false (gtk_widget_is_visible (text));

  /* Heard (a seek to its first sample plays it): shown and marked like any turn. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek",
                                  g_variant_new_double (rows[segment].start));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 20);
  g_assert_cmpint (hark_window_get_current_row (f->window), ==, segment);
  widget = hark_window_get_row_widget (f->window, segment);
  g_assert_nonnull (widget);
  g_assert_true (hark_turn_row_get_now_playing (widget));
  text = find_by_class (GTK_WIDGET (widget), "turn-text");
  g_assert_true (gtk_widget_is_visible (text));
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "segment-heard"));
}

static double
font_size_of_text (Fixture *f)
{
  HarkTurnRow *row = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
  GtkWidget *label;
  const PangoFontDescription *font;

  g_assert_nonnull (row);
  label = find_by_class (GTK_WIDGET (row), "turn-text");
  font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  return (double) pango_font_description_get_size (font) / PANGO_SCALE;
}

/* Larger and smaller text, remembered; the measure stays a readable line at every size. */
static void
test_text_size (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (HarkTextSize) size = NULL, again = NULL;
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  double normal, mean;
  int longest;
  guint n_lines;

  if (!open_ep189 (f))
    return;
  settings = hark_app_settings_new ();
  g_assert_nonnull (settings);
  g_settings_reset (settings, "transcript-text-scale");
  size = hark_text_size_new (settings);
  hark_text_size_add_actions (size, G_ACTION_MAP (group));
  resize (f, 1400, 900);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (1100));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  normal = font_size_of_text (f);

  g_action_group_activate_action (G_ACTION_GROUP (group), "text-larger", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (group), "text-larger", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (group), "text-larger", NULL);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  g_assert_cmpfloat (hark_text_size_get_scale (size), ==, 1.4);
  g_assert_cmpfloat (g_settings_get_double (settings, "transcript-text-scale"), ==, 1.4);
  g_assert_cmpfloat (fabs (font_size_of_text (f) / normal - 1.4), <, 0.05);
  measure_lines (f, &mean, &longest, &n_lines);
  g_test_message ("text at 1.4x, 1400 px: %u full lines, %.1f characters on average, %d at most",
                  n_lines, mean, longest);
  g_assert_cmpuint (n_lines, >=, 5);
  g_assert_cmpfloat (mean, >=, 60);
  g_assert_cmpfloat (mean, <=, 80);
  g_free (hark_ui_test_screenshot (GTK_WIDGET (f->window), "large-text"));

  /* Remembered: a new start reads the same size. */
  again = hark_text_size_new (settings);
  g_assert_cmpfloat (hark_text_size_get_scale (again), ==, 1.4);
  g_clear_object (&again);

  for (int i = 0; i < 20; i++)
    g_action_group_activate_action (G_ACTION_GROUP (group), "text-smaller", NULL);
  g_assert_cmpfloat (hark_text_size_get_scale (size), ==, HARK_TEXT_SCALE_MIN);
  g_action_group_activate_action (G_ACTION_GROUP (group), "text-normal", NULL);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  g_assert_cmpfloat (hark_text_size_get_scale (size), ==, 1.0);
  g_assert_cmpfloat (fabs (font_size_of_text (f) - normal), <, 0.1);
  g_settings_reset (settings, "transcript-text-scale");
}

typedef struct
{
  char *text;
  gboolean done;
} ClipboardRead;

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read (gpointer user_data)
{
  return ((ClipboardRead *) user_data)->done;
}

static char *
clipboard_text (GtkWidget *widget)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text,
                                 &read);
  hark_ui_test_wait_until (clipboard_read, &read, 10, "the clipboard");
  return read.text;
}

/* Copy is in the row's context menu; the hover-only copy button is not a Tab stop. */
static void
test_row_menu (Fixture *f, gconstpointer data)
{
  HarkTurnRow *row;
  GtkWidget *copy_button;
  g_autofree char *quote = NULL, *text = NULL;
  GMenuModel *model;

  if (!open_ep189 (f))
    return;
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "seek", g_variant_new_double (600));
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 10);
  row = hark_window_get_row_widget (f->window, hark_window_get_current_row (f->window));
  g_assert_nonnull (row);
  copy_button = find_by_class (GTK_WIDGET (row), "copy-button");
  g_assert_false (gtk_widget_get_focusable (copy_button));

  hark_turn_row_popup_menu (row);
  hark_ui_test_wait_frames (GTK_WIDGET (f->window), 5);
  g_assert_true (gtk_widget_get_visible (hark_turn_row_get_menu (row)));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (hark_turn_row_get_menu (row)));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
  gtk_popover_popdown (GTK_POPOVER (hark_turn_row_get_menu (row)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.copy-quote", NULL));
  quote = clipboard_text (GTK_WIDGET (row));
  g_assert_nonnull (quote);
  g_assert_true (g_str_has_prefix (quote, "> "));
  g_assert_nonnull (strstr (quote, "**"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.copy-text", NULL));
  text = clipboard_text (GTK_WIDGET (row));
  g_assert_cmpstr (text, ==, hark_row_item_get_row (hark_turn_row_get_item (row))->text);
}

int
main (int argc, char *argv[])
{
  hark_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/look/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("player-bar-layout", test_player_bar_layout);
  ADD ("player-bar-narrow", test_player_bar_narrow);
  ADD ("accessible-names", test_accessible_names);
  ADD ("contrast", test_contrast);
  ADD ("line-measure", test_line_measure);
  ADD ("paragraphs", test_paragraphs);
  ADD ("caption-layer", test_caption_layer);
  ADD ("segment-rows", test_segment_rows);
  ADD ("text-size", test_text_size);
  ADD ("row-menu", test_row_menu);
#undef ADD
  return g_test_run ();
}
