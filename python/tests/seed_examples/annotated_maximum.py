# A damped oscillation with its maximum marked by an arrow annotation.
import numc as np
import numc.pyplot as plt

fig, ax = plt.subplots()
t = np.arange(0.0, 5.0, 0.01)
s = np.cos(2 * np.pi * t) * np.exp(-t / 3)
line, = ax.plot(t, s, lw=2)
imax = np.argmax(s[50:]) + 50
ax.annotate("local max", xy=(t[imax], s[imax]), xytext=(3, 1.5),
            arrowprops=dict(facecolor="black", shrink=0.05))
ax.set_ylim(-2, 2)
ax.set_xlabel("time (s)")
ax.set_ylabel("amplitude")
plt.show()
