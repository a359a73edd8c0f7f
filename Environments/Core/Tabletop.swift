/// A point or displacement in metres, in the world frame of the tabletop: x to the robot's right,
/// y away from the robot, z up; the table top is z = 0.
public typealias Vector3 = SIMD3<Double>

/// A unit quaternion in MuJoCo's (w, x, y, z) order, as Meta-World reports object orientations.
public typealias Quaternion = SIMD4<Double>

/// The fixed constants of the shared tabletop simulator, in one place so that tasks, experts, tests and
/// the documentation quote the same numbers (REFERENCE.md section 1 gives Meta-World's values).
public enum Tabletop {
    /// Lowest hand position the arm can reach (Meta-World's `hand_low`).
    public static let workspaceLower = Vector3(-0.525, 0.348, -0.0525)
    /// Highest hand position the arm can reach (Meta-World's `hand_high`).
    public static let workspaceUpper = Vector3(0.525, 1.025, 0.7)
    /// Where the hand starts every episode (Meta-World's `hand_init_pos`).
    public static let handStart = Vector3(0, 0.6, 0.2)
    /// Metres the hand target moves per step for an action component of 1 (Meta-World's `action_scale`).
    public static let actionScale = 0.01
    /// Offset from the hand to the fingertip centre (TCP): the fingertips are 4.5 cm below the hand.
    public static let tcpOffset = Vector3(0, 0, -0.045)
    /// Radius of a fingertip, used for pushing objects and fixture handles.
    public static let fingerRadius = 0.012
    /// Half width (x and y) of the box that stands in for the hand and fingers when checking walls.
    public static let handHalfWidth = 0.015
    /// Height of that box above the hand position.
    public static let handTopClearance = 0.02
    /// Largest change of the gripper opening in one step (the fingers close from open in about 7 steps).
    public static let gripperRate = 0.15
    /// Downward speed gained per step by an unsupported object (g dt^2 with Meta-World's 12.5 ms step).
    public static let fallAcceleration = 0.0015
    /// Largest horizontal distance between the TCP and an object's grip point for the fingers to close on
    /// it (about the cage of Meta-World's finger pads).
    public static let graspReach = 0.03
    /// How far past a held object's width the fingers must actually open before they let it go.
    public static let releaseOpening = 0.2
    /// Longest piece of a step's fingertip path checked for contact with a loose object at once, so
    /// contact is found along the whole step rather than at its end only.
    public static let contactSubstep = 0.003
    /// Cosine of the half angle of the friction cone of a closed fingertip pushing a loose object
    /// (45 degrees: friction coefficient 1, Meta-World's pad friction).
    public static let frictionConeCosine = 0.5.squareRoot()
    /// Largest vertical distance between the TCP and an object's grip point for the fingers to close on it.
    public static let graspHeight = 0.02
    /// Radius of the cage of open fingers: a loose object whose grip point is within this horizontal
    /// distance of the TCP stays between open fingers instead of being pushed.
    public static let cageRadius = 0.025
    /// How far inside the reach of the fingers' hold on a handle (`FaceContact.holdReach` from its face)
    /// a reach target that asks for a hold lies, so that the approach to it ends holding the handle.
    public static let touchDepth = 0.004

    /// Distance from a handle's centre line, along its motion, at which the fingers hold it: a reach
    /// target for a handle whose contact radius (half thickness plus fingertip radius) is `contact`.
    @inlinable
    public static func holdDistance(contact: Double) -> Double {
        contact + FaceContact.holdReach - touchDepth
    }
    /// Identity orientation, reported for objects that do not rotate.
    public static let identity = Quaternion(1, 0, 0, 0)
    /// Default episode length (the v1 setup of the PCGrad and CAGrad curves); Meta-World v3 uses 500.
    public static let defaultHorizon = 150
    /// Number of layouts each task pre-samples (Meta-World's value).
    public static let layoutCount = 50

    /// The fingertip centre (TCP) of a hand at `hand`.
    @inlinable
    public static func tcp(ofHand hand: Vector3) -> Vector3 { hand + tcpOffset }

    /// The hand position whose TCP is at `tcp`.
    @inlinable
    public static func hand(ofTCP tcp: Vector3) -> Vector3 { tcp - tcpOffset }
}

extension SIMD3 where Scalar == Double {
    /// Euclidean length of the vector.
    @inlinable
    public var norm: Double { (self * self).sum().squareRoot() }

    /// Distance to `other` in the horizontal (x, y) plane.
    @inlinable
    public func horizontalDistance(to other: SIMD3<Double>) -> Double {
        let dx = x - other.x
        let dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// `value` clamped to [`lower`, `upper`].
@inlinable
func clamp(_ value: Double, _ lower: Double, _ upper: Double) -> Double {
    min(max(value, lower), upper)
}
