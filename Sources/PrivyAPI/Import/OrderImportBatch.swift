import PrivyDomain
import PrivyJSON
public import PrivyStore
import PrivyWire

/// A chunk of an order-history file, parsed: each line is a `POST /v1/orders/placed` body with
/// `initial_sync: true` implied, read by the endpoint's own reader and checked by its rules
/// (``OrderRules/check(_:)``). Parsing and checking are separate from ``apply(to:)`` so the next
/// chunk is parsed and checked while the store writes this one.
public struct OrderImportBatch: Sendable {
    private var drafts: [CheckedOrderDraft] = []
    /// The line number of each draft.
    private var lineNumbers: [Int] = []
    /// The text of each draft's line, for the rejects file.
    private var inputs: [Range<Int>] = []
    private let bytes: [UInt8]
    /// Lines that did not parse.
    private var rejections: [OrderImportRejection] = []

    /// How many lines the batch holds.
    public var lineCount: Int {
        drafts.count + rejections.count
    }

    /// Parses every line of `chunk`.
    /// - Parameters:
    ///   - chunk: the lines.
    ///   - maxLineBytes: the longest line accepted (the endpoint's body limit).
    public init(_ chunk: OrderHistoryChunk, maxLineBytes: Int) {
        bytes = chunk.bytes
        drafts.reserveCapacity(chunk.lines.count)
        let parser = JSONParser(limits: .init(maxBytes: maxLineBytes))
        for line in chunk.lines {
            guard !line.isOversize else {
                rejections.append(OrderImportRejection(line: line.number, error: .payloadTooLarge(limit: maxLineBytes), input: nil))
                continue
            }
            do {
                drafts.append(OrderRules.check(try Self.draft(bytes[line.range], parser: parser)))
                lineNumbers.append(line.number)
                inputs.append(line.range)
            } catch {
                rejections.append(OrderImportRejection(line: line.number, error: error, input: text(line.range)))
            }
        }
    }

    /// Applies the parsed lines in one store transaction, stamped with the current time.
    /// - Parameter store: the store.
    /// - Returns: the counts and every rejected line, in line order.
    /// - Throws: a storage error that failed the whole chunk.
    public func apply(to store: Store) async throws -> OrderImportReport {
        var report = OrderImportReport()
        report.rejections = rejections
        guard !drafts.isEmpty else { return report }
        let results = try await store.orders.importOrders(drafts, context: WriteContext(source: .import))
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let written) where written.created: report.created += 1
            case .success: report.updated += 1
            case .failure(let failure):
                report.rejections.append(OrderImportRejection(line: lineNumbers[index], error: .validationFailed(failure), input: text(inputs[index])))
            }
        }
        report.rejections.sort { $0.line < $1.line }
        return report
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// One line as an order draft, `initial_sync` defaulting to `true`.
    /// - Throws: the endpoint's ``APIError`` for a line that is not a JSON object (400) or has a
    ///   field of the wrong type (400).
    private static func draft(_ line: ArraySlice<UInt8>, parser: JSONParser) throws(APIError) -> OrderDraft {
        let value: JSONValue
        do {
            value = try parser.parse(line)
        } catch {
            throw .badRequest("the line is not valid JSON: \(error.message)")
        }
        guard case .object(let object) = value else { throw .badRequest("the line must be a JSON object") }
        var draft: OrderDraft
        do {
            draft = try OrderDraft(json: object)
        } catch let wrong as WrongFieldTypes {
            throw .wrongFieldTypes(wrong)
        } catch let failure as ValidationFailure {
            throw .validationFailed(failure)
        } catch {
            throw .badRequest("\(error)")
        }
        if draft.initialSync != .value(false) {
            draft.initialSync = .value(true)
        }
        return draft
    }
}
