#if canImport(Glibc)
import Glibc
#endif

/// Hands memory that was freed back to the system.
///
/// After a fetch of large feeds, glibc's allocator keeps the freed pages
/// mapped for reuse, so a reader left open showed the fetch's peak for the
/// rest of its life (292 MB after `R` over feeds of 600,000 items).
/// `malloc_trim` is glibc's own and not in Swift's Glibc module (it lives in
/// `malloc.h`), so it is looked up by name; elsewhere this does nothing.
enum ReleaseFreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    static func now() {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
