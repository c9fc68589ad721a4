/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "amparo-reports"

#include "config.h"

#include "amparo-report-filter.h"

struct _AmparoReportFilter
{
  GObject parent_instance;

  char *label;
  char *condition;
  GStrv params;
};

G_DEFINE_FINAL_TYPE (AmparoReportFilter, amparo_report_filter, G_TYPE_OBJECT)

static void
amparo_report_filter_finalize (GObject *object)
{
  AmparoReportFilter *self = AMPARO_REPORT_FILTER (object);

  g_free (self->label);
  g_free (self->condition);
  g_strfreev (self->params);

  G_OBJECT_CLASS (amparo_report_filter_parent_class)->finalize (object);
}

static void
amparo_report_filter_class_init (AmparoReportFilterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amparo_report_filter_finalize;
}

static void
amparo_report_filter_init (AmparoReportFilter *self)
{
}

/**
 * amparo_report_filter_new:
 * @label: what the list shows, e.g. "Open cases: Family Reunification"
 * @condition: SQL over the persons table with `?` placeholders, from
 *   amparo_store_report_persons_where()
 * @params: (array zero-terminated=1): the placeholders' values
 *
 * Returns: (transfer full): a new filter
 */
AmparoReportFilter *
amparo_report_filter_new (const char         *label,
                          const char         *condition,
                          const char * const *params)
{
  AmparoReportFilter *self = g_object_new (AMPARO_TYPE_REPORT_FILTER, NULL);

  self->label = g_strdup (label);
  self->condition = g_strdup (condition);
  self->params = g_strdupv ((char **) params);
  return self;
}

const char *
amparo_report_filter_get_label (AmparoReportFilter *self)
{
  g_return_val_if_fail (AMPARO_IS_REPORT_FILTER (self), NULL);

  return self->label;
}

/**
 * amparo_report_filter_add_condition:
 * @where: a WHERE clause being built; " AND (condition)" is appended
 * @params: (element-type utf8): its parameters (owning their strings);
 *   the filter's are appended
 */
void
amparo_report_filter_add_condition (AmparoReportFilter *self,
                                    GString            *where,
                                    GPtrArray          *params)
{
  g_return_if_fail (AMPARO_IS_REPORT_FILTER (self));

  g_string_append_printf (where, " AND (%s)", self->condition);
  for (guint i = 0; self->params != NULL && self->params[i] != NULL; i++)
    g_ptr_array_add (params, g_strdup (self->params[i]));
}
