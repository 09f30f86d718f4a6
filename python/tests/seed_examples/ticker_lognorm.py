# numc.mpl's ticker and colors: a percent axis with a fixed tick step, and a LogNorm image.
import numc as np
import numc.pyplot as plt
from numc.mpl import colors, ticker

x = np.linspace(0.01, 1.0, 100)
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 4))
ax1.plot(x, x ** 2, label="share")
ax1.yaxis.set_major_formatter(ticker.PercentFormatter(1.0))
ax1.xaxis.set_major_locator(ticker.MultipleLocator(0.25))
ax1.legend()
Z = np.exp(x[np.newaxis, :] * 5) * np.exp(x[:, np.newaxis] * 3)
im = ax2.imshow(Z, norm=colors.LogNorm(), cmap="viridis", origin="lower")
fig.colorbar(im, ax=ax2)
ax2.set_title("LogNorm")
plt.show()
