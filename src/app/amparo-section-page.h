/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "amparo-store.h"
#include "amparo-window-state.h"

G_BEGIN_DECLS

#define AMPARO_TYPE_SECTION_PAGE (amparo_section_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AmparoSectionPage, amparo_section_page, AMPARO, SECTION_PAGE, AdwBin)

/**
 * AmparoSectionPageClass:
 * @setup: called once both the store and the window state are known, and
 *   again if the store changes; load models and restore what the state
 *   kept from a previous page (selection, drafts)
 * @search_changed: the header's search text changed
 * @save_state: put what must survive a rebuild of the widgets (a language
 *   switch) into the window state; unsaved edits above all
 * @close_request: the window is about to close; return %TRUE after asking
 *   the person about unsaved edits, then call
 *   amparo_section_page_close_window() once they have answered
 *
 * The base of the four sections (Clients, Agenda, Press releases,
 * Demands): it holds the store and the window state, so every section
 * gets them the same way from the main view's template.
 */
struct _AmparoSectionPageClass
{
  AdwBinClass parent_class;

  void (*setup)          (AmparoSectionPage *self);
  void (*search_changed) (AmparoSectionPage *self,
                          const char        *text);
  void (*save_state)     (AmparoSectionPage *self);
  gboolean (*close_request) (AmparoSectionPage *self);
};

AmparoStore       *amparo_section_page_get_store (AmparoSectionPage *self);
AmparoWindowState *amparo_section_page_get_state (AmparoSectionPage *self);
void               amparo_section_page_save_state (AmparoSectionPage *self);
void               amparo_section_page_close_window (AmparoSectionPage *self);
void               amparo_section_page_show_list_state (GtkStack   *stack,
                                                        GListModel *shown,
                                                        GListModel *all);
void               amparo_section_page_setup_list_detail (AmparoSectionPage *self,
                                                          AdwLeaflet        *leaflet,
                                                          GtkWidget         *detail);
void               amparo_section_page_go_back (AmparoSectionPage *self);
gboolean           amparo_section_page_get_can_go_back (AmparoSectionPage *self);

G_END_DECLS
