/* numc internal definitions shared by the library's sources. Not installed. */
#ifndef NUMC_INTERNAL_H
#define NUMC_INTERNAL_H

#include <numc/array.h>
#include <numc/error.h>
#include <stdarg.h>

/* Every internal prototype (the nd__*, la_*, fft_* functions and tables the modules share)
 * carries ND_INTERNAL, as cairo's headers carry cairo_private: hidden visibility on the
 * declaration, so that a caller compiled without -fvisibility=hidden still cannot export
 * it, and PIC code reaches it directly instead of through the PLT/GOT. Internal functions
 * that return an nd_status (or a new allocation) also carry ND_WARN_UNUSED: dropping the
 * result is a compile error under -Werror. GCC ignores a (void) cast on such a call; a
 * caller that really does not care writes `if (f(...) < 0) { ... }` with a reason. */
#if defined(__GNUC__) || defined(__clang__)
#define ND_INTERNAL __attribute__((visibility("hidden")))
#define ND_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define ND_INTERNAL
#define ND_WARN_UNUSED
#endif

/* The buffer shared by an array and all its views. */
typedef struct nd_buffer {
    long refcount;                      /* atomic */
    void *data;
    size_t nbytes;
    void (*free_fn)(void *data, void *ctx); /* NULL: owned by numc (nd_free_mem) or borrowed */
    void *ctx;
    bool owned;                         /* data was allocated by numc */
} nd_buffer;

struct nd_array {
    nd_dtype dtype;
    int ndim;
    unsigned flags;
    char *data;                         /* element (0,...,0) */
    nd_buffer *buf;                     /* never NULL */
    ptrdiff_t size;
    ptrdiff_t shape[ND_MAXDIMS];
    ptrdiff_t strides[ND_MAXDIMS];
    struct nd__scope *scope;            /* the autorelease scope holding it, or NULL */
    size_t scope_slot;                  /* its slot in scope->items */
};

/* Autorelease scopes (scope.c). A new handle is registered in the calling thread's
 * innermost scope (ND_ENOMEM and the handle freed when the list cannot grow);
 * nd_free takes it out; detach makes it unscoped (objects that store handles they
 * created, like nd_table's columns, call it). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__scope_register(nd_array *a, const char *who);
ND_INTERNAL void nd__scope_forget(nd_array *a);
#define nd__scope_detach nd__scope_forget

/* The default allocator's cache of freed large blocks (bigcache.c): a block of at least
 * 256 KiB for n bytes at `align`, or NULL; put keeps a freed block (true) or leaves it to
 * the caller to free (false). */
ND_INTERNAL void *nd__bigcache_take(size_t n, size_t align);
ND_INTERNAL bool nd__bigcache_put(void *p);

/* nd_set_error and the allocator (nd_malloc, nd_calloc, nd_strdup, nd_free_mem) are
 * public (error.h): extension libraries use the same ones. */
/* The warning channel with floating-point bits (nd_warn passes 0). */
ND_INTERNAL void nd__warn_bits(unsigned fpe_bits, const char *msg);
/* a * b in size_t; false when it overflows. Every size computation in the library goes
 * through this (or nd__malloc_n): an element count from user input (a bin count, a
 * minlength, reps) times an element size must never wrap to a small allocation. */
static inline bool nd__mul_size(size_t a, size_t b, size_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}
/* nd_malloc of n elements of `size` bytes; ND_ENOMEM naming n when n is negative or
 * n * size does not fit in size_t. */
ND_INTERNAL ND_WARN_UNUSED void *nd__malloc_n(ptrdiff_t n, size_t size, const char *who);
#define ND_FAIL(code, ...) (nd_set_error((code), __VA_ARGS__), NULL)

/* Swap axes j - 1 and j of a loop nest: its shape and the strides of its nop operands
 * (the axis sorts of nd_iter and nd__nest). */
static inline void nd__swap_loop_axes(ptrdiff_t *shape, ptrdiff_t (*strides)[ND_MAXDIMS], int nop,
                                      int j)
{
    ptrdiff_t t = shape[j];
    shape[j] = shape[j - 1];
    shape[j - 1] = t;
    for (int i = 0; i < nop; i++) {
        t = strides[i][j];
        strides[i][j] = strides[i][j - 1];
        strides[i][j - 1] = t;
    }
}

/* The axes an options struct names: `axis` (one axis; ND_AXIS_NONE: none) or `axes`
 * (a tuple); both is ND_EVALUE. *out gets n == 0 for "none". */
static inline nd_status nd__opt_axes(int axis, const nd_axes *axes, nd_axes *out, const char *who)
{
    if (axis != ND_AXIS_NONE && axes->n)
        return nd_set_error(ND_EVALUE, "%s: give .axis or .axes, not both", who);
    if (axes->n) {
        *out = *axes;
    } else {
        out->n = axis != ND_AXIS_NONE;
        out->ax[0] = axis;
    }
    return ND_OK;
}

/* The flexible dtypes (dtype_flex.c). A flexible dtype's name ("M8[D]", "<U10", "bytes")
 * or -1 (no error set) when name is none; NumPy's promotion of two dtypes one of which is
 * flexible (the dtype, or a negative nd_status with the error naming `who`); numpy.can_cast
 * when either is flexible; the common unit of two datetime64 or two timedelta64 dtypes
 * (NumPy's metadata gcd; Y/M mix with linear units only for datetime64); the number of
 * ticks of unit `little` in one of `big` (W and finer; 0 when not a whole number or it
 * overflows). */
ND_INTERNAL int nd__flex_from_name(const char *name);
ND_INTERNAL int nd__flex_promote(nd_dtype a, nd_dtype b, const char *who);
ND_INTERNAL bool nd__flex_can_cast(nd_dtype from, nd_dtype to, nd_casting c);
ND_INTERNAL int nd__dt_common(nd_dtype a, nd_dtype b, const char *who);
ND_INTERNAL uint64_t nd__dt_unit_factor(nd_dtunit big, nd_dtunit little);

/* Format a shape as "(3, 4)" into buf (returns buf). */
ND_INTERNAL char *nd__shape_str(char *buf, size_t cap, int ndim, const ptrdiff_t *shape);
#define ND_SHAPE_STRLEN (ND_MAXDIMS * 22 + 4)

/* Normalise axis (negative counts from the end) or fail with ND_EAXIS naming `who`. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__norm_axis(int *axis, int ndim, const char *who);

/* New array header over an existing buffer (takes a new reference on buf). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__view_of(const nd_array *base, int ndim, const ptrdiff_t *shape,
                      const ptrdiff_t *strides, char *data, nd_dtype dt);
/* The index-string scanners nd_view and nd_getitem_str share (views.c). An optional
 * signed integer at *p: 1 read (*p moved past it), 0 none, -1 with *why saying what is
 * wrong (*p left where it was). */
ND_INTERNAL int nd__view_scan_int(const char **p, ptrdiff_t *v, const char **why);
/* The word w at *p, not followed by an identifier character: moves *p past it. */
ND_INTERNAL bool nd__view_scan_word(const char **p, const char *w);
/* "start:stop:step" at *p, each part an optional integer or None, with the characters of ws
 * as blanks around them: v[] gets the parts (left as they are where omitted); returns how
 * many ':' were read (0 to 2), or -1 with *why saying what is wrong at *p. */
ND_INTERNAL int nd__view_scan_slice(const char **p, const char *ws, ptrdiff_t v[3], const char **why);
/* A new array with its own uninitialised buffer (C order, or F when fortran). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__alloc(int ndim, const ptrdiff_t *shape, nd_dtype dt, bool fortran, const char *who);
/* The same, zero-filled when `zero` (cheaply: large blocks come zeroed from the OS). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__alloc_ex(int ndim, const ptrdiff_t *shape, nd_dtype dt, bool fortran, bool zero, const char *who);
/* Lowest and one-past-highest byte the array's elements occupy. */
ND_INTERNAL void nd__extent(const nd_array *a, char **lo, char **hi);
/* Free out[0..n) and set them to NULL after a partial failure; returns the last error. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__free_n(nd_array **out, int n);
/* Recompute contiguity flags after changing shape/strides. */
ND_INTERNAL void nd__update_flags(nd_array *a);
/* Product of a shape with overflow check; -1 (and ND_ENOMEM / ND_EVALUE set) on failure. */
ND_INTERNAL ptrdiff_t nd__shape_size(int ndim, const ptrdiff_t *shape, const char *who);

/* ND_EVALUE "<who>: array i is NULL" when the list or one of its n arrays is NULL. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__check_list(int n, const nd_array *const *arrays, const char *who);

/* Broadcast shapes (error names `who` and every shape). */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__broadcast(int n, const int *ndims, const ptrdiff_t *const *shapes, int *out_ndim,
                        ptrdiff_t *out_shape, const char *who);
/* View of a broadcast to (ndim, shape), keeping writeability. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__broadcast_view(const nd_array *a, int ndim, const ptrdiff_t *shape, const char *who);
/* Copy src (broadcast) into dst with conversion; no casting check. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__copy_into(nd_array *dst, const nd_array *src);

/* ND_EDTYPE naming `who` when dt cannot hold an nd_scalar (the string dtypes): every
 * public function that stores a caller's scalar checks this first. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__scalar_fits(nd_dtype dt, const char *who);
/* Store / load a scalar to / from an element of type dt (a date element holds v.i). */
ND_INTERNAL void nd__scalar_store(void *dst, nd_dtype dt, nd_scalar s);
ND_INTERNAL nd_scalar nd__scalar_load(const void *src, nd_dtype dt);
/* ND_EDTYPE "who: not supported for dtype <name>" unless t is one of the ND_NTYPES
 * numeric dtypes: the guard before a table indexed by dtype (ufunc loops, sort kernels,
 * print formats) or a numeric-only code path, so an array of a flexible dtype is refused
 * instead of read out of bounds (dtype_guard.c). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__need_numeric(nd_dtype t, const char *who);

/* numc's one growable buffer (error.c). Make room for `need` bytes in the block *p, which
 * holds `used` meaningful bytes in *cap bytes: when *cap < need the capacity doubles
 * (starting from `first` when *cap is 0) until it fits, a new block comes from nd_malloc,
 * the `used` bytes are copied and the old block freed (the hooks have no realloc).
 * ND_ENOMEM naming `who` when the size would overflow or the allocation fails; *p and *cap
 * are then unchanged. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__buf_reserve(void *p, size_t used, size_t *cap, size_t need, size_t first,
                          const char *who);

/* numc's one growing string (print_float.c), on nd__buf_reserve. A failed allocation makes
 * it sticky-failed (ND_ENOMEM is set once); later appends are ignored, so callers check
 * `failed` at the end only. Start from { 0 } (or name `who`); free p with nd_free_mem or
 * nd__sb_release. */
typedef struct nd__strbuf {
    char *p;
    size_t len, cap;
    bool failed;
    const char *who; /* public function named in the out-of-memory message */
} nd__strbuf;

ND_INTERNAL void nd__sb_putn(nd__strbuf *b, const char *s, size_t n);
ND_INTERNAL void nd__sb_puts(nd__strbuf *b, const char *s);
ND_INTERNAL void nd__sb_putc(nd__strbuf *b, char c);
ND_INTERNAL void nd__sb_spaces(nd__strbuf *b, ptrdiff_t n); /* n <= 0 appends nothing */
ND_INTERNAL void nd__sb_release(nd__strbuf *b);

/* ---- compiler portability for the kernels (ufunc loops, pairwise sums) ---------------- */
/* Multi-versioning for the compute-bound float kernels (no libm calls inside: GCC keeps
 * errno handling in clones whatever the optimize pragmas say). */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__) && !defined(NUMC_NO_CLONES)
#define ND__CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define ND__CLONES
#endif

/* GCC-only optimisation pragmas, spelled so that clang compiles the same files:
 *   ND__FILE_NO_MATH_ERRNO   (file scope) libm calls need not set errno, so GCC vectorises
 *                            them; clang has no per-file form and keeps its default;
 *   ND__TARGET_AVX2_BEGIN / ND__TARGET_AVX512_BEGIN ... ND__TARGET_END  every function
 *                            defined in between is compiled for that instruction set
 *                            (GCC's push_options/target, clang's attribute push). */
#if defined(__clang__)
#define ND__FILE_NO_MATH_ERRNO
#define ND__TARGET_AVX2_BEGIN \
    _Pragma("clang attribute push(__attribute__((target(\"avx2,fma\"))), apply_to = function)")
#define ND__TARGET_AVX512_BEGIN \
    _Pragma("clang attribute push(__attribute__((target(\"avx512f,avx512dq\"))), apply_to = function)")
#define ND__TARGET_END _Pragma("clang attribute pop")
#elif defined(__GNUC__)
#define ND__FILE_NO_MATH_ERRNO _Pragma("GCC optimize(\"no-math-errno\")")
#define ND__TARGET_AVX2_BEGIN _Pragma("GCC push_options") _Pragma("GCC target(\"avx2,fma\")")
#define ND__TARGET_AVX512_BEGIN \
    _Pragma("GCC push_options") _Pragma("GCC target(\"avx512f,avx512dq\")")
#define ND__TARGET_END _Pragma("GCC pop_options")
#else
#define ND__FILE_NO_MATH_ERRNO
#define ND__TARGET_AVX2_BEGIN
#define ND__TARGET_AVX512_BEGIN
#define ND__TARGET_END
#endif

/* ---- fixed-width strings (core/strings): the hooks the generic paths call ------------- */
/* Convert n elements when st or dt is a string dtype: 'S' <-> 'U' of any width (cut or
 * zero padded), numbers to text (NumPy's str of the value) and text to numbers (Python's
 * int() / float() syntax). ND_EVALUE naming `who` for text that does not convert (a
 * non-ASCII character into 'S', a byte >= 128 into 'U', a number that does not parse). */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__str_cast(void *dst, nd_dtype dt, ptrdiff_t ds, const void *src, nd_dtype st,
                       ptrdiff_t ss, ptrdiff_t n, const char *who);
/* The pairs of dtypes these hooks take: a string dtype and a string or numeric one. */
static inline bool nd__str_claims_cast(nd_dtype a, nd_dtype b)
{
    return a != b && (nd_dtype_is_string(a) || nd_dtype_is_string(b)) &&
           (nd_dtype_is_string(a) || nd_dtype_is_numeric((int)a)) &&
           (nd_dtype_is_string(b) || nd_dtype_is_numeric((int)b));
}
/* nd_astype when either dtype is a string one (an unsized target is sized as NumPy's). */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__str_astype(const nd_array *a, nd_dtype dt, nd_casting c);
/* Python's repr of the element at p ('abc', b'abc', with its escapes), or its str (the
 * text itself) when !quoted; nd__str_columns counts the code points of UTF-8 text (the
 * columns the printer lines up). */
ND_INTERNAL void nd__str_put_elem(const char *p, nd_dtype dt, bool quoted, nd__strbuf *out);
ND_INTERNAL size_t nd__str_columns(const char *s, size_t len);
/* A savetxt row of a string array: fmt's %s conversions take the ncols elements at row,
 * row + stride, ... (ND_EVALUE for another conversion or a count that does not match). */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__str_format_row(const char *fmt, const char *row, ptrdiff_t stride, ptrdiff_t ncols,
                             nd_dtype dt, nd__strbuf *out, const char *who);
/* The comparison ufuncs on string operands: true when f is one of them and an operand is a
 * string array; then nd__str_ufunc_exec runs it (the engine's contract). */
struct nd_operand;
struct nd_ufunc_opts;
ND_INTERNAL bool nd__str_ufunc_claims(int f, int nin, const struct nd_operand *in);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__str_ufunc_exec(int f, const struct nd_operand *in, nd_array **out,
                             const struct nd_ufunc_opts *o, const char *who);
/* Sorting and searching string arrays (stable merge sort, NumPy's order): sorted copy or
 * int64 indices along axis, in place, searchsorted (side 0 left, 1 right), unique (with
 * NumPy's index / inverse / counts outputs), isin (element's shape). */
struct nd_unique_opts;
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__str_sort(const nd_array *a, int axis, bool indices, const char *who);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__str_sort_inplace(nd_array *a, int axis);
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__str_searchsorted(const nd_array *a, const nd_array *v, int side);
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__str_unique(const struct nd_unique_opts *o);
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__str_isin(const nd_array *element, const nd_array *test, bool invert,
                       const char *who);
/* datetime64 / timedelta64 casts (core/datetime/dt_cast.c). applies: a cast from/to a date
 * dtype that the datetime module performs (a date and a number or another date); nd__dt_cast
 * converts n elements (NaT kept, unit changes truncated toward -inf, ND_EVALUE on int64
 * overflow; errors name `who`); nd__dt_astype_target
 * resolves a generic date target to the source's unit and checks `casting`. */
ND_INTERNAL bool nd__dt_cast_applies(nd_dtype from, nd_dtype to);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_cast(void *dst, nd_dtype dt, ptrdiff_t ds, const void *src,
                                                 nd_dtype st, ptrdiff_t ss, ptrdiff_t n, const char *who);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_astype_target(nd_dtype from, nd_dtype *to, nd_casting casting);
/* Dates <-> text (core/datetime/dt_text.c): applies to a date dtype and a string one;
 * nd__dt_text_cast converts n elements (ISO text in the dtype's unit, timedelta's str();
 * text parsed by nd_datetime_parse, an integer of ticks for timedelta64; ND_EVALUE naming
 * `who` for a text that does not fit or does not parse); nd__dt_text_astype_target sizes
 * an unsized text target (NumPy's ISO length of the unit) and gives a generic datetime64
 * target the finest unit among a's strings. */
ND_INTERNAL bool nd__dt_text_cast_applies(nd_dtype from, nd_dtype to);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_text_cast(void *dst, nd_dtype dt, ptrdiff_t ds, const void *src,
                                                      nd_dtype st, ptrdiff_t ss, ptrdiff_t n, const char *who);
/* The three families above share one signature: convert n elements of dtype st at src
 * (stride ss) to dtype dt at dst (stride ds), errors naming `who`. nd__flex_cast_for picks
 * the family that converts st to dt (text, dates, dates <-> text), NULL when st -> dt is a
 * numeric cast (or none at all); nd__copy_into and nd_cast_strided dispatch through it. */
typedef nd_status (*nd__flex_cast_fn)(void *dst, nd_dtype dt, ptrdiff_t ds, const void *src,
                                      nd_dtype st, ptrdiff_t ss, ptrdiff_t n, const char *who);
ND_INTERNAL nd__flex_cast_fn nd__flex_cast_for(nd_dtype st, nd_dtype dt);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_text_astype_target(const nd_array *a, nd_dtype *to);
/* The ufunc engine's date path (core/datetime/dt_ufunc.c): wants is true when an input is a
 * date array or scalar; exec runs ufunc f (an nd_ufunc) on such operands. */
struct nd_operand;
struct nd_ufunc_opts;
/* The printed text of one date element at p (NumPy's DatetimeFormat / TimedelaFormat):
 * "'2008-01-01'" ('quote') or "2008-01-01", a timedelta's integer, "'NaT'"; into buf of
 * ND_DATETIME_STRLEN + 2 bytes; returns the length. */
ND_INTERNAL size_t nd__dt_elem_text(const char *p, nd_dtype dt, bool quote, char *buf);
/* sort / argsort of a date array with NaT last, as NumPy (core/datetime/dt_sort.c); kind is
 * an nd_sort_kind. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_sort_inplace(nd_array *a, int axis, int kind);
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_argsort(const nd_array *a, int axis, int kind);
ND_INTERNAL bool nd__dt_ufunc_wants(int nin, const struct nd_operand *in);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dt_ufunc_exec(int f, const struct nd_operand *in, int nout,
                                                       nd_array **outs, const struct nd_ufunc_opts *o,
                                                       const char *who);

#endif
