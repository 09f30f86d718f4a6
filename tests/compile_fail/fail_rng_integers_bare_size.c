/* The size of nd_rng_integers is an ND_SHAPE, not a bare count: nd_rng_integers(r, 10, 5)
 * would otherwise read 5 as the number of dimensions.
 * expect: nd_shape_is_ND_SHAPE_of_the_extents */
#include <numc/numc.h>

int main(void)
{
    nd_rng *r = nd_rng_new(1);
    nd_array *k = nd_rng_integers(r, 10, 5);
    nd_free(k);
    nd_rng_free(r);
    return 0;
}
