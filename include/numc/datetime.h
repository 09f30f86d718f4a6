/* numc — datetime64 / timedelta64: calendar, ISO 8601 parsing and formatting, arrays of
 * dates from text (NumPy's datetime.c and datetime_strings.c). */
#ifndef NUMC_DATETIME_H
#define NUMC_DATETIME_H

#include <stddef.h>
#include <stdint.h>

#include "array.h"
#include "dtype.h"
#include "error.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A broken-down date and time (NumPy's npy_datetimestruct), proleptic Gregorian, UTC:
 * year (negative years count astronomically: year 0 is 1 BC), month 1..12, day 1..31,
 * hour 0..23, min 0..59, sec 0..59, us 0..999999, ps 0..999999, as 0..999999.
 * NaT is year == ND_NAT (the other fields are then 0). */
typedef struct nd_datetimestruct {
    int64_t year;
    int32_t month, day, hour, min, sec, us, ps, as;
} nd_datetimestruct;

/* Longest text nd_datetime_format writes, with its NUL ("-2147483648-01-01T..." fits). */
#define ND_DATETIME_STRLEN 64

/* Is `year` a leap year of the proleptic Gregorian calendar. */
ND_API bool nd_is_leapyear(int64_t year);
/* Days from 1970-01-01 to year-month-day. ND_EVALUE for a month outside 1..12 or a day
 * outside the month; ND_EVALUE (overflow) when the count does not fit in int64. */
ND_API nd_status nd_days_from_civil(int64_t year, int month, int day, int64_t *days);
/* The date `days` days after 1970-01-01 (negative: before); every int64 has one. */
ND_API void nd_civil_from_days(int64_t days, int64_t *year, int *month, int *day);

/* The unit and count of a datetime64/timedelta64 dtype (numpy.datetime_data): datetime64[25s]
 * gives ND_DT_s and 25. ND_EDTYPE for any other dtype. Either pointer may be NULL. */
ND_API nd_status nd_datetime_data(nd_dtype dtype, nd_dtunit *unit, int *count);
/* NumPy's name of a unit: "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs",
 * "as", "generic"; "?" for an invalid value. */
ND_API const char *nd_dtunit_name(nd_dtunit unit);
/* The unit named `name` (as above); ND_DT_NUNITS and ND_EVALUE when there is none. */
ND_API nd_dtunit nd_dtunit_from_name(const char *name);

/* The date and time of `value` ticks of a datetime64 dtype (NumPy's
 * convert_datetime_to_datetimestruct). NaT gives year ND_NAT. ND_EDTYPE when dtype is no
 * datetime64 or is generic with a value other than NaT; ND_EVALUE (overflow) when the year does
 * not fit in int64 (only possible with coarse units and large counts). */
ND_API nd_status nd_datetime_to_struct(int64_t value, nd_dtype dtype, nd_datetimestruct *out);
/* The ticks of a datetime64 dtype at *dts, truncated toward -inf to the unit and count
 * (NumPy's convert_datetimestruct_to_datetime). Year ND_NAT gives NaT. ND_EDTYPE for a
 * non-datetime64 or generic dtype, ND_EVALUE for fields out of range, ND_EVALUE (overflow) when the
 * value does not fit in int64 (NumPy wraps; numc refuses). */
ND_API nd_status nd_datetime_from_struct(const nd_datetimestruct *dts, nd_dtype dtype, int64_t *out);

/* Parse one ISO 8601 string as numpy.datetime64(s, unit) does: "2008", "2008-02",
 * "2008-02-29", "2008-02-29T12", "...T12:30", "...T12:30:15", "...T12:30:15.123456789012345678"
 * (a space may replace the 'T'), a leading '-' for negative years, a 'Z' or a "+hh:mm" /
 * "-hhmm" / "+hh" offset after a time (the value is converted to UTC; NumPy warns that this
 * is deprecated), "NaT" in any case or the empty string for NaT, "today" (the local date,
 * unit D) and "now" (the UTC time, unit s). `dtype` is a datetime64 with a unit: the value
 * is truncated to it; or the generic datetime64: the value gets the string's own unit
 * (NaT: generic). *value gets the ticks; *out_dtype (may be NULL) the dtype they are in.
 * Errors (ND_EVALUE) name the string and, for syntax errors, the position, as NumPy's:
 * 'Error parsing datetime string "2011-01-01 x" at position 11', 'Month out of range in
 * datetime string "2011-13-01"'; ND_EVALUE (overflow) when the value does not fit the unit
 * ("2300-01-01" in ns); ND_EDTYPE when dtype is no datetime64. */
ND_API nd_status nd_datetime_parse(const char *s, nd_dtype dtype, int64_t *value,
                                   nd_dtype *out_dtype);

/* Options of the formatting functions (numpy.datetime_as_string); all-zero means NumPy's
 * defaults. unit: NULL for the dtype's own unit, "auto" for the shortest text that keeps
 * each value exact (whole days at least, minutes rather than bare hours), or a unit name
 * ("D", "s", "ms", ...; a coarser unit truncates). timezone: NULL or "naive" for no suffix,
 * "UTC" for a 'Z' after times (dates get none). casting: how the dtype's unit may convert
 * to `unit` (ND_CAST_DEFAULT: same_kind, as NumPy's). */
typedef struct nd_dt_format_opts {
    const char *unit;
    const char *timezone;
    nd_casting casting;
} nd_dt_format_opts;

/* The ISO 8601 text of `value` ticks of a datetime64 dtype into buf (cap bytes, at least
 * the length plus one; ND_DATETIME_STRLEN always suffices), exactly as
 * numpy.datetime_as_string writes it: "2008-01-01", "2008-01-01T10:00:00.500", "-001-01-01",
 * "NaT" (also for any value of the generic unit). Weeks print as days. opts may be NULL.
 * ND_EDTYPE for a non-datetime64 dtype or a unit the casting rule refuses, ND_EVALUE for a
 * bad unit/timezone name or a buffer too small. */
ND_API nd_status nd_datetime_format(int64_t value, nd_dtype dtype, const nd_dt_format_opts *opts,
                                    char *buf, size_t cap);

/* numpy.array(strs, dtype=dtype) for n C strings (UTF-8; each parsed by nd_datetime_parse):
 * a 1-D datetime64 array. A dtype with a unit truncates every value to it; the generic
 * datetime64 takes the finest unit of the strings (NaT strings count for none; all NaT
 * gives the generic dtype), as NumPy does. NULL with ND_EVALUE for n < 0 or a NULL pointer,
 * the parse error of the first bad string (which names it) otherwise. */
ND_API nd_array *nd_datetime64_from_strings(ptrdiff_t n, const char *const *strs, nd_dtype dtype);
/* numpy.datetime_as_string(a, unit, timezone, casting) as C strings: one allocation (free it
 * with nd_free_mem) holding nd_size(a) pointers, in C order of a's elements, to their
 * NUL-terminated texts. NULL with an error for a non-datetime64 array or bad options. */
ND_API char **nd_datetime_as_string(const nd_array *a, const nd_dt_format_opts *opts);
/* The same into a caller's buffer of nd_size(a) rows of `width` bytes: row i holds element
 * i (C order), NUL-padded to width. ND_EVALUE when a text does not fit (its length must be
 * below width) or buf is NULL with elements to write. */
ND_API nd_status nd_datetime_as_string_into(const nd_array *a, const nd_dt_format_opts *opts,
                                            char *buf, size_t width);

/* numpy.isnat: a bool array, true where a (datetime64 or timedelta64) holds NaT. ND_EDTYPE
 * for other dtypes, as NumPy's TypeError. The other ufuncs take date operands through the
 * usual nd_add, nd_subtract, nd_multiply, nd_divide, nd_floor_divide, nd_remainder,
 * nd_negative, nd_absolute, nd_sign, nd_equal ... nd_greater_equal, nd_maximum, nd_minimum,
 * nd_fmax, nd_fmin, nd_isnan, nd_isfinite (NumPy's type rules; see docs/datetime.md). */
ND_API nd_array *nd_isnat(const nd_array *a);

/* numpy.arange(datetime64(start), datetime64(stop), step, dtype): the dates from start up to
 * (not including) stop, `step` apart. start/stop are ISO strings (nd_datetime_parse); step is
 * a timedelta64 scalar (any unit) or an integer counting ticks of the result's unit. dtype: a
 * datetime64 with a unit, or the generic datetime64 for the common unit of start, stop and
 * step (datetime64[D] + a step of 7 hours gives datetime64[h]). A negative step counts down.
 * ND_EVALUE for NaT, a zero step or a bad string; ND_EDTYPE for units NumPy refuses to mix
 * (a month step from a day date). */
ND_API nd_array *nd_datetime_arange(const char *start, const char *stop, nd_scalar step, nd_dtype dtype);

/* ---- business days (numpy.busdaycalendar, is_busday, busday_offset, busday_count) ---- */
/* A weekmask and a sorted list of holidays (NaT, duplicates and holidays on weekend days
 * dropped, as NumPy normalises them). */
typedef struct nd_busdaycal nd_busdaycal;
/* numpy.busdaycalendar(weekmask, holidays): weekmask is NULL (Monday to Friday), seven '0'/'1'
 * characters Monday first ("1111100") or day names ("Mon Tue Wed"); holidays is a datetime64
 * array or NULL. NULL with ND_EVALUE for a bad or all-zero weekmask, ND_EDTYPE for holidays
 * that are no dates. Free it with nd_busdaycal_free. */
ND_API nd_busdaycal *nd_busdaycalendar(const char *weekmask, const nd_array *holidays);
ND_API void nd_busdaycal_free(nd_busdaycal *cal);
/* The normalised holidays (days since 1970-01-01) and their count (busdaycalendar.holidays). */
ND_API ptrdiff_t nd_busdaycal_holidays(const nd_busdaycal *cal, const int64_t **days);
/* numpy.is_busday(dates, busdaycal=cal): a bool array (NaT is not a business day). cal NULL
 * is the default calendar (Monday to Friday, no holidays). ND_EDTYPE for non-dates. */
ND_API nd_array *nd_is_busday(const nd_array *dates, const nd_busdaycal *cal);
/* numpy.busday_offset's roll modes for a date that is not a business day. */
typedef enum nd_busday_roll {
    ND_ROLL_RAISE,            /* 'raise': ND_EVALUE "Non-business day date in busday_offset" */
    ND_ROLL_NAT,              /* 'nat': the result is NaT */
    ND_ROLL_FORWARD,          /* 'forward' / 'following': the next business day */
    ND_ROLL_BACKWARD,         /* 'backward' / 'preceding': the previous one */
    ND_ROLL_MODIFIEDFOLLOWING, /* the next one unless it is in another month, then the previous */
    ND_ROLL_MODIFIEDPRECEDING  /* the previous one unless in another month, then the next */
} nd_busday_roll;
/* numpy.busday_offset(dates, offsets, roll, busdaycal): dates (datetime64, converted to days)
 * rolled to a business day, then moved by `offsets` (an integer array broadcast against
 * dates) business days; datetime64[D]. NaT stays NaT. The walk is day by day (the time grows
 * with the offset). */
ND_API nd_array *nd_busday_offset(const nd_array *dates, const nd_array *offsets,
                                  nd_busday_roll roll, const nd_busdaycal *cal);
/* numpy.busday_count(begindates, enddates, busdaycal): int64 counts of business days in
 * [begin, end) (negative when end < begin), broadcast. ND_EVALUE for a NaT date. */
ND_API nd_array *nd_busday_count(const nd_array *begindates, const nd_array *enddates,
                                 const nd_busdaycal *cal);


/* ---- loose dates: the forms of CSV files and data sets (nd_read_csv, nplot) ----------- */
/* Bits of nd_dt_loose.what: the text held a date, a time of day, or both. */
enum { ND_DT_LOOSE_DATE = 1, ND_DT_LOOSE_TIME = 2 };
/* Flags of the loose parsers: also take a bare time of day ("12:30", "23:59:59.5") as that
 * time on 1970-01-01 (nplot does; nd_read_csv does not). */
enum { ND_DT_LOOSE_TIME_ONLY = 1 };
/* What nd_datetime_parse_loose read. */
typedef struct nd_dt_loose {
    nd_datetimestruct dts; /* the value in UTC (an offset has been subtracted) */
    nd_dtunit unit;        /* the finest unit the text spells, as NumPy picks it for the ISO
                              form: M (YYYY-MM, quarters), D (dates), m (HH:MM), s (:SS), ms,
                              us, ns, ps, fs, as (1-3 ... 16-18 digits of fraction) */
    int what;              /* ND_DT_LOOSE_DATE | ND_DT_LOOSE_TIME */
    size_t errpos;         /* on failure: the byte offset in s where the text stops being a date */
} nd_dt_loose;
/* Parse s[0..n) (blanks around it allowed; need not be NUL-terminated) as one of: an ISO
 * date YYYY-MM-DD, YYYY/MM/DD (one- or two-digit month and day), YYYYMMDD (exactly 8
 * digits), YYYY-MM (first of the month), a quarter 2020Q1, 2020-Q1, 2020 Q1, Q1 2020,
 * Q1-2020 (first day of the quarter; 'q' too), a date followed by 'T' or ' ' and a time
 * HH:MM[:SS[.f]] ('.' or ',' before up to 18 fraction digits, more are dropped; 24:00 is
 * the next midnight, second 60 runs into the next minute) and a zone Z, +HH, +HHMM or
 * +HH:MM (converted to UTC), or with ND_DT_LOOSE_TIME_ONLY a time alone. Years have 4
 * digits. Returns true and fills *out (may be NULL), or false with out->errpos set; no
 * error is recorded (this is a test). "2001/12", "1958", "2001-02-30" are not dates.
 * nplot's date columns and nd_read_csv's date detection use this one parser. */
ND_API bool nd_datetime_parse_loose(const char *s, size_t n, int flags, nd_dt_loose *out);
/* Is this a column of dates: every string (NUL-terminated) parses with
 * nd_datetime_parse_loose or means NaT (NULL, blank, "NaT" in any case, "NA", "N/A", "n/a",
 * "NULL", "null", "None", "#N/A", "<NA>"), and at least one is a date. *unit (may be NULL)
 * gets the finest unit of the values: ND_DT_D for a column of plain dates. No error is
 * recorded; false for n <= 0 or strs NULL. */
ND_API bool nd_datetime_sniff_loose(ptrdiff_t n, const char *const *strs, int flags,
                                    nd_dtunit *unit);
/* The n strings as a 1-D datetime64 array: parsed by nd_datetime_parse_loose, the NaT
 * spellings of nd_datetime_sniff_loose giving NaT. dtype is a datetime64 with a unit (values
 * truncated to it) or the generic datetime64 (the finest unit of the values, as
 * numpy.array(iso_strings, 'M8') picks; all NaT stays generic). NULL with ND_EVALUE for
 * n < 0, strs NULL with n > 0, or a string that is no date ('string 3 "2020-13-01" is not a
 * date (at position 0)'); ND_EDTYPE for a dtype that is not datetime64; ND_EVALUE
 * (overflow) for a value the unit cannot hold. */
ND_API nd_array *nd_datetime64_from_strings_loose(ptrdiff_t n, const char *const *strs, int flags,
                                                  nd_dtype dtype);

#ifdef __cplusplus
}
#endif
#endif
