import Glibc
import KrantCore

/// Reads the time for `Action.tick`: a monotonic clock for the schedule
/// (the wall clock may be set back), the local wall clock for the status bar.
enum ReaderClock {
    static func now() -> ReaderTime {
        var monotonic = timespec()
        clock_gettime(CLOCK_MONOTONIC, &monotonic)
        var seconds = time(nil)
        var local = tm()
        localtime_r(&seconds, &local)
        return ReaderTime(monotonic: Double(monotonic.tv_sec) + Double(monotonic.tv_nsec) / 1e9,
                          hour: Int(local.tm_hour), minute: Int(local.tm_min))
    }
}
