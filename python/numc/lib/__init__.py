"""numc.lib: numpy.lib's stride_tricks (sliding_window_view, as_strided is not offered)."""
from . import stride_tricks  # noqa: F401
