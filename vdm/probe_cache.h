/*
 * A backend's --backend=auto verdict kept for the rest of the boot, so the
 * KVM speed probe (a VM created and run for up to a few ms) runs once per
 * boot instead of at every start.
 *
 * One small file per backend, private to the user: in $XDG_RUNTIME_DIR,
 * else /run/user/UID, else /tmp (vdm-UID-probe-NAME). It holds the boot id
 * (/proc/sys/kernel/random/boot_id), a key naming what was probed (e.g.
 * the KVM device), the verdict and its reason; any mismatch or oddity
 * (another owner, a symlink, a short file) is a miss. VDM_PROBE_CACHE=0
 * turns the cache off.
 */
#ifndef VDM_PROBE_CACHE_H
#define VDM_PROBE_CACHE_H

#include <stdbool.h>
#include <stddef.h>

/* The cached verdict of backend `name` for `key` in this boot: true with
 * *ok and why (cap bytes) filled, false on a miss. */
bool probe_cache_get(const char *name, const char *key, bool *ok, char *why, size_t cap);

/* Remember a verdict; failures are silent (the next start probes again). */
void probe_cache_put(const char *name, const char *key, bool ok, const char *why);

#endif
