import Glibc

/// The few POSIX file operations backup and restore need, throwing ``MaintenanceError``.
enum FileSystem {
    /// Whether anything (file, directory, link) exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// The `stat` of `path`.
    static func status(of path: String) throws(MaintenanceError) -> stat {
        var status = stat()
        try check(stat(path, &status), "stat", path)
        return status
    }

    /// The absolute path of an existing `path`, with symbolic links resolved.
    static func resolved(_ path: String) throws(MaintenanceError) -> String {
        guard let real = realpath(path, nil) else { throw failure("resolve", path) }
        defer { free(real) }
        return String(cString: real)
    }

    /// The size of the file at `path`, in bytes.
    static func size(of path: String) throws(MaintenanceError) -> Int {
        Int(try status(of: path).st_size)
    }

    /// The directory holding `path` (`.` for a bare name).
    static func parent(of path: String) -> String {
        let trimmed = trimmingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        let trimmed = trimmingSlashes(path)
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    /// `path` without trailing slashes (but `/` stays `/`).
    static func trimmingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return String(trimmed)
    }

    /// Creates a new, empty directory (mode 0700) next to `sibling`, named after it.
    /// - Parameter purpose: a word in the name, such as `backup`.
    static func makeTemporaryDirectory(nextTo sibling: String, purpose: String) throws(MaintenanceError) -> String {
        let base = parent(of: sibling) + "/." + name(of: sibling) + "." + purpose + "-"
        var template = Array((base + "XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { throw failure("create a directory at", base + "XXXXXX") }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Copies a regular file to a new file (mode 0600) and flushes it to disk.
    static func copyFile(from source: String, to destination: String) throws(MaintenanceError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        try check(input, "open", source)
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        try check(output, "create", destination)
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            try check(Int32(clamping: count), "read", source)
            if count == 0 { break }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                try check(Int32(clamping: step), "write", destination)
                written += step
            }
        }
        try check(fsync(output), "flush", destination)
    }

    /// Flushes a file or a directory (its entries) to disk.
    static func synchronize(_ path: String) throws(MaintenanceError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try check(descriptor, "open", path)
        defer { close(descriptor) }
        try check(fsync(descriptor), "flush", path)
    }

    /// Renames atomically, replacing a file at `destination`.
    static func rename(_ source: String, to destination: String) throws(MaintenanceError) {
        try check(Glibc.rename(source, destination), "rename \(source) to", destination)
    }

    /// Removes `path` if it is there: a file, or a directory and everything in it.
    static func remove(_ path: String) throws(MaintenanceError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            try check(unlink(path), "remove", path)
            return
        }
        for entry in try entries(of: path) {
            try remove(path + "/" + entry)
        }
        try check(rmdir(path), "remove", path)
    }

    /// The names in a directory, without `.` and `..`.
    static func entries(of directory: String) throws(MaintenanceError) -> [String] {
        guard let stream = opendir(directory) else { throw failure("list", directory) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Bytes free to an unprivileged user on the file system holding `path`.
    static func freeBytes(at path: String) throws(MaintenanceError) -> Int {
        var figures = statvfs()
        try check(statvfs(path, &figures), "measure free space at", path)
        return Int(figures.f_bavail) * Int(figures.f_frsize)
    }

    /// Throws the current `errno` when `result` is negative.
    private static func check(_ result: Int32, _ operation: String, _ path: String) throws(MaintenanceError) {
        if result < 0 { throw failure(operation, path) }
    }

    private static func failure(_ operation: String, _ path: String) -> MaintenanceError {
        .fileSystem(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}
