"""numpy.datetime64 / timedelta64 scalars and the date functions (numpy.datetime_as_string,
isnat, datetime_data, busdaycalendar, is_busday, busday_offset, busday_count) over numc's
datetime.h (the C side is _core._flex, python/src/ns_flex.c).

A numc.datetime64 / numc.timedelta64 scalar holds a 0-d numc array of its dtype: arithmetic
and comparisons are numc's ufuncs on it (NumPy's type rules: date - date is a timedelta,
date + timedelta a date), and it shares its value with NumPy through __array_interface__
(numpy.asarray(numc.datetime64('2020-01-01')) is numpy's datetime64 array of it).
"""
from . import _core
from ._core import _flex

class _LazyDatetime:
    """The datetime module, imported on first use: a plotting script that never makes a
    date scalar does not pay for it at `import numc` (datetime loads _datetime, math)."""
    __slots__ = ()

    def __getattr__(self, name):
        import datetime
        return getattr(datetime, name)


_dt = _LazyDatetime()

str_ = str      # NumPy's numpy.str_ / numpy.bytes_ are str / bytes subclasses: numc's
bytes_ = bytes  # 'U' / 'S' elements are plain str / bytes


def _nc():
    import numc
    return numc


_TD_WORDS = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "h": "hours", "m": "minutes",
             "s": "seconds", "ms": "milliseconds", "us": "microseconds", "ns": "nanoseconds",
             "ps": "picoseconds", "fs": "femtoseconds", "as": "attoseconds"}


class _datescalar:
    __slots__ = ("_a",)
    _kind = "M"

    @classmethod
    def _from_array(cls, a):
        self = object.__new__(cls)
        self._a = a
        return self

    @classmethod
    def _build(cls, value, unit):
        nc = _nc()
        base = "M8" if cls._kind == "M" else "m8"
        dt = base if unit is None else "%s[%s]" % (base, unit)
        if value is None:
            value = "NaT"
        if isinstance(value, (_datescalar,)) or hasattr(value, "__array_interface__"):
            a = nc.asarray(value)
            if a.dtype.kind != cls._kind:
                raise TypeError("numc.%s: cannot convert %r" % (cls.__name__, value))
            return a if unit is None else a.astype(dt)
        if isinstance(value, _dt.datetime) and cls._kind == "M":
            value = value.isoformat()
        elif isinstance(value, _dt.date) and cls._kind == "M":
            value = value.isoformat()
        elif isinstance(value, _dt.timedelta) and cls._kind == "m":
            us = (value.days * 86400 + value.seconds) * 1000000 + value.microseconds
            a = nc.array(us, dtype="int64").astype("m8[us]")
            return a if unit is None else a.astype(dt)
        if isinstance(value, (str, bytes)):
            if isinstance(value, bytes):
                value = value.decode("ascii")
            if cls._kind == "m":
                if value.strip().lower() != "nat":
                    raise ValueError("numc.timedelta64: a string must be 'NaT', not %r" % value)
                return nc.array([value], dtype=dt).reshape(())
            return nc.array([value], dtype=dt).reshape(())
        if isinstance(value, int) and not isinstance(value, bool):
            if unit is None and cls._kind == "M":
                raise ValueError("Converting an integer to a NumPy datetime requires a specified unit")
            return _ticks_array(value, nc.dtype(dt))
        raise TypeError("numc.%s: cannot convert %r" % (cls.__name__, value))

    def __new__(cls, value=None, unit=None):
        if value is None and cls._kind == "m":
            value = 0
        return cls._from_array(cls._build(value, unit))

    # --- NumPy's scalar attributes -----------------------------------------------------------
    @property
    def dtype(self):
        return self._a.dtype

    @property
    def __array_interface__(self):
        return self._a.__array_interface__

    def __array__(self, dtype=None):
        import numpy
        return numpy.asarray(self._a, dtype=dtype)

    @property
    def shape(self):
        return ()

    @property
    def ndim(self):
        return 0

    def astype(self, dtype):
        return self._a.astype(dtype)[()]

    def __reduce__(self):
        u, n = datetime_data(self.dtype)
        if u == "generic":
            return (type(self), ("NaT",) if self._isnat() else (int(self),))
        return (type(self), (int(self), u if n == 1 else "%d%s" % (n, u)))

    def __int__(self):
        return int(self._a.astype("int64").item())

    def _isnat(self):
        return bool(_flex.isnat(self._a))

    def __bool__(self):
        return self._isnat() or self.__int__() != 0

    def __hash__(self):
        return hash((self.__int__(), self.dtype.str))

    # --- arithmetic and comparisons: numc's ufuncs on the 0-d arrays --------------------------
    @staticmethod
    def _other(o):
        if isinstance(o, _datescalar):
            return o._a
        if isinstance(o, (str, _dt.date, _dt.timedelta)):
            return None
        return o

    def _binop(self, o, f, reflected=False):
        x = self._other(o)
        if x is None:
            return NotImplemented
        nc = _nc()
        x = nc.asarray(x)
        r = f(x, self._a) if reflected else f(self._a, x)
        return r[()] if isinstance(r, nc.ndarray) and r.ndim == 0 else r

    def __add__(self, o): return self._binop(o, lambda a, b: a + b)
    def __radd__(self, o): return self._binop(o, lambda a, b: a + b, True)
    def __sub__(self, o): return self._binop(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._binop(o, lambda a, b: a - b, True)
    def __mul__(self, o): return self._binop(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._binop(o, lambda a, b: a * b, True)
    def __truediv__(self, o): return self._binop(o, lambda a, b: a / b)
    def __rtruediv__(self, o): return self._binop(o, lambda a, b: a / b, True)
    def __floordiv__(self, o): return self._binop(o, lambda a, b: a // b)
    def __rfloordiv__(self, o): return self._binop(o, lambda a, b: a // b, True)
    def __mod__(self, o): return self._binop(o, lambda a, b: a % b)
    def __rmod__(self, o): return self._binop(o, lambda a, b: a % b, True)
    def __neg__(self): return (-self._a)[()]
    def __abs__(self): return abs(self._a)[()]
    def __eq__(self, o): return self._binop(o, lambda a, b: a == b)
    def __ne__(self, o): return self._binop(o, lambda a, b: a != b)
    def __lt__(self, o): return self._binop(o, lambda a, b: a < b)
    def __le__(self, o): return self._binop(o, lambda a, b: a <= b)
    def __gt__(self, o): return self._binop(o, lambda a, b: a > b)
    def __ge__(self, o): return self._binop(o, lambda a, b: a >= b)


class datetime64(_datescalar):
    """numpy.datetime64(value, unit): an ISO 8601 string ('2020-01-01', '2020-01-01T10:30',
    'NaT', 'today', 'now'), an integer count of units, a datetime.date / datetime, or
    another datetime64; the unit ('D', 's', ...) truncates, None takes the string's own."""
    __slots__ = ()
    _kind = "M"

    def __str__(self):
        return _flex.datetime_as_string(self._a)

    def __repr__(self):
        u, n = datetime_data(self.dtype)
        if u == "generic":
            return "numc.datetime64('NaT')"
        s = str(self)
        if n != 1:
            return "numc.datetime64('%s','%d%s')" % (s, n, u)
        return "numc.datetime64('%s')" % s

    def item(self):
        """datetime.date for units of days and coarser, datetime.datetime down to
        microseconds, the integer count for finer units, None for NaT (NumPy's rule)."""
        if self._isnat():
            return None
        u, n = datetime_data(self.dtype)
        if u in ("Y", "M", "W", "D"):
            days = int(self._a.astype("M8[D]").astype("int64").item())
            return _dt.date(1970, 1, 1) + _dt.timedelta(days=days)
        if u in ("h", "m", "s", "ms", "us"):
            us = int(self._a.astype("M8[us]").astype("int64").item())
            return _dt.datetime(1970, 1, 1) + _dt.timedelta(microseconds=us)
        return int(self)


class timedelta64(_datescalar):
    """numpy.timedelta64(value, unit): an integer count of units (generic without a unit),
    a datetime.timedelta, 'NaT' or another timedelta64."""
    __slots__ = ()
    _kind = "m"

    def __str__(self):
        if self._isnat():
            return "NaT"
        u, n = datetime_data(self.dtype)
        v = int(self)
        if u == "generic":
            return "%d generic time units" % v
        return "%d %s" % (v * n, _TD_WORDS[u]) if n == 1 else "%d*%d %s" % (v, n, _TD_WORDS[u])

    def __repr__(self):
        u, n = datetime_data(self.dtype)
        unit = u if n == 1 else "%d%s" % (n, u)
        if self._isnat():
            return "numc.timedelta64('NaT')" if u == "generic" else "numc.timedelta64('NaT','%s')" % unit
        if u == "generic":
            return "numc.timedelta64(%d)" % int(self)
        return "numc.timedelta64(%d,'%s')" % (int(self), unit)

    def item(self):
        """datetime.timedelta for units from weeks to microseconds, else the integer count;
        None for NaT."""
        if self._isnat():
            return None
        u, n = datetime_data(self.dtype)
        if u in ("W", "D", "h", "m", "s", "ms", "us"):
            us = int(self._a.astype("m8[us]").astype("int64").item())
            return _dt.timedelta(microseconds=us)
        return int(self)


def _ticks_array(ticks, dt):
    """A 0-d array of dtype dt holding `ticks` as they are (no unit conversion)."""
    nc = _nc()
    a = nc.empty((), dtype=dt)
    a[()] = int(ticks)
    return a


def _date_scalar(num, ticks):
    """What _core makes of an element of a date array (registered with _register_flex)."""
    nc = _nc()
    a = _ticks_array(ticks, nc.dtype._get(num))
    cls = datetime64 if a.dtype.kind == "M" else timedelta64
    return cls._from_array(a)


def datetime_data(dtype):
    """numpy.datetime_data(dtype): (unit, count), ('D', 1) for datetime64[D]."""
    return _flex._datetime_data(dtype)


def datetime_as_string(arr, unit=None, timezone="naive", casting="same_kind"):
    """numpy.datetime_as_string: the ISO 8601 text of every element ('U' array; a str for a
    scalar). unit: None (the dtype's), 'auto' or a unit name; timezone: 'naive' or 'UTC'."""
    r = _flex.datetime_as_string(arr, unit, timezone, casting)
    nc = _nc()
    if isinstance(r, nc.ndarray):
        # NumPy sizes the result by the output unit, not by the texts
        u = unit
        if u is None:
            u = datetime_data(nc.asarray(arr).dtype)[0]
        width = 62 if u == "auto" else _ISO_WIDTH.get(u)
        if width is not None:
            r = r.astype("U%d" % width)
    return r


_ISO_WIDTH = {"Y": 22, "M": 25, "W": 28, "D": 28, "h": 32, "m": 35, "s": 38, "ms": 42, "us": 45,
              "ns": 48, "ps": 51, "fs": 54, "as": 57}


def isnat(x):
    """numpy.isnat: True where a datetime64 / timedelta64 holds NaT."""
    return _flex.isnat(x)


_ROLLS = {"raise": 0, "nat": 1, "forward": 2, "following": 2, "backward": 3, "preceding": 3,
          "modifiedfollowing": 4, "modifiedpreceding": 5}


def _weekmask(w):
    if w is None or isinstance(w, (str, bytes)):
        return w
    w = list(w)
    if len(w) != 7:
        raise ValueError("A business day weekmask array must have length 7")
    return "".join("1" if x else "0" for x in w)


def _holidays(h):
    if h is None:
        return None
    nc = _nc()
    return nc.asarray(h) if isinstance(h, nc.ndarray) else nc.array(list(h) if not isinstance(h, str) else [h],
                                                                      dtype="M8[D]")


class busdaycalendar:
    """numpy.busdaycalendar(weekmask='1111100', holidays=None): .weekmask (7 bools, Monday
    first) and .holidays (the normalised datetime64[D] holidays)."""

    def __init__(self, weekmask="1111100", holidays=None):
        self._cal = _flex._busdaycal(_weekmask(weekmask), _holidays(holidays))
        nc = _nc()
        self.holidays = _flex._busdaycal_holidays(self._cal)
        wm = _weekmask(weekmask)
        days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        if all(c in "01" for c in wm) and len(wm) == 7:
            bits = [c == "1" for c in wm]
        else:
            names = wm.split()
            bits = [d in names for d in days]
        self.weekmask = nc.array(bits)


def _cal(weekmask, holidays, busdaycal):
    if busdaycal is not None:
        if weekmask != "1111100" or holidays is not None:
            raise ValueError("Cannot supply both the weekmask/holidays and the busdaycal parameters")
        return busdaycal._cal
    if weekmask == "1111100" and holidays is None:
        return None
    return _flex._busdaycal(_weekmask(weekmask), _holidays(holidays))


def _out(r, out):
    if out is None:
        return r
    out[...] = r
    return out


def is_busday(dates, weekmask="1111100", holidays=None, busdaycal=None, out=None):
    """numpy.is_busday: True on the business days of the calendar."""
    return _out(_flex._is_busday(dates, _cal(weekmask, holidays, busdaycal)), out)


def busday_offset(dates, offsets, roll="raise", weekmask="1111100", holidays=None, busdaycal=None,
                  out=None):
    """numpy.busday_offset: dates rolled to a business day, then moved by offsets business days."""
    if roll not in _ROLLS:
        raise ValueError("Invalid business day roll parameter \"%s\"" % roll)
    offs = _nc().asarray(offsets)
    if offs.dtype.kind not in "iub":
        # NumPy casts the offsets to int64 with the 'safe' rule
        raise TypeError("Cannot cast array data from %r to dtype('int64') according to the rule 'safe'"
                        % (offs.dtype,))
    return _out(_flex._busday_offset(dates, offs, _ROLLS[roll], _cal(weekmask, holidays, busdaycal)), out)


def busday_count(begindates, enddates, weekmask="1111100", holidays=None, busdaycal=None, out=None):
    """numpy.busday_count: business days in [begin, end) (negative when end < begin)."""
    return _out(_flex._busday_count(begindates, enddates, _cal(weekmask, holidays, busdaycal)), out)


def _register():
    from . import dtype
    _core._register_flex(dtype._get, dtype, _date_scalar)
