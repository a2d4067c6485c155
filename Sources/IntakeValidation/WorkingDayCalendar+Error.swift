@_exported import IntakeErrors

/// Why a ``WorkingDayCalendar`` could not be loaded or could not answer: an ``IntakeError``
/// with a `calendar.*` code, whose message names years and line numbers only.
public typealias CalendarError = IntakeError
