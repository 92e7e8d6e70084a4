/*
 * VGA text-mode registers (see vga.h); register meanings after RBIL
 * PORTS.LST (ports 03C0h-03DFh). Retrace follows the host clock at the
 * 70 Hz refresh of the VGA's 720x400 text mode: vertical retrace for the
 * first VGA_VRETRACE_NS of each frame, and the horizontal "display
 * disabled" bit for the last quarter of each 31.5 kHz line, so a program
 * that waits for retrace waits about as long as on a real VGA.
 */
#include "hw/vga.h"

#include "vdm/machine.h"

#define VGA_MONO_CRTC 0x3B4u
#define VGA_MONO_STATUS 0x3BAu
#define VGA_REGS 0x3C0u      /* 3C0h-3CFh */
#define VGA_COLOUR_CRTC 0x3D4u
#define VGA_COLOUR_STATUS 0x3DAu

#define VGA_ATTR_INDEX 0x3C0u
#define VGA_ATTR_READ 0x3C1u
#define VGA_MISC_WRITE 0x3C2u
#define VGA_SEQ_INDEX 0x3C4u
#define VGA_SEQ_DATA 0x3C5u
#define VGA_PEL_MASK 0x3C6u
#define VGA_DAC_READ_INDEX 0x3C7u /* write: read index; read: DAC state */
#define VGA_DAC_WRITE_INDEX 0x3C8u
#define VGA_DAC_DATA 0x3C9u
#define VGA_MISC_READ 0x3CCu
#define VGA_GC_INDEX 0x3CEu
#define VGA_GC_DATA 0x3CFu

#define VGA_ST_DISPLAY_OFF 0x01u
#define VGA_ST_VRETRACE 0x08u
#define VGA_ATTR_PAS 0x20u    /* palette address source (screen on) */

#define VGA_FRAME_NS 14268000u  /* 70.086 Hz */
#define VGA_VRETRACE_NS 64000u  /* two lines' worth of retrace */
#define VGA_LINE_NS 31778u
#define VGA_HBLANK_NS 7000u

#define VGA_MISC_COLOUR 0x67u   /* 3D4h addressing, 28 MHz clock */

uint16_t vga_cursor(const struct machine *m)
{
    return (uint16_t)(m->vga.crtc[VGA_CRTC_CURSOR_HI] << 8 | m->vga.crtc[VGA_CRTC_CURSOR_LO]);
}

void vga_set_cursor(struct machine *m, uint16_t cell)
{
    m->vga.crtc[VGA_CRTC_CURSOR_HI] = (uint8_t)(cell >> 8);
    m->vga.crtc[VGA_CRTC_CURSOR_LO] = (uint8_t)cell;
}

void vga_set_start(struct machine *m, uint16_t cell)
{
    m->vga.crtc[VGA_CRTC_START_HI] = (uint8_t)(cell >> 8);
    m->vga.crtc[VGA_CRTC_START_LO] = (uint8_t)cell;
}

void vga_set_cursor_shape(struct machine *m, uint8_t start, uint8_t end)
{
    m->vga.crtc[VGA_CRTC_CURSOR_START] = start;
    m->vga.crtc[VGA_CRTC_CURSOR_END] = end;
}

void vga_set_blink(struct machine *m, bool blink)
{
    uint8_t *r = &m->vga.attr[VGA_ATTR_MODE];
    *r = (uint8_t)(blink ? *r | VGA_ATTR_BLINK : *r & ~VGA_ATTR_BLINK);
}

/* Attribute controller registers for the DAC index (VGA reference:
 * mode control bit 7 selects palette bits 5-4 from colour select 1-0). */
#define VGA_ATTR_COLOUR_SELECT 0x14
#define VGA_ATTR_P54S 0x80u

uint32_t vga_text_rgb(const struct machine *m, unsigned c)
{
    const struct vga *v = &m->vga;
    uint8_t pal = v->attr[c & 15u];
    uint8_t sel = v->attr[VGA_ATTR_COLOUR_SELECT];
    unsigned idx = (v->attr[VGA_ATTR_MODE] & VGA_ATTR_P54S)
                       ? (unsigned)((sel & 3u) << 4 | (pal & 0x0Fu))
                       : (unsigned)(pal & 0x3Fu);
    idx = ((unsigned)((sel >> 2) & 3u) << 6 | idx) & v->pel_mask;
    uint32_t rgb = 0;
    for (unsigned k = 0; k < 3; k++) {
        uint8_t x = v->dac[idx][k] & 0x3Fu;
        rgb = rgb << 8 | (uint8_t)(x << 2 | x >> 4);
    }
    return rgb;
}

bool vga_blink(const struct machine *m)
{
    return m->vga.attr[VGA_ATTR_MODE] & VGA_ATTR_BLINK;
}

bool vga_in_vretrace(uint64_t now)
{
    return now % VGA_FRAME_NS < VGA_VRETRACE_NS;
}

static uint8_t status1(struct vga *v)
{
    uint64_t now = vdm_now_ns();
    v->attr_data_next = false; /* reading input status 1 resets the flip-flop */
    uint8_t s = 0;
    if (vga_in_vretrace(now))
        s |= VGA_ST_VRETRACE | VGA_ST_DISPLAY_OFF;
    else if (now % VGA_LINE_NS >= VGA_LINE_NS - VGA_HBLANK_NS)
        s |= VGA_ST_DISPLAY_OFF;
    return s;
}

static uint8_t *indexed(uint8_t *regs, unsigned n, uint8_t index)
{
    return index < n ? &regs[index] : NULL;
}

static void dac_write(struct vga *v, uint8_t val)
{
    v->dac[v->dac_write][v->dac_comp] = val & 0x3Fu;
    if (++v->dac_comp == 3) {
        v->dac_comp = 0;
        v->dac_write++;
    }
}

static uint8_t dac_read(struct vga *v)
{
    uint8_t val = v->dac[v->dac_read][v->dac_comp];
    if (++v->dac_comp == 3) {
        v->dac_comp = 0;
        v->dac_read++;
    }
    return val;
}

static void regs_write(struct vga *v, uint16_t port, uint8_t val)
{
    uint8_t *r;
    switch (port) {
    case VGA_ATTR_INDEX:
        if (!v->attr_data_next) {
            v->attr_index = val & (uint8_t)(0x1Fu | VGA_ATTR_PAS);
        } else if ((r = indexed(v->attr, VGA_ATTR_REGS, v->attr_index & 0x1Fu))) {
            *r = val;
        }
        v->attr_data_next = !v->attr_data_next;
        break;
    case VGA_MISC_WRITE:
        v->misc = val;
        break;
    case VGA_SEQ_INDEX:
        v->seq_index = val;
        break;
    case VGA_SEQ_DATA:
        if ((r = indexed(v->seq, VGA_SEQ_REGS, v->seq_index)))
            *r = val;
        break;
    case VGA_PEL_MASK:
        v->pel_mask = val;
        break;
    case VGA_DAC_READ_INDEX:
        v->dac_read = val;
        v->dac_comp = 0;
        v->dac_reading = true;
        break;
    case VGA_DAC_WRITE_INDEX:
        v->dac_write = val;
        v->dac_comp = 0;
        v->dac_reading = false;
        break;
    case VGA_DAC_DATA:
        dac_write(v, val);
        break;
    case VGA_GC_INDEX:
        v->gc_index = val;
        break;
    case VGA_GC_DATA:
        if ((r = indexed(v->gc, VGA_GC_REGS, v->gc_index)))
            *r = val;
        break;
    default:
        break;
    }
}

static uint8_t regs_read(struct vga *v, uint16_t port)
{
    uint8_t *r;
    switch (port) {
    case VGA_ATTR_INDEX:
        return v->attr_index;
    case VGA_ATTR_READ:
        return (r = indexed(v->attr, VGA_ATTR_REGS, v->attr_index & 0x1Fu)) ? *r : 0xFF;
    case VGA_SEQ_INDEX:
        return v->seq_index;
    case VGA_SEQ_DATA:
        return (r = indexed(v->seq, VGA_SEQ_REGS, v->seq_index)) ? *r : 0xFF;
    case VGA_PEL_MASK:
        return v->pel_mask;
    case VGA_DAC_READ_INDEX:
        return v->dac_reading ? 0x03 : 0x00;
    case VGA_DAC_WRITE_INDEX:
        return v->dac_write;
    case VGA_DAC_DATA:
        return dac_read(v);
    case VGA_MISC_READ:
        return v->misc;
    case VGA_GC_INDEX:
        return v->gc_index;
    case VGA_GC_DATA:
        return (r = indexed(v->gc, VGA_GC_REGS, v->gc_index)) ? *r : 0xFF;
    default:
        return 0xFF;
    }
}

static void vga_io(struct machine *m, void *ctx, uint16_t port, bool is_write, unsigned size,
                   uint32_t *val)
{
    struct vga *v = ctx;
    (void)m;
    /* A 16-bit OUT to an index port writes index and data at once. */
    if (is_write && size == 2) {
        uint32_t lo = *val & 0xFF, hi = *val >> 8 & 0xFF;
        vga_io(m, ctx, port, true, 1, &lo);
        vga_io(m, ctx, (uint16_t)(port + 1), true, 1, &hi);
        return;
    }
    uint8_t b = (uint8_t)*val;
    switch (port) {
    case VGA_MONO_CRTC:
    case VGA_COLOUR_CRTC:
        if (is_write)
            v->crtc_index = b;
        else
            *val = v->crtc_index;
        return;
    case VGA_MONO_CRTC + 1:
    case VGA_COLOUR_CRTC + 1: {
        uint8_t *r = indexed(v->crtc, VGA_CRTC_REGS, v->crtc_index);
        if (is_write && r)
            *r = b;
        else if (!is_write)
            *val = r ? *r : 0xFF;
        return;
    }
    case VGA_MONO_STATUS:
    case VGA_COLOUR_STATUS:
        if (!is_write)
            *val = status1(v);
        return;
    default:
        if (is_write)
            regs_write(v, port, b);
        else
            *val = regs_read(v, port);
        return;
    }
}

/* The EGA-compatible 64-colour DAC entries (rgbRGB bits of the index) and
 * the 16 attribute palette registers that pick from them. */
static void palette_init(struct vga *v)
{
    for (unsigned i = 0; i < 64; i++) {
        v->dac[i][0] = (uint8_t)(((i >> 2) & 1u) * 0x2A + ((i >> 5) & 1u) * 0x15);
        v->dac[i][1] = (uint8_t)(((i >> 1) & 1u) * 0x2A + ((i >> 4) & 1u) * 0x15);
        v->dac[i][2] = (uint8_t)((i & 1u) * 0x2A + ((i >> 3) & 1u) * 0x15);
    }
    static const uint8_t ega[16] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07,
                                     0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F };
    for (unsigned i = 0; i < 16; i++)
        v->attr[i] = ega[i];
}

bool vga_init(struct machine *m)
{
    struct vga *v = &m->vga;
    *v = (struct vga){ 0 };
    palette_init(v);
    v->attr[VGA_ATTR_MODE] = 0x0C | VGA_ATTR_BLINK; /* text, line graphics, blink */
    v->attr_index = VGA_ATTR_PAS;
    v->misc = VGA_MISC_COLOUR;
    v->pel_mask = 0xFF;
    v->crtc[VGA_CRTC_MAX_SCAN] = 0x4F; /* 16 scan lines per row */
    vga_set_cursor_shape(m, 0x0D, 0x0E);
    return port_register(m, VGA_MONO_CRTC, 2, vga_io, v) &&     /* 3B4h-3B5h */
           port_register(m, VGA_MONO_STATUS, 1, vga_io, v) &&   /* 3BAh */
           port_register(m, VGA_REGS, 16, vga_io, v) &&         /* 3C0h-3CFh */
           port_register(m, VGA_COLOUR_CRTC, 2, vga_io, v) &&   /* 3D4h-3D5h */
           port_register(m, VGA_COLOUR_STATUS, 1, vga_io, v);   /* 3DAh */
}
