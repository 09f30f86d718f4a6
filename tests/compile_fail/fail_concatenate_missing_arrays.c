/* nd_concatenate needs the arrays (NumPy: concatenate() missing required argument
 * 'arrays'); the axis has NumPy's default 0.
 * expect: nd_concatenate_requires_n_and_arrays */
#include <numc/numc.h>

int main(void)
{
    nd_array *c = nd_concatenate(2);
    nd_free(c);
    return 0;
}
