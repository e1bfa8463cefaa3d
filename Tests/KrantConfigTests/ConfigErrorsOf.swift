import KrantConfig

/// What a config file's text is refused for, one line per problem as
/// krant prints them (path `c.toml`); empty when it is read.
func configErrors(_ source: String) -> [String] {
    do {
        _ = try ConfigLoader.parse(source, path: "c.toml")
        return []
    } catch {
        return error.errors.map(\.description)
    }
}
