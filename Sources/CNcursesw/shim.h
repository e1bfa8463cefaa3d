/* CNcursesw: the part of wide-character ncurses (ncursesw 6.x) that krant's
 * terminal backend uses, made importable from Swift 6. */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* SwiftPM drops ncursesw's pkg-config cflags, so enable the X/Open
 * wide-character API (cchar_t, get_wch, setcchar, ...) here, before the
 * ncurses include. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* Swift's Glibc module hides wcwidth unless _XOPEN_SOURCE is set: the backend
 * asks ncurses' own notion of width before placing a cluster. */
extern int wcwidth(wchar_t c);
static inline int nc_wcwidth(wchar_t c) { return wcwidth(c); }

/* Swift 6 rejects references to C globals (stdscr, stdout, cur_term, ...) as
 * not concurrency-safe: read them through functions. */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }

/* newterm() on the process's stdout/stdin: unlike initscr() it returns NULL
 * on a bad TERM instead of printing and exiting. */
static inline SCREEN *nc_newterm_stdio(const char *term_type) {
    return newterm(term_type, stdout, stdin);
}

/* Loads a terminfo entry without touching the terminal (setupterm only reads
 * the database) to check it before newterm. Returns 1 when found, 0 when the
 * entry is unknown, -1 when the database is missing; *can_address is set when
 * the entry has `cup`. The loaded entry is freed again. */
static inline int nc_probe_terminal(const char *term_type, int *can_address) {
    int status = 0;
    *can_address = 0;
    if (setupterm(term_type, 1, &status) != OK) {
        return status;
    }
    char *cup = tigetstr("cup");
    *can_address = cup != NULL && cup != (char *)-1;
    TERMINAL *loaded = cur_term;
    set_curterm(NULL);
    del_curterm(loaded);
    return 1;
}

/* Attribute macros expand to shifts and are not imported; constants are. */
static const attr_t NC_A_NORMAL    = A_NORMAL;
static const attr_t NC_A_BOLD      = A_BOLD;
static const attr_t NC_A_DIM       = A_DIM;
static const attr_t NC_A_UNDERLINE = A_UNDERLINE;
static const attr_t NC_A_REVERSE   = A_REVERSE;
static const attr_t NC_A_ITALIC    = A_ITALIC;

/* The backend writes clusters ncurses cannot hold through mvcur, vid_attr
 * and putchar, which go to stdout's stdio buffer (doupdate writes its own
 * buffer to the descriptor first): flush it once they are written. */
static inline void nc_flush_stdout(void) { fflush(stdout); }

/* KEY_F(n) is a function-like macro. */
static inline int nc_key_f(int n) { return KEY_F(n); }

/* The mouse masks are built by function-like macros (NCURSES_MOUSE_MASK).
 * With ncurses' mouse version 2, buttons 4 and 5 are the wheel. */
static const mmask_t NC_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t NC_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t NC_BUTTON5_PRESSED = BUTTON5_PRESSED;

/* --- Restoring the terminal when the process dies of SIGINT/SIGTERM/SIGHUP
 * or exits without stop(). The handler runs in C, not Swift, so it calls no
 * Swift runtime code; it only calls endwin() (what ncurses' own SIGINT
 * handler does too) and then re-raises the signal with its default action,
 * so the parent sees "killed by SIGINT" (exit status 128+sig in a shell).
 * The state lives in function-local statics (Swift emits the bodies of the
 * static inline functions it calls, but not file-scope static variables);
 * only KrantTerminal calls these, so there is exactly one copy of it. --- */
static inline volatile sig_atomic_t *nc_curses_active(void) {
    static volatile sig_atomic_t active = 0;
    return &active;
}

static inline struct sigaction *nc_saved_actions(void) {
    static struct sigaction saved[3];
    return saved;
}

static inline int nc_restored_signal(int i) {
    return i == 0 ? SIGINT : i == 1 ? SIGTERM : SIGHUP;
}

static inline void nc_restore_and_reraise(int sig) {
    if (*nc_curses_active()) {
        *nc_curses_active() = 0;
        endwin();
    }
    signal(sig, SIG_DFL);
    raise(sig);   /* blocked until this handler returns, then fatal */
}

static inline void nc_restore_at_exit(void) {
    if (*nc_curses_active()) {
        *nc_curses_active() = 0;
        endwin();
    }
}

static inline void nc_set_curses_active(int active) { *nc_curses_active() = active; }

/* Installs the handlers (before newterm, so ncurses does not install its own,
 * which would exit with status 1) and the atexit hook (once per process). */
static inline void nc_install_restore_handlers(void) {
    static int registered_atexit = 0;
    if (!registered_atexit) {
        registered_atexit = 1;
        atexit(nc_restore_at_exit);
    }
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = nc_restore_and_reraise;
    for (int i = 0; i < 3; i++) {
        sigaction(nc_restored_signal(i), NULL, &nc_saved_actions()[i]);
        /* A signal the parent ignores (nohup) stays ignored. */
        if (nc_saved_actions()[i].sa_handler != SIG_IGN) {
            sigaction(nc_restored_signal(i), &action, NULL);
        }
    }
}

static inline void nc_uninstall_restore_handlers(void) {
    for (int i = 0; i < 3; i++) {
        sigaction(nc_restored_signal(i), &nc_saved_actions()[i], NULL);
    }
}

#endif /* CNCURSESW_SHIM_H */
