import Foundation
import KrantTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A port on 127.0.0.1 that is bound but never listens, so connecting to it
/// is refused, and nothing else can take it while the test runs.
final class ClosedPort {
    let port: UInt16
    private let socket: Int32

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = FetchTestServer.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard socket >= 0, bound == 0 else { throw TestServerError.socket("bind", errno) }
        self.socket = socket
        port = FetchTestServer.boundPort(of: socket)
    }

    deinit { close(socket) }
}
