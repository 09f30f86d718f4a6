/* Internals of the datetime module shared by its files (not installed). */
#ifndef NUMC_DT_INTERNAL_H
#define NUMC_DT_INTERNAL_H

#include <numc/datetime.h>

#include "internal.h"

__extension__ typedef __int128 nd__i128;

/* Ticks of unit u (D and finer, count 1) in one day; 0 for W and coarser. */
ND_INTERNAL nd__i128 nd__dt_ticks_per_day(nd_dtunit u);
/* The checked conversions of datetime.c with the caller's name in errors. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_from_struct(const nd_datetimestruct *dts, nd_dtype dtype,
                                                        int64_t *out, const char *who);
/* nd__dt_from_struct for a datetime64 dtype whose unit and count the caller looked up
 * (once for a whole array). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_from_struct_unit(const nd_datetimestruct *dts,
                                                             nd_dtype dtype, nd_dtunit u, int count,
                                                             int64_t *out, const char *who);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_to_struct(int64_t value, nd_dtype dtype,
                                                      nd_datetimestruct *out, const char *who);
/* One ISO string into a struct and the unit it spells (ND_DT_GENERIC for NaT). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_parse_struct(const char *str, nd_datetimestruct *out,
                                                         nd_dtunit *bestunit, const char *who);
/* The text of a struct in unit `base` (ND_DT_GENERIC: automatic), with 'Z' after times when
 * utc; returns its length. */
ND_INTERNAL size_t nd__dt_format_struct(const nd_datetimestruct *d, nd_dtunit base, bool utc,
                                        char buf[ND_DATETIME_STRLEN]);
/* Resolve formatting options for a datetime64 dtype: the unit to print (ND_DT_GENERIC for
 * auto) and whether to add 'Z'. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_format_setup(nd_dtype dtype, const nd_dt_format_opts *opts,
                                                         nd_dtunit *base, bool *utc, const char *who);

/* min/max/argmin/argmax of a date array (dt_reduce.c; also declared in reduce_internal.h). */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_reduce_minmax(const nd_array *a, const void *opts, int which);
/* sum (mean false) or mean of a timedelta64 array (dt_reduce.c): NaT where a lane has one. */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_reduce_sum_mean(const nd_array *a, const void *opts, bool mean);

/* unique / searchsorted of date arrays, NaT last (dt_sort.c; declared for core/sort in
 * sort_kernels.h). */
struct nd_unique_opts;
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_unique(const struct nd_unique_opts *o);
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_searchsorted(const nd_array *a, const nd_array *v, int side);

/* Add `by` (wrapping) to every int64 tick of the int64 array a in place (dt_sort.c): by = -1
 * maps NaT (INT64_MIN) to INT64_MAX keeping the order of all other ticks, by = 1 undoes it. */
ND_INTERNAL void nd__dt_shift_ticks(nd_array *a, uint64_t by);

#endif
