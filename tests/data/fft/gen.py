#!/usr/bin/python3
"""Fixtures for tests/test_fft.c: inputs and numpy.fft's results (numpy 1.24, pocketfft).

Run with Debian's python3: cd tests/data/fft && /usr/bin/python3 gen.py
Writes fft.txt in the format of tests/data/linalg/gen.py:
    name dtype ndim d0 d1 ... v0 v1 ...   (complex values as "re im")."""
import numpy as np

rng = np.random.default_rng(424242)
out = []


def put(name, a):
    a = np.asarray(a)
    if a.dtype.kind == "c":
        vals = []
        for z in a.ravel():
            vals += [repr(float(z.real)), repr(float(z.imag))]
    elif a.dtype.kind == "f":
        vals = [repr(float(v)) for v in a.ravel()]
    else:
        vals = [str(int(v)) for v in a.ravel()]
    out.append(" ".join([name, a.dtype.name, str(a.ndim)] + [str(d) for d in a.shape] + vals))


def cn(*shape):
    return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)


fft = np.fft
x16 = cn(16)
put("x16", x16)
put("fft_x16", fft.fft(x16))
put("ifft_x16", fft.ifft(x16))
put("fft_x16_n10", fft.fft(x16, 10))
put("fft_x16_n20", fft.fft(x16, 20))
put("fft_x16_ortho", fft.fft(x16, norm="ortho"))
put("fft_x16_forward", fft.fft(x16, norm="forward"))
put("ifft_x16_ortho", fft.ifft(x16, norm="ortho"))
put("ifft_x16_forward", fft.ifft(x16, norm="forward"))
x7 = cn(7)
put("x7", x7); put("fft_x7", fft.fft(x7))

r15, r16 = rng.standard_normal(15), rng.standard_normal(16)
put("r15", r15); put("r16", r16)
put("rfft_r15", fft.rfft(r15)); put("rfft_r16", fft.rfft(r16))
put("rfft_r16_n11", fft.rfft(r16, 11)); put("rfft_r16_ortho", fft.rfft(r16, norm="ortho"))
put("fft_r16", fft.fft(r16))
h9 = cn(9)
put("h9", h9)
put("irfft_h9", fft.irfft(h9)); put("irfft_h9_n17", fft.irfft(h9, 17)); put("irfft_h9_n10", fft.irfft(h9, 10))
put("irfft_h9_forward", fft.irfft(h9, norm="forward"))
put("hfft_h9", fft.hfft(h9)); put("hfft_h9_n15", fft.hfft(h9, 15)); put("hfft_h9_ortho", fft.hfft(h9, norm="ortho"))
put("ihfft_r16", fft.ihfft(r16)); put("ihfft_r15_ortho", fft.ihfft(r15, norm="ortho"))

X = cn(6, 8)
put("X68", X)
put("fft2_X", fft.fft2(X)); put("ifft2_X", fft.ifft2(X))
put("fft_X_ax0", fft.fft(X, axis=0)); put("fft_X_ax0_n4", fft.fft(X, 4, axis=0))
put("fft2_X_s410", fft.fft2(X, s=(4, 10)))
put("fft2_X_ortho", fft.fft2(X, norm="ortho"))
put("fftn_X_ax0", fft.fftn(X, axes=(0,)))
R = rng.standard_normal((6, 8))
put("R68", R)
put("rfft2_R", fft.rfft2(R)); put("rfft_R_ax0", fft.rfft(R, axis=0))
put("fft2_R", fft.fft2(R))
put("irfft2_rfft2_R", fft.irfft2(fft.rfft2(R), s=(6, 8)))
H = cn(6, 5)
put("H65", H)
put("irfft2_H", fft.irfft2(H)); put("irfftn_H_s", fft.irfftn(H, s=(5, 7)))
put("irfftn_H_ax0", fft.irfftn(H, axes=(0,)))
put("rfftn_R_ax10", fft.rfftn(R, axes=(1, 0)))
Y = cn(3, 4, 5)
put("Y345", Y)
put("fftn_Y", fft.fftn(Y)); put("ifftn_Y", fft.ifftn(Y))
put("fftn_Y_ax02", fft.fftn(Y, axes=(0, 2)))
put("fftn_Y_s23", fft.fftn(Y, s=(2, 3)))
put("fftn_Y_s_ax", fft.fftn(Y, s=(6, 3), axes=(2, 0)))
put("fftn_Y_dup", fft.fftn(Y, axes=(1, 1)))
put("rfftn_Y_real", fft.rfftn(Y.real))
put("irfftn_Y", fft.irfftn(Y))
F16 = rng.standard_normal(16).astype(np.float32)
put("F16", F16); put("fft_F16", fft.fft(F16)); put("rfft_F16", fft.rfft(F16))
I10 = rng.integers(-5, 6, 10)
put("I10", I10); put("fft_I10", fft.fft(I10))

put("fftfreq_8_0.1", fft.fftfreq(8, 0.1)); put("fftfreq_7", fft.fftfreq(7))
put("rfftfreq_8_0.5", fft.rfftfreq(8, 0.5)); put("rfftfreq_9", fft.rfftfreq(9))
a10 = np.arange(10.0)
put("a10", a10); put("fftshift_a10", fft.fftshift(a10)); put("ifftshift_a10", fft.ifftshift(a10))
a9 = np.arange(9.0)
put("a9", a9); put("fftshift_a9", fft.fftshift(a9)); put("ifftshift_a9", fft.ifftshift(a9))
B = np.arange(15.0).reshape(3, 5)
put("B35", B); put("fftshift_B", fft.fftshift(B)); put("ifftshift_B", fft.ifftshift(B))
put("fftshift_B_ax1", fft.fftshift(B, axes=1))

# Large inputs (> 256 kB: numc runs them as cache-blocked per-axis passes), defined by a
# formula both sides evaluate; only sampled outputs are stored.
def big(shape):
    idx = np.indices(shape).astype(np.float64)
    lin = sum(idx[d] * (0.37 + 0.11 * d) for d in range(len(shape)))
    alt = sum(idx[d] * (0.05 - 0.3 * d) for d in range(len(shape)))
    return np.sin(lin) + 1j * np.cos(alt)


def sample(name, res, k=24):
    pos = np.stack([rng.integers(0, d, k) for d in res.shape], axis=1)
    put(name + "_idx", pos)
    put(name + "_val", res[tuple(pos.T)])


B2 = big((300, 520))
sample("big_fft2", fft.fft2(B2))
sample("big_ifft2", fft.ifft2(B2))
sample("big_fft_ax0", fft.fft(B2, axis=0))
sample("big_rfft2", fft.rfft2(B2.real))
sample("big_irfft2", fft.irfft2(B2))
sample("big_fft2_T", fft.fft2(B2.T))
B3 = big((40, 30, 50))
sample("big_fftn_ax02", fft.fftn(B3, axes=(0, 2)))
sample("big_rfftn_ax20", fft.rfftn(B3.real, axes=(2, 0)))
sample("big_irfftn", fft.irfftn(B3, axes=(1, 0)))

with open("fft.txt", "w") as f:
    f.write("\n".join(out) + "\n")
