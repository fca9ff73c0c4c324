import HTTPTypes
import Hummingbird
import PrivyJSON

extension Response {
    /// A `{"data": …}` response whose payload `write` produces.
    static func data(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], _ write: (inout JSONWriter) -> Void) -> Response {
        var writer = JSONWriter()
        writer.reserveCapacity(512)
        writer.beginObject()
        writer.key("data")
        write(&writer)
        writer.endObject()
        return .json(writer.bytes, status: status, headers: headers)
    }
}
