/* nd_histogram needs the array and both result pointers (either may be NULL); a short
 * call names what is missing instead of "macro ND__H3R requires 4 arguments".
 * expect: nd_histogram_requires_a_hist_and_edges */
#include <numc/numc.h>

int main(void)
{
    nd_array *a = nd_ones(ND_SHAPE(4)), *h = NULL;
    nd_status st = nd_histogram(a, &h);
    nd_free(h);
    nd_free(a);
    return st == ND_OK ? 0 : 1;
}
