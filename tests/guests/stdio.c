// Test guest for the guest's standard streams: writes to stdout and stderr with printf and
// with write(2), and echoes stdin to stdout. Which streams reach the host is the host's choice
// (WasiOptions.Stdin/Stdout/Stderr). Built by build-guests.sh.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define EXPORT(name) __attribute__((export_name(name)))

// One line on stdout and one on stderr through stdio, both flushed; returns 0, or -1 when a
// write failed.
EXPORT("print-both") int32_t print_both(int32_t n) {
    int failed = printf("guest stdout %d\n", (int)n) < 0 || fflush(stdout) != 0;
    failed |= fprintf(stderr, "guest stderr %d\n", (int)n) < 0 || fflush(stderr) != 0;
    return failed ? -1 : 0;
}

// Writes `count` bytes ('a'..'z' repeated) to `fd` with write(2), as many calls as it takes;
// returns the number written, or -errno.
EXPORT("write-bytes") int32_t write_bytes(int32_t fd, int32_t count) {
    static char chunk[4096];
    for (size_t i = 0; i < sizeof chunk; i++) chunk[i] = (char)('a' + i % 26);
    int32_t written = 0;
    while (written < count) {
        size_t want = (size_t)(count - written) < sizeof chunk ? (size_t)(count - written) : sizeof chunk;
        ssize_t n = write(fd, chunk, want);
        if (n < 0) return -errno;
        written += (int32_t)n;
    }
    return written;
}

// Copies stdin to stdout until end of input; returns the number of bytes copied, or -1 when a
// read or write failed.
EXPORT("echo-stdin") int32_t echo_stdin(void) {
    char buffer[512];
    int32_t total = 0;
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        if (fwrite(buffer, 1, n, stdout) != n) return -1;
        total += (int32_t)n;
    }
    if (ferror(stdin) || fflush(stdout) != 0) return -1;
    return total;
}
