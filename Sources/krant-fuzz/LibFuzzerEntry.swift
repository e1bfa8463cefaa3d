#if FUZZING
import CLibFuzzer
import Foundation
import KrantFuzzing

/// Hands the process to libFuzzer's driver, which takes its own flags and
/// corpus folders from the command line. The target comes from the
/// environment, so the workers and reruns libFuzzer starts itself keep it.
enum LibFuzzerEntry {
    static func run() -> Never {
        guard selectedTarget != nil else {
            FileHandle.standardError.write(Data("krant-fuzz: set KRANT_FUZZ_TARGET to one of: \(FuzzTarget.names)\n".utf8))
            exit(2)
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}

private let selectedTarget: FuzzTarget? = getenv("KRANT_FUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) }

/// libFuzzer reports only crashes, so a broken promise is made one.
private func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = selectedTarget else { return 0 }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let violations = target.run(bytes).violations
    if !violations.isEmpty {
        fatalError("\(target.rawValue): " + violations.joined(separator: "; "))
    }
    return 0
}
#endif
