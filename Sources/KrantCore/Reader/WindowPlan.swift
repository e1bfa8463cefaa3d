/// How the driver reads a window of headlines: from whichever known place is
/// nearest, since SQLite pays for every row it skips. From the top an OFFSET
/// costs the offset; from the bottom (read in reverse) the rows below the
/// window; from an anchor the distance to it.
enum WindowPlan: Equatable {
    /// Positions `offset..<offset+limit`, counted from the top.
    case top(offset: Int, limit: Int)
    /// The `limit` rows that end `fromEnd` rows above the bottom.
    case bottom(fromEnd: Int, limit: Int)
    /// Rows read both ways from an anchor: `before` ends `beforeSkip` rows above
    /// it, `after` starts `afterSkip` rows into the anchor's half.
    case anchored(ListAnchor, beforeSkip: Int, before: Int, afterSkip: Int, after: Int)

    /// The cheapest way to read `offset..<offset+limit` of a view of `total`
    /// rows, given the anchors whose positions are still right.
    static func choose(offset: Int, limit: Int, total: Int, anchors: [ListAnchor]) -> WindowPlan {
        let end = min(total, offset + limit)
        let limit = max(0, end - offset)
        var best = WindowPlan.top(offset: offset, limit: limit)
        var bestCost = offset
        if total - end < bestCost {
            best = .bottom(fromEnd: total - end, limit: limit)
            bestCost = total - end
        }
        for anchor in anchors {
            let cost = max(0, anchor.index - end) + max(0, offset - anchor.index)
            guard cost < bestCost else { continue }
            bestCost = cost
            let beforeEnd = min(end, anchor.index), afterStart = max(offset, anchor.index)
            best = .anchored(anchor, beforeSkip: max(0, anchor.index - beforeEnd), before: max(0, beforeEnd - offset),
                             afterSkip: max(0, afterStart - anchor.index), after: max(0, end - afterStart))
        }
        return best
    }
}
