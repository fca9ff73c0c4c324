#ifndef PRIVY_EDGE_CLMDB_SHIM_H
#define PRIVY_EDGE_CLMDB_SHIM_H
#include <lmdb.h>
#endif
