import NIOCore
import NIOPosix

/// One closed-loop connection, like one of wrk's: it sends a request, waits for the answer,
/// records it and sends the next. When the server closes it connects again; it ends when the
/// schedule refuses a request or the run stops it. Lives on one event loop.
final class LoadConnection {
    private enum Link {
        case none
        case connecting
        case open(any Channel)
    }

    private let eventLoop: any EventLoop
    private let target: BenchTarget
    private let plan: any RequestPlan
    private let schedule: RunSchedule
    private let live: LiveCounters
    private let finished: EventLoopPromise<Tally>
    private var tally = Tally()
    private var link = Link.none
    private var admission = RunSchedule.Admission.warmup
    private var sentAt = NIODeadline.uptimeNanoseconds(0)
    private var inFlight = false
    private var answeredOnChannel = false
    private var stopping = false
    private var done = false

    init(eventLoop: any EventLoop, target: BenchTarget, plan: any RequestPlan, schedule: RunSchedule, live: LiveCounters) {
        self.eventLoop = eventLoop
        self.target = target
        self.plan = plan
        self.schedule = schedule
        self.live = live
        finished = eventLoop.makePromise()
    }

    /// What the connection measured, once it has ended.
    var result: EventLoopFuture<Tally> {
        finished.futureResult
    }

    /// Connects and starts sending.
    func start() {
        connect()
    }

    /// Ends the connection now; a request in flight is not counted.
    func stop() {
        stopping = true
        switch link {
        case .none: finish()
        case .connecting: break  // `connected` finishes
        case .open(let channel): channel.close(promise: nil)
        }
    }

    /// A response arrived on the open channel.
    func received(_ response: ResponseParser.Response) {
        guard inFlight, case .open(let channel) = link else { return }
        inFlight = false
        answeredOnChannel = true
        let now = NIODeadline.now()
        if schedule.counts(admission, answeredAt: now) {
            tally.record(status: response.status, latencyNanoseconds: UInt64((now - sentAt).nanoseconds), at: now)
            live.countResponse(failed: !(200..<300).contains(response.status))
        }
        plan.completed(status: response.status, body: response.body)
        if response.closes {
            channel.close(promise: nil)
        } else {
            sendNext(on: channel)
        }
    }

    /// The channel closed, by either side.
    func channelClosed() {
        link = .none
        if inFlight {
            inFlight = false
            if schedule.counts(admission, answeredAt: .now()) { countConnectionError() }
        }
        if stopping {
            finish()
        } else if answeredOnChannel {
            connect()
        } else {
            retryLater()
        }
    }

    private func connect() {
        link = .connecting
        answeredOnChannel = false
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        let keepsBodies = plan.wantsBody
        let target = target
        ClientBootstrap(group: eventLoop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls = target.tls {
                        try channel.pipeline.syncOperations.addHandler(try tls.handler(host: target.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ResponseHandler(connection: bound.value, keepsBodies: keepsBodies))
                }
            }
            .connect(host: target.host, port: target.port)
            .assumeIsolated()
            .whenComplete { result in self.connected(result) }
    }

    private func connected(_ result: Result<any Channel, any Error>) {
        switch result {
        case .success(let channel):
            link = .open(channel)
            if stopping {
                channel.close(promise: nil)
            } else {
                sendNext(on: channel)
            }
        case .failure:
            link = .none
            if stopping {
                finish()
            } else {
                if schedule.isMeasuring(at: .now()) { countConnectionError() }
                retryLater()
            }
        }
    }

    private func retryLater() {
        eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(100)) {
            if self.stopping { self.finish() } else { self.connect() }
        }
    }

    private func sendNext(on channel: any Channel) {
        admission = schedule.admit(at: .now())
        var buffer = channel.allocator.buffer(capacity: 768)
        guard admission != .refused, plan.writeNext(into: &buffer) else {
            stop()
            return
        }
        inFlight = true
        sentAt = .now()
        channel.writeAndFlush(buffer, promise: nil)
    }

    private func countConnectionError() {
        tally.recordConnectionError()
        live.countConnectionError()
    }

    private func finish() {
        guard !done else { return }
        done = true
        finished.succeed(tally)
    }
}
