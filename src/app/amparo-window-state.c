/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-app"

#include "config.h"

#include "amparo-window-state.h"

/* What a window must keep when its widgets are rebuilt (a language switch):
 * the visible section, the search text, and per-page objects such as the
 * selected record or an unsaved draft. Pages store those here, keyed by a
 * name of their own ("clients:selected", "press:draft"…), and read them
 * back when a new page is built. */

struct _AmparoWindowState
{
  GObject     parent_instance;

  char       *section;
  char       *search_text;
  GHashTable *objects;
};

G_DEFINE_FINAL_TYPE (AmparoWindowState, amparo_window_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
amparo_window_state_finalize (GObject *object)
{
  AmparoWindowState *self = (AmparoWindowState *)object;

  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->objects, g_hash_table_unref);

  G_OBJECT_CLASS (amparo_window_state_parent_class)->finalize (object);
}

static void
amparo_window_state_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmparoWindowState *self = AMPARO_WINDOW_STATE (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_window_state_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmparoWindowState *self = AMPARO_WINDOW_STATE (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      amparo_window_state_set_section (self, g_value_get_string (value));
      break;
    case PROP_SEARCH_TEXT:
      amparo_window_state_set_search_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amparo_window_state_class_init (AmparoWindowStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amparo_window_state_finalize;
  object_class->get_property = amparo_window_state_get_property;
  object_class->set_property = amparo_window_state_set_property;

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "clients",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amparo_window_state_init (AmparoWindowState *self)
{
  self->section = g_strdup ("clients");
  self->search_text = g_strdup ("");
  self->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         g_object_unref);
}

/**
 * amparo_window_state_new:
 *
 * Returns: (transfer full): a state with the Clients section visible
 */
AmparoWindowState *
amparo_window_state_new (void)
{
  return g_object_new (AMPARO_TYPE_WINDOW_STATE, NULL);
}

const char *
amparo_window_state_get_section (AmparoWindowState *self)
{
  g_return_val_if_fail (AMPARO_IS_WINDOW_STATE (self), NULL);

  return self->section;
}

void
amparo_window_state_set_section (AmparoWindowState *self,
                                 const char        *section)
{
  g_return_if_fail (AMPARO_IS_WINDOW_STATE (self));

  if (section == NULL || g_strcmp0 (section, self->section) == 0)
    return;

  g_free (self->section);
  self->section = g_strdup (section);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

const char *
amparo_window_state_get_search_text (AmparoWindowState *self)
{
  g_return_val_if_fail (AMPARO_IS_WINDOW_STATE (self), NULL);

  return self->search_text;
}

void
amparo_window_state_set_search_text (AmparoWindowState *self,
                                     const char        *text)
{
  g_return_if_fail (AMPARO_IS_WINDOW_STATE (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

/**
 * amparo_window_state_get_object:
 * @key: the page's own name for the object
 *
 * Returns: (transfer none) (nullable): what a page stored under @key
 */
GObject *
amparo_window_state_get_object (AmparoWindowState *self,
                                const char        *key)
{
  g_return_val_if_fail (AMPARO_IS_WINDOW_STATE (self), NULL);

  return g_hash_table_lookup (self->objects, key);
}

/**
 * amparo_window_state_set_object:
 * @key: the page's own name for the object
 * @object: (nullable) (transfer none): the object to keep, or %NULL to forget
 */
void
amparo_window_state_set_object (AmparoWindowState *self,
                                const char        *key,
                                GObject           *object)
{
  g_return_if_fail (AMPARO_IS_WINDOW_STATE (self));
  g_return_if_fail (key != NULL);

  if (object == NULL)
    g_hash_table_remove (self->objects, key);
  else
    g_hash_table_insert (self->objects, g_strdup (key), g_object_ref (object));
}
