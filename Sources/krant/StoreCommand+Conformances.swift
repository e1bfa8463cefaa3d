// Every command that has the store's options, so `Krant.main` checks the
// config file before any of them runs. A new command adds its line here.
extension Krant: StoreCommand {}
extension ImportCommand: StoreCommand {}
extension ListCommand: StoreCommand {}
extension ShowCommand: StoreCommand {}
extension MarkCommand: StoreCommand {}
extension StarCommand: StoreCommand {}
extension UnstarCommand: StoreCommand {}
extension FeedsCommand.Add: StoreCommand {}
extension FeedsCommand.List: StoreCommand {}
extension FeedsCommand.Remove: StoreCommand {}
extension FeedsCommand.ImportOPML: StoreCommand {}
extension FeedsCommand.ExportOPML: StoreCommand {}
extension FetchCommand: StoreCommand {}
extension IndexCommand: StoreCommand {}
extension CheckCommand: StoreCommand {}
extension RepairCommand: StoreCommand {}
extension ConfigCommand: StoreCommand {}
extension SamplesCommand.List: StoreCommand {}
extension SamplesCommand.Remove: StoreCommand {}
extension ImportNewsboatCommand: StoreCommand {}
extension DeleteCommand: StoreCommand {}
extension PurgeCommand: StoreCommand {}
