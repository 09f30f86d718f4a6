/* The array is required (NumPy: sort() missing 1 required positional argument: 'a');
 * the other arguments have NumPy's defaults.
 * expect: nd_requires_an_array_argument */
#include <numc/numc.h>

int main(void)
{
    nd_array *s = nd_sort();
    nd_free(s);
    return 0;
}
