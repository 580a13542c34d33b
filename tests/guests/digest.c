// The guest of wit/digest.wit: SHA-256 (FIPS 180-4) written plainly, the compute-bound work of
// the engine benchmarks (interpreter, AOT, Wasmtime). Its answers are checked against .NET's
// SHA256 in both WAMR modes, so a miscompiled or misinterpreted instruction shows as a wrong
// digest, not only as a time.
#include "cabi.h"

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotate_right(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t load_big_endian(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static inline void store_big_endian(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

// Folds one 64-byte block into the running hash.
static void compress(uint32_t state[8], const uint8_t block[64]) {
    uint32_t schedule[64];
    for (int t = 0; t < 16; t++) schedule[t] = load_big_endian(block + 4 * t);
    for (int t = 16; t < 64; t++) {
        uint32_t w15 = schedule[t - 15], w2 = schedule[t - 2];
        uint32_t sigma0 = rotate_right(w15, 7) ^ rotate_right(w15, 18) ^ (w15 >> 3);
        uint32_t sigma1 = rotate_right(w2, 17) ^ rotate_right(w2, 19) ^ (w2 >> 10);
        schedule[t] = schedule[t - 16] + sigma0 + schedule[t - 7] + sigma1;
    }

    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; t++) {
        uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        uint32_t choose = (e & f) ^ (~e & g);
        uint32_t temp1 = h + sum1 + choose + round_constants[t] + schedule[t];
        uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        uint32_t temp2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

// The digest is returned from a static block, so the guest allocates nothing per call and
// cabi_post_* has nothing to free.
static uint8_t digest_bytes[32];
static list_t digest_result;

static list_t *sha256_of(const uint8_t *data, size_t length) {
    uint32_t state[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    size_t whole = length - length % 64;
    for (size_t offset = 0; offset < whole; offset += 64) compress(state, data + offset);

    // The padding: a 1 bit, zeros, then the message length in bits, big-endian, in one or two
    // final blocks.
    uint8_t tail[128] = {0};
    size_t rest = length - whole;
    memcpy(tail, data + whole, rest);
    tail[rest] = 0x80;
    size_t tail_length = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)length * 8;
    store_big_endian(tail + tail_length - 8, (uint32_t)(bits >> 32));
    store_big_endian(tail + tail_length - 4, (uint32_t)bits);
    for (size_t offset = 0; offset < tail_length; offset += 64) compress(state, tail + offset);

    for (int i = 0; i < 8; i++) store_big_endian(digest_bytes + 4 * i, state[i]);
    digest_result.ptr = digest_bytes;
    digest_result.len = sizeof digest_bytes;
    return &digest_result;
}

EXPORT("sha256")
list_t *sha256(uint8_t *data, size_t length) {
    list_t *result = sha256_of(data, length);
    free_block(data, length);
    return result;
}

EXPORT("cabi_post_sha256")
void cabi_post_sha256(list_t *result) { (void)result; }

static uint8_t *pattern;
static size_t pattern_length;

EXPORT("sha256-pattern")
list_t *sha256_pattern(uint32_t length) {
    if (length > pattern_length) {
        uint8_t *grown = realloc(pattern, length);
        if (!grown) __builtin_trap();
        for (size_t i = pattern_length; i < length; i++) grown[i] = (uint8_t)(i * 31 + (i >> 8));
        pattern = grown;
        pattern_length = length;
    }
    return sha256_of(pattern, length);
}

EXPORT("cabi_post_sha256-pattern")
void cabi_post_sha256_pattern(list_t *result) { (void)result; }
