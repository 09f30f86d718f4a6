/* Expressions without leaks: a least-squares line fit written as nested NumPy-style
 * calls inside an autorelease scope (nd_scope_begin / nd_scope_end, array.h). Every
 * intermediate array is freed by nd_scope_end; nd_keep takes out the residuals, which
 * outlive the scope. Prints what NumPy prints for the same program:
 *     x = np.linspace(0, 1, 11); y = 3 * x + 1 + 0.1 * np.sin(20 * x)
 *     slope = np.mean((x - x.mean()) * (y - y.mean())) / np.var(x)
 *     icept = y.mean() - slope * x.mean()
 *     print('slope %.6f, intercept %.6f' % (slope, icept))
 *     print('residuals', np.round(y - (x * slope + icept), 3)) */
#include <numc/numc.h>
#include <stdio.h>

int main(void)
{
    if (nd_scope_begin() < 0) return 1;
    nd_array *x = nd_linspace(0, 1, 11);
    nd_array *y = nd_add(nd_add(nd_multiply(x, 3.0), 1.0), nd_multiply(nd_sin(nd_multiply(x, 20.0)), 0.1));
    nd_array *dx = nd_subtract(x, nd_mean(x)), *dy = nd_subtract(y, nd_mean(y));
    double slope = nd_item_f64(nd_mean(nd_multiply(dx, dy))) / nd_item_f64(nd_var(x));
    double icept = nd_item_f64(nd_mean(y)) - slope * nd_item_f64(nd_mean(x));
    nd_array *resid = nd_keep(nd_round(nd_subtract(y, nd_add(nd_multiply(x, slope), icept)), 3));
    if (nd_scope_end() < 0 || !resid) {
        fprintf(stderr, "scoped_stats: %s\n", nd_errmsg());
        nd_free(resid);
        return 1;
    }
    printf("slope %.6f, intercept %.6f\nresiduals ", slope, icept);
    nd_print(resid, NULL);
    nd_free(resid);
    return 0;
}
