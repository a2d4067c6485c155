// Linux calls Swift's Glibc module does not import (they sit behind _GNU_SOURCE).
#ifndef INTAKE_CLINUX_SHIM_H
#define INTAKE_CLINUX_SHIM_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

extern int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);

/// rename(2) that fails with EEXIST instead of replacing `to` (RENAME_NOREPLACE). Filesystems
/// without it (some network shares) fail with EINVAL; the caller falls back.
static inline int intake_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, 1u /* RENAME_NOREPLACE */);
}

/// Whether any process has the open file `fd` open for writing: a read lease (F_SETLEASE,
/// F_RDLCK) is refused with EAGAIN exactly then. Returns 1 (a writer), 0 (none), -1 (cannot
/// tell: not the file's owner, or a filesystem without leases).
static inline int intake_has_writer(int fd) {
    if (fcntl(fd, 1024 /* F_SETLEASE */, 0 /* F_RDLCK */) == 0) {
        fcntl(fd, 1024, 2 /* F_UNLCK */);
        return 0;
    }
    return errno == EAGAIN ? 1 : -1;
}

#endif
