import ArgumentParser

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
        var resolver = try store.config.resolver()
        let settings = ServeSettings(
            store: try store.resolve(&resolver),
            http: try http.resolve(&resolver),
            admin: try admin.resolve(&resolver),
            log: try log.resolve(&resolver),
            exporter: try sync.exporterConfiguration(&resolver)
        )
        return (settings, resolver.report)
    }
}
