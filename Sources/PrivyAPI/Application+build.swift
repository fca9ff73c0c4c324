public import Hummingbird
public import Logging
public import PrivyStore

/// Builds the router with every route and middleware privy-edge serves. Tests use it as is.
/// - Parameters:
///   - store: the open store.
///   - configuration: body limits and the like.
///   - logger: where errors are reported.
/// - Returns: the router.
public func buildRouter(store: Store, configuration: APIConfiguration = .init(), logger: Logger) -> Router<EdgeRequestContext> {
    let router = Router(context: EdgeRequestContext.self)
    router.add(middleware: HeadResponseMiddleware())
    router.add(middleware: RequestMetricsMiddleware(factory: configuration.metrics))
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: ErrorEnvelopeMiddleware(logger: logger))
    var open = RouteTable(router.group())
    OAuthRoutes(store: store, configuration: configuration).register(on: &open)
    open.finish()
    let v1Group = router.group("v1").add(middleware: AuthenticationMiddleware(store: store))
    if !configuration.rateLimits.isEmpty {
        v1Group.add(middleware: RateLimitMiddleware(limits: configuration.rateLimits, logger: logger))
    }
    var v1 = RouteTable(v1Group)
    ContactRoutes(store: store, configuration: configuration).register(on: &v1)
    OrderRoutes(store: store, configuration: configuration).register(on: &v1)
    SyncRoutes(store: store).register(on: &v1)
    v1.finish()
    var api = RouteTable(router.group("api").add(middleware: AuthenticationMiddleware(store: store)))
    VioletOrderRoutes(store: store, configuration: configuration).register(on: &api)
    api.finish()
    return router
}
