import Dispatch
import Foundation

/// Runs async work (fetching feeds) from a synchronous command and waits for
/// it: the commands are plain `ParsableCommand`s so that usage errors keep
/// their exit status 2 in `Krant.main`.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
