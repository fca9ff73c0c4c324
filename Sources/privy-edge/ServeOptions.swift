import ArgumentParser
import PrivyEdgeApp

/// Every setting `serve` takes; `config check` takes the same and prints what they resolve to.
struct ServeOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var http: HTTPOptions
    @OptionGroup var admin: AdminOptions
    @OptionGroup var log: LogOptions
    @OptionGroup var sync: SyncOptions

    /// Resolves every setting, each once: flags, then the environment, then the config file, then defaults.
    /// - Returns: the settings, and what each came from.
    /// - Throws: ``ConfigurationError`` for an invalid configuration.
    func resolve() throws -> (settings: ServeSettings, report: ConfigurationReport) {
        var flags = SettingFlags()
        store.collect(into: &flags)
        http.collect(into: &flags)
        admin.collect(into: &flags)
        log.collect(into: &flags)
        sync.collect(into: &flags)
        var resolver = try store.config.resolver(flags: flags)
        let settings = try ServeSettings(resolving: &resolver)
        return (settings, resolver.report)
    }
}
