"""numc.lib: numpy.lib.stride_tricks.sliding_window_view and numpy.lib.format.open_memmap."""
from . import format, stride_tricks  # noqa: F401
