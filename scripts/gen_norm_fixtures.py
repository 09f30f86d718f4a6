#!/usr/bin/env python3
"""Fixtures for tests/test_plot_norms.c: matplotlib 3.6's norms on fresh instances.

Each case is applied to VALUES (NaN and inf masked, as imshow / scatter / pcolormesh mask
them) after autoscaling from them; `<case>_fwd` holds norm(values) (masked → nan),
`<case>_inv` norm.inverse(TVALS). The case table is mirrored in the C test.
Run: /usr/bin/python3 scripts/gen_norm_fixtures.py  (writes tests/data/norms.txt)
"""
import os

import numpy as np
from matplotlib import colors

VALUES = [-5, -1, -0.5, 0, 1e-3, 0.3, 0.5, 1, 2, 3.7, 10, 42, 100, 999, np.nan, np.inf]
TVALS = [-0.2, 0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 1.3]
B = [-1, 0, 1, 2, 5, 10]

CASES = [
    ("lin", lambda: colors.Normalize()),
    ("lin_set", lambda: colors.Normalize(vmin=-1, vmax=10)),
    ("lin_clip", lambda: colors.Normalize(vmin=-1, vmax=10, clip=True)),
    ("log", lambda: colors.LogNorm()),
    ("log_set", lambda: colors.LogNorm(vmin=1, vmax=100)),
    ("log_clip", lambda: colors.LogNorm(vmin=1, vmax=100, clip=True)),
    ("symlog", lambda: colors.SymLogNorm(linthresh=1)),
    ("symlog_set", lambda: colors.SymLogNorm(linthresh=0.5, linscale=2, base=2, vmin=-5, vmax=100)),
    ("power", lambda: colors.PowerNorm(gamma=0.5)),
    ("power_set", lambda: colors.PowerNorm(gamma=2, vmin=0, vmax=10, clip=True)),
    ("twoslope", lambda: colors.TwoSlopeNorm(vcenter=1)),
    ("twoslope_set", lambda: colors.TwoSlopeNorm(vcenter=0, vmin=-5, vmax=50)),
    ("twoslope_vmin", lambda: colors.TwoSlopeNorm(vcenter=0, vmin=-2)),
    ("centered", lambda: colors.CenteredNorm()),
    ("centered_hr", lambda: colors.CenteredNorm(vcenter=2, halfrange=4)),
    ("asinh", lambda: colors.AsinhNorm()),
    ("asinh_set", lambda: colors.AsinhNorm(linear_width=0.5, vmin=-5, vmax=100)),
    ("bnd_neither_7", lambda: colors.BoundaryNorm(B, 7)),
    ("bnd_neither_5", lambda: colors.BoundaryNorm(B, 5)),
    ("bnd_both_7", lambda: colors.BoundaryNorm(B, 7, extend="both")),
    ("bnd_min_7", lambda: colors.BoundaryNorm(B, 7, extend="min")),
    ("bnd_max_7", lambda: colors.BoundaryNorm(B, 7, extend="max")),
    ("bnd_neither_256", lambda: colors.BoundaryNorm(B, 256)),
    ("bnd_both_256", lambda: colors.BoundaryNorm(B, 256, extend="both")),
    ("bnd_min_256", lambda: colors.BoundaryNorm(B, 256, extend="min")),
    ("bnd_max_256", lambda: colors.BoundaryNorm(B, 256, extend="max")),
    ("bnd_clip_7", lambda: colors.BoundaryNorm(B, 7, clip=True)),
    ("bnd_one_5", lambda: colors.BoundaryNorm([0, 10], 5)),
    ("nonorm", lambda: colors.NoNorm()),
]


def fmt(vals):
    return " ".join(repr(float(v)) for v in vals)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "tests", "data", "norms.txt")
    data = np.ma.masked_invalid(np.array(VALUES, dtype=float))
    lines = ["values " + fmt(VALUES), "tvals " + fmt(TVALS)]
    for name, make in CASES:
        norm = make()
        fwd = np.ma.asarray(norm(data)).astype(float).filled(np.nan)
        if isinstance(norm, colors.NoNorm):
            fwd = data.filled(np.nan)
        lines.append(f"{name}_fwd " + fmt(fwd))
        if not isinstance(norm, colors.BoundaryNorm):
            inv = np.ma.asarray(norm.inverse(np.array(TVALS))).astype(float).filled(np.nan)
            lines.append(f"{name}_inv " + fmt(inv))
    with open(out, "w") as f:
        f.write("# matplotlib %s norms: scripts/gen_norm_fixtures.py\n" % __import__("matplotlib").__version__)
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
