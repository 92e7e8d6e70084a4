/*
 * Choosing a front end and the calls the run loop and main make: the
 * 60 Hz tick, the idle sleep that wakes on input, and the end (host
 * restored, --screen-dump and --screenshot written on every exit path).
 */
#define _GNU_SOURCE /* ppoll */
#include "display.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "disp_png.h"
#include "disp_screen.h"
#include "disp_term.h"
#include "machine.h"
#ifdef VDM_HAVE_SDL
#include "disp_sdl.h"
#endif

static const struct display_ops stdio_ops = { .name = "stdio" };

static const struct {
    const char *name;
    enum display_kind kind;
} display_names[] = {
    { "auto", DISPLAY_AUTO },
    { "stdio", DISPLAY_STDIO },
    { "terminal", DISPLAY_TERMINAL },
    { "window", DISPLAY_WINDOW },
};

bool display_parse(const char *name, enum display_kind *out)
{
    for (size_t i = 0; i < sizeof display_names / sizeof display_names[0]; i++)
        if (strcmp(name, display_names[i].name) == 0) {
            *out = display_names[i].kind;
            return true;
        }
    return false;
}

bool display_have_window(void)
{
#ifdef VDM_HAVE_SDL
    return true;
#else
    return false;
#endif
}

static bool env_set(const char *name)
{
    const char *v = getenv(name);
    return v && *v;
}

enum display_kind display_resolve(enum display_kind k)
{
    if (k != DISPLAY_AUTO)
        return k;
    if (isatty(STDOUT_FILENO))
        return DISPLAY_TERMINAL;
    if (display_have_window() && (env_set("DISPLAY") || env_set("WAYLAND_DISPLAY")))
        return DISPLAY_WINDOW;
    return DISPLAY_STDIO;
}

bool display_init(struct machine *m, struct display *d, enum display_kind k, char *err,
                  size_t cap)
{
    const struct display_ops *ops = &stdio_ops;
    if (k == DISPLAY_TERMINAL)
        ops = &disp_term_ops;
#ifdef VDM_HAVE_SDL
    else if (k == DISPLAY_WINDOW)
        ops = &disp_sdl_ops;
#endif
    else if (k == DISPLAY_WINDOW) {
        snprintf(err, cap, "this build has no window front end (SDL2 was not found)");
        return false;
    }
    d->ops = ops;
    d->wake_fd = -1;
    d->max_idle_ns = 0;
    d->next_ns = 0;
    d->priv = NULL;
    if (ops->init && !ops->init(m, d, err, cap))
        return false;
    d->up = true;
    m->disp = d;
    return true;
}

void display_tick(struct machine *m, uint64_t now)
{
    struct display *d = m->disp;
    if (!d || now < d->next_ns)
        return;
    d->next_ns = now + DISPLAY_TICK_NS;
    if (d->ops->poll_input)
        d->ops->poll_input(m, d);
    if (d->ops->refresh)
        d->ops->refresh(m, d, now);
}

void display_idle(struct machine *m, uint64_t deadline_ns)
{
    /* The guest waits for an interrupt; meanwhile the screen keeps being
     * refreshed and keys read. Keys end the wait (they raise IRQ1), a
     * refresh does not: a HLT must not return before its interrupt. */
    struct display *d = m->disp;
    unsigned long keys = d->keys;
    for (;;) {
        uint64_t now = vdm_now_ns();
        if (now >= deadline_ns)
            return;
        uint64_t wait = deadline_ns - now;
        if (d->max_idle_ns && wait > d->max_idle_ns)
            wait = d->max_idle_ns;
        if (d->next_ns > now && wait > d->next_ns - now)
            wait = d->next_ns - now;
        struct timespec ts = { (time_t)(wait / 1000000000u), (long)(wait % 1000000000u) };
        struct pollfd p = { .fd = d->wake_fd, .events = POLLIN };
        int r = ppoll(&p, p.fd >= 0 ? 1 : 0, &ts, NULL);
        if (r < 0 && errno == EINTR)
            return; /* a signal: let the run loop look at it */
        if (r > 0)
            d->next_ns = 0; /* input: read it now */
        display_tick(m, vdm_now_ns());
        if (d->keys != keys || !d->up)
            return;
    }
}

bool display_shows_console(const struct machine *m)
{
    const struct display *d = m->disp;
    return d && d->up && d->ops->shows_console && d->ops->shows_console(d);
}

bool display_owns_keyboard(const struct machine *m)
{
    const struct display *d = m->disp;
    return d && d->up && d->ops->owns_keyboard && d->ops->owns_keyboard(d);
}

void display_sync(struct machine *m)
{
    struct display *d = m->disp;
    if (d && d->up && d->ops->refresh && !display_owns_keyboard(m))
        d->ops->refresh(m, d, vdm_now_ns());
}

void display_note_teletype(struct machine *m)
{
    struct display *d = m->disp;
    if (d && d->up && d->ops->teletype)
        d->ops->teletype(m, d);
}

static bool write_dump(struct machine *m, const char *path, const struct disp_screen *s)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        vdm_warn("--screen-dump: cannot write %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = disp_screen_write_text(s, fd);
    int e = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok)
        vdm_warn("--screen-dump: cannot write %s: %s", path, strerror(e));
    (void)m;
    return ok;
}

bool display_fini(struct machine *m)
{
    struct display *d = m->disp;
    if (!d)
        return true;
    if (d->up && d->ops->fini)
        d->ops->fini(m, d);
    d->up = false;
    m->disp = NULL;
    bool ok = true;
    if (d->screen_dump || d->screenshot) {
        struct disp_screen *s = malloc(sizeof *s);
        if (!s) {
            vdm_warn("out of memory for the final screen");
            return false;
        }
        disp_screen_read(m, s);
        if (d->screen_dump)
            ok = write_dump(m, d->screen_dump, s) && ok;
        if (d->screenshot) {
            char err[160];
            if (!disp_png_screenshot(s, d->screenshot, err, sizeof err)) {
                vdm_warn("--screenshot: %s", err);
                ok = false;
            }
        }
        free(s);
    }
    return ok;
}
