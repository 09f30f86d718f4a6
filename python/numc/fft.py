"""numc.fft: numpy.fft's names, signatures and defaults over numc's fft.h (FFTW).

float32 / complex64 inputs are transformed in single precision (complex64 / float32
results); NumPy 1.x transforms everything in double precision.
"""
from ._core import _fft as _m

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2", "irfft2",
           "fftn", "ifftn", "rfftn", "irfftn", "fftfreq", "rfftfreq", "fftshift", "ifftshift"]

_NORMS = {None: 0, "backward": 0, "ortho": 1, "forward": 2}


def _norm(norm):
    try:
        return _NORMS[norm]
    except (KeyError, TypeError):
        raise ValueError('Invalid norm value %s; should be "backward","ortho" or "forward".'
                         % (norm,)) from None


def _one(kind):
    def f(a, n=None, axis=-1, norm=None):
        return _m._transform(kind, a, n, int(axis), None, None, _norm(norm))
    f.__name__ = kind
    f.__qualname__ = kind
    f.__doc__ = "numpy.fft.%s(a, n=None, axis=-1, norm=None)" % kind
    return f


def _many(kind, two):
    if two:
        def f(a, s=None, axes=(-2, -1), norm=None):
            return _m._transform(kind, a, None, -1, s, axes, _norm(norm))
    else:
        def f(a, s=None, axes=None, norm=None):
            return _m._transform(kind, a, None, -1, s, axes, _norm(norm))
    f.__name__ = kind
    f.__qualname__ = kind
    f.__doc__ = "numpy.fft.%s(a, s=None, axes=%s, norm=None)" % (kind, "(-2, -1)" if two else "None")
    return f


fft = _one("fft")
ifft = _one("ifft")
rfft = _one("rfft")
irfft = _one("irfft")
hfft = _one("hfft")
ihfft = _one("ihfft")
fft2 = _many("fft2", True)
ifft2 = _many("ifft2", True)
rfft2 = _many("rfft2", True)
irfft2 = _many("irfft2", True)
fftn = _many("fftn", False)
ifftn = _many("ifftn", False)
rfftn = _many("rfftn", False)
irfftn = _many("irfftn", False)


def fftfreq(n, d=1.0):
    if d == 0:
        raise ZeroDivisionError("float division by zero")
    return _m._freq(int(n), float(d), False)


def rfftfreq(n, d=1.0):
    if d == 0:
        raise ZeroDivisionError("float division by zero")
    return _m._freq(int(n), float(d), True)


def fftshift(x, axes=None):
    return _m._shift(x, axes, False)


def ifftshift(x, axes=None):
    return _m._shift(x, axes, True)
