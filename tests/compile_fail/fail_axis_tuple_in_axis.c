/* .axis is one int axis; a tuple of axes is .axes = ND_AXES(0, 2). Mixing them up must
 * not compile (before, .axis = 1 silently initialised a count and reduced over axis 0).
 * expect: incompatible type|initializing 'int' with an expression of incompatible type */
#include <numc/numc.h>

int main(void)
{
    nd_array *a = nd_ones(ND_SHAPE(2, 3, 4), ND_FLOAT64);
    nd_array *s = nd_sum(a, .axis = ND_AXES(0, 2));
    nd_free(s);
    return 0;
}
