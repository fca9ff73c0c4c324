/// What a bench run sends.
public enum Workload: String, Sendable, CaseIterable {
    /// Order upserts to `POST /v1/orders/placed`: new orders and updates of earlier ones.
    case orders
    /// Contact creates (`POST /v1/contacts`) and patches (`PATCH /v1/contacts/{id}`).
    case contacts
    /// Contact reads (`GET /v1/contacts/{id}` and list pages) mixed with order upserts.
    case mixed
}
