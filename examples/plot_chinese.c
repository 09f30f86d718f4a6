/* Cookbook: CJK text with no configuration (fontconfig falls back to an installed CJK
 * font such as WenQuanYi Micro Hei), Greek letters and a true minus sign.
 * Usage: plot_chinese [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 200 };
    double x[N], s[N], c[N];
    for (int i = 0; i < N; i++) {
        x[i] = -3.14159265358979 + 2 * 3.14159265358979 * i / (N - 1);
        s[i] = sin(x[i]);
        c[i] = cos(x[i]);
    }
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_xy(ax, x, s, N, .label = "正弦 sin");
    nplot_plot_xy(ax, x, c, N, .label = "余弦 cos");
    nplot_set_title(ax, "标题 三角函数");
    nplot_set_xlabel(ax, "角度 θ (弧度)");
    nplot_set_ylabel(ax, "数值 μ ± σ");
    nplot_legend(ax);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_chinese.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_chinese: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
