"""numc.mpl.patches: Patch (legend handles), Rectangle, Circle, Ellipse, Polygon, Wedge.

ax.add_patch(p) draws the shape as a filled polygon (ax.fill) in data coordinates;
legend(handles=[Patch(color=..., label=...)]) adds a legend entry for a patch that is not
drawn (a bar at NaN, which has a legend entry but no extent).
"""
import math as _math


class Patch:
    def __init__(self, *, color=None, facecolor=None, edgecolor=None, linewidth=None,
                 alpha=None, label=None, fill=True, fc=None, ec=None, lw=None, hatch=None,
                 linestyle=None, ls=None, zorder=None):
        if hatch is not None or linestyle is not None or ls is not None:
            raise TypeError("Patch: hatch and linestyle are not supported by numc")
        self._face = facecolor if facecolor is not None else fc if fc is not None else color
        self._edge = edgecolor if edgecolor is not None else ec
        self._lw = linewidth if linewidth is not None else lw
        self._alpha, self._label, self._fill, self._zorder = alpha, label, fill, zorder
        self.axes = None

    def get_label(self):
        return self._label

    def set_label(self, s):
        self._label = s

    def set_facecolor(self, c):
        self._face = c

    def set_edgecolor(self, c):
        self._edge = c

    def set_alpha(self, a):
        self._alpha = a

    def _legend_proxy(self, ax):
        nan = float("nan")
        kw = {"color": self._face or "C0", "label": self._label}
        if self._edge is not None:
            kw["edgecolor"] = self._edge
        if self._alpha is not None:
            kw["alpha"] = self._alpha
        ax._call("bar", [nan], [nan], **kw)

    def get_path_xy(self):
        raise TypeError("a plain Patch has no shape: use Rectangle, Circle, Polygon ...")

    def _draw(self, ax):
        xs, ys = self.get_path_xy()
        kw = {}
        face = self._face if self._fill else "none"
        if face is not None:
            kw["facecolor"] = face
        kw["edgecolor"] = self._edge if self._edge is not None else (
            "black" if not self._fill else face)
        for k, v in (("linewidth", self._lw), ("alpha", self._alpha), ("label", self._label),
                     ("zorder", self._zorder)):
            if v is not None:
                kw[k] = v
        if self._lw is None:
            kw["linewidth"] = 1.0
        ax._call("fill", xs, ys, **kw)
        self.axes = ax


class Rectangle(Patch):
    def __init__(self, xy, width, height, *, angle=0.0, **kw):
        super().__init__(**kw)
        self.xy, self.width, self.height, self.angle = tuple(xy), width, height, angle

    def get_path_xy(self):
        x0, y0 = self.xy
        c, s = _math.cos(_math.radians(self.angle)), _math.sin(_math.radians(self.angle))
        pts = [(0, 0), (self.width, 0), (self.width, self.height), (0, self.height)]
        return ([x0 + px * c - py * s for px, py in pts], [y0 + px * s + py * c for px, py in pts])

    def get_x(self):
        return self.xy[0]

    def get_y(self):
        return self.xy[1]

    def get_width(self):
        return self.width

    def get_height(self):
        return self.height


class Ellipse(Patch):
    def __init__(self, xy, width, height, *, angle=0.0, **kw):
        super().__init__(**kw)
        self.center, self.width, self.height, self.angle = tuple(xy), width, height, angle

    def get_path_xy(self, n=180):
        cx, cy = self.center
        c, s = _math.cos(_math.radians(self.angle)), _math.sin(_math.radians(self.angle))
        xs, ys = [], []
        for i in range(n):
            t = 2 * _math.pi * i / n
            px, py = self.width / 2 * _math.cos(t), self.height / 2 * _math.sin(t)
            xs.append(cx + px * c - py * s)
            ys.append(cy + px * s + py * c)
        return xs, ys


class Circle(Ellipse):
    def __init__(self, xy, radius=5, **kw):
        super().__init__(xy, 2 * radius, 2 * radius, **kw)
        self.radius = radius


class Polygon(Patch):
    def __init__(self, xy, *, closed=True, **kw):
        super().__init__(**kw)
        pts = xy.tolist() if hasattr(xy, "tolist") else list(xy)
        self.xy = [tuple(p) for p in pts]
        if not closed:
            raise TypeError("Polygon(closed=False) is not supported by numc")

    def get_path_xy(self):
        return [p[0] for p in self.xy], [p[1] for p in self.xy]

    def get_xy(self):
        return list(self.xy)


class Wedge(Patch):
    def __init__(self, center, r, theta1, theta2, *, width=None, **kw):
        super().__init__(**kw)
        self.center, self.r, self.theta1, self.theta2, self.width = tuple(center), r, theta1, theta2, width

    def get_path_xy(self, n=90):
        cx, cy = self.center
        t1, t2 = _math.radians(self.theta1), _math.radians(self.theta2)
        outer = [(cx + self.r * _math.cos(t1 + (t2 - t1) * i / n),
                  cy + self.r * _math.sin(t1 + (t2 - t1) * i / n)) for i in range(n + 1)]
        if self.width is None:
            inner = [(cx, cy)]
        else:
            ri = self.r - self.width
            inner = [(cx + ri * _math.cos(t2 - (t2 - t1) * i / n),
                      cy + ri * _math.sin(t2 - (t2 - t1) * i / n)) for i in range(n + 1)]
        pts = outer + inner
        return [p[0] for p in pts], [p[1] for p in pts]
