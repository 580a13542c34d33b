// The Canonical ABI of world abi-header, for a guest written in C (wasm32).
// Written by `wit-host abi --c-header`; the layouts are checked against the ABI model by the
// _Static_asserts below, so a compiler for another target or ABI stops here instead of at run time.
#ifndef WIT_ABI_HEADER_H
#define WIT_ABI_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// A string in memory: UTF-8 bytes (not NUL-terminated) and their count.
typedef struct string_t {
    uint8_t *ptr;
    size_t len;
} string_t;
_Static_assert(sizeof(string_t) == 8 && _Alignof(string_t) == 4, "string_t: 8 bytes, aligned 4");

// tokens.kind: 1 bytes, aligned 1
typedef uint8_t tokens_kind_t;
#define TOKENS_KIND_WORD 0
#define TOKENS_KIND_NUMBER 1
#define TOKENS_KIND_PUNCT 2
_Static_assert(sizeof(tokens_kind_t) == 1 && _Alignof(tokens_kind_t) == 1, "tokens_kind_t: 1 bytes, aligned 1");

// tokens.marks: 1 bytes, aligned 1
typedef uint8_t tokens_marks_t;
#define TOKENS_MARKS_FIRST (((tokens_marks_t)1) << 0)
#define TOKENS_MARKS_LAST (((tokens_marks_t)1) << 1)
_Static_assert(sizeof(tokens_marks_t) == 1 && _Alignof(tokens_marks_t) == 1, "tokens_marks_t: 1 bytes, aligned 1");

// tuple<u32, u32>: 8 bytes, aligned 4
typedef struct tuple2_u32_u32_t {
    uint32_t f0;
    uint32_t f1;
} tuple2_u32_u32_t;
_Static_assert(sizeof(tuple2_u32_u32_t) == 8 && _Alignof(tuple2_u32_u32_t) == 4, "tuple2_u32_u32_t: 8 bytes, aligned 4");
_Static_assert(offsetof(tuple2_u32_u32_t, f0) == 0, "tuple2_u32_u32_t.f0 at 0");
_Static_assert(offsetof(tuple2_u32_u32_t, f1) == 4, "tuple2_u32_u32_t.f1 at 4");

// option<f64>: 16 bytes, aligned 8
typedef struct option_f64_t {
    bool is_some;
    double val;
} option_f64_t;
_Static_assert(sizeof(option_f64_t) == 16 && _Alignof(option_f64_t) == 8, "option_f64_t: 16 bytes, aligned 8");
_Static_assert(offsetof(option_f64_t, val) == 8, "option_f64_t.val at 8");

// tokens.token: 48 bytes, aligned 8
typedef struct tokens_token_t {
    tokens_kind_t kind;
    string_t text;
    tuple2_u32_u32_t span;
    option_f64_t weight;
    tokens_marks_t marks;
} tokens_token_t;
_Static_assert(sizeof(tokens_token_t) == 48 && _Alignof(tokens_token_t) == 8, "tokens_token_t: 48 bytes, aligned 8");
_Static_assert(offsetof(tokens_token_t, kind) == 0, "tokens_token_t.kind at 0");
_Static_assert(offsetof(tokens_token_t, text) == 4, "tokens_token_t.text at 4");
_Static_assert(offsetof(tokens_token_t, span) == 12, "tokens_token_t.span at 12");
_Static_assert(offsetof(tokens_token_t, weight) == 24, "tokens_token_t.weight at 24");
_Static_assert(offsetof(tokens_token_t, marks) == 40, "tokens_token_t.marks at 40");

// tokens.lexeme: 56 bytes, aligned 8
typedef struct tokens_lexeme_t {
    uint8_t tag;
    union {
        tokens_token_t tok;
        uint32_t gap;
    } val;
} tokens_lexeme_t;
#define TOKENS_LEXEME_TOK 0
#define TOKENS_LEXEME_GAP 1
#define TOKENS_LEXEME_END 2
_Static_assert(sizeof(tokens_lexeme_t) == 56 && _Alignof(tokens_lexeme_t) == 8, "tokens_lexeme_t: 56 bytes, aligned 8");
_Static_assert(offsetof(tokens_lexeme_t, val) == 8, "tokens_lexeme_t.val at 8");

// list<token>: 8 bytes, aligned 4
typedef struct list_tokens_token_t {
    tokens_token_t *ptr;
    size_t len;
} list_tokens_token_t;
_Static_assert(sizeof(list_tokens_token_t) == 8 && _Alignof(list_tokens_token_t) == 4, "list_tokens_token_t: 8 bytes, aligned 4");

// result<string, u32>: 12 bytes, aligned 4
typedef struct result_string_u32_t {
    bool is_err;
    union {
        string_t ok;
        uint32_t err;
    } val;
} result_string_u32_t;
_Static_assert(sizeof(result_string_u32_t) == 12 && _Alignof(result_string_u32_t) == 4, "result_string_u32_t: 12 bytes, aligned 4");
_Static_assert(offsetof(result_string_u32_t, val) == 4, "result_string_u32_t.val at 4");

// ---- imports: the host provides these ----

// $root::log: log: func(msg: string)
// core (param i32 i32) (result)
__attribute__((import_module("$root"), import_name("log")))
extern void import_log(uint8_t *msg_ptr, size_t msg_len);

// $root::host-word: host-word: func() -> string
// core (param i32) (result)
__attribute__((import_module("$root"), import_name("host-word")))
extern void import_host_word(string_t *ret);

// ---- exports: the guest defines these (the declarations give them their export names) ----

// test:abi-header/tokens#tokenize: tokenize: func(text: string) -> list<token>
// core (param i32 i32) (result i32)
__attribute__((export_name("test:abi-header/tokens#tokenize")))
list_tokens_token_t *export_tokens_tokenize(uint8_t *text_ptr, size_t text_len);

// Optional: called after the host has read test:abi-header/tokens#tokenize's result, to free what it owns.
__attribute__((export_name("cabi_post_test:abi-header/tokens#tokenize")))
void export_tokens_tokenize_post_return(list_tokens_token_t *ret);

// test:abi-header/tokens#describe: describe: func(l: tokens.lexeme) -> result<string, u32>
// core (param i32 i32 i32 i32 i32 i32 i32 f64 i32) (result i32)
__attribute__((export_name("test:abi-header/tokens#describe")))
result_string_u32_t *export_tokens_describe(int32_t l_0, int32_t l_1, int32_t l_2, int32_t l_3, int32_t l_4, int32_t l_5, int32_t l_6, double l_7, int32_t l_8);

// Optional: called after the host has read test:abi-header/tokens#describe's result, to free what it owns.
__attribute__((export_name("cabi_post_test:abi-header/tokens#describe")))
void export_tokens_describe_post_return(result_string_u32_t *ret);

// echo-host-word: echo-host-word: func() -> string
// core (param) (result i32)
__attribute__((export_name("echo-host-word")))
string_t *export_echo_host_word(void);

// Optional: called after the host has read echo-host-word's result, to free what it owns.
__attribute__((export_name("cabi_post_echo-host-word")))
void export_echo_host_word_post_return(string_t *ret);

// Required: the host allocates the strings and lists it passes in with it (a zero new_size may return `align`).
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size);

#endif // WIT_ABI_HEADER_H
