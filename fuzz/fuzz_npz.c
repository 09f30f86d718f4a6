/* libFuzzer target: the .npz (zip) reader — directory, zip64 records, stored and deflate
 * members, CRC checks — over bytes in memory. */
#include <numc/io.h>
#include <numc/numc.h>

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nd_npz *z = nd_npz_open_buffer(data, size, &(nd_npz_opts){ .max_bytes = 1 << 26 });
    if (!z) return 0;
    size_t n = nd_npz_count(z);
    for (size_t i = 0; i < n && i < 64; i++) {
        const char *name = nd_npz_name(z, i);
        if (name) (void)strlen(name);
        nd_free(nd_npz_get_index(z, i));
    }
    nd_npz_close(z);
    return 0;
}
