# A figure saved to JPEG with a tight bounding box (labels hanging past the default margins).
import os
import tempfile

import numc as np
import numc.pyplot as plt

x = np.linspace(0, 4, 50)
fig, ax = plt.subplots(figsize=(6, 4), dpi=80)
ax.plot(x, x ** 2, "o-", label="square")
ax.plot(x, 3 * x, "s--", label="linear")
ax.set_xlabel("a rather long x label to make the tight box matter")
ax.set_ylabel("value")
ax.legend()
ax.set_title("Tight bounding box")
out = os.path.join(tempfile.mkdtemp(), "figure.jpg")
fig.savefig(out, bbox_inches="tight", pad_inches=0.2, dpi=80, pil_kwargs={"quality": 90})
with open(out, "rb") as f:
    assert f.read(3) == b"\xff\xd8\xff"
