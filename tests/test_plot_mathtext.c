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
        { "$\\mu=100$", "<i>μ</i>\u2009=\u2009100" },
        { "$x^2$", "<i>x</i><sup>2</sup>" },
        { "$a_{ij}$", "<i>a</i><sub><i>i</i><i>j</i></sub>" },
        { "$10^{-3}$", "10<sup>−3</sup>" },
        { "$\\Omega \\times \\pm$", "Ω\u2009×\u2009\u2009±\u2009" },
        /* matplotlib's spacing: binary operators unless unary (at the start, after '{' or an
         * opening delimiter), relations and arrows always, punctuation after */
        { "$-x$", "−<i>x</i>" },
        { "$a-x$", "<i>a</i>\u2009−\u2009<i>x</i>" },
        { "$(-1)$", "(−1)" },
        { "$a \\leq b \\rightarrow c$", "<i>a</i>\u2009≤\u2009<i>b</i>\u2009→\u2009<i>c</i>" },
        { "$f(x, y)$", "<i>f</i>(<i>x</i>,\u2009<i>y</i>)" },
        { "$3.14$", "3.14" },
        /* the whole symbol table, accents, alphabets, functions, spaces */
        { "$\\hbar \\aleph \\nabla \\oint$", "ħℵ∇<span size=\"141.42%\">∮</span>" },
        { "$\\hat{x} \\vec{v}$", "<i>x</i>\u0302<i>v</i>\u20d7" },
        { "$\\mathbb{R} \\mathcal{L} \\mathfrak{g}$", "ℝℒ\U0001d524" },
        { "$\\sin\\,\\theta$", "sin\u2009<i>θ</i>" },
        { "$\\mathtt{ab}$", "<span font_family=\"monospace\">ab</span>" },
        { "$\\overline{AB}$", "<span overline=\"single\"><i>A</i><i>B</i></span>" },
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

/* matplotlib raises ValueError("Unknown symbol: \\foo") when it draws such a text; numc
 * fails the same way (the layout, hence the savefig, reports it). */
static void test_mathtext_unknown_symbol_fails(void)
{
    CU_ASSERT_PTR_NULL(nplot__mathtext_markup("$\\alpha + \\foo$"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Unknown symbol: \\foo"));
    CU_ASSERT_PTR_NULL(nplot__mathtext_markup("$\\frac{1}{\\nosuch}$"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "\\nosuch"));
    /* outside $...$ a backslash is text */
    char *m = nplot__mathtext_markup("C:\\foo");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_STRING_EQUAL(m, "C:\\foo");
    nd_free_mem(m);
}

static const ND_TEST tests[] = {
    ND_T(test_mathtext_subset),
    ND_T(test_mathtext_unknown_symbol_fails),
    { 0 },
};
ND_TEST_MAIN("plot_mathtext", tests)
