// poppler-glib documents and pages belong to the one read call (one thread) that opened them:
// lazily built colour profiles and caches inside are not locked (see c-libraries.md). Saying so
// to the compiler stops anyone sending one across tasks or declaring it `@unchecked Sendable`.

@available(*, unavailable)
extension PopplerDocumentHandle: Sendable {}

@available(*, unavailable)
extension PopplerPageHandle: Sendable {}
