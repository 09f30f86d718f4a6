# Changing artists after they are drawn: new data, then relim and autoscale; colors, widths,
# labels, visibility and removal.
import numc as np
import numc.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 4.5), dpi=80)
t = np.linspace(0, 1, 20)
line, = ax.plot(t, t, label="first")
other, = ax.plot(t, 1 - t, label="to remove")
pts = ax.scatter(t, t * 0.5, label="points")
t2 = np.linspace(0, 6, 60)
line.set_data(t2, np.sin(t2) * 3)
line.set_color("tab:green")
line.set_linewidth(3)
line.set_label("sine")
pts.set_offsets(np.column_stack([t2[::6], np.cos(t2[::6])]))
pts.set_alpha(0.6)
other.remove()
ax.relim()
ax.autoscale_view()
note = ax.text(0.5, -2.5, "draft")
note.set_text("final")
ax.legend()
ax.set_title("Edited artists")
