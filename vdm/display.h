/*
 * The display front ends: where a DOS program's screen appears and where
 * its keys come from. stdio (a pipe or file: handle output only, the
 * screen written to --screen-dump at the end), terminal (ANSI, once the
 * program takes the screen) and window (SDL2). The run loop calls
 * display_tick() at most every DISPLAY_TICK_NS and sleeps through
 * display_idle() so typed keys wake an idle guest.
 */
#ifndef VDM_DISPLAY_H
#define VDM_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;
struct display;

enum display_kind { DISPLAY_AUTO, DISPLAY_STDIO, DISPLAY_TERMINAL, DISPLAY_WINDOW };

/* 60 Hz: the most a screen is redrawn, and how often keys are polled. */
#define DISPLAY_TICK_NS 16666667u

/* One front end. Every hook but init may be NULL. */
struct display_ops {
    const char *name;
    /* Set up (nothing visible yet); false with a message in err. */
    bool (*init)(struct machine *m, struct display *d, char *err, size_t cap);
    /* Turn pending host input into key events for the guest. */
    void (*poll_input)(struct machine *m, struct display *d);
    /* Show the current screen if it changed. */
    void (*refresh)(struct machine *m, struct display *d, uint64_t now);
    /* Restore the host (terminal modes, window) and free; may print the
     * final screen. Called once, on every exit path. */
    void (*fini)(struct machine *m, struct display *d);
    /* Teletype output just changed the screen (display_note_teletype). */
    void (*teletype)(struct machine *m, struct display *d);
    /* Console output goes to the emulated screen (NULL: never). */
    bool (*shows_console)(const struct display *d);
    /* The front end reads the keyboard into the guest (NULL: never). */
    bool (*owns_keyboard)(const struct display *d);
};

struct display {
    const struct display_ops *ops;
    void *priv;               /* the front end's own state */
    int wake_fd;              /* readable fd that ends an idle sleep; -1 none */
    uint64_t max_idle_ns;     /* longest idle sleep (a window polls events); 0 none */
    uint64_t next_ns;         /* when display_tick() next does work */
    const char *screen_dump;  /* --screen-dump=FILE or NULL */
    const char *screenshot;   /* --screenshot=FILE.png or NULL */
    bool up;                  /* init succeeded, fini not yet run */
    unsigned long keys;       /* key strokes delivered (ends an idle wait) */
};

/* Parse --display's value; false for an unknown name. */
bool display_parse(const char *name, enum display_kind *out);

/* What `auto` means here: stdout a terminal -> terminal; else a
 * graphical session (DISPLAY, WAYLAND_DISPLAY) -> window when this build
 * has one; else stdio. Other kinds are returned as they are. */
enum display_kind display_resolve(enum display_kind k);

/* Whether this build has the window front end (SDL2). */
bool display_have_window(void);

/* Start front end `k` (resolved) on m; m->disp points at d afterwards.
 * False with a message in err. */
bool display_init(struct machine *m, struct display *d, enum display_kind k, char *err,
                  size_t cap);

/* Run loop hook: poll input and refresh when due. */
void display_tick(struct machine *m, uint64_t now);

/* Idle sleep (a guest HLT) until deadline_ns, refreshing and reading
 * input meanwhile; returns early when keys were delivered or on a
 * signal. */
void display_idle(struct machine *m, uint64_t deadline_ns);

/* End: restore the host, write --screen-dump and --screenshot. Safe to
 * call more than once and on a display that never came up. Returns false
 * when a requested dump or screenshot could not be written (reported
 * with vdm_warn). */
bool display_fini(struct machine *m);

/* Whether console output belongs on the emulated screen rather than on
 * the host's stdout: true for the window, and for the terminal once the
 * program took the screen (its stdout is then the drawn DOS screen, and
 * bytes written to it directly would land in the middle of it). The DOS
 * CON device asks this to route output through the BIOS teletype into
 * video memory, as on a PC. */
bool display_shows_console(const struct machine *m);

/* Whether the keys typed reach the guest through the emulated keyboard
 * (8042, INT 09h, the BIOS buffer) rather than as host stdin: true for
 * the window, and for the terminal once the program took the screen (raw
 * mode on); false for stdio and a terminal still streaming. DOS's console
 * input then reads the BIOS keyboard, as MS-DOS's CON driver does. */
bool display_owns_keyboard(const struct machine *m);

/* Before console input decides where keys come from: let a front end
 * that does not own the keyboard yet look at the screen now (a program
 * that just drew on it and reads a key takes the terminal over at once,
 * not at the next 60 Hz refresh, which a blocking stdin read would never
 * reach). */
void display_sync(struct machine *m);

/* BIOS teletype (INT 10h/0Eh, INT 29h) calls this after it updated video
 * memory and the cursor: output that streams does not count as the program
 * taking the screen. */
void display_note_teletype(struct machine *m);

#endif
