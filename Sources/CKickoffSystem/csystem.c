#define _GNU_SOURCE
#include <unistd.h>
#include "csystem.h"

int kickoff_syncfs(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    return fsync(fd);
#endif
}
