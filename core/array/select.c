/* numc's selection algorithm (select_template.h) for doubles without NaN. */
#include "select.h"

#define SEL_T double
#define SEL_NAME f64
#define SEL_LT(c, a, b) ((a) < (b))
#include "select_template.h"

void nd__select_multi(double *v, ptrdiff_t n, const ptrdiff_t *ks, int nk)
{
    sel_multi_f64(v, n, ks, nk, NULL);
}
