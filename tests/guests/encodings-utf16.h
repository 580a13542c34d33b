// UTF-16 helpers shared by the string-encoding guests (encodings-utf16.c and the UTF-16 half of
// encodings-latin1.c). Code units are little-endian uint16_t, as wasm memory stores them.
#ifndef ENCODINGS_UTF16_H
#define ENCODINGS_UTF16_H

#include "cabi.h"

// A UTF-16 block the guest owns: `len` code units, 2-aligned (lifting checks the alignment, even
// of an empty string's pointer).
static inline uint16_t *utf16_alloc(size_t len) { return alloc_block(2 * len, 2); }

static inline void utf16_free(uint16_t *ptr, size_t len) { free_block(ptr, 2 * len); }

static inline bool utf16_is_high(uint16_t unit) { return (unit & 0xFC00) == 0xD800; }

static inline bool utf16_is_low(uint16_t unit) { return (unit & 0xFC00) == 0xDC00; }

// The number of Unicode scalar values in valid UTF-16 (the host guarantees validity): each low
// surrogate ends a pair that counts once.
static inline uint32_t utf16_count(const uint16_t *units, size_t len) {
    uint32_t count = 0;
    for (size_t i = 0; i < len; i++) {
        if (!utf16_is_low(units[i])) count++;
    }
    return count;
}

// Writes the scalars of `src` in reverse order to `dst` (same length), keeping each surrogate
// pair in its order so the result is valid UTF-16 again.
static inline void utf16_reverse(const uint16_t *src, size_t len, uint16_t *dst) {
    size_t out = len;
    for (size_t i = 0; i < len; i++) {
        if (utf16_is_high(src[i]) && i + 1 < len && utf16_is_low(src[i + 1])) {
            dst[out - 2] = src[i];
            dst[out - 1] = src[i + 1];
            out -= 2;
            i++;
        } else {
            dst[--out] = src[i];
        }
    }
}

// Copies ASCII text `ascii` (a C literal) into `dst` as UTF-16; returns the code units written.
static inline size_t utf16_from_ascii(const char *ascii, uint16_t *dst) {
    size_t n = 0;
    for (; ascii[n] != '\0'; n++) dst[n] = (uint16_t)(unsigned char)ascii[n];
    return n;
}

// The strings bad-string returns: a lone high surrogate at the end, and a lone low surrogate at
// the start. Static, so nothing is allocated for a result the host must refuse.
static const uint16_t lone_high_surrogate[] = {0x0041, 0xD800};
static const uint16_t lone_low_surrogate[] = {0xDC00, 0x0041};

// 2-aligned static bytes for the misaligned-pointer case: bad-string returns their address + 1.
static _Alignas(2) const uint8_t misaligned_source[4] = {'a', 'b', 'c', 'd'};

// The address bad-string's out-of-bounds case points at: 16 bytes below 4 GiB, beyond any
// memory this guest grows to.
#define OUT_OF_BOUNDS_ADDRESS 0xFFFFFFF0u

#endif
