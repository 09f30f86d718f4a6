# Annotations: fancy arrows with connection styles, and text in boxes.
import numc as np
import numc.pyplot as plt

x = np.linspace(0, 10, 200)
y = np.sin(x) * np.exp(-x / 6)

fig, ax = plt.subplots(figsize=(8, 5), dpi=80)
ax.plot(x, y, lw=2)
ax.set_ylim(-1.2, 1.4)
ax.annotate("first peak", xy=(1.45, 0.78), xytext=(3, 1.15),
            arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=0.3"),
            bbox=dict(boxstyle="round,pad=0.4", fc="lightyellow", ec="orange"))
ax.annotate("trough", xy=(4.6, -0.46), xytext=(6, -1.0),
            arrowprops=dict(arrowstyle="fancy", fc="0.6", ec="none",
                            connectionstyle="angle3,angleA=0,angleB=-90"),
            bbox=dict(boxstyle="round4", fc="w"))
ax.annotate("second peak", xy=(7.8, 0.27), xytext=(8.2, 0.9),
            arrowprops=dict(arrowstyle="-|>", connectionstyle="angle,angleA=0,angleB=90,rad=10",
                            fc="k"),
            bbox=dict(boxstyle="square", fc="lightblue", ec="navy"))
ax.annotate("zero", xy=(0, 0), xytext=(30, -40), textcoords="offset points",
            arrowprops=dict(arrowstyle="wedge,tail_width=0.5", fc="C2", ec="C2"),
            bbox=dict(boxstyle="sawtooth", fc="0.9"))
ax.text(9, -0.9, "boxed", ha="center", bbox=dict(boxstyle="darrow", fc="pink"))
ax.set_title("Annotation styles")
