// The public headers compile as C++ (tests/test_cxx_headers.sh) and their functions link
// with C names (the extern "C" guards): this program calls a few of them.
#include <numc/numc.h>
#include <numc/plot.h>

#include <cstdio>

int main()
{
    nd_array *a = nd_arange(0, 4, 1, ND_FLOAT64);
    nd_array *s = nd_sum_(a, nullptr);
    double total = nd_item_f64(s);
    nd_operand two = nd_op_f64(2.0);
    nd_free(s);
    nd_free(a);
    if (total != 6.0 || two.kind != ND_OPK_SCALAR) {
        std::printf("FAIL: sum %g\n", total);
        return 1;
    }
    std::printf("ok: C++ calls into libnumc (sum %g)\n", total);
    return 0;
}
