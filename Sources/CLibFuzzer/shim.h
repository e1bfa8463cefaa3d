/* libFuzzer's driver, for krant-fuzz.
 *
 * Only declared: nothing is linked here. `-sanitize=fuzzer` links libFuzzer
 * into krant-fuzz, and only that build (compiled with FUZZING) calls this.
 * SwiftPM on Linux renames an executable's entry point and points `main` at
 * it, so libFuzzer's own `main` is never used; krant-fuzz's `main` hands
 * control to the driver instead. */
#ifndef CLIBFUZZER_SHIM_H
#define CLIBFUZZER_SHIM_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
