/* libFuzzer target: the CSV / text reader (nd_read_csv_buffer, nd_genfromtxt_buffer,
 * nd_loadtxt_buffer) under every dialect. The first two bytes choose the options, the
 * rest is the file. Accepted tables are walked completely. */
#include <numc/io.h>
#include <numc/numc.h>

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    uint8_t a = data[0], b = data[1];
    data += 2;
    size -= 2;
    static const char delims[] = { 0, ',', ';', '\t', ' ', '|' };
    static const int dtypes[] = { 0, ND_FLOAT32, ND_INT64, ND_UINT8, ND_COMPLEX128, ND_INT16 };
    static const char *const comments[] = { NULL, "", "//", "#" };
    nd_csv_stats st;
    nd_csv_opts o = {
        .path = "fuzz.csv",
        .delimiter = delims[a % 6],
        .quote = (a >> 3) & 1 ? -1 : 0,
        .comments = comments[(a >> 4) & 3],
        .header = ((a >> 6) % 3) - 1,
        .skiprows = b & 1,
        .max_rows = (b >> 1) & 1 ? 3 : 0,
        .dtype = dtypes[(b >> 2) % 6],
        .ragged_fill = (b >> 5) & 1,
        .keep_text = (b >> 6) & 1,
        .invalid_raise = (b >> 7) & 1,
        .stats = &st,
    };
    if ((a >> 5) & 1) { /* select the last and the first column */
        o.usecols = (const int[]){ -1, 0 };
        o.nusecols = 2;
    }
    nd_table *t = nd_read_csv_buffer(data, size, &o);
    if (t) {
        for (int k = 0; k < nd_table_ncols(t); k++) {
            (void)nd_table_colname(t, k);
            nd_array *c = nd_table_column(t, k);
            for (ptrdiff_t r = 0; r < nd_table_nrows(t); r++) {
                const char *s = nd_table_text(t, r, k);
                if (s) (void)strlen(s);
            }
            nd_free(c);
        }
        nd_free(nd_table_to_array(t, ND_FLOAT64));
        nd_table_free(t);
    }
    o.usecols = NULL;
    o.nusecols = 0;
    nd_free(nd_genfromtxt_buffer(data, size, &o));
    nd_free(nd_loadtxt_buffer(data, size, &o));
    return 0;
}
