/// The time, as the runtime reads it for `Action.tick`: the update stays
/// pure and its tests choose the time.
public struct ReaderTime: Hashable, Sendable {
    /// Seconds on a clock that only moves forward (not the wall clock, which
    /// a user or NTP may set back), for scheduling.
    public var monotonic: Double
    /// The local wall clock, for saying when something happened.
    public var hour: Int
    public var minute: Int

    public init(monotonic: Double, hour: Int, minute: Int) {
        self.monotonic = monotonic
        self.hour = hour
        self.minute = minute
    }
}
