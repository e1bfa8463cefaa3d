import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Takes write permission away from a file or folder in a way that holds for
/// whoever runs the tests, until `lift()`.
///
/// Root writes whatever the mode bits say, and CI runs as root: there the
/// path is made immutable (what `chattr +i` does, through the same ioctl),
/// which stops root too. Any other user gets `chmod a-w`. Either way the
/// protection is checked before `init` returns (`access(W_OK)` fails and a
/// real open for writing, or a new file in a folder, is refused), so a
/// file system without the immutable flag fails the test that asked,
/// instead of letting it pass on a store that could be written.
public final class WriteProtection {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let path: String
    private let immutable: Bool
    private let mode: mode_t
    private var lifted = false

    public init(_ path: String) throws(Failure) {
        self.path = path
        var status = stat()
        guard stat(path, &status) == 0 else { throw Failure(description: "\(path): cannot stat it") }
        mode = status.st_mode & 0o7777
        immutable = geteuid() == 0
        if immutable {
            try Self.setImmutable(path, true)
        } else if chmod(path, mode & ~0o222) != 0 {
            throw Failure(description: "\(path): chmod a-w failed")
        }
        guard access(path, W_OK) != 0, !Self.canWrite(path, isFolder: (status.st_mode & S_IFMT) == S_IFDIR) else {
            lift()
            throw Failure(description: "\(path) could not be made read-only for this user"
                          + (immutable ? " (the file system refuses the immutable flag)" : ""))
        }
    }

    deinit { lift() }

    /// Gives the permission back (also done when the protection is released).
    public func lift() {
        guard !lifted else { return }
        lifted = true
        if immutable { try? Self.setImmutable(path, false) } else { chmod(path, mode) }
    }

    /// `FS_IOC_GETFLAGS` / `FS_IOC_SETFLAGS` and `FS_IMMUTABLE_FL` (linux/fs.h).
    private static let getFlags: UInt = 0x8008_6601
    private static let setFlags: UInt = 0x4008_6602
    private static let immutableFlag: Int32 = 0x10

    private static func setImmutable(_ path: String, _ on: Bool) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "\(path): cannot open it to set its flags") }
        defer { close(descriptor) }
        var flags: Int32 = 0
        guard ioctl(descriptor, getFlags, &flags) == 0 else {
            throw Failure(description: "\(path): the file system has no immutable flag (\(String(cString: strerror(errno))))")
        }
        flags = on ? flags | immutableFlag : flags & ~immutableFlag
        guard ioctl(descriptor, setFlags, &flags) == 0 else {
            throw Failure(description: "\(path): cannot set the immutable flag (\(String(cString: strerror(errno))))")
        }
    }

    private static func canWrite(_ path: String, isFolder: Bool) -> Bool {
        if isFolder {
            let probe = path + "/.write-probe-\(getpid())"
            let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return false }
            close(descriptor)
            unlink(probe)
            return true
        }
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }
}
