import CNcursesw
import Glibc
import KrantCore

/// The reader's terminal: starts and stops curses, draws cell buffers and
/// reads keys. The only type that talks to ncurses.
///
/// Restoring the terminal: `stop()` (also run by `deinit`) restores it on a
/// normal exit; an `atexit` hook covers `exit()` without `stop()`; SIGINT
/// (Ctrl-C arrives as a signal because curses runs in cbreak, not raw, mode),
/// SIGTERM and SIGHUP run a C handler in the shim that only calls `endwin()`
/// and re-raises the signal with its default action, so the process still
/// dies "of SIGINT" (status 130 in a shell). That handler does not save
/// reader state; the store's transactions keep it consistent.
///
/// Not thread-safe: use it from one thread (the reader's main loop).
public final class Terminal {
    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    public let palette: Palette
    /// ncurses attributes per role, indexed by `StyleRole.rawValue`.
    private let attributesByRole: [attr_t]
    /// Colour pair per role (0 when colour is off), same index.
    private let pairByRole: [Int16]
    /// The rows of the last frame that had direct writes, and those writes.
    private var directRows: [Int: [RowPlan.Placement]] = [:]
    /// The title last written, and whether the terminal's own was saved
    /// first (then `stop()` brings it back).
    private var title: String?
    private var titleSaved = false

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: Palette,
                 attributes: [attr_t], pairs: [Int16]) {
        self.screen = screen
        self.window = window
        self.palette = palette
        attributesByRole = attributes
        pairByRole = pairs
    }

    deinit {
        stop()
    }

    /// Starts curses on standard input and output. Refuses, without changing
    /// the terminal's state, when they are not a terminal or TERM names a
    /// terminal that cannot address the cursor.
    ///
    /// With `mouse` off the terminal is never asked to report the mouse, so
    /// its own text selection works as it does outside krant.
    public static func start(environment: [String: String], theme: Theme = .dark,
                             mouse: Bool = true) throws(TerminalError) -> Terminal {
        if let refusal = checkUsable(environment: environment) { throw refusal }
        let term = environment["TERM"] ?? ""

        useUTF8Locale()
        unblockResizeSignal()
        // Before newterm: ncurses only installs its own SIGINT/SIGTERM
        // handlers when the signals are at their default action.
        nc_install_restore_handlers()
        guard let screen = nc_newterm_stdio(term) else {
            nc_uninstall_restore_handlers()
            throw .initialisationFailed(term)
        }
        set_term(screen)
        nc_set_curses_active(1)
        guard let window = nc_stdscr() else {
            endwin()
            delscreen(screen)
            nc_set_curses_active(0)
            nc_uninstall_restore_handlers()
            throw .initialisationFailed(term)
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        // Never scroll or wrap: every cell is placed at its own position,
        // including the bottom-right one.
        idlok(window, false)
        scrollok(window, false)
        leaveok(window, true)
        set_escdelay(25)
        curs_set(0)
        if mouse { reportMouse() }

        var palette = Palette(environment: environment, theme: theme)
        let hasDefaultColors = palette.usesColor ? startColors() : nil
        if hasDefaultColors == nil { palette = Palette(theme: theme, usesColor: false) }
        var attributes: [attr_t] = []
        var pairs: [Int16] = []
        let colors = Int(nc_colors())
        for role in StyleRole.allCases {
            let style = palette.style(for: role)
            attributes.append(cursesAttributes(style.attributes))
            if let hasDefaultColors {
                let pair = Int16(role.rawValue) + 1
                // Without default colours -1 is invalid: white on black stands in.
                let foreground = style.foreground.number(forTerminalWith: colors)
                let background = style.background.number(forTerminalWith: colors)
                init_extended_pair(Int32(pair), foreground < 0 && !hasDefaultColors ? 7 : foreground,
                                   background < 0 && !hasDefaultColors ? 0 : background)
                pairs.append(pair)
            } else {
                pairs.append(0)
            }
        }
        return Terminal(screen: screen, window: window, palette: palette, attributes: attributes, pairs: pairs)
    }

    /// Why `term` cannot run the reader, or nil when it can. Only reads the
    /// terminfo database; never writes to the terminal.
    /// Why krant cannot run full-screen here, or nil when it can: both ends
    /// must be a terminal, and TERM one that can address the cursor. Touches
    /// nothing, so a caller can refuse before doing any other work.
    public static func checkUsable(environment: [String: String]) -> TerminalError? {
        if isatty(STDIN_FILENO) == 0 { return .notATerminal(which: "standard input") }
        if isatty(STDOUT_FILENO) == 0 { return .notATerminal(which: "standard output") }
        return checkTerminalType(environment["TERM"] ?? "")
    }

    public static func checkTerminalType(_ term: String) -> TerminalError? {
        if term.isEmpty { return .termNotSet }
        var canAddress: Int32 = 0
        let found = nc_probe_terminal(term, &canAddress)
        // `dumb` cannot move the cursor whether or not its entry is installed.
        if found != 1 { return term == "dumb" ? .cannotAddressCursor(term) : .unknownTerminal(term) }
        if canAddress == 0 { return .cannotAddressCursor(term) }
        return nil
    }

    /// ncursesw garbles UTF-8 unless LC_CTYPE is a UTF-8 locale, and a
    /// minimal container or `LC_ALL=C` often has none set.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if !isUTF8Codeset() {
            setlocale(LC_ALL, "C.UTF-8")
        }
        // Only character handling is the user's: numbers printed by the
        // rest of krant (JSON, logs) keep a '.' decimal separator.
        setlocale(LC_NUMERIC, "C")
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nc_codeset() else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// A harness (or a parent with odd habits) may start us with SIGWINCH
    /// blocked; then ncurses never sees a resize.
    private static func unblockResizeSignal() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGWINCH)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Starts colour; nil when the terminal has too few colours or pairs,
    /// otherwise whether it takes the terminal's default colours (-1).
    private static func startColors() -> Bool? {
        guard has_colors(), start_color() == OK else { return nil }
        guard nc_colors() >= 8, nc_color_pairs() > StyleRole.allCases.count else { return nil }
        if use_default_colors() == OK { return true }
        assume_default_colors(7, 0)
        return false
    }

    private static func cursesAttributes(_ attributes: TextStyle.Attributes) -> attr_t {
        var result = NC_A_NORMAL
        if attributes.contains(.bold) { result |= NC_A_BOLD }
        if attributes.contains(.dim) { result |= NC_A_DIM }
        if attributes.contains(.underline) { result |= NC_A_UNDERLINE }
        if attributes.contains(.reverse) { result |= NC_A_REVERSE }
        if attributes.contains(.italic) { result |= NC_A_ITALIC }
        return result
    }

    /// ncurses turns the reporting off in `endwin` (quit, Ctrl-C, `suspend`)
    /// and back on when curses resumes.
    private static func reportMouse() {
        mousemask(MouseDecoder.mask, nil)
        // Presses are reported at once: with an interval ncurses holds each
        // one back that long, to see whether a release makes it a click.
        mouseinterval(0)
    }

    /// The terminal's size in columns and rows (0×0 after `stop()`).
    public var size: (width: Int, height: Int) {
        guard screen != nil else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Shows a frame. Every cell of the buffer is placed at its own position,
    /// so a cluster whose width ncurses judges differently cannot shift the
    /// rest of its line; a buffer larger than the terminal is clipped, and
    /// the part of the terminal it does not cover is blank. Clusters ncurses
    /// cannot hold are written after the update (see `CellGlyph`).
    public func draw(_ buffer: CellBuffer) {
        guard screen != nil else { return }
        let (columns, rows) = size
        werase(window)
        let height = min(rows, buffer.height)
        let width = min(columns, buffer.width)
        var direct: [Int: [RowPlan.Placement]] = [:]
        for y in 0..<height {
            // A direct write never ends in the terminal's bottom-right cell:
            // without `xenl` that scrolls the screen.
            let corner = y == rows - 1 && width == columns
            let plan = RowPlan(cells: (0..<width).map { buffer[$0, y] },
                               directColumns: corner ? width - 1 : width,
                               scalarWidth: Self.cursesWidth)
            for placement in plan.curses {
                place(placement, y: y)
            }
            if !plan.direct.isEmpty { direct[y] = plan.direct }
        }
        // ncurses holds blanks under a direct write and would not rewrite
        // them for a frame that has blanks there: a row whose direct writes
        // changed is repainted in full.
        for y in Set(directRows.keys).union(direct.keys) where y < rows && directRows[y] != direct[y] {
            wredrawln(window, Int32(y), 1)
        }
        wnoutrefresh(window)
        doupdate()
        DirectCellWriter.write(direct) { role in
            (attributesByRole[Int(role.rawValue)], pairByRole[Int(role.rawValue)])
        }
        directRows = direct
    }

    /// The width ncurses gives a scalar: the C library's, in this locale.
    private static func cursesWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(nc_wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    private func place(_ placement: RowPlan.Placement, y: Int) {
        let role = Int(placement.role.rawValue)
        var character = cchar_t()
        // `RowPlan` gives one spacing character and at most four zero-width
        // ones, printable in this locale.
        let scalars = placement.scalars.map { wchar_t(bitPattern: $0.value) } + [0]
        guard setcchar(&character, scalars, attributesByRole[role], pairByRole[role], nil) == OK else { return }
        // Writing the bottom-right cell returns ERR (the cursor cannot
        // advance) but the cell is stored; scrollok(false) keeps it from
        // scrolling, so the result is ignored.
        _ = mvwadd_wch(window, Int32(y), Int32(placement.column), &character)
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key, a
    /// mouse event or a resize; nil when none came. Keys and mouse events the
    /// reader does not know are skipped.
    /// Prefer a finite timeout: SIGWINCH may be delivered to another thread,
    /// and then the resize is only noticed when the wait ends.
    public func readKey(timeoutMilliseconds: Int32) -> TerminalEvent? {
        guard screen != nil else { return nil }
        wtimeout(window, timeoutMilliseconds)
        while true {
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == ERR { return nil }
            let isFunctionKey = result == KEY_CODE_YES
            if isFunctionKey, Int32(bitPattern: code) == KEY_RESIZE {
                // ncurses has already called resizeterm, so LINES/COLS and
                // the window follow the new size.
                let (width, height) = size
                return .resize(width: width, height: height)
            }
            if isFunctionKey, Int32(bitPattern: code) == KEY_MOUSE {
                var report = MEVENT()
                if getmouse(&report) == OK,
                   let event = MouseDecoder.event(x: report.x, y: report.y, buttons: report.bstate) {
                    return .mouse(event)
                }
                continue
            }
            if let key = KeyDecoder.key(code: Int32(bitPattern: code), isFunctionKey: isFunctionKey) {
                return .key(key)
            }
        }
    }

    /// Leaves curses mode to run `body` (a browser, a pager) on the normal
    /// screen, then returns to the reader and repaints what was there.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        guard screen != nil else { return try body() }
        def_prog_mode()
        endwin()
        nc_set_curses_active(0)
        defer {
            reset_prog_mode()
            nc_set_curses_active(1)
            // The child may have drawn over everything: repaint in full.
            clearok(window, true)
            wrefresh(window)
        }
        return try body()
    }

    /// Sets the terminal's title (see `TerminalTitle` for what may go in);
    /// the first call saves the terminal's own title for `stop()`. Written
    /// only when it changed, after the frame, like the direct writes.
    public func setTitle(_ text: String) {
        guard screen != nil, text != title else { return }
        if !titleSaved {
            writeStdout(TerminalTitle.push)
            titleSaved = true
        }
        writeStdout(TerminalTitle.set(text))
        nc_flush_stdout()
        title = text
    }

    private func writeStdout(_ text: String) {
        for byte in text.utf8 { putchar(Int32(byte)) }
    }

    /// Restores the terminal as it was before `start`. Safe to call twice.
    public func stop() {
        guard let screen else { return }
        if titleSaved {
            // Back to the title the terminal had before krant's.
            writeStdout(TerminalTitle.pop)
            nc_flush_stdout()
            titleSaved = false
        }
        endwin()
        nc_set_curses_active(0)
        delscreen(screen)
        self.screen = nil
        nc_uninstall_restore_handlers()
    }
}

