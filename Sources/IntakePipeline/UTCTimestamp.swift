import Foundation

/// "2026-11-20T09:30:00Z" for a moment in whole seconds since 1970, as `ISO8601DateFormatter`
/// with `.withInternetDateTime` in UTC writes it, without its ICU calendar and lock (a file's
/// modification time is stamped on every record).
enum UTCTimestamp {
    static func string(epochSeconds: Int) -> String {
        var seconds = time_t(epochSeconds), parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return Pipeline.iso8601(Date(timeIntervalSince1970: Double(epochSeconds))) }
        var out = ""
        out.reserveCapacity(20)
        func put(_ value: Int32, _ width: Int) {
            let digits = String(value)
            out += String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        put(parts.tm_year + 1900, 4); out += "-"; put(parts.tm_mon + 1, 2); out += "-"; put(parts.tm_mday, 2)
        out += "T"; put(parts.tm_hour, 2); out += ":"; put(parts.tm_min, 2); out += ":"; put(parts.tm_sec, 2)
        return out + "Z"
    }

    /// The file's modification time, nil when it cannot be read.
    static func modificationTime(ofFileAt path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return string(epochSeconds: Int(info.st_mtim.tv_sec))
    }
}
