// The Linux system calls Swift cannot make itself, for ConnectGuidePlatform/Linux.swift
// only: syscall(2) is variadic, which Swift does not import. A port replaces this module
// along with that file.
#ifndef CONNECT_GUIDE_LINUX_SYSTEM_CALLS_H
#define CONNECT_GUIDE_LINUX_SYSTEM_CALLS_H

#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// renameat2(2) with RENAME_NOREPLACE: 0, or the error number (ENOSYS on kernels before
/// 3.15, EINVAL where the file system does not support the flag). Made with syscall(2),
/// not glibc's wrapper: the wrapper is declared only for _GNU_SOURCE and is missing
/// before glibc 2.28, and a fully static executable cannot look it up at run time.
static inline int cg_rename_no_replace(const char *from, const char *to) {
#ifdef SYS_renameat2
    // RENAME_NOREPLACE from <linux/fs.h>, whose other declarations clash with glibc's.
    long result = syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1U);
    return result == 0 ? 0 : errno;
#else
    (void)from;
    (void)to;
    return ENOSYS;
#endif
}

#endif
