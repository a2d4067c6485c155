@_exported import IntakeErrors

/// Store errors are ``IntakeError``s with the store's codes (`store.failed`,
/// `store.unavailable`), so the CLI treats them like every other Intake error.
public typealias StoreError = IntakeError
