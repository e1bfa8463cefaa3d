extension Rect {
    /// Whether the cell at column `x`, row `y` lies inside: what a mouse
    /// event hit.
    public func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < self.x + width && y >= self.y && y < self.y + height
    }
}
