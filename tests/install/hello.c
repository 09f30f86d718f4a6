/* Built by tests/test_install.sh against an *installed* numc (pkg-config and CMake). */
#include <numc/numc.h>
#include <stdio.h>

int main(void)
{
    nd_array *z = nd_zeros(ND_SHAPE(3, 4), ND_FLOAT64);
    if (!z) {
        fprintf(stderr, "hello: %s\n", nd_errmsg());
        return 1;
    }
    printf("numc %s size=%td ndim=%d %s\n", NUMC_VERSION, nd_size(z), nd_ndim(z),
           nd_dtype_name(nd_dtype_of(z)));
    nd_free(z);
    return 0;
}
