// The guest of wit/anchor.wit, the call-overhead benchmark's anchor: `noop`, `add` and `upper`
// do as little as they can, so the benchmark measures the host's crossing, not guest work.
// `upper` changes the string in the block the host lowered it into and returns that block: the
// string is copied once each way (into the guest by the host, out of it by the host) and the
// guest allocates nothing of its own; cabi_post_upper frees the block.
#include "cabi.h"

EXPORT("noop")
void noop(void) {}

EXPORT("add")
int32_t add(int32_t a, int32_t b) {
    return (int32_t)((uint32_t)a + (uint32_t)b);
}

static string_t upper_result;

EXPORT("upper")
string_t *upper(char *ptr, size_t len) {
    // Upper-casing ASCII bytes leaves valid UTF-8 valid: every other byte is kept.
    for (size_t i = 0; i < len; i++) {
        if (ptr[i] >= 'a' && ptr[i] <= 'z') ptr[i] = (char)(ptr[i] - ('a' - 'A'));
    }
    upper_result.ptr = ptr;
    upper_result.len = len;
    return &upper_result;
}

EXPORT("cabi_post_upper")
void cabi_post_upper(string_t *result) {
    string_free(*result);
}
