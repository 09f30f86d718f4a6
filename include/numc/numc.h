/* numc — umbrella header for libnumc: #include <numc/numc.h>.
 * The plotting library has its own header, <numc/plot.h> (link numc::plot). */
#ifndef NUMC_NUMC_H
#define NUMC_NUMC_H

#include "error.h"
#include "dtype.h"
#include "array.h"
#include "manip.h"
#include "sort.h"
#include "threads.h"
#include "ufunc.h"
#include "stats.h"
#include "testing.h"
#include "poly.h"
#include "random.h"
#include "linalg.h"
#include "fft.h"
#include "io.h"
#include "ma.h"
#include "strings.h"
#include "datetime.h"

#define NUMC_VERSION_MAJOR 0
#define NUMC_VERSION_MINOR 1
#define NUMC_VERSION_PATCH 0
#define NUMC_VERSION "0.1.0"

#endif
