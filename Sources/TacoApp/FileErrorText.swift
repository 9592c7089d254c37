import Foundation

/// A file-system error as a short sentence ("permission denied", "no space left on device"), never Foundation's
/// "The operation could not be completed. (NSCocoaErrorDomain error 513.)": the POSIX error under a Cocoa error is
/// what says what happened.
public enum FileErrorText {
    public static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        guard ns.domain == NSCocoaErrorDomain else { return "\(error)" }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "a file is in the way (a file exists where a directory is needed)"
        case .fileReadCorruptFile: return "the file is damaged or not in the expected format"
        case .fileReadTooLarge: return "the file is too large"
        case .fileReadInapplicableStringEncoding: return "the file is not UTF-8 text"
        default: return "file error \(ns.code)"
        }
    }
}
