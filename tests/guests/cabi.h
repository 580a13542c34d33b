// Canonical ABI helpers shared by the test guests (one guest is one translation unit, so this
// header also defines cabi_realloc). The guests write their glue by hand, so that the core
// names and memory layouts they use are checked against an independent implementation (jco)
// rather than produced by the same generator they are meant to test.
//
// Ownership, as the Canonical ABI has it:
// - A string or list the host passes to an export, or returns from an import, was allocated
//   with cabi_realloc and now belongs to the guest, which frees it.
// - What an export returns stays the guest's; the host calls cabi_post_<export> once it has
//   read it, and that frees it.
// - What the guest passes to an import stays the guest's; the host only reads it.
#ifndef CABI_H
#define CABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

// The allocator the host lowers strings and lists with. Zero bytes need no block: the address
// only has to be aligned, and the guest never frees a zero-length string or list (below).
EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) return (void *)align;
    void *block = realloc(old, new_size);
    if (!block) __builtin_trap();
    return block;
}

// A string: UTF-8 bytes, not NUL-terminated. Its memory layout (pointer, length) is also the
// Canonical ABI's, so structs holding strings match the ABI's record layout.
typedef struct {
    char *ptr;
    size_t len;
} string_t;

// A list in memory: (pointer to the first element, element count).
typedef struct {
    void *ptr;
    size_t len;
} list_t;

_Static_assert(sizeof(string_t) == 8 && _Alignof(string_t) == 4, "string is (i32 ptr, i32 len)");
_Static_assert(sizeof(list_t) == 8 && _Alignof(list_t) == 4, "list is (i32 ptr, i32 len)");

// Frees a block the host handed over. Hosts may pass any aligned address for zero bytes
// without calling cabi_realloc (jco does), so an empty string or list owns nothing.
static inline void free_block(void *ptr, size_t size) {
    if (size > 0) free(ptr);
}

static inline void string_free(string_t s) { free_block(s.ptr, s.len); }

// A block for a string or list the guest returns or passes on. Even an empty list's pointer
// must be aligned to its element type (lifting checks it), so zero bytes give `align`.
static inline void *alloc_block(size_t size, size_t align) {
    if (size == 0) return (void *)align;
    void *block = malloc(size);
    if (!block) __builtin_trap();
    return block;
}

static inline string_t string_alloc(size_t len) {
    return (string_t){alloc_block(len, 1), len};
}

// A list of `count` elements of type `type`, uninitialized.
#define LIST_ALLOC(type, count) ((list_t){alloc_block(sizeof(type) * (count), _Alignof(type)), (count)})

// Frees a list's block (not what its elements own).
#define LIST_FREE(type, list) free_block((list).ptr, sizeof(type) * (list).len)

static inline string_t string_copy(const char *bytes, size_t len) {
    string_t s = string_alloc(len);
    memcpy(s.ptr, bytes, len);
    return s;
}

// A string literal as a borrowed string_t, for passing to imports.
#define STR(literal) ((string_t){(char *)(literal), sizeof(literal) - 1})

static inline string_t string_concat(string_t a, string_t b) {
    string_t s = string_alloc(a.len + b.len);
    memcpy(s.ptr, a.ptr, a.len);
    memcpy(s.ptr + a.len, b.ptr, b.len);
    return s;
}

// ---- UTF-8, at the level of Unicode scalar values. The host guarantees valid UTF-8. ----

// The byte length of the scalar whose first byte is `lead`.
static inline size_t utf8_width(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

static inline uint32_t utf8_count(string_t s) {
    uint32_t count = 0;
    for (size_t i = 0; i < s.len; i += utf8_width((unsigned char)s.ptr[i])) count++;
    return count;
}

// The byte offset of scalar number `index`, or the length when there are fewer scalars.
static inline size_t utf8_offset(string_t s, uint32_t index) {
    size_t i = 0;
    for (uint32_t n = 0; n < index && i < s.len; n++) i += utf8_width((unsigned char)s.ptr[i]);
    return i;
}

// Encodes scalar `c` at `out` and returns the bytes written (1 to 4).
static inline size_t utf8_encode(uint32_t c, char *out) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

// ---- Reinterpreting flat values: variants join payload types into one core type per slot. ----

static inline double f64_from_bits(int64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static inline int64_t f64_to_bits(double d) {
    int64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return bits;
}

static inline float f32_from_bits(int32_t bits) {
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static inline int32_t f32_to_bits(float f) {
    int32_t bits;
    memcpy(&bits, &f, sizeof bits);
    return bits;
}

#endif
