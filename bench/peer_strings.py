"""NumPy side of bench/wl_strings.c (same names and the same strings)."""
import numpy as np


def _texts():
    n = 1_000_000
    i = np.arange(n, dtype=np.uint64)
    lens = 8 + i % 9
    out = np.zeros((n, 16), dtype=np.uint32)
    for j in range(16):
        h = (i * np.uint64(2654435761) + np.uint64(j * 40503)) >> np.uint64(3)
        c = np.where(h & np.uint64(1), ord('A'), ord('a')) + (h >> np.uint64(1)) % np.uint64(26)
        out[:, j] = np.where(np.uint64(j) < lens, c, 0)
    return out.view('<U16').ravel()


WORKLOADS = {
    "char_upper_U16_1M": (_texts, lambda a: np.char.upper(a)),
    "sort_U16_1M": (_texts, lambda a: np.sort(a)),
}
