/* White-box: the mathtext subset becomes pango markup (plot_model.h's
 * nplot__mathtext_markup). Links the static archive of the plot objects. */
#include "plot_model.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>


static void test_mathtext_subset(void)
{
    struct { const char *in, *out; } cases[] = {
        { "plain <&> text", "plain &lt;&amp;&gt; text" },
        { "$\\mu=100$", "<i>μ</i>=100" },
        { "$x^2$", "<i>x</i><sup>2</sup>" },
        { "$a_{ij}$", "<i>a</i><sub><i>i</i><i>j</i></sub>" },
        { "$10^{-3}$", "10<sup>−3</sup>" },
        { "$\\Omega \\times \\pm$", "Ω×±" },
        { "cost \\$5", "cost $5" },
        { "$\\mathrm{kg}$", "kg" },
        { "$\\mathdefault{10^{2}}$", "10<sup>2</sup>" },
        { "unbalanced $x", "unbalanced $x" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *m = nplot__mathtext_markup(cases[i].in);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m);
        if (strcmp(m, cases[i].out) != 0) printf("\nmathtext '%s' -> '%s', want '%s'\n", cases[i].in, m, cases[i].out);
        CU_ASSERT_STRING_EQUAL(m, cases[i].out);
        nd_free_mem(m);
    }
}

static const ND_TEST tests[] = {
    ND_T(test_mathtext_subset),
    { 0 },
};
ND_TEST_MAIN("plot_mathtext", tests)
