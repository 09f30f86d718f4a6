/* q is required for percentile (NumPy: percentile() missing 1 required positional
 * argument: 'q').
 * expect: too few arguments to function.*nd_percentile_requires_q|single argument 'q' was not specified */
#include <numc/numc.h>

int main(void)
{
    nd_array *a = nd_ones(ND_SHAPE(4), ND_FLOAT64);
    nd_array *p = nd_percentile(a);
    nd_free(p);
    return 0;
}
