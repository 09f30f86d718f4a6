/* libFuzzer target: the .npy header parser and loader (nd_load_buffer). Whatever loads
 * must save back to an image that loads to the same bytes. */
#include <numc/io.h>
#include <numc/numc.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nd_array *a = nd_load_buffer(data, size);
    if (!a) return 0;
    size_t n;
    void *img = nd_save_buffer(&n, &(nd_save_opts){ .array = a, .byteorder = '>' });
    if (img) {
        nd_array *b = nd_load_buffer(img, n);
        if (!b || nd_nbytes(a) != nd_nbytes(b)) abort();
        nd_array *ca = nd_copy(a, ND_ORDER_C), *cb = nd_copy(b, ND_ORDER_C);
        if (ca && cb && memcmp(nd_data(ca), nd_data(cb), nd_nbytes(ca)) != 0) abort();
        nd_free(ca);
        nd_free(cb);
        nd_free(b);
        nd_free_mem(img);
    }
    nd_free(a);
    return 0;
}
