# Log scales: a loglog power law with a grid, and a semilogy exponential decay.
import numc as np
import numc.pyplot as plt

x = 10 ** np.linspace(0, 3, 50)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 4))
ax1.loglog(x, x ** 2, "o-", ms=3, label="x^2")
ax1.loglog(x, 30 * x ** 1.5, "s--", ms=3, label="30 x^1.5")
ax1.grid(True, which="both", alpha=0.3)
ax1.legend()
ax1.set_title("loglog")
t = np.linspace(0, 10, 200)
ax2.semilogy(t, np.exp(-t / 2) + 1e-3, color="purple")
ax2.set_title("semilogy")
plt.show()
