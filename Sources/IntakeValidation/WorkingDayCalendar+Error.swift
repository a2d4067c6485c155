/// Why a ``WorkingDayCalendar`` could not be loaded or could not answer.
///
/// The message names years and line numbers only, never a value from a form.
public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// A stable code. New codes may be added; existing ones are never renamed.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A date outside the years the holiday data covers.
        public static let outOfRange = Code(rawValue: "calendar.out-of-range")
        /// The calendar file does not follow its format.
        public static let malformed = Code(rawValue: "calendar.malformed")
        /// The calendar file could not be read.
        public static let unreadable = Code(rawValue: "calendar.unreadable")
    }
}
