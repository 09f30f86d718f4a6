"""numc.mpl.dates: matplotlib's date numbers (days since 1970-01-01, matplotlib >= 3.3),
their conversions and DateFormatter (numc has no date locators: place ticks with
set_xticks(date2num(...)) or a MultipleLocator of days)."""
import datetime as _dt

from .ticker import Formatter

_EPOCH = _dt.datetime(1970, 1, 1)


def date2num(d):
    """datetime / date (or a sequence of them) → float days since the epoch."""
    if isinstance(d, (list, tuple)):
        return [date2num(x) for x in d]
    if isinstance(d, _dt.datetime):
        if d.tzinfo is not None:
            d = d.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        delta = d - _EPOCH
    elif isinstance(d, _dt.date):
        delta = _dt.datetime(d.year, d.month, d.day) - _EPOCH
    else:
        raise TypeError("date2num() takes datetime or date objects")
    return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400.0


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
    out, d = [], dstart
    while d < dend:
        out.append(date2num(d))
        d += delta
    return out


class DateFormatter(Formatter):
    """Tick labels by strftime of the date at the tick."""

    def __init__(self, fmt, tz=None):
        self.fmt, self.tz = fmt, tz

    def __call__(self, x, pos=None):
        return num2date(x, self.tz).strftime(self.fmt)
