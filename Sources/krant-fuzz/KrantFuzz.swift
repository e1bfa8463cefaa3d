/// `krant-fuzz`: built by Tests/Fuzz/run-fuzzers with `-sanitize=fuzzer,address`
/// and `-DFUZZING`, it is a libFuzzer binary for the target named in
/// `KRANT_FUZZ_TARGET`; built plainly, it replays saved inputs
/// (`krant-fuzz TARGET FILE...`) without libFuzzer.
@main
struct KrantFuzz {
    static func main() {
        #if FUZZING
        LibFuzzerEntry.run()
        #else
        InputReplay.run(Array(CommandLine.arguments.dropFirst()))
        #endif
    }
}
