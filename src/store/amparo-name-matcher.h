/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "amparo-enums.h"
#include "amparo-name-match.h"
#include "amparo-store.h"

G_BEGIN_DECLS

/* Pass as approximate_age when the age is not known. */
#define AMPARO_NAME_MATCHER_AGE_UNKNOWN (-1)

GListModel *amparo_name_matcher_find        (AmparoStore  *store,
                                             const char   *given_names,
                                             const char   *family_names,
                                             int           approximate_age,
                                             const char   *country_of_birth,
                                             guint         limit,
                                             GError      **error);
gboolean    amparo_name_matcher_update_keys (AmparoStore  *store,
                                             GError      **error);

/* Performance/#13: relatives whose ages fit the relationship sought. */
GListModel *amparo_name_matcher_find_relatives (AmparoStore            *store,
                                                const char             *family_names,
                                                int                     own_age,
                                                AmparoRelationshipKind  kind,
                                                const char             *country_of_birth,
                                                guint                   limit,
                                                GError                **error);

G_END_DECLS
