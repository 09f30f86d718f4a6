/* N is required (NumPy: eye() missing 1 required positional argument: 'N').
 * expect: nd_requires_a_size_argument */
#include <numc/numc.h>

int main(void)
{
    nd_array *e = nd_eye();
    nd_free(e);
    return 0;
}
