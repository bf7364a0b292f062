#ifndef PSEUDO_TERMINAL_H
#define PSEUDO_TERMINAL_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` on a new pseudo-terminal of the given size, as its
/// controlling terminal. Returns the child's pid and stores the master side in `*master`,
/// or returns -1 with errno set. Done in C because forkpty and ioctl are not callable
/// from Swift (variadic), and because the child must only exec after fork.
pid_t pt_spawn(const char *path, char *const argv[], char *const envp[],
               unsigned short rows, unsigned short columns, int *master);

/// Sets the terminal size; the kernel sends SIGWINCH to the foreground process group.
int pt_resize(int master, unsigned short rows, unsigned short columns);

/// Waits for the child and stores its wait status.
pid_t pt_wait(pid_t pid, int *status);

/// Non-blocking wait; returns 0 while the child runs.
pid_t pt_poll_exit(pid_t pid, int *status);

#endif
