import PrivyDomain
import PrivyStore

/// Carries out jobs against the upstream, paced, and says what became of each. Several jobs may
/// run at once: they share the pacer and the token, and each keeps its own tally.
struct JobRunner: Sendable {
    private let store: Store
    private let client: UpstreamClient
    private let tokens: AccessTokenSource
    private let pacer: SharedPacer

    init(store: Store, client: UpstreamClient, tokens: AccessTokenSource, budget: SyncBudget) {
        self.store = store
        self.client = client
        self.tokens = tokens
        pacer = SharedPacer(budget: budget)
    }

    /// Runs `job` to an outcome.
    /// - Throws: ``JobFailure`` when it must be tried again later (links learnt on the way are
    ///   kept), `CancellationError` on shutdown, or a store error.
    func run(_ job: SyncJob) async throws -> SyncCompletion {
        var tally = CallTally()
        do {
            let (outcome, forgetsUpstreamID) = try await perform(job.work, &tally)
            return SyncCompletion(changes: job.changes, calls: tally.calls, outcome: outcome, forgetsUpstreamID: forgetsUpstreamID)
        } catch let interruption as SyncInterruption {
            throw JobFailure(interruption: interruption, tally: tally)
        }
    }

    /// Sends one read (the consent pull's page).
    /// - Returns: the answer, unless it means "try again later", and the calls it took.
    /// - Throws: ``JobFailure`` for 429, 5xx, network errors and refused credentials.
    func fetch(_ request: UpstreamRequest) async throws -> (UpstreamResponse, CallTally) {
        var tally = CallTally()
        do {
            let response = try await call(request, &tally)
            return (response, tally)
        } catch let interruption as SyncInterruption {
            throw JobFailure(interruption: interruption, tally: tally)
        }
    }

    private typealias Settled = (outcome: SyncCompletion.Outcome, forgetsUpstreamID: Bool)

    private func perform(_ work: SyncJob.Work, _ tally: inout CallTally) async throws -> Settled {
        switch work {
        case .nothing:
            return (.delivered, false)
        case .order(let upstream):
            let request = UpstreamRequest.placeOrder(upstream.order)
            let response = try await call(request, &tally)
            guard response.verdict == .accepted else { return (.rejected(rejection(request, response)), false) }
            // The upstream restored or created the order's contact to link it; it is deleted here.
            if upstream.contactDeleted, let contact = response.orderContactID, let refusal = try await delete(contact, &tally) {
                return (.rejected(refusal), false)
            }
            return (.delivered, false)
        case .contact(let id, let plan):
            return try await runContact(id, plan, &tally)
        }
    }

    private func runContact(_ id: ContactID, _ plan: ContactPlan, _ tally: inout CallTally) async throws -> Settled {
        switch plan {
        case .update(let upstreamID, let body):
            let request = UpstreamRequest.updateContact(upstreamID, body)
            let response = try await call(request, &tally)
            switch response.verdict {
            case .accepted: return (.delivered, false)
            case .notFound: return (.rejected(rejection(request, response)), true)
            default: return (.rejected(rejection(request, response)), false)
            }
        case .delete(let removal):
            let refusal = try await remove(removal, &tally)
            return (refusal.map { .rejected($0) } ?? .delivered, refusal == nil)
        case .create(let create, let afterCreate, let onConflict, let replacing):
            if let replacing, let refusal = try await remove(replacing, &tally) {
                return (.rejected(refusal), false)
            }
            let request = UpstreamRequest.createContact(create)
            let response = try await call(request, &tally)
            let learnt: (upstreamID: String?, next: ContactBody)? = switch response.verdict {
            case .accepted: (response.dataID, afterCreate)
            case .conflict: (response.conflictID, onConflict)
            default: nil
            }
            guard let learnt, let upstreamID = learnt.upstreamID else { return (.rejected(rejection(request, response)), false) }
            if let owner = try await store.outbox.linkUpstreamContact(id, to: upstreamID) {
                let reason = "upstream contact \(upstreamID) is already linked to local contact \(owner.rawValue): the two local contacts are one upstream; merge or delete one"
                return (.rejected(UpstreamRejection(request: request.description, status: response.status, body: reason)), false)
            }
            if response.verdict == .conflict {
                try await adoptConsent(of: upstreamID, into: id, &tally)
            }
            guard !learnt.next.isEmpty else { return (.delivered, false) }
            return try await runContact(id, .update(upstreamID: upstreamID, learnt.next), &tally)
        }
    }

    /// After a 409 linked `local` to an existing upstream contact: reads that contact once and
    /// adopts its consent where the local consent is only a default. A read the upstream refuses
    /// adopts nothing.
    private func adoptConsent(of upstreamID: String, into local: ContactID, _ tally: inout CallTally) async throws {
        let response = try await call(.readContact(upstreamID), &tally)
        guard response.verdict == .accepted, let upstream = response.contactConsent else { return }
        try await store.outbox.adoptUpstreamConsent(local, from: upstream)
    }

    /// Sends a removal's last changes (a refusal does not stop it), then deletes; an upstream
    /// contact already gone counts as removed.
    /// - Returns: the refusal of the delete, if the upstream refused it for good.
    private func remove(_ removal: UpstreamRemoval, _ tally: inout CallTally) async throws -> UpstreamRejection? {
        if !removal.lastChanges.isEmpty, try await call(.updateContact(removal.upstreamID, removal.lastChanges), &tally).verdict == .notFound {
            return nil
        }
        return try await delete(removal.upstreamID, &tally)
    }

    /// Deletes an upstream contact; one already gone counts as deleted.
    /// - Returns: the refusal, if the upstream refused it for good.
    private func delete(_ upstreamID: String, _ tally: inout CallTally) async throws -> UpstreamRejection? {
        let request = UpstreamRequest.deleteContact(upstreamID)
        let response = try await call(request, &tally)
        return [.accepted, .notFound].contains(response.verdict) ? nil : rejection(request, response)
    }

    /// Sends one call when the pacer allows it, renewing an exchanged token once on 401.
    /// - Returns: the answer, unless it means "try again later".
    /// - Throws: ``SyncInterruption`` for 429, 5xx, network errors and refused credentials.
    private func call(_ request: UpstreamRequest, _ tally: inout CallTally) async throws -> UpstreamResponse {
        var renewed = false
        while true {
            let delay = pacer.reserve(at: .now())
            if delay > .zero { try await Task.sleep(for: delay) }
            let bearer = try await tokens.bearer()
            tally.calls += 1
            let response = try await client.send(request, bearer: bearer)
            pacer.observe(response.rateLimit, at: .now())
            switch response.verdict {
            case .accepted, .conflict, .notFound, .rejected:
                return response
            case .throttled:
                tally.throttled += 1
                throw SyncInterruption.throttled(request: request.description, retryAfter: response.rateLimit.retryAfter)
            case .credentialsRefused where response.status == 401 && tokens.canRenew && !renewed:
                await tokens.invalidate()
                renewed = true
            case .credentialsRefused:
                throw SyncInterruption.credentialsRefused(request: request.description, status: response.status, body: response.text)
            case .transient:
                throw SyncInterruption.serverError(request: request.description, status: response.status)
            }
        }
    }

    private func rejection(_ request: UpstreamRequest, _ response: UpstreamResponse) -> UpstreamRejection {
        UpstreamRejection(request: request.description, status: response.status, body: response.text)
    }
}
