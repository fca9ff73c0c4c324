public import PrivyDomain

extension RecordWriter {
    mutating func write(_ value: Timestamp) {
        write(value.microsecondsSinceEpoch)
    }

    mutating func write(_ value: Timestamp?) {
        write(value?.microsecondsSinceEpoch)
    }
}

extension RecordReader {
    mutating func read(_: Timestamp.Type) throws(CorruptRecord) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: try read(Int64.self))
    }

    mutating func read(_: Timestamp?.Type) throws(CorruptRecord) -> Timestamp? {
        try read(Int64?.self).map(Timestamp.init(microsecondsSinceEpoch:))
    }
}

extension Contact {
    func writeFields(to writer: inout RecordWriter) {
        writer.write(id.rawValue)
        writer.write(sequence)
        writer.write(firstName)
        writer.write(lastName)
        writer.write(email?.rawValue)
        writer.write(phoneNumber?.rawValue)
        writer.write(ConsentCode.code(emailConsent))
        writer.write(ConsentCode.code(smsConsent))
        writer.write(emailConsentUpdatedAt)
        writer.write(smsConsentUpdatedAt)
        writer.write(tags)
        writer.write(UInt64(customFields.count))
        for entry in customFields {
            writer.write(entry.key)
            switch entry.value {
            case .string(let text):
                writer.write(UInt8(0))
                writer.write(text)
            case .number(let text):
                writer.write(UInt8(1))
                writer.write(text)
            case .bool(let flag):
                writer.write(UInt8(2))
                writer.write(flag)
            case .null:
                writer.write(UInt8(3))
            }
        }
        writer.write(createdAt)
        writer.write(updatedAt)
        writer.write(deletedAt)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        let rawID = try reader.read(String.self)
        guard let id = ContactID(validating: rawID) else { throw CorruptRecord(what: "contact id \(rawID)") }
        let sequence = try reader.read(UInt64.self)
        let firstName = try reader.read(String?.self)
        let lastName = try reader.read(String?.self)
        let email = try reader.read(String?.self).map { text throws(CorruptRecord) in
            guard let email = EmailAddress(validating: text) else { throw CorruptRecord(what: "email of \(rawID)") }
            return email
        }
        let phone = try reader.read(String?.self).map { text throws(CorruptRecord) in
            guard let phone = PhoneNumber(validating: text) else { throw CorruptRecord(what: "phone of \(rawID)") }
            return phone
        }
        let emailConsent = try ConsentCode.email(try reader.read(UInt8.self))
        let smsConsent = try ConsentCode.sms(try reader.read(UInt8.self))
        let emailConsentUpdatedAt = try reader.read(Timestamp?.self)
        let smsConsentUpdatedAt = try reader.read(Timestamp?.self)
        let tags = try reader.read([String].self)
        var customFields = CustomFields()
        for _ in 0..<(try reader.read(UInt64.self)) {
            let key = try reader.read(String.self)
            switch try reader.read(UInt8.self) {
            case 0: customFields[key] = .string(try reader.read(String.self))
            case 1: customFields[key] = .number(text: try reader.read(String.self))
            case 2: customFields[key] = .bool(try reader.read(Bool.self))
            case 3: customFields[key] = .null
            default: throw CorruptRecord(what: "custom field kind of \(rawID)")
            }
        }
        self.init(
            id: id,
            sequence: sequence,
            firstName: firstName,
            lastName: lastName,
            email: email,
            phoneNumber: phone,
            emailConsent: emailConsent,
            smsConsent: smsConsent,
            emailConsentUpdatedAt: emailConsentUpdatedAt,
            smsConsentUpdatedAt: smsConsentUpdatedAt,
            tags: tags,
            customFields: customFields,
            createdAt: try reader.read(Timestamp.self),
            updatedAt: try reader.read(Timestamp.self),
            deletedAt: try reader.read(Timestamp?.self)
        )
    }
}

extension RecordWriter {
    mutating func write(_ value: UInt64?) {
        write(value != nil)
        if let value { write(value) }
    }
}

extension Contact: StoredRecord {
    static let table = "contacts"

    var sizeHint: Int { 160 }

    /// ``StoredRecord/encoded()``, public for Benchmarks/.
    public func encoded() -> [UInt8] {
        RecordWriter.encode(self)
    }

    /// ``StoredRecord/init(decoding:)``, public for Benchmarks/.
    public init(decoding bytes: UnsafeRawBufferPointer) throws(CorruptRecord) {
        self = try RecordReader.decode(Self.self, from: bytes)
    }
}
