/* nd_unwrap(p, out) is not numpy.unwrap's out= (it has none): the first positional
 * argument after p is discont (a double), as in NumPy, so an array there does not compile.
 * expect: incompatible type */
#include <numc/numc.h>

int main(void)
{
    nd_array *p = nd_zeros(ND_SHAPE(8), ND_FLOAT64), *out = nd_zeros(ND_SHAPE(8), ND_FLOAT64);
    nd_array *u = nd_unwrap(p, out);
    nd_free(u);
    nd_free(out);
    nd_free(p);
    return 0;
}
