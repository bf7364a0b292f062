// The C side of the terminal layer: ncursesw plus the macros and C globals Swift
// cannot import, as functions. Signal handling lives in CTerminalSignals.
#ifndef CONNECT_GUIDE_CNCURSESW_SHIM_H
#define CONNECT_GUIDE_CNCURSESW_SHIM_H

// Wide-character curses: these must be set before curses.h is read, here and not
// in the build settings, so every importer sees the same declarations.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// MARK: - C globals and macros, as functions

static inline WINDOW *cg_stdscr(void) { return stdscr; }
static inline WINDOW *cg_curscr(void) { return curscr; }

static inline void cg_getmaxyx(WINDOW *window, int *rows, int *columns) {
    int y, x;
    getmaxyx(window, y, x);
    *rows = y;
    *columns = x;
}

static inline attr_t cg_a_normal(void) { return A_NORMAL; }
static inline attr_t cg_a_bold(void) { return A_BOLD; }
static inline attr_t cg_a_reverse(void) { return A_REVERSE; }
static inline attr_t cg_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cg_a_dim(void) { return A_DIM; }

static inline short cg_color_default(void) { return -1; }
static inline short cg_color_red(void) { return COLOR_RED; }
static inline short cg_color_green(void) { return COLOR_GREEN; }
static inline short cg_color_yellow(void) { return COLOR_YELLOW; }
static inline short cg_color_blue(void) { return COLOR_BLUE; }
static inline short cg_color_magenta(void) { return COLOR_MAGENTA; }
static inline short cg_color_cyan(void) { return COLOR_CYAN; }

/// Sets the attributes and colour pair for the text drawn next.
static inline int cg_set_style(WINDOW *window, attr_t attributes, short pair) {
    return wattr_set(window, attributes, pair, NULL);
}

/// Puts `count` cells, one character each, in one style from (row, column), as they are:
/// wadd_wchnstr copies cells where waddnwstr would take each character through the
/// processing of typed text (controls, wrapping), which a frame never needs. Wide
/// characters take their two columns; the cursor does not move.
static inline int cg_put_cells(WINDOW *window, int row, int column, const wchar_t *characters, int count, attr_t attributes, short pair) {
    enum { chunk = 256 };
    cchar_t cells[chunk];
    int result = OK;
    while (count > 0 && result == OK) {
        int n = count < chunk ? count : chunk;
        for (int i = 0; i < n; i++) {
            wchar_t text[2] = { characters[i], L'\0' };
            setcchar(&cells[i], text, attributes, pair, NULL);
        }
        result = mvwadd_wchnstr(window, row, column, cells, n);
        // Past the columns this chunk took (only a row wider than a chunk has a next one).
        for (int i = 0; i < n && n < count; i++) {
            int width = wcwidth(characters[i]);
            column += width > 1 ? width : 1;
        }
        characters += n;
        count -= n;
    }
    return result;
}

// MARK: - Locale and character width

/// Adopts the user's locale, so ncurses reads and writes UTF-8, and says whether the
/// character encoding is UTF-8 (1) or not (0). As Python does (PEP 538), a plain "C" or
/// "POSIX" character locale that the user did not force with LC_ALL, which usually just
/// means LANG is unset, is taken as C.UTF-8 where the system has it.
static inline int cg_use_environment_locale(void) {
    // Only the character type: the guide formats no numbers, dates or messages through the
    // C library, and each other category is files to open at every start.
    setlocale(LC_CTYPE, "");
    const char *ctype = setlocale(LC_CTYPE, NULL);
    const char *forced = getenv("LC_ALL");
    if ((forced == NULL || *forced == '\0') && ctype != NULL
        && (strcmp(ctype, "C") == 0 || strcmp(ctype, "POSIX") == 0)) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    }
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

/// Columns a code point takes on the terminal; -1 for one that cannot be printed.
static inline int cg_wcwidth(unsigned int codePoint) { return wcwidth((wchar_t)codePoint); }

#endif
