#define _GNU_SOURCE
#include "pseudo_terminal.h"

#include <errno.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

pid_t pt_spawn(const char *path, char *const argv[], char *const envp[],
               unsigned short rows, unsigned short columns, int *master) {
    struct winsize size = {.ws_row = rows, .ws_col = columns};
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid == 0) {
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}

int pt_resize(int master, unsigned short rows, unsigned short columns) {
    struct winsize size = {.ws_row = rows, .ws_col = columns};
    return ioctl(master, TIOCSWINSZ, &size);
}

static pid_t wait_with(pid_t pid, int *status, long *max_resident_kib, int options) {
    struct rusage usage = {0};
    pid_t result;
    do {
        result = wait4(pid, status, options, &usage);
    } while (result < 0 && errno == EINTR);
    if (result > 0 && max_resident_kib) *max_resident_kib = usage.ru_maxrss;
    return result;
}

pid_t pt_wait(pid_t pid, int *status, long *max_resident_kib) {
    return wait_with(pid, status, max_resident_kib, 0);
}

pid_t pt_poll_exit(pid_t pid, int *status, long *max_resident_kib) {
    return wait_with(pid, status, max_resident_kib, WNOHANG);
}
