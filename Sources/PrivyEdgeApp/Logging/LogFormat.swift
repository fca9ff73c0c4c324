/// How `serve` writes its log lines on standard error; every line has the time (UTC), the level,
/// the message and the metadata, such as a request's `request_id`.
public enum LogFormat: String, CaseIterable, Sendable {
    /// `2026-11-23T10:15:30.25Z info privy-edge listening on … data_dir=./privy-edge-data`: for people.
    case text
    /// `ts=2026-11-23T10:15:30.25Z level=info msg="privy-edge listening on …" data_dir=./privy-edge-data`.
    case logfmt
    /// One JSON object a line: `{"ts":"…","level":"info","msg":"…","data_dir":"./privy-edge-data"}`.
    case json
}
