import NIOCore

/// `host:port` a listener is bound to, for its start-up log line: the real port when 0 was asked for.
func boundAddress(of channel: any Channel, host: String, port: Int) -> String {
    channel.localAddress.map { "\($0.ipAddress ?? host):\($0.port ?? port)" } ?? "\(host):\(port)"
}
