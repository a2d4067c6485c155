/// The one place Intake's version is written: `intake --version` prints it.
public enum IntakeVersion {
    public static let current = "0.9.0"
}
