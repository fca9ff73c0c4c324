import Glibc

/// Reads what a server process has used so far from `/proc`: its CPU time, its writer thread's
/// CPU time (the thread named `privy-writer`), and the bytes written to the block device that
/// holds its data.
///
/// Two samples, at the start and the end of the measured window, give ``ServerUsage``.
public struct ServerProbe: Sendable, Equatable {
    /// The server's process id.
    public var processID: Int32
    /// The block device whose written sectors to count (a name in `/proc/diskstats`, such as
    /// `vda` or `nvme0n1`), or `nil` to leave the disk out.
    public var diskDevice: String?

    /// The name the store gives its group-commit writer thread.
    static let writerThreadName = "privy-writer"

    /// - Parameters:
    ///   - processID: the server's process id.
    ///   - diskDevice: the block device to watch, or `nil`.
    public init(processID: Int32, diskDevice: String? = nil) {
        self.processID = processID
        self.diskDevice = diskDevice
    }

    /// What the server has used up to now. With a disk device, first flushes every dirty page
    /// (`sync`) so that what the window wrote has reached the device.
    /// - Throws: ``BenchError`` if the process or the device cannot be read.
    func sample() throws -> ServerSample {
        let process = try Self.cpuTime(statPath: "/proc/\(processID)/stat")
        let writer = try writerThreadStatPath().map { try Self.cpuTime(statPath: $0) }
        var bytesWritten: Int?
        if let diskDevice {
            sync()
            bytesWritten = try Self.sectorsWritten(device: diskDevice) * 512
        }
        return ServerSample(processCPU: process, writerCPU: writer, bytesWritten: bytesWritten)
    }

    /// The `stat` file of the server's writer thread, if it has one.
    private func writerThreadStatPath() throws -> String? {
        let tasks = "/proc/\(processID)/task"
        guard let directory = opendir(tasks) else { throw BenchError("cannot read \(tasks): is process \(processID) running?") }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.first?.isNumber == true else { continue }
            let comm = (try? Self.contents(of: "\(tasks)/\(name)/comm")) ?? ""
            if comm.hasPrefix(Self.writerThreadName) { return "\(tasks)/\(name)/stat" }
        }
        return nil
    }

    /// User plus system CPU time from a `stat` file (fields 14 and 15, in clock ticks).
    private static func cpuTime(statPath: String) throws -> Duration {
        let text = try contents(of: statPath)
        // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
        guard let nameEnd = text.lastIndex(of: ")") else { throw BenchError("\(statPath): unexpected contents") }
        let fields = text[text.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Int64(fields[11]), let system = Int64(fields[12]) else {
            throw BenchError("\(statPath): unexpected contents")
        }
        let ticksPerSecond = Int64(sysconf(Int32(_SC_CLK_TCK)))
        return .microseconds((user + system) * 1_000_000 / ticksPerSecond)
    }

    /// Sectors written to `device` since boot (field 10 of its `/proc/diskstats` line).
    private static func sectorsWritten(device: String) throws -> Int {
        for line in try contents(of: "/proc/diskstats").split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count > 9, fields[2] == device, let sectors = Int(fields[9]) { return sectors }
        }
        throw BenchError("no block device \(device) in /proc/diskstats")
    }

    private static func contents(of path: String) throws -> String {
        guard let file = fopen(path, "r") else { throw BenchError("cannot read \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One reading of ``ServerProbe``.
struct ServerSample: Sendable {
    var processCPU: Duration
    var writerCPU: Duration?
    var bytesWritten: Int?
}

/// What the server used per response in the measured window.
public struct ServerUsage: Sendable, Equatable {
    /// The whole process's CPU time per response, in microseconds (meaningless for an embedded
    /// server, whose process also runs the load).
    public var processCPUMicroseconds: Double
    /// The writer thread's CPU time per response, in microseconds, if it was found.
    public var writerCPUMicroseconds: Double?
    /// Bytes that reached the block device per response, if a device was watched.
    public var diskBytes: Double?

    /// The usage between two samples, per response.
    init(from start: ServerSample, to end: ServerSample, responses: Int) {
        let perResponse = { (value: Double) in responses > 0 ? value / Double(responses) : 0 }
        let microseconds = { (duration: Duration) in Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12 }
        processCPUMicroseconds = perResponse(microseconds(end.processCPU - start.processCPU))
        if let first = start.writerCPU, let last = end.writerCPU { writerCPUMicroseconds = perResponse(microseconds(last - first)) }
        if let first = start.bytesWritten, let last = end.bytesWritten { diskBytes = perResponse(Double(last - first)) }
    }

    /// Reads usage from a saved report's figures.
    init(processCPUMicroseconds: Double, writerCPUMicroseconds: Double?, diskBytes: Double?) {
        self.processCPUMicroseconds = processCPUMicroseconds
        self.writerCPUMicroseconds = writerCPUMicroseconds
        self.diskBytes = diskBytes
    }
}
