"""matplotlib 3.6's rendering of examples/plot_spectral.c (same data, same calls), to look at
next to numc's: /usr/bin/python3 scripts/mpl_spectral_reference.py out.png"""
import sys

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

N = 4000
i = np.arange(N)
t = i / 1000.0
x = (np.sin(2 * np.pi * 120 * t) + 0.6 * np.sin(2 * np.pi * (50 + 50 * t) * t)
     + 0.3 * np.sin(i * i * 0.7071 + 0.1 * i))
y = np.concatenate([np.zeros(7), x[:-7]])
r, c = np.mgrid[0:30, 0:30]
z = np.where((abs(r - c) <= 2) | ((r + c) % 11 == 0), r + c + 1, 0)
fig, ax = plt.subplots(2, 2, figsize=(10, 8))
ax[0, 0].psd(x, NFFT=256, Fs=1000)
ax[0, 0].set_title("psd")
ax[0, 1].specgram(x, NFFT=256, Fs=1000, noverlap=192)
ax[0, 1].set_title("specgram")
ax[1, 0].xcorr(x, y, maxlags=20)
ax[1, 0].set_title("xcorr")
ax[1, 1].spy(z, markersize=5)
ax[1, 1].set_title("spy")
fig.tight_layout()
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "mpl_spectral.png")
