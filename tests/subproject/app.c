/* The parent project's program: builds an array through numc and prints what it got. */
#include <numc/numc.h>
#include <stdio.h>

int main(void)
{
    nd_array *a = nd_arange(0.0, 10.0, 1.0, ND_FLOAT64);
    if (!a) {
        fprintf(stderr, "app: %s\n", nd_errmsg());
        return 1;
    }
    printf("numc %s size=%td %s\n", NUMC_VERSION, nd_size(a), nd_dtype_name(nd_dtype_of(a)));
    nd_free(a);
    return 0;
}
