/* NumPy's np.add(a, b, out) has no positional spelling in numc: the output form is
 * nd_add_into(out, a, b). An array after the operands must not become the .where mask.
 * expect: no_positional_options_use_X_into_for_out|incompatible type */
#include <numc/numc.h>

int main(void)
{
    nd_array *a = nd_ones(ND_SHAPE(3), ND_FLOAT64), *out = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    nd_array *c = nd_add(a, 1.0, out);
    nd_free(c);
    return 0;
}
