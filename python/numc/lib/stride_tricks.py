"""numc.lib.stride_tricks.sliding_window_view (numpy.lib.stride_tricks's)."""
from .._core import _extra as _m

__all__ = ["sliding_window_view"]


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    """A read-only view of x's sliding windows: shape x.shape (windowed axes shortened by
    window - 1) + window_shape."""
    if writeable:
        raise ValueError("numc: sliding_window_view gives read-only views")
    return _m.sliding_window_view(x, window_shape, axis)
