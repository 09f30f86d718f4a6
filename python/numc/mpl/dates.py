"""numc.mpl.dates: matplotlib.dates' everyday names on numc's C date axes (plot.h "date
axes"). Date numbers are float days since 1970-01-01 (matplotlib >= 3.3).

- date2num / num2date / datestr2num / drange;
- locators: AutoDateLocator (plot.h's own, the default of a date axis), and YearLocator,
  MonthLocator, WeekdayLocator, DayLocator, HourLocator, MinuteLocator (their ticks are
  computed here and given to the axis at each draw as fixed ticks, labelled by the axis'
  date formatter); DateLocator is their base;
- formatters: DateFormatter(fmt) (nplot_set_date_formatter with a strftime format),
  AutoDateFormatter (the default) and ConciseDateFormatter ("concise", with its offset
  text), each also callable on its own: formatter(x, pos).

ax.xaxis.set_major_locator(...) / set_major_formatter(...) take them; plotting datetime64
arrays (numc or NumPy) or lists of datetime.datetime makes the axis a date axis.

Interval locators (MonthLocator(interval=3), DayLocator(interval=2), ...) count their
intervals from the start of the year (months), of the epoch (days, hours, minutes) or from
year 0 (YearLocator(base)), so the ticks do not depend on the view's left edge (matplotlib's
rrule counts from a start near the view's)."""
import datetime as _dt
import math as _math

from .ticker import Formatter, Locator

_EPOCH = _dt.datetime(1970, 1, 1)
MO, TU, WE, TH, FR, SA, SU = range(7)
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
HOURS_PER_DAY, MINUTES_PER_DAY, SEC_PER_DAY = 24.0, 1440.0, 86400.0


def _p2():
    from .._core import _plot2
    return _plot2


def date2num(d):
    """datetime / date / NumPy datetime64 (or a sequence of them) → float days since the
    epoch."""
    if isinstance(d, (list, tuple)):
        return [date2num(x) for x in d]
    if type(d).__name__ in ("datetime64", "ndarray"):
        return _np_dt64_to_num(d)
    if isinstance(d, _dt.datetime):
        if d.tzinfo is not None:
            d = d.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        delta = d - _EPOCH
    elif isinstance(d, _dt.date):
        delta = _dt.datetime(d.year, d.month, d.day) - _EPOCH
    else:
        raise TypeError("date2num() takes datetime or date objects")
    return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400.0


def _np_dt64_to_num(v):
    """A NumPy datetime64 scalar or array → date numbers (NaT → NaN), a float or a list."""
    us = v.astype("datetime64[us]")
    ints = us.astype("int64")
    nat = -(2 ** 63)
    if getattr(ints, "ndim", 0) == 0:
        i = int(ints)
        return float("nan") if i == nat else i / 86400e6
    return [float("nan") if i == nat else i / 86400e6 for i in ints.ravel().tolist()]


def num2date(x, tz=None):
    """Days since the epoch → a UTC datetime (or a list of them)."""
    if isinstance(x, (list, tuple)):
        return [num2date(v, tz) for v in x]
    return (_EPOCH + _dt.timedelta(days=float(x))).replace(tzinfo=tz or _dt.timezone.utc)


def datestr2num(s):
    if isinstance(s, (list, tuple)):
        return [datestr2num(v) for v in s]
    return date2num(_dt.datetime.fromisoformat(s))


def drange(dstart, dend, delta):
    """Date numbers from dstart up to (not including) dend in steps of the timedelta delta
    (matplotlib.dates.drange)."""
    f1, f2 = date2num(dstart), date2num(dend)
    step = delta.total_seconds() / SEC_PER_DAY
    if step <= 0:
        raise ValueError("drange(): delta must be positive")
    num = int(_math.ceil((f2 - f1) / step))
    if num and f1 + num * step - step >= f2:     # matplotlib: dend is excluded
        num -= 1
    out = [f1 + i * step for i in range(num)]
    try:
        import numc
        return numc.array(out, dtype="float64")
    except ImportError:
        return out


# ---- formatters -------------------------------------------------------------------------------
class DateFormatter(Formatter):
    """Tick labels by strftime of the date at the tick (plot.h's nplot_date_format codes)."""

    def __init__(self, fmt, tz=None, *, usetex=None):
        if tz is not None or usetex:
            raise TypeError("DateFormatter(): tz and usetex are not supported by numc")
        self.fmt = fmt
        self._date_fmt = fmt

    def __call__(self, x, pos=None):
        return _p2().date_format(float(x), self.fmt)

    def set_tzinfo(self, tz):
        raise TypeError("DateFormatter.set_tzinfo(): numc's dates are UTC")


class AutoDateFormatter(Formatter):
    """The default date labels: a format picked from the tick spacing (matplotlib's
    scaled table: years "%Y", months "%Y-%m", days "%Y-%m-%d", hours "%H:%M", ...)."""
    _date_fmt = "auto"

    def __init__(self, locator=None, tz=None, defaultfmt="%Y-%m-%d", *, usetex=None):
        if tz is not None or usetex:
            raise TypeError("AutoDateFormatter(): tz and usetex are not supported by numc")
        self._locator = locator
        self.defaultfmt = defaultfmt

    def __call__(self, x, pos=None):
        return _p2().date_format(float(x), self.defaultfmt)


class ConciseDateFormatter(Formatter):
    """Short labels (the year only where it changes, then months, days, times) and an
    offset text at the axis end naming what the labels leave out."""
    _date_fmt = "concise"

    def __init__(self, locator=None, tz=None, formats=None, offset_formats=None,
                 zero_formats=None, show_offset=True, *, usetex=None):
        if tz is not None or formats or offset_formats or zero_formats or not show_offset \
                or usetex:
            raise TypeError("ConciseDateFormatter(): numc has matplotlib's default formats "
                            "(tz, formats, offset_formats, zero_formats, show_offset=False "
                            "and usetex are not supported)")
        self._locator = locator

    def format_ticks(self, values):
        vals = [float(v) for v in values]
        if not vals:
            return []
        lo, hi = min(vals), max(vals)
        ticks, labels, self._offset = _p2().date_ticks(lo, hi if hi > lo else lo + 1, "concise")
        m = dict(zip(ticks, labels))
        return [m.get(v, _p2().date_format(v, "%Y-%m-%d")) for v in vals]

    def get_offset(self):
        return getattr(self, "_offset", "")

    def __call__(self, x, pos=None):
        return self.format_ticks([x])[0]


# ---- locators ---------------------------------------------------------------------------------
class DateLocator(Locator):
    """Base of the date locators: tick_values(vmin, vmax) in date numbers."""

    def __init__(self, tz=None):
        if tz is not None:
            raise TypeError("%s(): tz is not supported by numc (dates are UTC)"
                            % type(self).__name__)

    def datalim_to_dt(self, vmin, vmax):
        return num2date(vmin), num2date(vmax)

    def __call__(self):
        raise TypeError("%s(): call tick_values(vmin, vmax)" % type(self).__name__)


class AutoDateLocator(DateLocator):
    """matplotlib's AutoDateLocator (interval_multiples=True, minticks 5): plot.h's own,
    what a date axis uses unless another locator is set."""
    _auto = True

    def __init__(self, tz=None, minticks=5, maxticks=None, interval_multiples=True):
        super().__init__(tz)
        if minticks != 5 or maxticks is not None or interval_multiples is not True:
            raise TypeError("AutoDateLocator(): numc has minticks=5, maxticks=None, "
                            "interval_multiples=True")

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        return list(_p2().date_ticks(float(vmin), float(vmax), None)[0])


def _as_set(v, default):
    if v is None:
        return set(default)
    if isinstance(v, int):
        return {v}
    return set(int(t) for t in v)


def _check_interval(interval):
    if not isinstance(interval, int) or interval < 1:
        raise ValueError("interval must be an integer greater than 0")
    return interval


class _DayStepLocator(DateLocator):
    """Ticks every `unit` (days) that pass `keep(datetime)`, between vmin and vmax."""
    _unit = 1.0

    def _keep(self, d, k):
        return True

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        u = self._unit
        k0, k1 = int(_math.floor(vmin / u)), int(_math.ceil(vmax / u))
        if k1 - k0 > 100000:
            raise RuntimeError("%s: more than 100000 ticks in the view" % type(self).__name__)
        out = []
        for k in range(k0, k1 + 1):
            v = k * u
            if vmin - 1e-9 <= v <= vmax + 1e-9 and self._keep(num2date(v), k):
                out.append(v)
        return out


class DayLocator(_DayStepLocator):
    """Ticks on the days of the month bymonthday (all by default), every interval days."""

    def __init__(self, bymonthday=None, interval=1, tz=None):
        super().__init__(tz)
        self.bymonthday = _as_set(bymonthday, range(1, 32))
        self.interval = _check_interval(interval)

    def _keep(self, d, k):
        return d.day in self.bymonthday and k % self.interval == 0


class WeekdayLocator(_DayStepLocator):
    """Ticks on the weekdays byweekday (0 = Monday; MO, TU ... constants), every interval
    weeks."""

    def __init__(self, byweekday=1, interval=1, tz=None):
        super().__init__(tz)
        self.byweekday = _as_set(byweekday, range(7))
        self.interval = _check_interval(interval)

    def _keep(self, d, k):
        return d.weekday() in self.byweekday and ((k + 3) // 7) % self.interval == 0


class HourLocator(_DayStepLocator):
    """Ticks on the hours byhour (all by default), every interval hours."""
    _unit = 1.0 / 24

    def __init__(self, byhour=None, interval=1, tz=None):
        super().__init__(tz)
        self.byhour = _as_set(byhour, range(24))
        self.interval = _check_interval(interval)

    def _keep(self, d, k):
        return d.hour in self.byhour and k % self.interval == 0


class MinuteLocator(_DayStepLocator):
    """Ticks on the minutes byminute (all by default), every interval minutes."""
    _unit = 1.0 / 1440

    def __init__(self, byminute=None, interval=1, tz=None):
        super().__init__(tz)
        self.byminute = _as_set(byminute, range(60))
        self.interval = _check_interval(interval)

    def _keep(self, d, k):
        return d.minute in self.byminute and k % self.interval == 0


class MonthLocator(DateLocator):
    """Ticks on day bymonthday (1) of the months bymonth (all by default), every interval
    months counted from January."""

    def __init__(self, bymonth=None, bymonthday=1, interval=1, tz=None):
        super().__init__(tz)
        self.bymonth = _as_set(bymonth, range(1, 13))
        self.bymonthday = int(bymonthday)
        self.interval = _check_interval(interval)

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        a, b = num2date(vmin), num2date(vmax)
        out = []
        y, m = a.year, a.month
        while (y, m) <= (b.year, b.month):
            if m in self.bymonth and (m - 1) % self.interval == 0:
                try:
                    v = date2num(_dt.datetime(y, m, self.bymonthday))
                except ValueError:
                    v = None
                if v is not None and vmin - 1e-9 <= v <= vmax + 1e-9:
                    out.append(v)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


class YearLocator(DateLocator):
    """Ticks on month/day of every base-th year (the years divisible by base)."""

    def __init__(self, base=1, month=1, day=1, tz=None):
        super().__init__(tz)
        self.base = _check_interval(base)
        self.month, self.day = int(month), int(day)

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        a, b = num2date(vmin), num2date(vmax)
        out = []
        for y in range(a.year - a.year % self.base, b.year + 1, self.base):
            if y < 1:
                continue
            v = date2num(_dt.datetime(y, self.month, self.day))
            if vmin - 1e-9 <= v <= vmax + 1e-9:
                out.append(v)
        return out


def _apply_formatter(ax, axis, fmt):
    ax._call("set_date_formatter", axis, fmt._date_fmt)


def _apply_locator(ax, axis, loc):
    ax._call("axis_date", axis)
    if getattr(loc, "_auto", False):
        ax._locators.pop(axis, None)
    else:
        ax._locators[axis] = loc
