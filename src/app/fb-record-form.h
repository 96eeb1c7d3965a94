/* fb-record-form.h
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "forbedring-core.h"

G_BEGIN_DECLS

#define FB_TYPE_RECORD_FORM (fb_record_form_get_type ())

G_DECLARE_FINAL_TYPE (FbRecordForm, fb_record_form, FB, RECORD_FORM, GObject)

FbRecordForm *fb_record_form_new            (FbStore       *store,
                                             FbRecord      *record);
FbRecord     *fb_record_form_get_record     (FbRecordForm  *self);
void          fb_record_form_bind_editable  (FbRecordForm  *self,
                                             GtkEditable   *editable,
                                             const char    *field);
void          fb_record_form_bind_text_view (FbRecordForm  *self,
                                             GtkTextView   *text_view,
                                             const char    *field);
void          fb_record_form_bind_combo     (FbRecordForm  *self,
                                             AdwComboRow   *row,
                                             const char    *field);
void          fb_record_form_bind_switch    (FbRecordForm  *self,
                                             GtkSwitch     *toggle,
                                             const char    *field);
void          fb_record_form_set_error_label (FbRecordForm  *self,
                                             GtkLabel      *label);
gboolean      fb_record_form_has_errors     (FbRecordForm  *self);
void          fb_record_form_changed        (FbRecordForm  *self);
gboolean      fb_record_form_flush          (FbRecordForm  *self,
                                             GError       **error);

G_END_DECLS
