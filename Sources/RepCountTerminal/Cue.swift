/// An audible cue the view asks for, so the user need not look.
public enum Cue: Sendable, Equatable {
    /// The hold in progress reached its target: the user may come down.
    case holdTargetReached
    /// A set ended: rest begins.
    case setEnded
}
