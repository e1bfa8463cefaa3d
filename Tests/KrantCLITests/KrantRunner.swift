import Foundation
import KrantTestSupport
import Testing

/// Runs the built `krant` binary against a private store in a temporary folder.
struct KrantRunner: ~Copyable {
    typealias Output = TestProcess.Output

    let directory: URL
    var databasePath: String { directory.appendingPathComponent("krant.db").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("krant-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The krant executable SwiftPM built next to the test binary (this test
    /// target depends on it, so it is always built first).
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("krant")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/krant")
    }()

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sampleArticle: String {
        repositoryRoot.appendingPathComponent("Resources/articles/000_efc67cec27737acb.txt").path
    }

    /// How long one krant command may take before its test fails: far more
    /// than any needs, even on a loaded machine; only a hang reaches it.
    static let patience: Duration = .seconds(60)

    /// Runs krant to completion. Past `timeout` it is killed and this throws
    /// with the command line and what it printed, so a hung krant fails its
    /// test instead of hanging the whole run.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String]? = nil,
             timeout: Duration = patience) throws -> Output {
        try start(arguments, environment: extra).wait(timeout: timeout)
    }

    /// Starts krant without waiting, for tests of processes running at the
    /// same time; its output is captured, and `wait(timeout:)` bounds the wait.
    func start(_ arguments: [String], environment extra: [String: String]? = nil) throws -> TestProcess {
        var environment = ProcessInfo.processInfo.environment
        environment["KRANT_DB"] = databasePath
        environment["XDG_DATA_HOME"] = directory.appendingPathComponent("xdg").path
        // The developer's own config file never changes what a test sees.
        environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        environment["KRANT_CONFIG"] = nil
        for (key, value) in extra ?? [:] { environment[key] = value }
        return try TestProcess([Self.executable.path] + arguments, environment: environment)
    }

    func json(_ arguments: [String]) throws -> Any {
        let output = try run(arguments)
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8), options: [.fragmentsAllowed])
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }
}
