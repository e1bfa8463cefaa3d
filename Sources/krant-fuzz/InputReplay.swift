#if !FUZZING
import Foundation
import KrantFuzzing

/// Runs saved inputs through a target without libFuzzer, to see what an
/// input does in an ordinary build (a debugger, a backtrace, print statements).
enum InputReplay {
    static func run(_ arguments: [String]) {
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            fail("usage: krant-fuzz TARGET FILE... (targets: \(FuzzTarget.names))")
        }
        var broken = 0
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot be read") }
            let violations = target.run([UInt8](data)).violations
            if violations.isEmpty {
                print("\(path): ok")
            } else {
                broken += 1
                print("\(path): " + violations.joined(separator: "; "))
            }
        }
        exit(broken == 0 ? 0 : 1)
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("krant-fuzz: \(message)\n".utf8))
        exit(2)
    }
}
#endif
