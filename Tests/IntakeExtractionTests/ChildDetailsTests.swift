import Testing
@testable import IntakeValidation

/// Croydon's notification must name no child: the detector finds a name after words that
/// introduce a person, also when a verb stands between them.
@Suite struct ChildDetailsTests {
    @Test("names and dates of birth", arguments: [
        "Concerns about Ava Smith were raised.", "The young person is Kacper Bramwell.",
        "The child's name is Sam Jones.", "Child: Sam Jones", "DOB 01/02/2015",
    ])
    func found(_ text: String) {
        #expect(ChildDetailsDetector.containsChildDetails(text))
    }

    @Test("agencies and plain prose", arguments: [
        "Concerns about Early Help were raised.", "The request for Social Care was declined.",
        "The young person is known to both agencies.", "Referral accepted and allocated.",
    ])
    func notFound(_ text: String) {
        #expect(!ChildDetailsDetector.containsChildDetails(text))
    }
}
