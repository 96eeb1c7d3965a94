/* fb-cli-analyse.c
 *
 * Copyright 2026 The Forbedring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fb-cli"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fb-cli.h"

/* `analyse` and `chart` read a measure CSV, analyse it and print the
 * result as JSON or draw it. They share their analysis options. */

typedef struct
{
  char   *chart;
  int     freeze;
  char   *parts;
  char   *excludes;
  double  multiply;
  char   *target;
  char   *rules;
} AnalyseArgs;

static void
analyse_args_clear (AnalyseArgs *args)
{
  g_clear_pointer (&args->chart, g_free);
  g_clear_pointer (&args->parts, g_free);
  g_clear_pointer (&args->excludes, g_free);
  g_clear_pointer (&args->target, g_free);
  g_clear_pointer (&args->rules, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnalyseArgs, analyse_args_clear)

static GOptionGroup *
analyse_group (AnalyseArgs *args)
{
  const GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_STRING, &args->chart,
      N_("run, i, mr, p, u, c, g, t, pp or up"), N_("TYPE") },
    { "freeze", 0, 0, G_OPTION_ARG_INT, &args->freeze,
      N_("Centre and limits from the first K points"), N_("K") },
    { "part", 0, 0, G_OPTION_ARG_STRING, &args->parts,
      N_("Rows where a new phase starts (1-based)"), N_("I,J,…") },
    { "exclude", 0, 0, G_OPTION_ARG_STRING, &args->excludes,
      N_("Rows left out of the calculations (1-based)"), N_("I,J,…") },
    { "multiply", 0, 0, G_OPTION_ARG_DOUBLE, &args->multiply,
      N_("Scale shown values (100 for percent)"), N_("M") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &args->target, N_("A target value"), N_("X") },
    { "rules", 0, 0, G_OPTION_ARG_STRING, &args->rules, N_("anhoej (default) or ihi"),
      N_("RULES") },
    { NULL }
  };
  GOptionGroup *group;

  args->multiply = 1;

  group = g_option_group_new ("analysis", _("Analysis options:"), _("Show analysis options"),
                              NULL, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);

  return group;
}

static gboolean
parse_indices (const char  *text,
               guint        n_rows,
               const char  *option,
               GArray      *out,
               GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 index;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, MAX (n_rows, 1), &index, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s takes row numbers from 1 to %u; “%s” is not one."),
                       option, n_rows, parts[i]);
          return FALSE;
        }

      g_array_append_val (out, (guint) { (guint)index });
    }

  return TRUE;
}

static int
value_type_for_chart (FbChartType chart)
{
  switch (chart)
    {
    case FB_CHART_TYPE_P:
    case FB_CHART_TYPE_PP:
      return FB_VALUE_TYPE_PROPORTION;

    case FB_CHART_TYPE_U:
    case FB_CHART_TYPE_UP:
      return FB_VALUE_TYPE_RATE;

    case FB_CHART_TYPE_C:
    case FB_CHART_TYPE_G:
      return FB_VALUE_TYPE_COUNT;

    case FB_CHART_TYPE_RUN:
    case FB_CHART_TYPE_I:
    case FB_CHART_TYPE_MR:
    case FB_CHART_TYPE_T:
    default:
      return -1;
    }
}

/* Reads FILE and analyses it. Returns NULL with *status set: 2 for a usage
 * error, 1 for bad input. */
static FbAnalysis *
run_analysis (AnalyseArgs  *args,
              const char   *path,
              int          *status)
{
  g_autoptr(GEnumClass) charts = g_type_class_ref (FB_TYPE_CHART_TYPE);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) excludes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GFile) file = NULL;
  FbAnalysisOptions options;
  GEnumValue *chart;
  GError *error = NULL;
  FbAnalysis *analysis;

  *status = FB_CLI_EXIT_USAGE;

  if (args->chart == NULL || !(chart = g_enum_get_value_by_nick (charts, args->chart)))
    {
      fb_cli_usage (_("--chart must be one of run, i, mr, p, u, c, g, t, pp or up."));
      return NULL;
    }

  fb_analysis_options_init (&options);
  options.chart = chart->value;

  if (args->rules != NULL && g_strcmp0 (args->rules, "anhoej") != 0 &&
      g_strcmp0 (args->rules, "ihi") != 0)
    {
      fb_cli_usage (_("--rules must be anhoej or ihi."));
      return NULL;
    }
  options.rules = g_strcmp0 (args->rules, "ihi") == 0 ? FB_RULES_IHI : FB_RULES_ANHOEJ;

  if (args->freeze < 0)
    {
      fb_cli_usage (_("--freeze takes a number of points, 1 or more."));
      return NULL;
    }
  options.freeze = (guint)args->freeze;

  if (!isfinite (args->multiply) || args->multiply <= 0)
    {
      fb_cli_usage (_("--multiply takes a number greater than 0."));
      return NULL;
    }
  options.multiply = args->multiply;

  if (args->target != NULL)
    {
      char *end = NULL;

      errno = 0;
      options.target = g_ascii_strtod (args->target, &end);
      if (errno != 0 || end == args->target || *end != '\0' || !isfinite (options.target))
        {
          fb_cli_usage (_("--target takes a number, such as 0.85."));
          return NULL;
        }
    }

  file = g_file_new_for_commandline_arg (path);
  if (!(rows = fb_csv_parse_file (file, value_type_for_chart (options.chart), NULL, &error)))
    {
      g_prefix_error (&error, "%s: ", path);
      *status = fb_cli_fail (error);
      return NULL;
    }

  if (!parse_indices (args->parts, rows->len, "--part", parts, &error) ||
      !parse_indices (args->excludes, rows->len, "--exclude", excludes, &error))
    {
      fb_cli_usage ("%s", error->message);
      g_error_free (error);
      return NULL;
    }

  options.part_starts = (const guint *)(gpointer)parts->data;
  options.n_part_starts = parts->len;

  if (!(analysis = fb_analysis_new_for_rows (rows, (const guint *)(gpointer)excludes->data,
                                             excludes->len, &options, &error)))
    {
      g_prefix_error (&error, "%s: ", path);
      *status = fb_cli_fail (error);
      return NULL;
    }

  *status = FB_CLI_EXIT_OK;
  return analysis;
}

/**
 * fb_cli_analyse:
 *
 * `forbedring-cli analyse --chart TYPE [options] FILE.csv` prints the
 * analysis as JSON.
 */
int
fb_cli_analyse (FbCliOptions  *options,
                int            argc,
                char         **argv)
{
  g_auto(AnalyseArgs) args = { 0, };
  g_autoptr(FbAnalysis) analysis = NULL;
  g_autofree char *json = NULL;
  GOptionContext *context;
  int status;

  context = g_option_context_new (_("FILE.csv — analyse a series and print JSON"));
  g_option_context_set_main_group (context, analyse_group (&args));
  if (!fb_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fb_cli_usage (_("“analyse” needs one CSV file."));

  if (!(analysis = run_analysis (&args, argv[1], &status)))
    return status;

  json = fb_analysis_to_json (analysis);
  g_print ("%s\n", json);

  return FB_CLI_EXIT_OK;
}

/* A PDSA file is CSV with the header `date,label`: one cycle a line. */
static GArray *
read_markers (const char  *path,
              GStrv       *storage,
              GError     **error)
{
  g_autoptr(GArray) markers = g_array_new (FALSE, TRUE, sizeof (FbChartMarker));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;
  guint n = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (length > 1024 * 1024 || !g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: a PDSA file is UTF-8 text of at most 1 MiB."), path);
      return NULL;
    }

  lines = g_strsplit (g_str_has_prefix (contents, "\xEF\xBB\xBF") ? contents + 3 : contents,
                      "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (g_strdelimit (lines[i], "\r", ' '));
      char *comma;

      if (*line == '\0')
        continue;

      if (i == 0)
        {
          if (g_ascii_strcasecmp (line, "date,label") != 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s: line 1 must be “date,label”."), path);
              return NULL;
            }
          continue;
        }

      comma = strchr (line, ',');
      if (comma != NULL)
        *comma = '\0';
      if (comma == NULL || !fb_date_is_valid (line))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: line %u must be a date (YYYY-MM-DD), a comma and a label."),
                       path, i + 1);
          return NULL;
        }

      g_strv_builder_add (builder, line);
      g_strv_builder_add (builder, g_strstrip (comma + 1));
      n++;
    }

  *storage = g_strv_builder_end (builder);
  for (guint i = 0; i < n; i++)
    {
      FbChartMarker marker = { (*storage)[2 * i], (*storage)[2 * i + 1] };

      /* A label in quotes loses them. */
      if (marker.label[0] == '"')
        {
          char *label = (*storage)[2 * i + 1];
          gsize len = strlen (label);

          if (len >= 2 && label[len - 1] == '"')
            {
              label[len - 1] = '\0';
              marker.label = label + 1;
            }
        }
      g_array_append_val (markers, marker);
    }

  return g_steal_pointer (&markers);
}

/**
 * fb_cli_chart:
 *
 * `forbedring-cli chart --chart TYPE --out FILE.png|svg|pdf [options]
 * FILE.csv` draws the chart.
 */
int
fb_cli_chart (FbCliOptions  *options,
              int            argc,
              char         **argv)
{
  g_auto(AnalyseArgs) args = { 0, };
  g_autofree char *out = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *pdsa = NULL;
  g_auto(GStrv) marker_text = NULL;
  g_autoptr(GArray) markers = NULL;
  g_autoptr(FbAnalysis) analysis = NULL;
  int width = 1600, height = 900;
  gboolean dark = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"),
      N_("FILE.png|svg|pdf") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width (default 1600)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height (default 900)"), N_("H") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The chart’s title"), N_("T") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle, N_("A line under the title"), N_("S") },
    { "pdsa", 0, 0, G_OPTION_ARG_FILENAME, &pdsa, N_("PDSA cycles to mark (date,label)"),
      N_("CYCLES.csv") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Draw for a dark background"), NULL },
    { NULL }
  };
  FbChartStyle style;
  GOptionContext *context;
  GError *error = NULL;
  int status;

  context = g_option_context_new (_("FILE.csv — draw a run chart or control chart"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, analyse_group (&args));
  if (!fb_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || out == NULL)
    return fb_cli_usage (_("“chart” needs --chart, --out and one CSV file."));

  if (pdsa != NULL && !(markers = read_markers (pdsa, &marker_text, &error)))
    return fb_cli_fail (error);

  if (!(analysis = run_analysis (&args, argv[1], &status)))
    return status;

  fb_chart_style_init (&style);
  style.title = title;
  style.subtitle = subtitle ? subtitle : fb_analysis_get_summary (analysis);
  style.dark = dark;
  style.percent = G_APPROX_VALUE (fb_analysis_get_multiply (analysis), 100, 1e-9) &&
                  (fb_analysis_get_chart (analysis) == FB_CHART_TYPE_P ||
                   fb_analysis_get_chart (analysis) == FB_CHART_TYPE_PP ||
                   fb_analysis_get_chart (analysis) == FB_CHART_TYPE_RUN);
  if (markers != NULL)
    {
      style.markers = (const FbChartMarker *)(gpointer)markers->data;
      style.n_markers = markers->len;
    }

  if (!fb_chart_save (analysis, &style, out, width, height, &error))
    return fb_cli_fail (error);

  return FB_CLI_EXIT_OK;
}
