/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "amparo-store.h"

G_BEGIN_DECLS

/**
 * AmparoDemandMerge:
 *
 * What a merge of two demands changed, kept so it can be undone.
 */
typedef struct _AmparoDemandMerge AmparoDemandMerge;

AmparoDemandMerge *amparo_demand_merge_run     (AmparoStore        *store,
                                                AmparoDemand       *survivor,
                                                AmparoDemand       *other,
                                                GError            **error);
gboolean           amparo_demand_merge_undo    (AmparoDemandMerge  *merge,
                                                GError            **error);
AmparoDemand      *amparo_demand_merge_get_survivor (AmparoDemandMerge *merge);
void               amparo_demand_merge_free    (AmparoDemandMerge  *merge);
char              *amparo_demand_merge_describe_wording (AmparoDemand *other,
                                                AmparoDemand       *survivor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmparoDemandMerge, amparo_demand_merge_free)

G_END_DECLS
