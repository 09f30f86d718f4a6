/* Cookbook: vector fields. quiver with a key, wind barbs, and streamplot with speed-mapped
 * colors and widths, and from chosen start points.
 * Usage: vector_fields [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

enum { N = 50, QN = 12 };

static nd_array *grid(const double *v, ptrdiff_t rows, ptrdiff_t cols)
{
    return nd_from_buffer(v, 2, (const ptrdiff_t[]){ rows, cols }, ND_FLOAT64);
}

int main(int argc, char **argv)
{
    /* a vortex pair with a drift on [-3, 3]² */
    static double s[N], u[N * N], v[N * N], speed[N * N], width[N * N];
    for (int i = 0; i < N; i++) s[i] = -3 + 6.0 * i / (N - 1);
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++) {
            double x = s[i], y = s[j], k = j * N + i;
            double r1 = (x + 1) * (x + 1) + y * y + 0.3, r2 = (x - 1) * (x - 1) + y * y + 0.3;
            u[(int)k] = 0.4 - y / r1 + y / r2;
            v[(int)k] = (x + 1) / r1 - (x - 1) / r2;
            speed[(int)k] = hypot(u[(int)k], v[(int)k]);
            width[(int)k] = 0.5 + 2.5 * fmin(speed[(int)k], 2) / 2;
        }
    static double qx[QN], qu[QN * QN], qv[QN * QN], qc[QN * QN];
    for (int i = 0; i < QN; i++) qx[i] = -3 + 6.0 * i / (QN - 1);
    for (int j = 0; j < QN; j++)
        for (int i = 0; i < QN; i++) {
            double x = qx[i], y = qx[j];
            double r1 = (x + 1) * (x + 1) + y * y + 0.3, r2 = (x - 1) * (x - 1) + y * y + 0.3;
            qu[j * QN + i] = 0.4 - y / r1 + y / r2;
            qv[j * QN + i] = (x + 1) / r1 - (x - 1) / r2;
            qc[j * QN + i] = hypot(qu[j * QN + i], qv[j * QN + i]);
        }
    /* barbs: one row per wind speed band, turning with x */
    static double bx[40], by[40], bu[40], bv[40];
    for (int k = 0; k < 40; k++) {
        double sp = 5.0 * k, dir = 0.35 * (k % 8);
        bx[k] = k % 8, by[k] = k / 8;
        bu[k] = sp * cos(dir), bv[k] = sp * sin(dir);
    }
    double starts[4][2] = { { -2.5, -2.5 }, { -2.5, 0 }, { -2.5, 2.5 }, { 0, 0.5 } };

    nd_array *S = nd_from_f64(s, N), *U = grid(u, N, N), *V = grid(v, N, N);
    nd_array *SP = grid(speed, N, N), *W = grid(width, N, N);
    nd_array *QX = nd_from_f64(qx, QN), *QU = grid(qu, QN, QN), *QV = grid(qv, QN, QN);
    nd_array *QC = grid(qc, QN, QN);
    nd_array *BX = nd_from_f64(bx, 40), *BY = nd_from_f64(by, 40), *BU = nd_from_f64(bu, 40);
    nd_array *BV = nd_from_f64(bv, 40), *ST = grid(&starts[0][0], 4, 2);

    nplot_figure *fig = nplot_figure_new(.width = 11, .height = 9);
    nplot_axes *axs[4];
    nplot_subplots(fig, 2, 2, axs);
    nplot_quiver(axs[0], QU, QV, .x = QX, .y = QX, .c = QC, .cmap = "plasma", .pivot = "mid");
    nplot_quiverkey(axs[0], 0.85, 1.03, 1, "1 m/s", .labelpos = "E");
    nplot_set_title(axs[0], "quiver, colored by speed", .loc = "left");
    nplot_barbs(axs[1], BU, BV, .x = BX, .y = BY, .flagcolor = "tab:red", .barbcolor = "k");
    nplot_set_xlim(axs[1], -1, 8);
    nplot_set_ylim(axs[1], -1, 5);
    nplot_set_title(axs[1], "barbs: 0 to 195 in steps of 5", .loc = "left");
    nplot_streamplot(axs[2], S, S, U, V, .c = SP, .linewidths = W, .cmap = "viridis",
                     .density = 1.2, .vmin = 0, .vmax = 2);
    nplot_colorbar(axs[2], .label = "speed");
    nplot_set_title(axs[2], "streamplot, color and width by speed", .loc = "left");
    nplot_streamplot(axs[3], S, S, U, V, .start_points = ST, .color = "tab:blue",
                     .broken_streamlines = NPLOT_OFF, .maxlength = 12, .arrowsize = 1.5);
    double sx[4], sy[4];
    for (int k = 0; k < 4; k++) sx[k] = starts[k][0], sy[k] = starts[k][1];
    nplot_plot_xy(axs[3], sx, sy, 4, .fmt = "ro");
    nplot_set_title(axs[3], "streamplot from start points", .loc = "left");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%svector_fields.png", argc > 1 ? argv[1] : "",
             argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "vector_fields: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_array *all[] = { S, U, V, SP, W, QX, QU, QV, QC, BX, BY, BU, BV, ST };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) nd_free(all[i]);
    return st ? 1 : 0;
}
