/* An element accessor takes the number of indices with the indices (ND_IDX writes both),
 * so an index array of unknown length can no longer be passed alone and read past.
 * expect: too few arguments to function */
#include <numc/numc.h>

int main(void)
{
    nd_array *a = nd_ones(ND_SHAPE(3, 4), ND_FLOAT64);
    const ptrdiff_t idx[1] = { 1 };
    double v = nd_get_f64(a, idx);
    nd_free(a);
    return v > 0;
}
