import CLibxml2

/// The one place that knows how libxml2 must be set up: once per process,
/// silent on every thread, and with options that never reach the network or
/// expand entities beyond the predefined ones.
package enum LibXML {
    /// XML: no network, no DTD loading, no entity substitution (no NOENT,
    /// DTDLOAD or HUGE), CDATA merged into text so readers see one kind of text.
    package static let xmlOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// HTML bodies are tag soup: recover from everything, report nothing.
    package static let htmlOptions = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue)

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before any libxml2 work: error handlers are per thread, and
    /// parsers may run on any thread of the cooperative pool.
    package static func prepare() {
        _ = initialised
        krant_xml_silence_thread()
    }

    package static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
