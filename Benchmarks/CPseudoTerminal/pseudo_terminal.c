#define _GNU_SOURCE
#include "pseudo_terminal.h"

#include <errno.h>
#include <pty.h>
#include <sys/ioctl.h>
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

static pid_t wait_with(pid_t pid, int *status, int options) {
    pid_t result;
    do {
        result = waitpid(pid, status, options);
    } while (result < 0 && errno == EINTR);
    return result;
}

pid_t pt_wait(pid_t pid, int *status) { return wait_with(pid, status, 0); }

pid_t pt_poll_exit(pid_t pid, int *status) { return wait_with(pid, status, WNOHANG); }
