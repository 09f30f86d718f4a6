"""numc's I/O with NumPy's names: save / load (.npy and .npz, with NpzFile), savez /
savez_compressed, loadtxt / genfromtxt / savetxt, fromfile. Paths (str or os.PathLike) go
to numc directly; file objects are read or written through bytes."""
import os as _os

from . import _core
from ._core import _io as _m

__all__ = ["save", "load", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt",
           "fromfile", "fromstring", "fromregex", "NpzFile"]


def _path(f):
    if isinstance(f, (str, bytes, _os.PathLike)):
        p = _os.fsdecode(_os.fspath(f))
        return p
    return None


class NpzFile:
    """numpy.lib.npyio.NpzFile: the lazy mapping load() returns for a .npz archive
    (`files`, `keys()`, `z["x"]`, `in`, iteration, `close()`, a context manager)."""

    def __init__(self, source):
        self._cap, self.files = _m.npz_open(source)
        self._cache = {}

    def __getitem__(self, key):
        if self._cap is None:
            raise ValueError("the archive is closed")
        name = key[:-4] if isinstance(key, str) and key.endswith(".npy") else key
        if name not in self.files:
            raise KeyError("%s is not a file in the archive" % key)
        if name not in self._cache:
            self._cache[name] = _m.npz_get(self._cap, name)
        return self._cache[name]

    def __contains__(self, key):
        return key in self.files

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def keys(self):
        return list(self.files)

    def values(self):
        return [self[k] for k in self.files]

    def items(self):
        return [(k, self[k]) for k in self.files]

    def get(self, key, default=None):
        return self[key] if key in self.files else default

    def close(self):
        self._cap = None
        self._cache = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "NpzFile(files=%r)" % (self.files,)


_MMAP = {None: 0, "r": 1, "c": 2}


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII", *,
         max_header_size=10000):
    """numpy.load: an array for .npy, an NpzFile for .npz (object arrays are refused)."""
    if mmap_mode not in _MMAP:
        raise ValueError("numc: mmap_mode must be None, 'r' or 'c' (not %r)" % (mmap_mode,))
    p = _path(file)
    if p is None:
        data = file.read()
        if data[:2] == b"PK":
            return NpzFile(bytes(data))
        return _m.load_buffer(bytes(data))
    with open(p, "rb") as fh:
        magic = fh.read(2)
    if magic == b"PK":
        return NpzFile(p)
    return _m.load(p, _MMAP[mmap_mode])


def save(file, arr, allow_pickle=True, fix_imports=True):
    """numpy.save: '.npy' is appended to a path without it."""
    p = _path(file)
    if p is None:
        file.write(_m.save(None, arr, False))
        return
    if not p.endswith(".npy"):
        p += ".npy"
    _m.save(p, arr, False)


def _tempdir():
    # tempfile (with shutil, random, re) is imported here, not with numc: only the
    # file-object forms of savez/savetxt need it, and it costs a plotting script ~10 ms.
    import tempfile
    return tempfile.TemporaryDirectory()


def _savez(file, args, kwds, compress):
    names = ["arr_%d" % i for i in range(len(args))]
    for k in kwds:
        if k in names:
            raise ValueError("Cannot use un-named variables and keyword %s" % k)
    names += list(kwds)
    arrays = list(args) + list(kwds.values())
    p = _path(file)
    if p is None:
        with _tempdir() as d:
            tmp = _os.path.join(d, "a.npz")
            _m.savez(tmp, names, arrays, compress)
            with open(tmp, "rb") as fh:
                file.write(fh.read())
        return
    if not p.endswith(".npz"):
        p += ".npz"
    _m.savez(p, names, arrays, compress)


def savez(file, *args, **kwds):
    _savez(file, args, kwds, False)


def savez_compressed(file, *args, **kwds):
    _savez(file, args, kwds, True)


def _source(fname):
    p = _path(fname)
    if p is not None:
        return p
    if isinstance(fname, (list, tuple)):
        lines = fname
    else:
        lines = fname.read()
        if isinstance(lines, bytes):
            return lines
        return lines.encode()
    return "\n".join(l.decode() if isinstance(l, bytes) else l.rstrip("\n") for l in lines).encode() + b"\n"


def _delim(delimiter):
    if delimiter is None:
        return " "
    if len(delimiter) != 1:
        raise ValueError("numc: the delimiter must be one character (not %r)" % (delimiter,))
    return delimiter


def _comments(comments):
    if comments is None:
        return None
    if isinstance(comments, (list, tuple)):
        if len(comments) != 1:
            raise ValueError("numc: one comment marker is supported")
        comments = comments[0]
    return comments


def _usecols(usecols):
    if usecols is None:
        return ()
    if isinstance(usecols, int):
        return (usecols,)
    return tuple(int(c) for c in usecols)


def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0,
            usecols=None, unpack=False, ndmin=0, encoding="bytes", max_rows=None, *,
            quotechar=None, like=None):
    if converters is not None:
        raise TypeError("numc: loadtxt converters are not supported")
    if ndmin not in (0, 1, 2):
        raise ValueError("Illegal value of ndmin keyword: %s" % ndmin)
    r = _m.text(0, _source(fname), _delim(delimiter), _comments(comments), int(skiprows),
                0 if max_rows is None else int(max_rows), _usecols(usecols), dtype, ndmin, None, None)
    return r.T if unpack else r


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0,
               converters=None, missing_values=None, filling_values=None, usecols=None,
               names=None, unpack=None, max_rows=None, **kwargs):
    if converters is not None or names not in (None, False) or skip_footer:
        raise TypeError("numc: genfromtxt converters / names / skip_footer are not supported")
    unknown = set(kwargs) - {"excludelist", "deletechars", "replace_space", "autostrip",
                             "case_sensitive", "defaultfmt", "usemask", "loose",
                             "invalid_raise", "encoding", "ndmin", "like"}
    if unknown:
        raise TypeError("genfromtxt() got an unexpected keyword argument '%s'" % sorted(unknown)[0])
    if isinstance(missing_values, str):
        missing_values = missing_values.split(",")
    fill = None if filling_values is None else float(filling_values)
    r = _m.text(1, _source(fname), _delim(delimiter), _comments(comments), int(skip_header),
                0 if max_rows is None else int(max_rows), _usecols(usecols), dtype, 0, fill,
                missing_values)
    if r.ndim == 2 and (r.shape[0] == 1 or r.shape[1] == 1):
        r = r.ravel()                       # NumPy squeezes a single row or column
    return r.T if unpack else r


def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="",
            comments="# ", encoding=None):
    if not isinstance(fmt, str):
        fmt = delimiter.join(fmt)
    p = _path(fname)
    if p is None:
        with _tempdir() as d:
            tmp = _os.path.join(d, "a.txt")
            _m.savetxt(tmp, X, fmt, delimiter, newline, header, footer, comments)
            with open(tmp, "rb") as fh:
                data = fh.read()
        try:
            fname.write(data)
        except TypeError:
            fname.write(data.decode())
        return
    _m.savetxt(p, X, fmt, delimiter, newline, header, footer, comments)


def fromfile(file, dtype=float, count=-1, sep="", offset=0, *, like=None):
    p = _path(file)
    if p is None:
        raise TypeError("numc: fromfile takes a path")
    return _m.fromfile(p, dtype, int(count), sep, int(offset))


def tofile(a, fid, sep="", format="%s"):
    """ndarray.tofile(fid, sep, format) as a function: numc.ndarray has no such method."""
    p = _path(fid)
    if p is None:
        raise TypeError("numc: tofile takes a path")
    _m.tofile(p, a, sep, None if format == "%s" else format)


def fromstring(string, dtype=float, count=-1, *, sep, like=None):
    """numpy.fromstring in text mode (sep is required: NumPy's binary mode is deprecated)."""
    if isinstance(string, bytes):
        string = string.decode()
    if sep == "":
        raise ValueError("numc: fromstring's binary mode (sep='') is not offered; use frombuffer")
    return _m.fromstring(string, dtype, int(count), sep)


def fromregex(file, regexp, dtype, encoding=None):
    """numpy.fromregex with one dtype for every group (a POSIX extended expression: the
    common subset of Python's re syntax; no structured dtypes)."""
    p = _path(file)
    if p is None:
        raise TypeError("numc: fromregex takes a path")
    if not isinstance(regexp, str):
        regexp = regexp.pattern if hasattr(regexp, "pattern") else regexp.decode()
    if isinstance(regexp, bytes):
        regexp = regexp.decode()
    return _m.fromregex(p, regexp, dtype)


_MEMMAP_MODES = {"r+": 0, "r": 1, "w+": 2, "c": 3}


def open_memmap(filename, mode="r+", dtype=None, shape=None, fortran_order=False, version=None,
                *, max_header_size=10000):
    """numpy.lib.format.open_memmap: a numc array whose buffer maps the .npy file."""
    if mode not in _MEMMAP_MODES:
        raise ValueError("mode must be one of 'r+', 'r', 'w+', 'c' (not %r)" % (mode,))
    if mode == "w+" and shape is None:
        raise ValueError("numc: open_memmap(mode='w+') needs a shape")
    return _m.open_memmap(_path(filename), _MEMMAP_MODES[mode], dtype, shape, bool(fortran_order))


def memmap_flush(a):
    """memmap.flush(): write a shared mapping's changes to the file now."""
    _m.memmap_flush(a)
