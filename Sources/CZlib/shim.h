// zlib from the system (libz, zlib1g-dev): gzopen/gzread read gzip and plain files alike, for `bill import`.
#include <zlib.h>
