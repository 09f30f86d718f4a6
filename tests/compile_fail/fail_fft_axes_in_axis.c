/* The same trap for the transforms: .axis is an int, .axes the tuple.
 * expect: incompatible type|initializing 'int' with an expression of incompatible type */
#include <numc/numc.h>

int main(void)
{
    nd_array *a = nd_ones(ND_SHAPE(4, 4), ND_FLOAT64);
    nd_array *f = nd_fft(a, .axis = ND_AXES(0));
    nd_free(f);
    return 0;
}
