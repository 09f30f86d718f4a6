/* A shape is ND_SHAPE(extents...), not a bare length as in np.zeros(5).
 * expect: nd_shape_is_ND_SHAPE_of_the_extents */
#include <numc/numc.h>

int main(void)
{
    nd_array *z = nd_zeros(5);
    nd_free(z);
    return 0;
}
