// Small C shims for system calls Swift's Glibc module does not export.
#ifndef KICKOFF_CSYSTEM_H
#define KICKOFF_CSYSTEM_H

/// Flushes the whole file system holding `fd` to disk: syncfs(2) on Linux (glibc declares it only
/// under _GNU_SOURCE), fsync(2) of `fd` elsewhere. Returns 0, or -1 with errno set.
int kickoff_syncfs(int fd);

#endif
