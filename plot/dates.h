/* Private to the plot library: date axes (dates.c: locator and formatters; dateaxis.c:
 * the axis state, conversion of datetime64 / string arrays, the tick hook of layout.c). */
#ifndef NPLOT_DATES_H
#define NPLOT_DATES_H

#include "plot_model.h"

/* axis_state.date_fmt */
enum { NPLOT__DATEFMT_AUTO = 0, NPLOT__DATEFMT_CONCISE, NPLOT__DATEFMT_STRFTIME };
/* most ticks a date locator returns to the axis */
#define NPLOT__DATE_CAP 512

/* date2num of `value` ticks of a datetime64 dtype (NaN for NaT or an impossible value). */
double nplot__date2num_value(int64_t value, nd_dtype dtype);
/* AutoDateLocator(interval_multiples=True).tick_values over [vmin, vmax]: all located
 * ticks (also those just outside the view), at most cap written, the count returned;
 * *freq the frequency picked (0 yearly .. 6 microsecondly). */
int nplot__date_locate(double vmin, double vmax, double *out, int cap, int *freq);
/* AutoDateFormatter's strftime format for a frequency. */
const char *nplot__date_auto_format(int freq);
/* ConciseDateFormatter.format_ticks over locs[0..n) and its offset text. */
void nplot__date_concise(const double *locs, int n, char (*labels)[NPLOT_DATE_LABEL],
                         char *offset, size_t offcap);
/* Ticks in the view with labels of formatter kind (fmt: the strftime format), from the
 * locator or from fixed[0..nfixed) when fixed is not NULL. Count (may exceed cap). */
int nplot__date_ticks_fmt(double vmin, double vmax, int kind, const char *fmt, const double *fixed,
                          int nfixed, double *ticks, char (*labels)[NPLOT_DATE_LABEL], int cap,
                          char *offset, size_t offcap);
/* "auto"/NULL, "concise" or a strftime format → NPLOT__DATEFMT_*; ND_EVALUE otherwise. */
nd_status nplot__date_formatter_kind(const char *formatter, int *kind, const char *who);

/* Values of `a` for axis x (or y) of ax as float64 (nd_malloc'd, C order): datetime64 →
 * date numbers (the axis becomes a date axis), timedelta64 → counts, 'U'/'S' → category
 * positions (when `cats`; otherwise ND_EDTYPE), numbers as nplot__to_f64. NULL a gives
 * NULL with *n untouched. */
nd_status nplot__axis_f64(nplot_axes *ax, bool x, const nd_array *a, bool cats, double **out,
                          size_t *n, const char *what, const char *who);
/* nplot__xy_f64 with x on axis x (horiz: on y) and y on the other axis. */
nd_status nplot__axis_xy_f64(nplot_axes *ax, bool horiz, bool cats, const nd_array *x,
                             const nd_array *y, double **xs, double **ys, size_t *n,
                             const char *xn, const char *yn, const char *who);
/* layout.c: compute a date axis' ticks, labels and offset text; false when `a` is no date
 * axis (or has its own locator / fixed labels) and the ordinary path runs. */
bool nplot__date_axis_ticks(nplot_axes *ax, axis_state *a);

#endif
