import Glibc
import PrivyAPI

/// The file rejected lines are written to, one JSON object per line. It is truncated when the
/// import starts, so it only ever describes the latest run, and removed at the end if no line
/// was rejected.
final class RejectsFile {
    let path: String
    private let descriptor: Int32
    private(set) var count = 0

    /// Creates (or truncates) the file.
    /// - Throws: ``ReaderError`` when it cannot be created.
    init(path: String) throws(ReaderError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ReaderError(path: path, errno: errno) }
    }

    /// Appends rejected lines.
    func write(_ rejections: [OrderImportRejection]) throws(ReaderError) {
        for rejection in rejections {
            let bytes = rejection.ndjson()
            var written = 0
            while written < bytes.count {
                let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                guard result > 0 || errno == EINTR else { throw ReaderError(path: path, errno: errno) }
                written += max(0, result)
            }
            count += 1
        }
    }

    /// Closes the file, removing it if nothing was rejected.
    func close() {
        Glibc.close(descriptor)
        if count == 0 { unlink(path) }
    }
}
