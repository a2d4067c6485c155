import Testing
@testable import IntakeExtraction

@Suite struct ValueTextTests {
    @Test("e-mail addresses", arguments: [
        ("pat.jones@agency.example", true), ("Pat.Jones@Agency.Example", true), ("pat jones@agency.example", false),
        ("pat.jones@agency", false), ("pat.jones", false), ("o'neil@school.example", true),
    ])
    func emails(_ text: String, _ valid: Bool) {
        #expect(ValueText.isEmail(ValueText.normaliseEmail(text)) == valid)
    }

    @Test func pastedAddressesAreMadePlain() {
        #expect(ValueText.normaliseEmail(" mailto:Pat.Jones@Agency.Example. ") == "Pat.Jones@Agency.Example")
        #expect(ValueText.normaliseEmail("<pat@agency.example>") == "pat@agency.example")
    }

    @Test("UK telephone numbers", arguments: [
        ("01632 960000", true), ("(01632) 960827", true), ("+44 1632 960229", true), ("01632960065", true),
        ("07700 900123", true), ("+44 (0)1632 960000", true), ("960000", false), ("0161 ABC 1234", false),
        ("+33 1 23 45 67 89", false),
    ])
    func phones(_ text: String, _ valid: Bool) {
        #expect(ValueText.isPhone(text) == valid)
    }

    @Test func phoneLabelsAndSpacesAreTidied() {
        #expect(ValueText.normalisePhone("Tel: 01632   960000") == "01632 960000")
    }

    @Test func placeholdersAreEmpty() {
        #expect(ValueText.clean("Click or tap here to enter text.") == nil)
        #expect(ValueText.clean("  Click or tap to enter a date. ") == nil)
        #expect(ValueText.clean("Real text\nChoose an item.") == "Real text")
        // Any case; a prompt inside a longer one goes with it (the longer is taken out first,
        // in every run: the prompts are a set, whose order varies from process to process).
        #expect(ValueText.clean("Pat Jones CLICK HERE TO ENTER TEXT") == "Pat Jones")
        #expect(ValueText.clean("Click here to enter text here") == "here")
    }

    @Test func stageNumbers() {
        #expect(ValueText.stageNumber(in: "Escalation notification – Stage 3") == 3)
        #expect(ValueText.stageNumber(in: "croydon-notification-stage4.docx") == 4)
        #expect(ValueText.stageNumber(in: "2") == 2)
        #expect(ValueText.stageNumber(in: "form v2.1") == nil)
    }

    @Test func wholeNumbersInFiguresOrWords() {
        #expect(ValueText.integer(in: "4") == 4)
        #expect(ValueText.integer(in: "4 working days") == 4)
        #expect(ValueText.integer(in: "Three days") == 3)
        #expect(ValueText.integer(in: "not known") == nil)
    }

    @Test("fillers are empty", arguments: ["N/A", "n/a", "-", "None", "Not known", " not applicable "])
    func fillers(_ text: String) {
        #expect(ValueText.clean(text) == nil)
    }

    @Test func phoneNumbersWithExtensionsAndLabels() {
        #expect(ValueText.isPhone(ValueText.normalisePhone("Tel: 01632\u{00A0}960412")))
        #expect(ValueText.isPhone("01632 960412 ext. 214"))
        #expect(ValueText.isPhone("07700 900123 (mobile)"))
    }

    @Test func typedYesAndNo() {
        #expect(ValueText.yesOrNo("yes - resolved") == true)
        #expect(ValueText.yesOrNo("No – not resolved") == false)
        #expect(ValueText.yesOrNo("Not resolved") == false)
        #expect(ValueText.yesOrNo("Resolved") == true)
        #expect(ValueText.yesOrNo("Maybe") == nil)
    }

    @Test func stagesInWords() {
        #expect(ValueText.stageNumber(in: "Stage Three") == 3)
        #expect(ValueText.stageNumber(in: "III") == 3)
        #expect(ValueText.stageNumber(in: "Stage iv") == 4)
    }

    @Test func emailsKeepTheirCase() {
        #expect(ValueText.normaliseEmail("Clare.Mountford@SECT.nhs.example") == "Clare.Mountford@SECT.nhs.example")
    }
}
