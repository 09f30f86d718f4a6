/* Axes3D's projection (matplotlib 3.6 Axes3D.get_proj and proj3d.py): world, view and
 * perspective / orthographic matrices, and the view state calls that feed them
 * (set_proj_type, set_box_aspect, get_proj, unit cubes). */
#include "plot_model.h"

#include <math.h>
#include <string.h>

#define DIST 10.0                   /* Axes3D._dist */

/* art3d._norm_angle: into [-180, 180) */
static double norm_angle(double a)
{
    a = fmod(a + 180, 360);
    if (a < 0) a += 360;
    return a - 180;
}

static void mat_mul(const double A[16], const double B[16], double C[16])
{
    double T[16];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            double s = 0;
            for (int k = 0; k < 4; k++) s += A[i * 4 + k] * B[k * 4 + j];
            T[i * 4 + j] = s;
        }
    memcpy(C, T, sizeof T);
}

static void cross(const double a[3], const double b[3], double c[3])
{
    c[0] = a[1] * b[2] - a[2] * b[1];
    c[1] = a[2] * b[0] - a[0] * b[2];
    c[2] = a[0] * b[1] - a[1] * b[0];
}

static void unit(double v[3])
{
    double n = sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (n > 0) v[0] /= n, v[1] /= n, v[2] /= n;
}

void nplot__proj3d_box(const nplot_axes *ax, double box[3])
{
    if (ax->box[0] > 0) {
        memcpy(box, ax->box, sizeof(double) * 3);
        return;
    }
    double n = sqrt(41.0);
    box[0] = 4 * NPLOT__BOX3D_DIAG / n, box[1] = 4 * NPLOT__BOX3D_DIAG / n, box[2] = 3 * NPLOT__BOX3D_DIAG / n;
}

/* proj3d.rotation_about_vector */
static void rot_about(const double v[3], double angle, double R[9])
{
    double x = v[0], y = v[1], z = v[2], n = sqrt(x * x + y * y + z * z);
    x /= n, y /= n, z /= n;
    double s = sin(angle), c = cos(angle), t = 2 * sin(angle / 2) * sin(angle / 2);
    double M[9] = { t * x * x + c,     t * x * y - s * z, t * x * z + s * y,
                    t * y * x + s * z, t * y * y + c,     t * y * z - s * x,
                    t * z * x - s * y, t * z * y + s * x, t * z * z + c };
    memcpy(R, M, sizeof M);
}

void nplot__proj3d_matrix(const nplot_axes *ax, const double lim[6], double M[16])
{
    double box[3];
    nplot__proj3d_box(ax, box);
    double dx = (lim[1] - lim[0]) / box[0], dy = (lim[3] - lim[2]) / box[1], dz = (lim[5] - lim[4]) / box[2];
    double W[16] = { 1 / dx, 0, 0, -lim[0] / dx, 0, 1 / dy, 0, -lim[2] / dy,
                     0, 0, 1 / dz, -lim[4] / dz, 0, 0, 0, 1 };
    double R[3] = { 0.5 * box[0], 0.5 * box[1], 0.5 * box[2] };
    double el = norm_angle(ax->elev) * M_PI / 180, az = norm_angle(ax->azim) * M_PI / 180;
    double roll = norm_angle(ax->roll) * M_PI / 180;
    double ps[3] = { cos(el) * cos(az), cos(el) * sin(az), sin(el) };
    double V[3] = { 0, 0, fabs(el) > 0.5 * M_PI ? -1 : 1 };
    bool ortho = isinf(ax->focal);
    double f = ax->focal > 0 ? ax->focal : 1, fe = ortho ? 1 : f;
    double E[3];
    for (int i = 0; i < 3; i++) E[i] = R[i] + DIST * ps[i] * fe;
    /* view_transformation(E, R, V, roll) */
    double n[3] = { E[0] - R[0], E[1] - R[1], E[2] - R[2] }, u[3], v[3];
    unit(n);
    cross(V, n, u);
    unit(u);
    cross(n, u, v);
    if (roll != 0) {
        double Rr[9], u2[3], v2[3];
        rot_about(n, -roll, Rr);
        for (int i = 0; i < 3; i++) {
            u2[i] = Rr[i * 3] * u[0] + Rr[i * 3 + 1] * u[1] + Rr[i * 3 + 2] * u[2];
            v2[i] = Rr[i * 3] * v[0] + Rr[i * 3 + 1] * v[1] + Rr[i * 3 + 2] * v[2];
        }
        memcpy(u, u2, sizeof u), memcpy(v, v2, sizeof v);
    }
    double Mr[16] = { u[0], u[1], u[2], 0, v[0], v[1], v[2], 0, n[0], n[1], n[2], 0, 0, 0, 0, 1 };
    double Mt[16] = { 1, 0, 0, -E[0], 0, 1, 0, -E[1], 0, 0, 1, -E[2], 0, 0, 0, 1 };
    double view[16], P[16];
    mat_mul(Mr, Mt, view);
    double zf = -DIST, zb = DIST;
    if (ortho) {
        double O[16] = { 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, -2, 0, 0, 0, -(zf + zb), -(zf - zb) };
        memcpy(P, O, sizeof O);
    } else {
        double b = (zf + zb) / (zf - zb), c = -2 * (zf * zb) / (zf - zb);
        double Q[16] = { f, 0, 0, 0, 0, f, 0, 0, 0, 0, b, c, 0, 0, -1, 0 };
        memcpy(P, Q, sizeof Q);
    }
    double M0[16];
    mat_mul(view, W, M0);
    mat_mul(P, M0, M);
}

void nplot__proj3d_apply(const double M[16], double x, double y, double z, double *tx, double *ty,
                         double *tz)
{
    double w = M[12] * x + M[13] * y + M[14] * z + M[15];
    *tx = (M[0] * x + M[1] * y + M[2] * z + M[3]) / w;
    *ty = (M[4] * x + M[5] * y + M[6] * z + M[7]) / w;
    *tz = (M[8] * x + M[9] * y + M[10] * z + M[11]) / w;
}

void nplot__proj3d_limits(nplot_axes *ax, double lim[6])
{
    lim[0] = ax->xa.lo, lim[1] = ax->xa.hi, lim[2] = ax->ya.lo, lim[3] = ax->ya.hi;
    nplot__zlimits(ax, &lim[4], &lim[5]);
}

/* ---- public view state ------------------------------------------------------------------------ */
nd_status nplot_set_proj_type(nplot_axes *ax, const char *proj_type, double focal_length)
{
    static const char *who = "nplot_set_proj_type";
    CHECK_3D(ax, who);
    if (!proj_type) return nplot__fail(ax->fig, ND_EVALUE, "%s: proj_type is NULL", who);
    if (!strcmp(proj_type, "persp")) {
        if (focal_length == 0) focal_length = 1;
        if (!(focal_length > 0))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: focal_length = %g must be greater than 0", who,
                               focal_length);
        ax->focal = focal_length;
    } else if (!strcmp(proj_type, "ortho")) {
        if (focal_length != 0 && !isinf(focal_length))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: focal_length = %g must be 0 or INFINITY for "
                                                   "proj_type 'ortho'", who, focal_length);
        ax->focal = INFINITY;
    } else {
        return nplot__fail(ax->fig, ND_EVALUE, "%s: proj_type '%s' is not 'persp' or 'ortho'", who,
                           proj_type);
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_box_aspect3d(nplot_axes *ax, double ax_, double ay, double az, double zoom)
{
    static const char *who = "nplot_set_box_aspect3d";
    CHECK_3D(ax, who);
    if (zoom == 0) zoom = 1;
    if (!(zoom > 0) || isinf(zoom))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: zoom = %g must be a positive number", who, zoom);
    if (ax_ == 0 && ay == 0 && az == 0) ax_ = 4, ay = 4, az = 3;
    if (!(ax_ > 0 && ay > 0 && az > 0) || isinf(ax_) || isinf(ay) || isinf(az))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: aspect (%g, %g, %g) must be three positive numbers",
                           who, ax_, ay, az);
    double n = sqrt(ax_ * ax_ + ay * ay + az * az), k = NPLOT__BOX3D_DIAG * zoom / n;
    ax->box[0] = ax_ * k, ax->box[1] = ay * k, ax->box[2] = az * k;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_view_init_roll(nplot_axes *ax, double elev, double azim, double roll)
{
    static const char *who = "nplot_view_init_roll";
    CHECK_3D(ax, who);
    if (!isfinite(elev) || !isfinite(azim) || !isfinite(roll))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: angles must be finite, got %g, %g, %g", who, elev,
                           azim, roll);
    ax->elev = elev, ax->azim = azim, ax->roll = roll;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_get_proj(nplot_axes *ax, double M[16])
{
    static const char *who = "nplot_get_proj";
    CHECK_3D(ax, who);
    if (!M) return nplot__fail(ax->fig, ND_EVALUE, "%s: M is NULL", who);
    nplot__autoscale(ax->fig);
    double lim[6];
    nplot__proj3d_limits(ax, lim);
    nplot__proj3d_matrix(ax, lim, M);
    return ND_OK;
}

nd_status nplot_get_w_lims(nplot_axes *ax, double lims[6])
{
    static const char *who = "nplot_get_w_lims";
    CHECK_3D(ax, who);
    if (!lims) return nplot__fail(ax->fig, ND_EVALUE, "%s: lims is NULL", who);
    nplot__autoscale(ax->fig);
    double l[6];
    nplot__proj3d_limits(ax, l);
    for (int i = 0; i < 3; i++) lims[2 * i] = fmin(l[2 * i], l[2 * i + 1]), lims[2 * i + 1] = fmax(l[2 * i], l[2 * i + 1]);
    return ND_OK;
}

nd_status nplot_unit_cube(nplot_axes *ax, double pts[24])
{
    static const char *who = "nplot_unit_cube";
    CHECK_3D(ax, who);
    if (!pts) return nplot__fail(ax->fig, ND_EVALUE, "%s: pts is NULL", who);
    double w[6];
    nplot_get_w_lims(ax, w);
    static const int cx[8] = { 0, 1, 1, 0, 0, 1, 1, 0 }, cy[8] = { 0, 0, 1, 1, 0, 0, 1, 1 },
                     cz[8] = { 0, 0, 0, 0, 1, 1, 1, 1 };
    for (int i = 0; i < 8; i++) {
        pts[3 * i] = w[cx[i]], pts[3 * i + 1] = w[2 + cy[i]], pts[3 * i + 2] = w[4 + cz[i]];
    }
    return ND_OK;
}

nd_status nplot_tunit_cube(nplot_axes *ax, double pts[24])
{
    static const char *who = "nplot_tunit_cube";
    CHECK_3D(ax, who);
    if (!pts) return nplot__fail(ax->fig, ND_EVALUE, "%s: pts is NULL", who);
    double M[16], c[24];
    nplot_get_proj(ax, M);
    nplot_unit_cube(ax, c);
    for (int i = 0; i < 8; i++)
        nplot__proj3d_apply(M, c[3 * i], c[3 * i + 1], c[3 * i + 2], &pts[3 * i], &pts[3 * i + 1], &pts[3 * i + 2]);
    return ND_OK;
}

nd_status nplot_tunit_edges(nplot_axes *ax, double pts[72])
{
    static const char *who = "nplot_tunit_edges";
    CHECK_3D(ax, who);
    if (!pts) return nplot__fail(ax->fig, ND_EVALUE, "%s: pts is NULL", who);
    double tc[24];
    nplot_tunit_cube(ax, tc);
    static const int e[12][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 0 }, { 0, 4 }, { 1, 5 },
                                  { 2, 6 }, { 3, 7 }, { 4, 5 }, { 5, 6 }, { 6, 7 }, { 7, 4 } };
    for (int i = 0; i < 12; i++)
        for (int k = 0; k < 2; k++) memcpy(pts + 6 * i + 3 * k, tc + 3 * e[i][k], sizeof(double) * 3);
    return ND_OK;
}
