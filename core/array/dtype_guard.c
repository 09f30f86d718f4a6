/* The guard of the numeric-only paths against the flexible dtypes (internal.h). */
#include "internal.h"

nd_status nd__need_numeric(nd_dtype t, const char *who)
{
    if (nd_dtype_is_numeric((int)t)) return ND_OK;
    return nd_set_error(ND_EDTYPE, "%s: not supported for dtype %s", who, nd_dtype_name(t));
}
