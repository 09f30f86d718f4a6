#!/usr/bin/python3
"""NumPy reference values for tests/test_stats*.c. Run with /usr/bin/python3 (numpy);
writes stats.txt next to this script: lines `name v1 v2 ...` (repr floats)."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
METHODS = ['linear', 'lower', 'higher', 'nearest', 'midpoint', 'inverted_cdf',
           'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf',
           'hazen', 'weibull', 'median_unbiased', 'normal_unbiased']
QS = [0, 5, 12.5, 25, 50, 73, 95, 100]


def line(f, name, vals):
    vals = np.asarray(vals, dtype=np.float64).ravel()
    f.write(name + ' ' + ' '.join(repr(float(v)) for v in vals) + '\n')


def main():
    g = np.random.default_rng(7)
    x37 = np.round(g.standard_normal(37) * 10, 3)
    x10 = np.round(g.standard_normal(10) * 10, 3)
    m67 = np.round(g.standard_normal((6, 7)) * 5, 2)
    ints = g.integers(-20, 50, 40)
    skew = np.round(g.exponential(2.0, 500), 4)
    with open(os.path.join(HERE, 'stats.txt'), 'w') as f:
        line(f, 'x37', x37)
        line(f, 'x10', x10)
        line(f, 'm67', m67)
        line(f, 'ints', ints)
        line(f, 'skew', skew)
        for m in METHODS:
            line(f, f'pct_x37_{m}', np.percentile(x37, QS, method=m))
            line(f, f'pct_x10_{m}', np.percentile(x10, QS, method=m))
            line(f, f'pct_ints_{m}', np.percentile(ints, QS, method=m))
        line(f, 'pct_x10_one_elem', np.percentile(x10[:1], QS))
        line(f, 'median_m67_all', [np.median(m67)])
        line(f, 'median_m67_ax0', np.median(m67, axis=0))
        line(f, 'median_m67_ax1', np.median(m67, axis=1))
        line(f, 'median_ints', [np.median(ints)])
        line(f, 'pct_m67_ax1_q', np.percentile(m67, [10, 90], axis=1))
        m3 = m67[:6, :6].reshape(2, 3, 6)
        line(f, 'm3', m3)
        line(f, 'pct_m3_ax02', np.percentile(m3, 40, axis=(0, 2)))
        line(f, 'quantile_m3_ax12_hazen', np.quantile(m3, [0.2, 0.7], axis=(1, 2), method='hazen'))
        mn = m67.copy()
        mn[1, 2] = np.nan
        mn[4, 0] = np.nan
        mn[:, 5] = np.nan
        line(f, 'mn', mn)
        line(f, 'nanmedian_mn_ax0', np.nanmedian(mn, axis=0))
        line(f, 'median_mn_ax1', np.median(mn, axis=1))
        line(f, 'nanpct_mn_ax1', np.nanpercentile(mn, [25, 75], axis=1))
        line(f, 'nanquantile_mn_all', [np.nanquantile(mn, 0.3)])
        # histograms
        for b in [10, 7, 'auto', 'fd', 'sturges', 'scott', 'rice', 'sqrt', 'doane']:
            h, e = np.histogram(skew, bins=b)
            line(f, f'hist_skew_{b}_counts', h)
            line(f, f'hist_skew_{b}_edges', e)
        h, e = np.histogram(skew, bins=12, range=(1.0, 5.0))
        line(f, 'hist_range_counts', h)
        line(f, 'hist_range_edges', e)
        h, e = np.histogram(skew, bins='auto', range=(1.0, 5.0))
        line(f, 'hist_auto_range_counts', h)
        line(f, 'hist_auto_range_edges', e)
        w = np.round(g.uniform(0, 2, 500), 3)
        line(f, 'weights500', w)
        h, e = np.histogram(skew, bins=8, weights=w)
        line(f, 'hist_weights', h)
        h, e = np.histogram(skew, bins=8, density=True)
        line(f, 'hist_density', h)
        h, e = np.histogram(skew, bins=8, weights=w, density=True)
        line(f, 'hist_weights_density', h)
        edges = np.array([0.0, 0.5, 1.0, 2.5, 4.0, 4.1, 10.0])
        h, e = np.histogram(skew, bins=edges)
        line(f, 'hist_edges_counts', h)
        h, e = np.histogram(ints, bins=5)
        line(f, 'hist_ints_counts', h)
        line(f, 'hist_ints_edges', e)
        h, e = np.histogram(np.full(5, 3.0))
        line(f, 'hist_const_edges', e)
        line(f, 'hist_const_counts', h)
        # histogram2d / dd
        xs, ys = skew[:300], np.round(g.standard_normal(300), 3)
        line(f, 'ys300', ys)
        H, xe, ye = np.histogram2d(xs, ys, bins=(5, 4))
        line(f, 'h2d', H)
        line(f, 'h2d_xe', xe)
        line(f, 'h2d_ye', ye)
        H, xe, ye = np.histogram2d(xs, ys, bins=6, range=[[0, 6], [-2, 2]], density=True)
        line(f, 'h2d_range_density', H)
        H, ed = np.histogramdd(np.stack([xs, ys, xs * ys], axis=1), bins=(3, 2, 4),
                               weights=w[:300])
        line(f, 'hdd_w', H)
        line(f, 'hdd_e2', ed[2])
        # bincount / digitize
        bc = g.integers(0, 12, 60)
        line(f, 'bc_x', bc)
        line(f, 'bc', np.bincount(bc))
        line(f, 'bc_w_min', np.bincount(bc, weights=w[:60], minlength=15))
        dig_x = np.array([-1.0, 0.0, 0.2, 1.0, 1.5, 2.5, 4.0, 10.0, np.nan])
        inc = np.array([0.0, 1.0, 2.5, 4.0])
        line(f, 'dig_x', dig_x)
        line(f, 'dig_inc', np.digitize(dig_x, inc))
        line(f, 'dig_inc_right', np.digitize(dig_x, inc, right=True))
        line(f, 'dig_dec', np.digitize(dig_x, inc[::-1]))
        line(f, 'dig_dec_right', np.digitize(dig_x, inc[::-1], right=True))
        # average / cov / corrcoef / correlate
        line(f, 'avg_m67', [np.average(m67)])
        wts7 = np.array([1.0, 2.0, 0.5, 3.0, 1.0, 0.0, 2.0])
        line(f, 'avg_m67_ax1_w', np.average(m67, axis=1, weights=wts7))
        avg, sw = np.average(m67, axis=0, weights=np.abs(m67) + 1, returned=True)
        line(f, 'avg_m67_ax0_wfull', avg)
        line(f, 'avg_m67_ax0_wsum', sw)
        line(f, 'cov_m67', np.cov(m67))
        line(f, 'cov_m67_cols', np.cov(m67, rowvar=False))
        line(f, 'cov_m67_bias', np.cov(m67, bias=True))
        line(f, 'cov_m67_ddof3', np.cov(m67, ddof=3))
        fw = np.array([1, 2, 1, 3, 1, 2, 2])
        aw = np.array([0.5, 1.0, 2.0, 1.0, 0.3, 1.5, 1.0])
        line(f, 'cov_m67_fw', np.cov(m67, fweights=fw))
        line(f, 'cov_m67_aw', np.cov(m67, aweights=aw))
        line(f, 'cov_m67_fw_aw', np.cov(m67, fweights=fw, aweights=aw))
        line(f, 'cov_xy', np.cov(x10[:7], m67[0]))
        line(f, 'cov_1var', [np.cov(x10)])
        line(f, 'corr_m67', np.corrcoef(m67))
        line(f, 'corr_m67_cols', np.corrcoef(m67, rowvar=False))
        v = np.array([0.5, -1.0, 2.0])
        for mode in ['valid', 'same', 'full']:
            line(f, f'correlate_{mode}', np.correlate(x10, v, mode=mode))
            line(f, f'correlate_rev_{mode}', np.correlate(v, x10, mode=mode))
        line(f, 'correlate_even_same', np.correlate(x10, np.array([1.0, 2.0, 3.0, 4.0]), 'same'))


if __name__ == '__main__':
    main()
