/*
 * SDL2 window. The screen is rendered by disp_raster() (shared with
 * --screenshot) into a streaming texture, which SDL scales by a whole
 * factor (SDL_RenderSetIntegerScale) into the window. Keys: SDL
 * scancodes are positions on a US keyboard, as set-1 scancodes are, so
 * one table maps them; each SDL key down/up is one make/break.
 * Clipboard: Ctrl+Alt+C copies the text screen (UTF-8), Ctrl+Alt+V types
 * the clipboard's text as key strokes.
 */
#include "disp_sdl.h"

#include <SDL.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bios/mouse.h"
#include "cp437.h"
#include "disp_raster.h"
#include "disp_screen.h"
#include "keyin.h"
#include "machine.h"

#define BLINK_HALF_NS 266666667u /* VGA: text blinks every 16 frames at 60 Hz */
#define IDLE_POLL_NS 10000000u   /* SDL has no fd: look at events this often */
#define DEFAULT_SCALE 2

struct sdl {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *tex;
    int tex_w, tex_h;
    uint32_t *px;
    struct disp_screen now, shown;
    bool shown_valid, shown_blink;
    bool fullscreen;
    bool closed;          /* the user closed the window */
    unsigned buttons;     /* mouse buttons held, as the events said */
};

/* SDL scancode -> set-1 scancode (ext: the E0-prefixed grey keys). */
static const struct {
    SDL_Scancode sdl;
    uint8_t scan;
    bool ext;
} sdl_keys[] = {
    { SDL_SCANCODE_ESCAPE, 0x01, false }, { SDL_SCANCODE_1, 0x02, false },
    { SDL_SCANCODE_2, 0x03, false }, { SDL_SCANCODE_3, 0x04, false },
    { SDL_SCANCODE_4, 0x05, false }, { SDL_SCANCODE_5, 0x06, false },
    { SDL_SCANCODE_6, 0x07, false }, { SDL_SCANCODE_7, 0x08, false },
    { SDL_SCANCODE_8, 0x09, false }, { SDL_SCANCODE_9, 0x0A, false },
    { SDL_SCANCODE_0, 0x0B, false }, { SDL_SCANCODE_MINUS, 0x0C, false },
    { SDL_SCANCODE_EQUALS, 0x0D, false }, { SDL_SCANCODE_BACKSPACE, 0x0E, false },
    { SDL_SCANCODE_TAB, 0x0F, false }, { SDL_SCANCODE_Q, 0x10, false },
    { SDL_SCANCODE_W, 0x11, false }, { SDL_SCANCODE_E, 0x12, false },
    { SDL_SCANCODE_R, 0x13, false }, { SDL_SCANCODE_T, 0x14, false },
    { SDL_SCANCODE_Y, 0x15, false }, { SDL_SCANCODE_U, 0x16, false },
    { SDL_SCANCODE_I, 0x17, false }, { SDL_SCANCODE_O, 0x18, false },
    { SDL_SCANCODE_P, 0x19, false }, { SDL_SCANCODE_LEFTBRACKET, 0x1A, false },
    { SDL_SCANCODE_RIGHTBRACKET, 0x1B, false }, { SDL_SCANCODE_RETURN, 0x1C, false },
    { SDL_SCANCODE_LCTRL, 0x1D, false }, { SDL_SCANCODE_A, 0x1E, false },
    { SDL_SCANCODE_S, 0x1F, false }, { SDL_SCANCODE_D, 0x20, false },
    { SDL_SCANCODE_F, 0x21, false }, { SDL_SCANCODE_G, 0x22, false },
    { SDL_SCANCODE_H, 0x23, false }, { SDL_SCANCODE_J, 0x24, false },
    { SDL_SCANCODE_K, 0x25, false }, { SDL_SCANCODE_L, 0x26, false },
    { SDL_SCANCODE_SEMICOLON, 0x27, false }, { SDL_SCANCODE_APOSTROPHE, 0x28, false },
    { SDL_SCANCODE_GRAVE, 0x29, false }, { SDL_SCANCODE_LSHIFT, 0x2A, false },
    { SDL_SCANCODE_BACKSLASH, 0x2B, false }, { SDL_SCANCODE_Z, 0x2C, false },
    { SDL_SCANCODE_X, 0x2D, false }, { SDL_SCANCODE_C, 0x2E, false },
    { SDL_SCANCODE_V, 0x2F, false }, { SDL_SCANCODE_B, 0x30, false },
    { SDL_SCANCODE_N, 0x31, false }, { SDL_SCANCODE_M, 0x32, false },
    { SDL_SCANCODE_COMMA, 0x33, false }, { SDL_SCANCODE_PERIOD, 0x34, false },
    { SDL_SCANCODE_SLASH, 0x35, false }, { SDL_SCANCODE_RSHIFT, 0x36, false },
    { SDL_SCANCODE_KP_MULTIPLY, 0x37, false }, { SDL_SCANCODE_LALT, 0x38, false },
    { SDL_SCANCODE_SPACE, 0x39, false }, { SDL_SCANCODE_CAPSLOCK, 0x3A, false },
    { SDL_SCANCODE_F1, 0x3B, false }, { SDL_SCANCODE_F2, 0x3C, false },
    { SDL_SCANCODE_F3, 0x3D, false }, { SDL_SCANCODE_F4, 0x3E, false },
    { SDL_SCANCODE_F5, 0x3F, false }, { SDL_SCANCODE_F6, 0x40, false },
    { SDL_SCANCODE_F7, 0x41, false }, { SDL_SCANCODE_F8, 0x42, false },
    { SDL_SCANCODE_F9, 0x43, false }, { SDL_SCANCODE_F10, 0x44, false },
    { SDL_SCANCODE_NUMLOCKCLEAR, 0x45, false }, { SDL_SCANCODE_SCROLLLOCK, 0x46, false },
    { SDL_SCANCODE_KP_7, 0x47, false }, { SDL_SCANCODE_KP_8, 0x48, false },
    { SDL_SCANCODE_KP_9, 0x49, false }, { SDL_SCANCODE_KP_MINUS, 0x4A, false },
    { SDL_SCANCODE_KP_4, 0x4B, false }, { SDL_SCANCODE_KP_5, 0x4C, false },
    { SDL_SCANCODE_KP_6, 0x4D, false }, { SDL_SCANCODE_KP_PLUS, 0x4E, false },
    { SDL_SCANCODE_KP_1, 0x4F, false }, { SDL_SCANCODE_KP_2, 0x50, false },
    { SDL_SCANCODE_KP_3, 0x51, false }, { SDL_SCANCODE_KP_0, 0x52, false },
    { SDL_SCANCODE_KP_PERIOD, 0x53, false }, { SDL_SCANCODE_F11, 0x57, false },
    { SDL_SCANCODE_F12, 0x58, false }, { SDL_SCANCODE_KP_ENTER, 0x1C, true },
    { SDL_SCANCODE_RCTRL, 0x1D, true }, { SDL_SCANCODE_KP_DIVIDE, 0x35, true },
    { SDL_SCANCODE_RALT, 0x38, true }, { SDL_SCANCODE_HOME, 0x47, true },
    { SDL_SCANCODE_UP, 0x48, true }, { SDL_SCANCODE_PAGEUP, 0x49, true },
    { SDL_SCANCODE_LEFT, 0x4B, true }, { SDL_SCANCODE_RIGHT, 0x4D, true },
    { SDL_SCANCODE_END, 0x4F, true }, { SDL_SCANCODE_DOWN, 0x50, true },
    { SDL_SCANCODE_PAGEDOWN, 0x51, true }, { SDL_SCANCODE_INSERT, 0x52, true },
    { SDL_SCANCODE_DELETE, 0x53, true },
};

static bool sdl_init(struct machine *m, struct display *d, char *err, size_t cap)
{
    if (!disp_raster_available()) {
        snprintf(err, cap, "this build has no VGA font for the window (install console-data)");
        return false;
    }
    struct sdl *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        snprintf(err, cap, "cannot open a window: %s", SDL_GetError());
        free(s);
        return false;
    }
    disp_screen_read(m, &s->now);
    int w = s->now.cols * DISP_FONT_W, h = s->now.rows * disp_raster_cell_h(&s->now);
    char title[128];
    const char *base = m->program_name ? strrchr(m->program_name, '/') : NULL;
    snprintf(title, sizeof title, "%s - vdm",
             base ? base + 1 : m->program_name ? m->program_name : "DOS");
    s->win = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                              w * DEFAULT_SCALE, h * DEFAULT_SCALE, SDL_WINDOW_RESIZABLE);
    s->ren = s->win ? SDL_CreateRenderer(s->win, -1, 0) : NULL;
    if (!s->ren) {
        snprintf(err, cap, "cannot open a window: %s", SDL_GetError());
        if (s->win)
            SDL_DestroyWindow(s->win);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        free(s);
        return false;
    }
    SDL_RenderSetIntegerScale(s->ren, SDL_TRUE);
    d->priv = s;
    d->max_idle_ns = IDLE_POLL_NS;
    return true;
}

static void key_event(struct machine *m, const SDL_KeyboardEvent *e)
{
    for (size_t i = 0; i < sizeof sdl_keys / sizeof sdl_keys[0]; i++)
        if (sdl_keys[i].sdl == e->keysym.scancode) {
            keyin_key(m, sdl_keys[i].scan, sdl_keys[i].ext, e->type == SDL_KEYDOWN);
            return;
        }
}

static void copy_screen(struct sdl *s)
{
    size_t cap = (size_t)s->now.rows * ((size_t)s->now.cols * 3 + 1) + 1, n = 0;
    char *t = malloc(cap);
    if (!t)
        return;
    for (int r = 0; r < s->now.rows; r++) {
        size_t line_start = n;
        for (int c = 0; c < s->now.cols; c++)
            n += cp437_to_utf8(disp_cell(&s->now, r, c) & 0xFF, t + n);
        while (n > line_start && t[n - 1] == ' ')
            n--;
        t[n++] = '\n';
    }
    t[n] = 0;
    SDL_SetClipboardText(t);
    free(t);
}

static void paste(struct machine *m)
{
    char *t = SDL_GetClipboardText();
    if (!t)
        return;
    size_t n = strlen(t);
    for (size_t i = 0; i < n;) {
        uint32_t u;
        size_t l = cp437_utf8_decode((const uint8_t *)t + i, n - i, &u);
        if (l == 0)
            break;
        i += l;
        if (u == '\n')
            u = '\r';
        int c = cp437_from_unicode(u);
        if (c > 0)
            keyin_stroke(m, keyin_from_char((uint8_t)c));
    }
    SDL_free(t);
}

/* The host pointer over the window, in the texture's (logical) pixels,
 * as the INT 33h driver sees it: the character cell's virtual position
 * (column * 8, row * 8) and the buttons held. */
static void pointer_event(struct machine *m, struct sdl *s, int x, int y)
{
    int cell_h = disp_raster_cell_h(&s->now);
    if (x < 0 || y < 0 || cell_h <= 0)
        return;
    mouse_event(m, x / DISP_FONT_W * 8, y / cell_h * 8, s->buttons);
}

static void sdl_poll_input(struct machine *m, struct display *d)
{
    struct sdl *s = d->priv;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        switch (e.type) {
        case SDL_QUIT:
            s->closed = true;
            raise(SIGHUP); /* the window's "terminal" went away */
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            SDL_Keymod mod = SDL_GetModState();
            if (e.type == SDL_KEYDOWN && (mod & KMOD_ALT) &&
                e.key.keysym.scancode == SDL_SCANCODE_RETURN) {
                s->fullscreen = !s->fullscreen;
                SDL_SetWindowFullscreen(s->win, s->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
                break;
            }
            if (e.type == SDL_KEYDOWN && (mod & KMOD_ALT) && (mod & KMOD_CTRL) &&
                (e.key.keysym.scancode == SDL_SCANCODE_C || e.key.keysym.scancode == SDL_SCANCODE_V)) {
                if (e.key.keysym.scancode == SDL_SCANCODE_C)
                    copy_screen(s);
                else
                    paste(m);
                d->keys++;
                break;
            }
            key_event(m, &e.key); /* a held key repeats its make code */
            d->keys++;
            break;
        }
        case SDL_WINDOWEVENT:
            s->shown_valid = false; /* exposed or resized: draw again */
            break;
        case SDL_MOUSEMOTION:
            pointer_event(m, s, e.motion.x, e.motion.y);
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: {
            /* Each event carries its own button, so a click whose press and
             * release arrive in one poll is still seen as both. */
            unsigned bit = e.button.button == SDL_BUTTON_LEFT    ? MOUSE_LEFT
                           : e.button.button == SDL_BUTTON_RIGHT ? MOUSE_RIGHT
                           : e.button.button == SDL_BUTTON_MIDDLE ? MOUSE_MIDDLE : 0;
            if (e.type == SDL_MOUSEBUTTONDOWN)
                s->buttons |= bit;
            else
                s->buttons &= ~bit;
            pointer_event(m, s, e.button.x, e.button.y);
            break;
        }
        default:
            break;
        }
    }
}

static void sdl_refresh(struct machine *m, struct display *d, uint64_t now)
{
    struct sdl *s = d->priv;
    disp_screen_read(m, &s->now);
    bool blink = (now / BLINK_HALF_NS) % 2 == 0;
    if (s->shown_valid && blink == s->shown_blink &&
        memcmp(&s->now, &s->shown, sizeof s->now) == 0)
        return;
    int w = s->now.cols * DISP_FONT_W, h = s->now.rows * disp_raster_cell_h(&s->now);
    if (!s->tex || w != s->tex_w || h != s->tex_h) {
        if (s->tex)
            SDL_DestroyTexture(s->tex);
        free(s->px);
        s->tex = SDL_CreateTexture(s->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING,
                                   w, h);
        s->px = malloc((size_t)w * h * sizeof *s->px);
        if (!s->tex || !s->px)
            return;
        s->tex_w = w;
        s->tex_h = h;
        SDL_RenderSetLogicalSize(s->ren, w, h);
    }
    disp_raster(&s->now, blink, s->px, w);
    for (size_t i = 0; i < (size_t)w * h; i++)
        s->px[i] |= 0xFF000000u;
    SDL_UpdateTexture(s->tex, NULL, s->px, w * (int)sizeof *s->px);
    SDL_SetRenderDrawColor(s->ren, 0, 0, 0, 255);
    SDL_RenderClear(s->ren);
    SDL_RenderCopy(s->ren, s->tex, NULL, NULL);
    SDL_RenderPresent(s->ren);
    s->shown = s->now;
    s->shown_blink = blink;
    s->shown_valid = true;
}

/* VDM_KEEP_WINDOW=1 (the desktop entry's "keep the window open" action):
 * when the program has ended, leave its final screen up until a key, a
 * click or the window is closed, so a double-clicked program that prints
 * and exits can still be read. */
static void keep_window(struct machine *m, struct display *d)
{
    struct sdl *s = d->priv;
    const char *keep = getenv("VDM_KEEP_WINDOW");
    if (!keep || strcmp(keep, "1") != 0 || s->closed || !s->win ||
        m->outcome == RUN_SIGNALLED)
        return;
    char title[160];
    snprintf(title, sizeof title, "%s - vdm (ended: press a key to close)",
             m->program_name ? m->program_name : "DOS");
    SDL_SetWindowTitle(s->win, title);
    s->shown_valid = false;
    sdl_refresh(m, d, vdm_now_ns());
    SDL_Event e;
    while (SDL_WaitEvent(&e)) {
        if (e.type == SDL_QUIT || e.type == SDL_KEYDOWN || e.type == SDL_MOUSEBUTTONDOWN)
            break;
        if (e.type == SDL_WINDOWEVENT) {
            s->shown_valid = false;
            sdl_refresh(m, d, vdm_now_ns());
        }
    }
}

static void sdl_fini(struct machine *m, struct display *d)
{
    struct sdl *s = d->priv;
    if (!s)
        return;
    keep_window(m, d);
    if (s->tex)
        SDL_DestroyTexture(s->tex);
    SDL_DestroyRenderer(s->ren);
    SDL_DestroyWindow(s->win);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    SDL_Quit();
    free(s->px);
    free(s);
    d->priv = NULL;
}

static bool sdl_shows_console(const struct display *d)
{
    (void)d;
    return true;
}

const struct display_ops disp_sdl_ops = {
    .name = "window",
    .init = sdl_init,
    .poll_input = sdl_poll_input,
    .refresh = sdl_refresh,
    .fini = sdl_fini,
    .shows_console = sdl_shows_console,
    .owns_keyboard = sdl_shows_console, /* the window reads every key */
};
