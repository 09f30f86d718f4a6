/* numc — symbol export and attribute macros shared by the public headers.
 *
 * The shared libraries are built with -fvisibility=hidden: only declarations marked
 * ND_API (libnumc) or NPLOT_API (libnumc_plot) are exported. */
#ifndef NUMC_EXPORT_H
#define NUMC_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define ND_API __attribute__((visibility("default")))
#define ND_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define ND_API
#define ND_PRINTF(fmt, args)
#endif
#define NPLOT_API ND_API

#endif
