import Foundation

/// Timing helpers: medians and percentiles of repeated runs, in milliseconds.
enum Measurements {
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return milliseconds(clock.now - start)
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    static func percentile(_ values: [Double], _ percent: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((percent / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(sorted.count - 1, max(0, rank))]
    }

    /// Peak resident memory of this process so far, in MiB.
    static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// This process's `VmHWM` (peak) and `VmRSS` (now) from /proc, in MiB,
    /// or nil where /proc is absent: the peak after each phase shows which
    /// phase raised it.
    static func residentPhase() -> (peak: Double, now: Double, anonymous: Double, files: Double)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Double? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.flatMap { Double($0) }.map { $0 / 1024 }
        }
        guard let peak = field("VmHWM"), let now = field("VmRSS") else { return nil }
        return (peak, now, field("RssAnon") ?? 0, field("RssFile") ?? 0)
    }

    /// The mappings holding the most resident memory, from /proc/self/smaps:
    /// which library, data file or heap the peak is made of.
    static func largestMappings(_ count: Int = 8) -> String {
        // Read to the end: /proc files report no size, so a sized read stops short.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/smaps"),
              let data = try? handle.readToEnd() else { return "" }
        let smaps = String(decoding: data, as: UTF8.self)
        var resident: [String: Double] = [:]
        var current = "?"
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), fields.count >= 5 {
                current = fields.count >= 6 ? String(fields[5...].joined(separator: " ")) : "[anonymous]"
            } else if fields.first == "Rss:", fields.count >= 2, let kib = Double(fields[1]) {
                resident[current, default: 0] += kib / 1024
            }
        }
        return resident.sorted { $0.value > $1.value }.prefix(count)
            .map { String(format: "%.1f %@", $0.value, ($0.key as NSString).lastPathComponent) }
            .joined(separator: ", ")
    }
}
