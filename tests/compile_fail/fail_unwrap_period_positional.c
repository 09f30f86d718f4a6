/* numpy.unwrap(p, discont=None, axis=-1, *, period=2*pi): period is keyword-only, so a
 * third positional argument is a TypeError in NumPy; in numc it does not compile (it would
 * otherwise land in a field after axis). Write nd_unwrap(p, discont, axis, .period = x).
 * expect: nd_unwrap_period_is_keyword_only */
#include <numc/numc.h>

int main(void)
{
    nd_array *p = nd_zeros(ND_SHAPE(8), ND_FLOAT64);
    nd_array *u = nd_unwrap(p, 3.5, -1, 6.28);
    nd_free(u);
    nd_free(p);
    return 0;
}
