import ArgumentParser
import Foundation
import KrantConfig
import KrantStore

/// `krant config`: the configuration in force, every setting with a
/// comment, ready to save as a config file; `--path` says which file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the configuration in force, or the config file's path.",
        discussion: """
        The output is a valid config file with every setting and a comment on each:
          krant config > ~/.config/krant/config.toml
        Precedence everywhere: command-line flag > environment variable > config file > default.
        """
    )

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Print only the path of the config file in use (it may not exist yet).")
    var path = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        if path {
            print(store.configLocation.path)
            if !FileManager.default.fileExists(atPath: store.configLocation.path) {
                printError("krant: note: the file does not exist; every setting has its default")
            }
            return
        }
        let configuration = try store.configuration()
        let storePath = StoreLocation.resolve(explicit: store.db, environment: environment)
        print(ConfigPrinter.text(configuration, environment: environment, storePath: storePath), terminator: "")
    }
}
