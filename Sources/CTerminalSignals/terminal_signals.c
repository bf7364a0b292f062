// dup3 (Linux): /dev/null over the terminal descriptor, keeping it close-on-exec.
#define _GNU_SOURCE
#include "terminal_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// Signal numbers on Linux are below 65 (_NSIG), real-time signals included.
#define TS_SIGNALS 65

static struct {
    int pipe_write;
    // The terminal's descriptor as ncurses writes to it, /dev/null to put over it when a
    // signal ends the session, and whether that happened.
    int output_fd;
    int null_fd;
    volatile sig_atomic_t output_diverted;
    int restore_fd;
    int restore_saved;
    struct termios restore_termios;
    char restore_sequence[1024];
    // Published after the bytes, read first: a handler never sees half a sequence.
    volatile sig_atomic_t restore_sequence_length;
    // What each handled signal did before; `replaced` says which entries hold one.
    struct sigaction previous[TS_SIGNALS];
    volatile sig_atomic_t replaced[TS_SIGNALS];
    // The order signals were installed in, for restoring in reverse.
    int order[TS_SIGNALS];
    int order_count;
} state = { .pipe_write = -1, .output_fd = -1, .null_fd = -1, .restore_fd = -1 };

static void forward_signal(int signal_number) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)signal_number;
    if (state.pipe_write >= 0) {
        ssize_t ignored = write(state.pipe_write, &byte, 1);
        (void)ignored;
    }
    // A signal that ends the session must not wait for a terminal that stopped reading
    // (a stalled link, XOFF): /dev/null takes the descriptor's place, so a write blocked
    // on it (restarted after this handler) and every later one finish at once, and the
    // loop gets to the signal. The terminal is restored through another descriptor.
    if ((signal_number == SIGINT || signal_number == SIGTERM || signal_number == SIGHUP)
        && state.output_fd >= 0 && state.null_fd >= 0 && !state.output_diverted) {
        if (dup3(state.null_fd, state.output_fd, O_CLOEXEC) == state.output_fd) state.output_diverted = 1;
    }
    errno = saved_errno;
}

void ts_divert_output_on_ending_signals(int fd) {
    if (state.null_fd < 0) state.null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    state.output_diverted = 0;
    state.output_fd = fd;
}

int ts_output_diverted(void) {
    return state.output_diverted;
}

int ts_write_within(int fd, const char *bytes, size_t length, int milliseconds) {
    size_t offset = 0;
    while (offset < length) {
        struct pollfd watched = { .fd = fd, .events = POLLOUT };
        int ready = poll(&watched, 1, milliseconds);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0 || !(watched.revents & POLLOUT)) return -1;
        ssize_t written = write(fd, bytes + offset, length - offset);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return -1;
        offset += (size_t)written;
    }
    return 0;
}

static void restore_terminal(void) {
    int fd = state.restore_fd;
    if (fd < 0) return;
    size_t length = (size_t)state.restore_sequence_length;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    // A terminal that stopped reading gets a second, then is left as it is.
    ts_write_within(fd, state.restore_sequence, length, 1000);
    if (state.restore_saved) tcsetattr(fd, TCSANOW, &state.restore_termios);
}

static void restore_and_pass_on(int signal_number, siginfo_t *info, void *context) {
    restore_terminal();
    // Once: a second fatal signal while dying must not write the sequence again.
    state.restore_fd = -1;
    // Hand the signal to what was there before, with the crash's own details (Swift's
    // backtracer reads the registers from `context`), on a terminal that is sane again.
    if (signal_number > 0 && signal_number < TS_SIGNALS && state.replaced[signal_number]) {
        struct sigaction *previous = &state.previous[signal_number];
        sigaction(signal_number, previous, NULL);
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction) previous->sa_sigaction(signal_number, info, context);
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
            previous->sa_handler(signal_number);
        }
    }
    // The handler before ours may return (Swift's does, once it has reported, expecting a
    // fault to recur, which a signal sent with kill does not): die of the signal now, so
    // the parent sees the true cause (and a core dump where one is wanted).
    ts_die_of_signal(signal_number);
}

int ts_last_signal(void) {
    return SIGRTMAX < TS_SIGNALS ? SIGRTMAX : TS_SIGNALS - 1;
}

int ts_catchable_and_fatal(int signal_number) {
    switch (signal_number) {
    case SIGKILL: case SIGCHLD: case SIGCONT: case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU: case SIGURG: case SIGWINCH:
        return 0;
    default:
        return signal_number > 0 && signal_number <= ts_last_signal() && (signal_number < __SIGRTMIN || signal_number >= SIGRTMIN);
    }
}

int ts_signal_is_ignored(int signal_number) {
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) != 0) return 0;
    return !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN;
}

static int install(int signal_number, void (*handler)(int), void (*informed)(int, siginfo_t *, void *), int flags) {
    if (signal_number <= 0 || signal_number >= TS_SIGNALS) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    if (informed) {
        action.sa_sigaction = informed;
        flags |= SA_SIGINFO;
    } else {
        action.sa_handler = handler;
    }
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    struct sigaction previous;
    if (sigaction(signal_number, &action, &previous) != 0) return -1;
    // Installed twice (after ts_stop_process, say): keep the first disposition replaced.
    if (!state.replaced[signal_number]) {
        state.previous[signal_number] = previous;
        state.replaced[signal_number] = 1;
        state.order[state.order_count++] = signal_number;
    }
    return 0;
}

int ts_forward_to_pipe(int signal_number, int pipe_write_fd) {
    state.pipe_write = pipe_write_fd;
    return install(signal_number, forward_signal, NULL, SA_RESTART);
}

int ts_restore_terminal_on_fatal(int signal_number) {
    // SA_ONSTACK: Swift's runtime sets up an alternate stack for stack overflows.
    return install(signal_number, NULL, restore_and_pass_on, SA_ONSTACK);
}

void ts_set_terminal_restore(int fd, const struct termios *saved, const char *sequence, size_t length) {
    state.restore_sequence_length = 0;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (saved) {
        state.restore_termios = *saved;
        state.restore_saved = 1;
    }
    if (length > sizeof state.restore_sequence) length = sizeof state.restore_sequence;
    if (length > 0) memcpy(state.restore_sequence, sequence, length);
    state.restore_fd = fd;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    state.restore_sequence_length = (sig_atomic_t)length;
}

void ts_restore_signals(void) {
    state.restore_sequence_length = 0;
    state.restore_fd = -1;
    for (int index = state.order_count - 1; index >= 0; index--) {
        int signal_number = state.order[index];
        sigaction(signal_number, &state.previous[signal_number], NULL);
        state.replaced[signal_number] = 0;
    }
    state.order_count = 0;
    state.pipe_write = -1;
    state.output_fd = -1;
}

void ts_stop_process(void) {
    struct sigaction ours;
    sigaction(SIGTSTP, NULL, &ours);
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &ours, NULL);
}

_Noreturn void ts_die_of_signal(int signal_number) {
    signal(signal_number, SIG_DFL);
    sigset_t unblocked;
    sigemptyset(&unblocked);
    sigaddset(&unblocked, signal_number);
    pthread_sigmask(SIG_UNBLOCK, &unblocked, NULL);
    raise(signal_number);
    _exit(128 + signal_number);
}
