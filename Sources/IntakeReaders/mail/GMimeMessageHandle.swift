import CGMime
import Foundation
import IntakeDocument

/// Owns one parsed `GMimeMessage`; the parts reached from it are borrowed and live as long
/// as this handle does.
///
/// Not `Sendable`: GMime objects are not safe to share between threads. Make one per read.
final class GMimeMessageHandle {
    /// The raw message, suitable for the GMime C API. Owned: unreferenced in `deinit`.
    let message: UnsafeMutablePointer<GMimeMessage>

    /// Parses `data` as an RFC 822 message.
    /// - throws: ``IntakeError/Code/mailMalformed`` when GMime finds no message in the bytes.
    init(parsing data: Data) throws {
        GMimeLibrary.initialise()
        let parsed = data.withUnsafeBytes { bytes in
            intake_gmime_parse_message(bytes.baseAddress, bytes.count)
        }
        guard let parsed else {
            throw IntakeError(.mailMalformed, "The file is not an e-mail message GMime can parse (no RFC 822 headers found).")
        }
        message = parsed
    }

    deinit { intake_g_object_unref(message) }

    /// The message as a generic MIME object (for header access).
    var object: UnsafeMutablePointer<GMimeObject> { intake_gmime_message_object(message) }
}

@available(*, unavailable)
extension GMimeMessageHandle: Sendable {}

/// Owns a `GByteArray` returned by the shim; freed in `deinit`.
final class GByteArrayHandle {
    let array: UnsafeMutablePointer<GByteArray>

    init(_ array: UnsafeMutablePointer<GByteArray>) { self.array = array }

    deinit { intake_byte_array_unref(array) }

    /// A copy of the bytes.
    var data: Data {
        let count = Int(intake_byte_array_length(array))
        guard count > 0, let bytes = intake_byte_array_data(array) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}

@available(*, unavailable)
extension GByteArrayHandle: Sendable {}

/// `g_mime_init` must run once per process before any other GMime call.
enum GMimeLibrary {
    // A static `let` is initialised lazily and exactly once, thread-safely (swift_once).
    private static let initialised: Bool = {
        g_mime_init()
        return true
    }()

    static func initialise() { _ = initialised }
}
