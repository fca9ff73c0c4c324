import Crypto
import Foundation
import Glibc
import SwiftASN1
import X509

/// A key and a self-signed certificate for a shop without a CA: clients pin the certificate's
/// SHA-256 fingerprint (or trust the certificate file itself).
///
/// The key is ECDSA P-256; the certificate names every host as a subject alternative name (an IP
/// address as one, anything else as a DNS name), is valid for `serverAuth`, and may be installed
/// as a trust anchor (`CA:TRUE`, as `openssl req -x509` makes it).
struct SelfSignedIdentity {
    /// How long the certificate is valid: five years.
    static let validity: TimeInterval = 5 * 365 * 24 * 3600

    /// The certificate, PEM.
    let certificatePEM: String
    /// The private key, PEM (PKCS #8).
    let keyPEM: String
    /// The SHA-256 of the certificate's DER, as `AB:CD:…`, as `openssl x509 -fingerprint -sha256` prints it.
    let fingerprint: String
    /// When the certificate expires.
    let notValidAfter: Date

    /// Makes a fresh key and certificate.
    /// - Parameters:
    ///   - hosts: the names and addresses clients reach the appliance by; the first is the common name.
    ///   - now: the start of the validity.
    init(hosts: [String], now: Date = Date()) throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName(hosts[0])
            OrganizationName("privy-edge")
        }
        notValidAfter = now.addingTimeInterval(Self.validity)
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: notValidAfter,
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(hosts.map(Self.generalName))
            },
            issuerPrivateKey: .init(key)
        )
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        certificatePEM = PEMDocument(type: "CERTIFICATE", derBytes: serializer.serializedBytes).pemString + "\n"
        keyPEM = key.pemRepresentation + "\n"
        let hex = Array("0123456789ABCDEF")
        fingerprint = SHA256.hash(data: serializer.serializedBytes).map { "\(hex[Int($0 >> 4)])\(hex[Int($0 & 0xF)])" }.joined(separator: ":")
    }

    /// An IPv4 or IPv6 address as an IP address name, anything else as a DNS name.
    private static func generalName(_ host: String) -> GeneralName {
        for (family, size) in [(AF_INET, 4), (AF_INET6, 16)] {
            var bytes = [UInt8](repeating: 0, count: size)
            if inet_pton(family, host, &bytes) == 1 {
                return .ipAddress(ASN1OctetString(contentBytes: bytes[...]))
            }
        }
        return .dnsName(host)
    }
}
