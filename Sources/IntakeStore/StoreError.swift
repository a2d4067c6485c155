/// An error the record store reports: a stable ``Code`` and a message that says what went wrong
/// and how to remedy it, never a value from a record (records name children).
///
/// Its shape is `IntakeDocument.IntakeError`'s, with the same code strings (`store.failed`,
/// `store.unavailable`): IntakeStore does not depend on IntakeDocument yet; once it does, this
/// type becomes `public typealias StoreError = IntakeError` and no call site changes.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The store refused or failed an operation (bad location, schema, constraint, I/O).
        public static let storeFailed = Code(rawValue: "store.failed")
        /// The store's server could not be reached, even after retrying.
        public static let storeUnavailable = Code(rawValue: "store.unavailable")
    }
}
