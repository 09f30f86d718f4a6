/* numc — masked arrays in files: a .npz of data, mask and fill value (nd_ma_save /
 * nd_ma_load), and numpy.genfromtxt(usemask=True) (nd_ma_genfromtxt), on core/io's
 * public readers and writers. */
#include <string.h>

#include "ma_internal.h"

static const char *const members[3] = { "data", "mask", "fill_value" };

/* ---- .npz ------------------------------------------------------------------------------- */
nd_status nd_ma_save(const char *path, const nd_marray *m)
{
    static const char who[] = "nd_ma_save";
    if (!path)
        return nd_set_error(ND_EVALUE, "%s: path is NULL", who);
    if (ma__check(m, who) < 0)
        return nd_last_error();
    nd_array *mask = ma__maskarray(m, who);
    nd_array *fill = mask ? nd_full(0, NULL, nd_dtype_of(m->data), m->fill) : NULL;
    /* nd_savez writes through nd_file_writer: a temporary renamed over the target, so a
     * failed save leaves an existing file as it was. */
    nd_status st = fill ? nd_savez(path, 3, members, (const nd_array *const[]){ m->data, mask, fill })
                        : nd_last_error();
    nd_free(fill);
    nd_free(mask);
    return st;
}

/* Member `name` of z; ND_EVALUE naming it and the file when absent. */
static nd_array *member(nd_npz *z, const char *name, const char *path, const char *who)
{
    if (nd_npz_find(z, name) < 0)
        return ND_FAIL(ND_EVALUE, "%s: %s: no member '%s' (a masked array .npz holds 'data', "
                       "'mask' and 'fill_value')", who, path, name);
    return nd_npz_get(z, name);
}

/* The checks of a loaded archive: a bool mask of data's shape and a one-element fill
 * value that fits data's dtype (*fill). */
static nd_status check_members(const nd_array *data, const nd_array *mask, const nd_array *fv,
                               nd_scalar *fill, const char *path, const char *who)
{
    if (nd_dtype_of(mask) != ND_BOOL)
        return nd_set_error(ND_EDTYPE, "%s: %s: member 'mask' must be bool, got %s", who, path,
                            nd_dtype_name(nd_dtype_of(mask)));
    if (nd_ndim(mask) != nd_ndim(data) ||
        memcmp(nd_shape(mask), nd_shape(data), sizeof(ptrdiff_t) * (size_t)nd_ndim(data)) != 0) {
        char s1[256], s2[256];
        nd__shape_str(s1, sizeof s1, nd_ndim(mask), nd_shape(mask));
        nd__shape_str(s2, sizeof s2, nd_ndim(data), nd_shape(data));
        return nd_set_error(ND_EVALUE, "%s: %s: member 'mask' has shape %s, 'data' has %s", who,
                            path, s1, s2);
    }
    if (nd_size(fv) != 1)
        return nd_set_error(ND_EVALUE, "%s: %s: member 'fill_value' must hold one value, it "
                            "holds %td", who, path, nd_size(fv));
    nd_scalar v;
    nd_status st = nd_item(fv, &v);
    if (st < 0)
        return st;
    /* NumPy saves the default fill value of a small integer type as it keeps it, the
     * int64 999999, and reading it back casts it as masked_array(..., fill_value=...)
     * does (63 for int8). Any other value must fit. */
    nd_dtype dt = nd_dtype_of(data);
    if (nd_dtype_is_integer(dt) && nd_dtype_is_integer(nd_dtype_of(fv)) &&
        nd_scalar_as_f64(v) == nd_scalar_as_f64(nd_ma_default_fill_value(dt))) {
        nd_array *cast = nd_astype(fv, dt, ND_CAST_UNSAFE);
        st = cast ? nd_item(cast, &v) : nd_last_error();
        nd_free(cast);
        if (st < 0)
            return st;
    }
    return ma__fill_check(dt, v, fill, who);
}

nd_marray *nd_ma_load(const char *path)
{
    static const char who[] = "nd_ma_load";
    if (!path)
        return ND_FAIL(ND_EVALUE, "%s: path is NULL", who);
    nd_npz *z = nd_npz_open(path);
    if (!z)
        return NULL;
    nd_array *a[3] = { NULL, NULL, NULL };
    for (int i = 0; i < 3; i++)
        if (!(a[i] = member(z, members[i], path, who)))
            break;
    nd_npz_close(z);
    nd_scalar fill;
    if (a[2] && check_members(a[0], a[1], a[2], &fill, path, who) == ND_OK) {
        nd_free(a[2]);
        return ma__wrap(a[0], a[1], &fill, false, who);
    }
    for (int i = 0; i < 3; i++)
        nd_free(a[i]);
    return NULL;
}

/* ---- genfromtxt(usemask=True) ------------------------------------------------------------ */
/* nd_genfromtxt over o->path (buf NULL) or the n bytes at buf, asking the reader for the
 * missing cells, which become the mask. */
static nd_marray *genfromtxt_masked(const void *buf, size_t n, const nd_csv_opts *o,
                                    const char *who)
{
    static const nd_csv_opts defaults;
    nd_csv_opts opts = o ? *o : defaults;
    nd_array *missing = NULL;
    opts.missing = &missing;
    nd_array *data = buf ? nd_genfromtxt_buffer(buf, n, &opts) : nd_genfromtxt_(&opts);
    if (!data)
        return NULL;
    return ma__wrap(data, missing, NULL, false, who);
}

nd_marray *nd_ma_genfromtxt_(const nd_csv_opts *o)
{
    if (!o || !o->path)
        return ND_FAIL(ND_EVALUE, "nd_ma_genfromtxt: path is NULL");
    return genfromtxt_masked(NULL, 0, o, "nd_ma_genfromtxt");
}

nd_marray *nd_ma_genfromtxt_buffer(const void *data, size_t n, const nd_csv_opts *o)
{
    if (!data && n)
        return ND_FAIL(ND_EVALUE, "nd_ma_genfromtxt_buffer: data is NULL");
    return genfromtxt_masked(data ? data : "", n, o, "nd_ma_genfromtxt_buffer");
}
