import CLibxml2
import KrantCore

/// Receives libxml2's structured errors for one parser, so that they are
/// neither printed nor lost: the first error becomes `malformed("line N: …")`.
final class XMLErrorCollector {
    private var firstError: (line: Int, message: String)?
    /// Fatal errors are what stops the parser, so they name the failure even
    /// when a recoverable one (an undeclared namespace prefix) came first.
    private var firstFatalError: (line: Int, message: String)?

    /// Pass as the `arg` of a structured error handler; valid while `self` lives.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
        collector.record(error.pointee)
    }

    /// How many errors libxml2 reported: what a recovering parse recovered
    /// from. An undeclared namespace prefix is not counted: every read
    /// accepts it (see `FeedItemBuilder.vocabulary`), and a feed using one
    /// would otherwise count an error per item.
    private(set) var count = 0

    private func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        if error.domain != Int32(XML_FROM_NAMESPACE.rawValue) { count += 1 }
        guard firstFatalError == nil else { return }
        let message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        let entry = (Int(error.line), Sanitizer.cleanLine(message))
        if error.level == XML_ERR_FATAL { firstFatalError = entry }
        if firstError == nil { firstError = entry }
    }

    /// The first error as the parser's failure, or a generic one when libxml2
    /// gave up without saying why.
    var failure: FeedParseError {
        guard let error = firstFatalError ?? firstError else { return .malformed("unreadable XML") }
        return .malformed("line \(error.line): \(error.message)")
    }
}
