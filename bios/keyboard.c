/*
 * The BIOS keyboard: INT 09h turns set-1 scancodes into shift state and
 * keyboard buffer entries (scancode << 8 | character), INT 16h reads them.
 * Key codes after RBIL INT 16/AH=00h and the IBM AT/PS/2 technical
 * references (US layout).
 *
 * INT 09h's guest part is a ROM routine (bios/rom.h): it reads port 60h
 * and offers the byte to INT 15h/4Fh before the host part here sees it in
 * AL, so programs that hook INT 09h or the intercept and chain work.
 *
 * Idling: INT 16h/00h with nothing in the buffer resumes the caller in the
 * ROM keyboard wait (STI; HLT; back into INT 16h), so the guest halts with
 * interrupts on until the next interrupt, and --timeout still ends it.
 * INT 16h/01h polled in a tight loop (KBD_POLL_BURST empty answers within
 * KBD_POLL_WINDOW_NS) sleeps until the next device event, at most
 * KBD_POLL_IDLE_NS, so a program waiting for a key does not spin a host
 * core; a game that polls once a frame never reaches the burst.
 */
#include "bios/bda.h"
#include "bios/bios.h"
#include "bios/rom.h"
#include "vdm/machine.h"
#include "vdm/mem.h"
#include "vdm/run.h"

#define KBD_POLL_BURST 8u
#define KBD_POLL_WINDOW_NS 5000000u
#define KBD_POLL_IDLE_NS 10000000u

/* BDA 17h: shift flags. */
#define KF_RSHIFT 0x01u
#define KF_LSHIFT 0x02u
#define KF_CTRL 0x04u
#define KF_ALT 0x08u
#define KF_SCROLL 0x10u
#define KF_NUM 0x20u
#define KF_CAPS 0x40u
#define KF_INSERT 0x80u
/* BDA 18h: keys held. */
#define KF2_LCTRL 0x01u
#define KF2_LALT 0x02u
#define KF2_SYSREQ 0x04u
#define KF2_SCROLL 0x10u
#define KF2_NUM 0x20u
#define KF2_CAPS 0x40u
#define KF2_INSERT 0x80u
/* BDA 96h: prefixes and right-hand modifiers. */
#define KF3_E1 0x01u
#define KF3_E0 0x02u
#define KF3_RCTRL 0x04u
#define KF3_RALT 0x08u

#define SC_BREAK 0x80u
#define SC_E0 0xE0u
#define SC_E1 0xE1u
enum {
    SC_ESC = 0x01, SC_2 = 0x03, SC_6 = 0x07, SC_0 = 0x0B, SC_MINUS = 0x0C, SC_EQUALS = 0x0D,
    SC_BACKSPACE = 0x0E, SC_TAB = 0x0F, SC_LBRACKET = 0x1A, SC_RBRACKET = 0x1B,
    SC_ENTER = 0x1C, SC_CTRL = 0x1D, SC_LSHIFT = 0x2A, SC_BACKSLASH = 0x2B, SC_SLASH = 0x35,
    SC_RSHIFT = 0x36, SC_PAD_STAR = 0x37, SC_ALT = 0x38, SC_SPACE = 0x39, SC_CAPS = 0x3A,
    SC_F1 = 0x3B, SC_F10 = 0x44, SC_NUM = 0x45, SC_SCROLL = 0x46, SC_PAD_FIRST = 0x47,
    SC_PAD_MINUS = 0x4A, SC_PAD_5 = 0x4C, SC_PAD_PLUS = 0x4E, SC_INS = 0x52, SC_DEL = 0x53,
    SC_F11 = 0x57, SC_F12 = 0x58,
};

/* Characters of scancodes 00h-39h, unshifted and shifted. */
static const char kbd_plain[] = "\0\x1b" "1234567890-=" "\b\t" "qwertyuiop[]" "\r\0"
                                "asdfghjkl;'`" "\0\\" "zxcvbnm,./" "\0*\0 ";
static const char kbd_shift[] = "\0\x1b" "!@#$%^&*()_+" "\b\t" "QWERTYUIOP{}" "\r\0"
                                "ASDFGHJKL:\"~" "\0|" "ZXCVBNM<>?" "\0*\0 ";
#define KBD_CHAR_KEYS (sizeof kbd_plain - 1)

/* Keypad 47h-53h: digits with NumLock, Ctrl codes, Alt codes of the grey
 * (E0-prefixed) copies. */
static const char kbd_pad_digits[] = "789-456+1230.";
static const uint8_t kbd_pad_ctrl[13] = { 0x77, 0x8D, 0x84, 0x8E, 0x73, 0x8F, 0x74,
                                          0x90, 0x75, 0x91, 0x76, 0x92, 0x93 };
static const uint8_t kbd_grey_alt[13] = { 0x97, 0x98, 0x99, 0x00, 0x9B, 0x00, 0x9D,
                                          0x00, 0x9F, 0xA0, 0xA1, 0xA2, 0xA3 };

/* Ctrl with a character key: the keys with a control character. */
static uint16_t ctrl_code(uint8_t sc, char c)
{
    if (c >= 'a' && c <= 'z')
        return (uint16_t)(sc << 8 | (c & 0x1F));
    switch (sc) {
    case SC_ESC: return 0x011B;
    case SC_BACKSPACE: return 0x0E7F;
    case SC_TAB: return 0x9400;
    case SC_ENTER: return 0x1C0A;
    case SC_LBRACKET: return 0x1A1B;
    case SC_RBRACKET: return 0x1B1D;
    case SC_BACKSLASH: return 0x2B1C;
    case SC_MINUS: return 0x0C1F;
    case SC_2: return 0x0300;
    case SC_6: return 0x071E;
    case SC_SPACE: return 0x3920;
    case SC_PAD_STAR: return 0x9600;
    default: return 0;
    }
}

/* Alt with a character key: the scancode alone (digit row 78h-83h). */
static uint16_t alt_code(uint8_t sc)
{
    if (sc >= SC_2 - 1 && sc <= SC_EQUALS)
        return (uint16_t)((sc + 0x76) << 8);
    if (sc == SC_SPACE)
        return 0x3920;
    if (sc == SC_PAD_STAR)
        return 0x3700;
    return (uint16_t)(sc << 8);
}

static uint16_t pad_code(uint8_t sc, uint8_t flags)
{
    unsigned i = sc - SC_PAD_FIRST;
    if (flags & KF_ALT)
        return sc == SC_PAD_MINUS || sc == SC_PAD_PLUS ? (uint16_t)(sc << 8) : 0;
    if (flags & KF_CTRL)
        return (uint16_t)(kbd_pad_ctrl[i] << 8);
    bool digits = !(flags & KF_NUM) != !(flags & (KF_LSHIFT | KF_RSHIFT));
    if (digits || sc == SC_PAD_MINUS || sc == SC_PAD_PLUS)
        return (uint16_t)(sc << 8 | (uint8_t)kbd_pad_digits[i]);
    return (uint16_t)(sc << 8);
}

static uint16_t grey_code(uint8_t sc, uint8_t flags)
{
    if (sc == SC_ENTER)
        return flags & KF_ALT ? 0xA600 : flags & KF_CTRL ? 0xE00A : 0xE00D;
    if (sc == SC_SLASH)
        return flags & KF_ALT ? 0xA400 : flags & KF_CTRL ? 0x9500 : 0xE02F;
    if (sc < SC_PAD_FIRST || sc > SC_DEL || sc == SC_PAD_MINUS || sc == SC_PAD_5 ||
        sc == SC_PAD_PLUS)
        return 0;
    unsigned i = sc - SC_PAD_FIRST;
    if (flags & KF_ALT)
        return (uint16_t)(kbd_grey_alt[i] << 8);
    if (flags & KF_CTRL)
        return (uint16_t)(kbd_pad_ctrl[i] << 8 | SC_E0);
    return (uint16_t)(sc << 8 | SC_E0);
}

/* The buffer word for make code `sc` (0: the key makes none). */
static uint16_t key_code(uint8_t sc, bool e0, uint8_t flags)
{
    bool shift = flags & (KF_LSHIFT | KF_RSHIFT);
    if (e0)
        return grey_code(sc, flags);
    if (sc >= SC_F1 && sc <= SC_F10) {
        unsigned add = flags & KF_ALT ? 0x2D : flags & KF_CTRL ? 0x23 : shift ? 0x19 : 0;
        return (uint16_t)((sc + add) << 8);
    }
    if (sc == SC_F11 || sc == SC_F12) {
        unsigned add = flags & KF_ALT ? 6 : flags & KF_CTRL ? 4 : shift ? 2 : 0;
        return (uint16_t)((0x85 + (sc - SC_F11) + add) << 8);
    }
    if (sc >= SC_PAD_FIRST && sc <= SC_DEL)
        return pad_code(sc, flags);
    if (sc >= KBD_CHAR_KEYS || !kbd_plain[sc])
        return 0;
    char c = kbd_plain[sc];
    if (flags & KF_ALT)
        return alt_code(sc);
    if (flags & KF_CTRL)
        return ctrl_code(sc, c);
    if (sc == SC_TAB && shift)
        return 0x0F00;
    bool letter = c >= 'a' && c <= 'z';
    if (shift != (letter && (flags & KF_CAPS)))
        c = kbd_shift[sc];
    return (uint16_t)(sc << 8 | (uint8_t)c);
}

static uint32_t bda(unsigned off)
{
    return BDA_LIN + off;
}

/* Append a key to the BIOS buffer; false when it is full. */
static bool buffer_put(struct machine *m, uint16_t key)
{
    uint16_t tail = mem_rd16(m, bda(BDA_KBD_TAIL));
    uint16_t next = (uint16_t)(tail + 2);
    if (next >= mem_rd16(m, bda(BDA_KBD_BUF_END)))
        next = mem_rd16(m, bda(BDA_KBD_BUF_START));
    if (next == mem_rd16(m, bda(BDA_KBD_HEAD)))
        return false;
    mem_wr16(m, mem_lin(BDA_SEG, tail), key);
    mem_wr16(m, bda(BDA_KBD_TAIL), next);
    return true;
}

/* The key at the head of the buffer (removing it when `take`); -1 when
 * the buffer is empty. */
static int buffer_get(struct machine *m, bool take)
{
    uint16_t head = mem_rd16(m, bda(BDA_KBD_HEAD));
    if (head == mem_rd16(m, bda(BDA_KBD_TAIL)))
        return -1;
    uint16_t key = mem_rd16(m, mem_lin(BDA_SEG, head));
    if (take) {
        head = (uint16_t)(head + 2);
        if (head >= mem_rd16(m, bda(BDA_KBD_BUF_END)))
            head = mem_rd16(m, bda(BDA_KBD_BUF_START));
        mem_wr16(m, bda(BDA_KBD_HEAD), head);
    }
    return key;
}

/* Shift, Ctrl, Alt and the locks: true when `sc` was one of them. */
static bool modifier(struct machine *m, uint8_t sc, bool brk, bool e0)
{
    uint8_t f = mem_rd8(m, bda(BDA_KBD_FLAGS)), f2 = mem_rd8(m, bda(BDA_KBD_FLAGS2));
    uint8_t f3 = mem_rd8(m, bda(BDA_KBD_FLAGS3));
    uint8_t held = 0, toggle = 0;
    switch (sc) {
    case SC_LSHIFT:
    case SC_RSHIFT:
        if (e0)
            return true; /* the fake shifts around grey keys */
        f = (uint8_t)(brk ? f & ~(sc == SC_LSHIFT ? KF_LSHIFT : KF_RSHIFT)
                          : f | (sc == SC_LSHIFT ? KF_LSHIFT : KF_RSHIFT));
        break;
    case SC_CTRL:
    case SC_ALT: {
        uint8_t left = sc == SC_CTRL ? KF2_LCTRL : KF2_LALT;
        uint8_t right = sc == SC_CTRL ? KF3_RCTRL : KF3_RALT;
        if (e0)
            f3 = (uint8_t)(brk ? f3 & ~right : f3 | right);
        else
            f2 = (uint8_t)(brk ? f2 & ~left : f2 | left);
        uint8_t any = sc == SC_CTRL ? KF_CTRL : KF_ALT;
        bool down = (f2 & left) || (f3 & right);
        f = (uint8_t)(down ? f | any : f & ~any);
        break;
    }
    case SC_CAPS: held = KF2_CAPS; toggle = KF_CAPS; break;
    case SC_NUM: held = KF2_NUM; toggle = KF_NUM; break;
    case SC_SCROLL:
        if (e0)
            return false; /* Ctrl-Break */
        held = KF2_SCROLL;
        toggle = KF_SCROLL;
        break;
    default:
        return false;
    }
    if (held) {
        if (!brk && !(f2 & held))
            f ^= toggle;
        f2 = (uint8_t)(brk ? f2 & ~held : f2 | held);
    }
    mem_wr8(m, bda(BDA_KBD_FLAGS), f);
    mem_wr8(m, bda(BDA_KBD_FLAGS2), f2);
    mem_wr8(m, bda(BDA_KBD_FLAGS3), f3);
    return true;
}

/* Alt + keypad digits type the character whose decimal code they spell,
 * delivered when Alt is released (IBM PC/AT BIOS; the running value sits
 * in the BDA at 40:19h, RBIL MEMORY.LST). True when `sc` was such a
 * digit. The grey (E0) cursor keys are not the keypad. */
static bool alt_keypad_digit(struct machine *m, uint8_t sc, bool e0, uint8_t flags)
{
    if (e0 || !(flags & KF_ALT) || (flags & KF_CTRL) || sc < SC_PAD_FIRST ||
        sc > SC_PAD_FIRST + sizeof kbd_pad_digits - 2)
        return false;
    char d = kbd_pad_digits[sc - SC_PAD_FIRST];
    if (d < '0' || d > '9')
        return false;
    uint8_t v = mem_rd8(m, bda(BDA_ALT_KEYPAD));
    mem_wr8(m, bda(BDA_ALT_KEYPAD), (uint8_t)(v * 10 + (d - '0')));
    return true;
}

static void alt_keypad_end(struct machine *m)
{
    uint8_t v = mem_rd8(m, bda(BDA_ALT_KEYPAD));
    mem_wr8(m, bda(BDA_ALT_KEYPAD), 0);
    if (v)
        buffer_put(m, v); /* scan code 0: typed by number */
}

void bios_int09(struct machine *m)
{
    uint8_t sc = m->r.ax.l;
    uint8_t f3 = mem_rd8(m, bda(BDA_KBD_FLAGS3));
    if (sc == SC_E0 || sc == SC_E1) {
        mem_wr8(m, bda(BDA_KBD_FLAGS3), (uint8_t)(f3 | (sc == SC_E0 ? KF3_E0 : KF3_E1)));
        return;
    }
    bool e0 = f3 & KF3_E0;
    mem_wr8(m, bda(BDA_KBD_FLAGS3), (uint8_t)(f3 & ~(KF3_E0 | KF3_E1)));
    if (f3 & KF3_E1) {
        /* Pause (E1 1D 45, E1 9D C5): not a key; the 1Dh keeps the prefix. */
        if ((sc & ~SC_BREAK) == SC_CTRL)
            mem_wr8(m, bda(BDA_KBD_FLAGS3), (uint8_t)(f3 & ~KF3_E0));
        return;
    }
    bool brk = sc & SC_BREAK;
    sc &= (uint8_t)~SC_BREAK;
    if (sc == SC_ALT && brk)
        alt_keypad_end(m);
    if (modifier(m, sc, brk, e0) || brk)
        return;
    uint8_t flags = mem_rd8(m, bda(BDA_KBD_FLAGS));
    if (alt_keypad_digit(m, sc, e0, flags))
        return;
    if (e0 && sc == SC_SCROLL) { /* Ctrl-Break (RBIL INT 1B) */
        mem_wr8(m, bda(BDA_BREAK), 0x80);
        buffer_put(m, 0);
        return;
    }
    if (sc == SC_DEL && (flags & KF_CTRL) && (flags & KF_ALT)) {
        machine_exit(m, 0); /* Ctrl-Alt-Del reboots: vdm ends, as INT 19h */
        return;
    }
    if (sc == SC_INS && !(flags & KF_ALT) && !(flags & KF_CTRL) &&
        (e0 || !(flags & KF_NUM) == !(flags & (KF_LSHIFT | KF_RSHIFT)))) {
        mem_wr8(m, bda(BDA_KBD_FLAGS), (uint8_t)(flags ^ KF_INSERT));
    }
    uint16_t key = key_code(sc, e0, flags);
    if (key && !buffer_put(m, key))
        vdm_trace(m, TRACE_BIOS, "INT 09h: keyboard buffer full, key %04Xh dropped", key);
}

/* What the original (non-enhanced) INT 16h/00h, 01h return for a buffer
 * word: grey keys as their white twins, codes beyond the 84-key keyboard
 * dropped (-1). RBIL INT 16/AH=00h. */
static int compatible(uint16_t key)
{
    uint8_t al = (uint8_t)key, ah = (uint8_t)(key >> 8);
    if (ah == SC_E0)
        return (al == '/' ? SC_SLASH : SC_ENTER) << 8 | al;
    if (al == SC_E0 && ah)
        return key & 0xFF00;
    if (al == 0 && ah > 0x84)
        return -1;
    return key;
}

/* The next key for function `fn` (00h-01h plain, 10h-11h enhanced), taking
 * it off the buffer when `take`; -1 when none. */
static int next_key(struct machine *m, bool enhanced, bool take)
{
    for (;;) {
        int key = buffer_get(m, false);
        if (key < 0)
            return -1;
        int k = enhanced ? key : compatible((uint16_t)key);
        if (k >= 0 && !take)
            return k;
        buffer_get(m, true);
        if (k >= 0)
            return k;
    }
}

/* A poll that found no key: a burst of them sleeps until the next device
 * event (see the top), so a program polling for a key idles. */
static void kbd_idle_poll(struct machine *m)
{
    struct bios_state *b = m->bios;
    uint64_t now = vdm_now_ns();
    if (now - b->kbd_poll_window > KBD_POLL_WINDOW_NS) {
        b->kbd_poll_window = now;
        b->kbd_empty_polls = 0;
    }
    if (++b->kbd_empty_polls > KBD_POLL_BURST)
        run_idle(m, KBD_POLL_IDLE_NS);
}

int bios_kbd_take(struct machine *m)
{
    int key = next_key(m, false, true);
    if (key >= 0)
        m->bios->kbd_empty_polls = 0;
    return key;
}

int bios_kbd_peek(struct machine *m)
{
    int key = next_key(m, false, false);
    if (key < 0)
        kbd_idle_poll(m);
    else
        m->bios->kbd_empty_polls = 0;
    return key;
}

void bios_kbd_flush(struct machine *m)
{
    mem_wr16(m, bda(BDA_KBD_HEAD), mem_rd16(m, bda(BDA_KBD_TAIL)));
}

/* INT 16h/00h, 10h  Read key (RBIL INT 16/AH=00h, 10h).
 * Out: AH = scancode, AL = character. With the buffer empty, the caller
 * waits in the ROM keyboard wait and comes back here after an interrupt. */
static void kbd_read(struct machine *m)
{
    int key = next_key(m, m->r.ax.h == 0x10, true);
    if (key >= 0) {
        m->r.ax.w = (uint16_t)key;
        return;
    }
    m->r.cs = ROM_SEG;
    m->r.ip.w = ROM_KBD_WAIT_OFF;
}

/* INT 16h/01h, 11h  Check for key (RBIL INT 16/AH=01h, 11h).
 * Out: ZF clear and AX = the key (left in the buffer), or ZF set. */
static void kbd_check(struct machine *m)
{
    struct bios_state *b = m->bios;
    int key = next_key(m, m->r.ax.h == 0x11, false);
    if (key >= 0) {
        m->r.ax.w = (uint16_t)key;
        m->r.flags &= ~FLAG_ZF;
        b->kbd_empty_polls = 0;
        return;
    }
    m->r.flags |= FLAG_ZF;
    kbd_idle_poll(m);
}

/* INT 16h/02h  Shift flags (RBIL INT 16/AH=02h). Out: AL = BDA 17h. */
static void kbd_flags(struct machine *m)
{
    m->r.ax.l = mem_rd8(m, bda(BDA_KBD_FLAGS));
}

/* INT 16h/12h  Extended shift flags (RBIL INT 16/AH=12h).
 * Out: AL = BDA 17h; AH = left/right Ctrl and Alt, keys held. */
static void kbd_flags_ext(struct machine *m)
{
    uint8_t f2 = mem_rd8(m, bda(BDA_KBD_FLAGS2)), f3 = mem_rd8(m, bda(BDA_KBD_FLAGS3));
    m->r.ax.l = mem_rd8(m, bda(BDA_KBD_FLAGS));
    m->r.ax.h = (uint8_t)((f2 & (KF2_LCTRL | KF2_LALT)) | (f3 & (KF3_RCTRL | KF3_RALT)) |
                          (f2 & (KF2_SCROLL | KF2_NUM | KF2_CAPS)) |
                          (f2 & KF2_SYSREQ ? 0x80 : 0));
}

/* INT 16h/03h  Typematic rate (RBIL INT 16/AH=03h): accepted, nothing to
 * set on a host keyboard. */
static void kbd_typematic(struct machine *m)
{
    (void)m;
}

/* INT 16h/05h  Store key (RBIL INT 16/AH=05h). In: CH scancode, CL
 * character. Out: AL = 0, or 1 when the buffer is full. */
static void kbd_store(struct machine *m)
{
    m->r.ax.l = buffer_put(m, m->r.cx.w) ? 0 : 1;
}

/* INT 16h/09h  Keyboard functionality (RBIL INT 16/AH=09h): AL bit 2
 * (03h/05h set rate) and bit 5 (functions 10h-12h). */
static void kbd_functionality(struct machine *m)
{
    m->r.ax.l = 0x24;
}

static const struct {
    const char *name;
    int_handler_fn fn;
} int16_fns[] = {
    [0x00] = { "read key", kbd_read },
    [0x01] = { "check key", kbd_check },
    [0x02] = { "shift flags", kbd_flags },
    [0x03] = { "typematic rate", kbd_typematic },
    [0x05] = { "store key", kbd_store },
    [0x09] = { "functionality", kbd_functionality },
    [0x10] = { "read key (enhanced)", kbd_read },
    [0x11] = { "check key (enhanced)", kbd_check },
    [0x12] = { "extended shift flags", kbd_flags_ext },
};

/* INT 16h  Keyboard services (RBIL INT 16): dispatch by AH. */
static void bios_int16(struct machine *m)
{
    uint8_t ah = m->r.ax.h;
    if (ah < sizeof int16_fns / sizeof int16_fns[0] && int16_fns[ah].fn) {
        if (ah != 0x01 && ah != 0x11) /* polls would flood the trace */
            vdm_trace(m, TRACE_BIOS, "INT 16h/%02Xh %s", ah, int16_fns[ah].name);
        int16_fns[ah].fn(m);
        return;
    }
    vdm_trace(m, TRACE_BIOS, "INT 16h/%02Xh not supported", ah);
}

void bios_keyboard_init(struct machine *m)
{
    machine_set_int_handler(m, 0x09, bios_int09);
    machine_set_int_handler(m, 0x16, bios_int16);
}
