/// The Meta-World observation layout: which floats hold what. Every task writes the same 39 floats.
public enum ObservationLayout {
    /// Floats per observation without a task id.
    public static let size = 39
    /// Floats of one frame (hand, gripper, two bodies) that the previous-frame slots repeat.
    public static let frameSize = 18
    /// Hand position.
    public static let hand = 0..<3
    /// Gripper opening, 1 fully open.
    public static let gripper = 3
    /// First body's position.
    public static let firstPosition = 4..<7
    /// First body's orientation (w, x, y, z).
    public static let firstOrientation = 7..<11
    /// Second body's position (zeros when the task has one body).
    public static let secondPosition = 11..<14
    /// Second body's orientation (zeros when the task has one body).
    public static let secondOrientation = 14..<18
    /// The previous step's 0..<18 (equal to the current frame right after a reset).
    public static let previousFrame = 18..<36
    /// Goal position.
    public static let goal = 36..<39
    /// Floats per action.
    public static let actionSize = 4
}

/// A decoded observation, the only input a scripted expert gets.
public struct Observation: Sendable, Equatable {
    /// Hand position.
    public var hand: Vector3
    /// Gripper opening in [0, 1], 1 fully open.
    public var gripper: Double
    /// First body's position.
    public var firstPosition: Vector3
    /// First body's orientation (w, x, y, z).
    public var firstOrientation: Quaternion
    /// Second body's position.
    public var secondPosition: Vector3
    /// Second body's orientation.
    public var secondOrientation: Quaternion
    /// Hand position one step earlier.
    public var previousHand: Vector3
    /// First body's position one step earlier.
    public var previousFirstPosition: Vector3
    /// Goal position.
    public var goal: Vector3

    /// Decodes the first 39 floats of `floats`.
    public init(_ floats: UnsafeBufferPointer<Float>) {
        precondition(floats.count >= ObservationLayout.size, "an observation has \(ObservationLayout.size) floats")
        func vector(_ start: Int) -> Vector3 { Vector3(Double(floats[start]), Double(floats[start + 1]), Double(floats[start + 2])) }
        func quaternion(_ start: Int) -> Quaternion { Quaternion(Double(floats[start]), Double(floats[start + 1]), Double(floats[start + 2]), Double(floats[start + 3])) }
        hand = vector(0)
        gripper = Double(floats[3])
        firstPosition = vector(4)
        firstOrientation = quaternion(7)
        secondPosition = vector(11)
        secondOrientation = quaternion(14)
        previousHand = vector(18)
        previousFirstPosition = vector(22)
        goal = vector(36)
    }

    /// Decodes the first 39 floats of `floats`.
    public init(_ floats: [Float]) {
        self = floats.withUnsafeBufferPointer { Observation($0) }
    }

    /// The fingertip centre (TCP) implied by the hand position.
    public var tcp: Vector3 { hand + Tabletop.tcpOffset }
}
