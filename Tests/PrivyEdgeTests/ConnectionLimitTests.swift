import Foundation
import HTTPTypes
import HummingbirdTesting
import PrivyEdgeApp
import Testing

/// The connection cap and the request read deadline, over raw sockets against the live API
/// listener of the application `buildApplication(settings:)` builds from these settings.
@Suite("Connection limits, on the live listener built from settings", .serialized)
struct ConnectionLimitTests {
    @Test("past max_connections a new connection is closed at once and counted; once one closes, a new one is served")
    func connectionCap() async throws {
        // The test client holds one connection from the start: four raw ones fill the cap of five.
        try await LimitedServer.run({ $0[Settings.maxConnections] = 5 }) { server, token in
            var open = try (0..<4).map { _ in try RawConnection(port: server.port) }
            for connection in open {
                connection.send(HostileRequest.head("GET", "/v1/contacts", token: token, []))
                #expect(connection.readResponse()?.status == 200, "a connection within the cap is served")
            }
            let excess = try RawConnection(port: server.port)
            let start = ContinuousClock.now
            #expect(excess.waitForClose(within: 5), "a connection past the cap should be closed")
            #expect(start.duration(to: .now) < .seconds(2), "and at once, not by a timeout")
            let metrics = try await server.app.exposition()
            #expect(metrics.value("privy_edge_connections_refused_total") == 1)

            open.removeFirst()  // closes its socket
            try await Task.sleep(for: .milliseconds(200))
            let next = try RawConnection(port: server.port)
            next.send(HostileRequest.head("GET", "/v1/contacts", token: token, []))
            #expect(next.readResponse(within: 5)?.status == 200, "a connection after one closed is served")
            for connection in open {
                connection.send(HostileRequest.head("GET", "/v1/contacts", token: token, []))
                #expect(connection.readResponse()?.status == 200, "the open connections go on")
            }
        }
    }

    @Test("a client trickling a body a byte a second, well under the idle timeout, is cut off at the request read deadline; prompt requests are served")
    func requestReadDeadline() async throws {
        // Margins wide enough for a loaded machine: a byte a second against a 4 s idle timeout.
        // The head goes at once and the body trickles: every body byte is traffic to the idle
        // timeout, so only the read deadline can end this request.
        try await LimitedServer.run({ $0[Settings.idleTimeout] = .seconds(4); $0[Settings.requestReadTimeout] = .seconds(6) }) { server, token in
            let body = Array(#"{"email":"trickle@example.com","first_name":"Slow"}"#.utf8)
            let trickler = try RawConnection(port: server.port)
            let start = ContinuousClock.now
            trickler.send(HostileRequest.head("POST", "/v1/contacts", token: token, ["Content-Type: application/json", "Content-Length: \(body.count)"]))
            var sent = 0
            for byte in body {
                try await Task.sleep(for: .seconds(1))
                guard trickler.send([byte]) else { break }
                sent += 1
            }
            let elapsed = start.duration(to: .now)
            #expect(sent < body.count, "the trickled request should never be read in full")
            #expect(elapsed >= .seconds(6) && elapsed < .seconds(12), "cut off at about 6 s, not \(elapsed)")
            #expect(trickler.waitForClose(within: 2))

            // One kept-alive connection, a prompt request every second for 9 s: the deadline is per request.
            let prompt = try RawConnection(port: server.port)
            for round in 0..<9 {
                prompt.send(HostileRequest.head("GET", "/v1/contacts", token: token, []))
                #expect(prompt.readResponse()?.status == 200, "request \(round) on the kept-alive connection")
                try await Task.sleep(for: .seconds(1))
            }
        }
    }
}

/// The live API listener of an application built with extra limits, and a token that reads
/// and writes contacts.
private struct LimitedServer {
    let app: EdgeApplication
    /// The listener's port.
    let port: Int

    /// Builds the application with `limits` as flags, runs `body` against its live API listener,
    /// then shuts the listener down gracefully: a listener that died fails the run.
    static func run(_ limits: (inout SettingFlags) -> Void, _ body: @Sendable (LimitedServer, String) async throws -> Void) async throws {
        try await EdgeApplicationFixture.run(flags: limits) { app, token in
            try await app.api.test(.live) { client in
                // Its first request opens the test client's connection.
                #expect(try await client.call(.get, "/v1/contacts", token: token).status == .ok)
                try await body(LimitedServer(app: app, port: try #require(client.port)), token)
            }
        }
    }
}
