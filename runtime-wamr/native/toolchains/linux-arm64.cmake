# Cross-compiles libiwasm for linux-arm64 on an x86-64 Linux machine with Debian's
# gcc-aarch64-linux-gnu (build-libiwasm.sh --rid linux-arm64 passes this file to cmake).
# CMAKE_SYSTEM_PROCESSOR is what WAMR's runtime_lib.cmake reads to pick its AArch64 code
# (invokeNative_aarch64.s, the calls from guests into host functions).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER aarch64-linux-gnu-gcc)

# Headers and libraries come from the cross sysroot only, never from the build machine's own.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
