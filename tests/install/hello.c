/* Built by tests/test_install.sh against an *installed* numc (pkg-config and CMake). */
#include <numc/numc.h>
#include <stdio.h>

int main(void)
{
    nd_clear_error();
    printf("numc %s %s [%s]\n", NUMC_VERSION, nd_status_name(ND_ESHAPE), nd_errmsg());
    return nd_last_error() == ND_OK ? 0 : 1;
}
