// Signal handling for the full-screen UI, in one C file with one state: the handlers
// must be async-signal-safe, and a `static` in a header gets one copy per object file
// (whole-module optimisation once wrote the restore sequence to a copy the handler did
// not read). Swift calls only these functions; the state stays in terminal_signals.c.
#ifndef CONNECT_GUIDE_TERMINAL_SIGNALS_H
#define CONNECT_GUIDE_TERMINAL_SIGNALS_H

#include <stddef.h>
#include <termios.h>

/// The highest signal number the C library lets a program handle (SIGRTMAX).
int ts_last_signal(void);

/// Whether `signal_number`'s default action ends the process (with or without a core
/// dump), rather than ignoring it, stopping or continuing it, and a program may catch it:
/// not SIGKILL, nor the real-time signals below SIGRTMIN that the C library keeps for itself.
int ts_catchable_and_fatal(int signal_number);

/// Whether the process started with `signal_number` ignored (under nohup, or a background
/// job's SIGINT): such a signal is left ignored, as the parent meant.
int ts_signal_is_ignored(int signal_number);

/// Routes `signal_number` into the pipe `pipe_write_fd` (one byte per signal), keeping
/// the disposition it replaces for `ts_restore_signals`. Returns 0 on success.
int ts_forward_to_pipe(int signal_number, int pipe_write_fd);

/// Restores the terminal if the process dies of `signal_number`, then hands the signal
/// to the disposition it replaces (Swift's crash reporter, or the default action).
/// Returns 0 on success.
int ts_restore_terminal_on_fatal(int signal_number);

/// The terminal settings and output that undo the UI, for the fatal handler. Sequences
/// longer than the handler's buffer (1 KiB) are cut.
void ts_set_terminal_restore(int fd, const struct termios *saved, const char *sequence, size_t length);

/// From now on SIGINT, SIGTERM and SIGHUP, which end the session, also put /dev/null over
/// `fd` (the terminal as ncurses writes to it), so that no write blocked on a terminal
/// that stopped reading keeps the loop from acting on them.
void ts_divert_output_on_ending_signals(int fd);

/// Whether an ending signal has put /dev/null over the terminal's descriptor.
int ts_output_diverted(void);

/// Writes `length` bytes to `fd`, waiting at most `milliseconds` for the terminal to take
/// each part; 0 when all went out, -1 otherwise. Async-signal-safe.
int ts_write_within(int fd, const char *bytes, size_t length, int milliseconds);

/// Puts back every disposition replaced since the last call (in reverse order), and
/// forgets the terminal: after this, a signal acts as it would without the UI.
void ts_restore_signals(void);

/// Ctrl-Z: stops the process as the default action would; returns once continued, with
/// SIGTSTP routed to the pipe again.
void ts_stop_process(void);

/// Dies of `signal_number` with its default action (so a parent sees the true cause);
/// exits with 128 + the signal should the signal not end the process.
_Noreturn void ts_die_of_signal(int signal_number);

#endif
