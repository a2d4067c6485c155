import CLibXML2

/// libxml2's process-wide setup, done once before any parser of this module runs.
enum LibXML2 {
    static let ready: Void = {
        xmlInitParser()
        // Defence in depth: no parser here ever loads an external entity or DTD.
        intake_xml_install_deny_loader()
    }()
}
