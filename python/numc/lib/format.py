"""numc.lib.format: numpy.lib.format.open_memmap (a .npy file mapped as a numc array)."""
from .._io import open_memmap, memmap_flush  # noqa: F401

__all__ = ["open_memmap", "memmap_flush"]
