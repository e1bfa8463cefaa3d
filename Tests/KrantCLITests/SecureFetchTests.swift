import Foundation
import KrantTestSupport
import Testing

/// A feed over HTTPS, from `openssl s_server` on 127.0.0.1 with a
/// certificate made for the test: the real TLS stack of the libcurl krant
/// loads, trusting what the system trusts plus the authorities named in
/// `CURL_CA_BUNDLE`, `SSL_CERT_FILE` or `SSL_CERT_DIR`.
@Suite(.serialized) struct SecureFetchTests {
    @Test func aFeedOverHTTPSNeedsACertificateKrantTrusts() throws {
        let krant = try KrantRunner()
        let folder = krant.directory.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SampleFeed.rss(items: [("een", "Eerste bericht")])
            .write(to: folder.appendingPathComponent("feed.xml"), atomically: true, encoding: .utf8)
        let made = try TestProcess(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                    "-nodes", "-days", "1", "-subj", "/CN=localhost",
                                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                                    "-keyout", folder.appendingPathComponent("key.pem").path,
                                    "-out", folder.appendingPathComponent("cert.pem").path],
                                   environment: ProcessInfo.processInfo.environment).wait(timeout: .seconds(30))
        try #require(made.status == 0, "\(made.stderr)")
        let certificate = folder.appendingPathComponent("cert.pem").path

        // -WWW serves the files of its working folder.
        let server = try TestProcess(["sh", "-c", "cd '\(folder.path)' && exec openssl s_server -accept 0"
                                        + " -cert cert.pem -key key.pem -WWW"],
                                     environment: ProcessInfo.processInfo.environment, mergingStandardError: true)
        defer { server.kill() }
        let port = try Self.port(of: server)
        let url = "https://localhost:\(port)/feed.xml"

        var output = try krant.run(["feeds", "add", url], environment: ["SSL_CERT_FILE": "", "SSL_CERT_DIR": ""])
        #expect(output.status == 1)
        #expect(output.stderr == "krant: \(url): certificate of localhost not accepted\n")

        output = try krant.run(["feeds", "add", url], environment: ["CURL_CA_BUNDLE": certificate])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "subscribed to NOS Nieuws - Binnenland (\(url)): 1 article\n")
        // curl's own variable comes first (and some machines set it); empty is unset.
        output = try krant.run(["fetch"], environment: ["CURL_CA_BUNDLE": "", "SSL_CERT_FILE": certificate])
        #expect(output.stdout == "1 feed, 0 new articles, 0 failed\n", "\(output.stderr)")
        output = try krant.run(["fetch"], environment: ["SSL_CERT_FILE": "", "SSL_CERT_DIR": ""])
        #expect(output.status == 1)
        #expect(output.stdout == "1 feed, 0 new articles, 1 failed\n")
        #expect(output.stderr.contains("certificate of localhost not accepted"), "\(output.stderr)")
    }

    /// The port s_server chose, from its `ACCEPT [::]:PORT` line.
    static func port(of server: TestProcess) throws -> Int {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let text = server.outputSoFar.stdout
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
            if try server.exitStatus() != nil { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("openssl s_server did not start: \(server.outputSoFar.stdout)")
        throw CancellationError()
    }
}
