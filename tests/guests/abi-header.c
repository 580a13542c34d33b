// Test guest written against a generated header: tests/guests/abi-header.h is what
// `wit-host abi wit/abi-header.wit --c-header` writes (a test checks it still is), and this file
// uses only its declarations, types and constants, so a wrong name, signature or layout in the
// header shows as a wrong answer through the generated host. Built by build-guests.sh.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi-header.h"

void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) return (void *)align;
    void *block = realloc(old, new_size);
    if (!block) __builtin_trap();
    return block;
}

// A zero-length string or list gets an aligned dangling pointer, which is not freed.
static void free_block(void *ptr, size_t len) {
    if (len) free(ptr);
}

static string_t copy_string(const uint8_t *bytes, size_t len) {
    string_t s = {len ? malloc(len) : (uint8_t *)1, len};
    memcpy(s.ptr, bytes, len);
    return s;
}

static int is_letter(uint8_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

static list_tokens_token_t tokens_result;

list_tokens_token_t *export_tokens_tokenize(uint8_t *text_ptr, size_t text_len) {
    tokens_token_t *tokens = malloc(sizeof(tokens_token_t) * (text_len ? text_len : 1));
    size_t count = 0;
    for (size_t i = 0; i < text_len;) {
        if (text_ptr[i] == ' ') { i++; continue; }
        size_t start = i;
        tokens_kind_t kind;
        if (is_letter(text_ptr[i])) {
            kind = TOKENS_KIND_WORD;
            while (i < text_len && is_letter(text_ptr[i])) i++;
        } else if (is_digit(text_ptr[i])) {
            kind = TOKENS_KIND_NUMBER;
            while (i < text_len && is_digit(text_ptr[i])) i++;
        } else {
            kind = TOKENS_KIND_PUNCT;
            i++;
        }
        tokens_token_t *token = &tokens[count++];
        token->kind = kind;
        token->text = copy_string(text_ptr + start, i - start);
        token->span = (tuple2_u32_u32_t){(uint32_t)start, (uint32_t)i};
        token->weight.is_some = kind == TOKENS_KIND_NUMBER;
        token->weight.val = 0;
        if (kind == TOKENS_KIND_NUMBER) {
            for (size_t d = start; d < i; d++) token->weight.val = token->weight.val * 10 + (text_ptr[d] - '0');
        }
        token->marks = (start == 0 ? TOKENS_MARKS_FIRST : 0);
    }
    if (count) tokens[count - 1].marks |= TOKENS_MARKS_LAST;
    free_block(text_ptr, text_len);
    tokens_result = (list_tokens_token_t){tokens, count};
    return &tokens_result;
}

void export_tokens_tokenize_post_return(list_tokens_token_t *ret) {
    for (size_t i = 0; i < ret->len; i++) free_block(ret->ptr[i].text.ptr, ret->ptr[i].text.len);
    free(ret->ptr);
}

static result_string_u32_t describe_result;

// The lexeme arrives flattened: the case, then the token's flat values (the gap's u32 shares
// the first of them), as the header's core signature says.
result_string_u32_t *export_tokens_describe(int32_t l_0, int32_t l_1, int32_t l_2, int32_t l_3, int32_t l_4,
                                            int32_t l_5, int32_t l_6, double l_7, int32_t l_8) {
    (void)l_6; (void)l_7; (void)l_8;
    if (l_0 == TOKENS_LEXEME_GAP) {
        describe_result = (result_string_u32_t){.is_err = true, .val.err = (uint32_t)l_1};
        return &describe_result;
    }
    if (l_0 == TOKENS_LEXEME_END) {
        describe_result = (result_string_u32_t){.is_err = true, .val.err = 0};
        return &describe_result;
    }
    static const char *const kinds[] = {"word", "number", "punct"};
    string_t text = {(uint8_t *)(uintptr_t)l_2, (size_t)l_3};
    char line[256];
    int len = snprintf(line, sizeof line, "%s '%.*s' at %u..%u", kinds[l_1], (int)text.len, (const char *)text.ptr,
                       (unsigned)l_4, (unsigned)l_5);
    free_block(text.ptr, text.len);
    describe_result = (result_string_u32_t){.is_err = false, .val.ok = copy_string((const uint8_t *)line, (size_t)len)};
    return &describe_result;
}

void export_tokens_describe_post_return(result_string_u32_t *ret) {
    if (!ret->is_err) free_block(ret->val.ok.ptr, ret->val.ok.len);
}

static string_t echo_result;

string_t *export_echo_host_word(void) {
    import_host_word(&echo_result);
    static const char prefix[] = "host word: ";
    uint8_t line[64];
    size_t n = echo_result.len < sizeof line - sizeof prefix ? echo_result.len : sizeof line - sizeof prefix;
    memcpy(line, prefix, sizeof prefix - 1);
    memcpy(line + sizeof prefix - 1, echo_result.ptr, n);
    import_log(line, sizeof prefix - 1 + n);
    return &echo_result;
}

void export_echo_host_word_post_return(string_t *ret) {
    free_block(ret->ptr, ret->len);
}
