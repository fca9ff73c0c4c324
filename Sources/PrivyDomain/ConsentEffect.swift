/// A side effect a consent change asks the upstream Privy to carry out.
public enum ConsentEffect: Sendable, Hashable {
    /// Send the contact the TCPA-required welcome SMS.
    case welcomeSMS
}
