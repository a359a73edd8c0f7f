/// What a static box in the scene is, which decides whether it collides and how renders draw it.
public enum BoxRole: Sendable, Equatable {
    /// A wall, cabinet, pedestal or block: the hand and objects never pass through it, and objects rest on it.
    case solid
    /// A marked area (a hole, a target zone, a sliding panel): drawn, but it blocks nothing.
    case region
}

/// An axis-aligned box of the scene: walls and fixture casings (solid), or drawn-only regions.
public struct SceneBox: Sendable, Equatable {
    /// The corner with the smallest coordinates.
    public var lower: Vector3
    /// The corner with the largest coordinates.
    public var upper: Vector3
    /// Whether the box collides or is only drawn.
    public var role: BoxRole

    /// A box spanning `lower`...`upper` with the given role (solid by default).
    public init(lower: Vector3, upper: Vector3, role: BoxRole = .solid) {
        self.lower = lower
        self.upper = upper
        self.role = role
    }

    /// Whether the box overlaps the box `lower`...`upper` with positive volume.
    @inlinable
    public func overlaps(lower otherLower: Vector3, upper otherUpper: Vector3) -> Bool {
        otherLower.x < upper.x && otherUpper.x > lower.x
            && otherLower.y < upper.y && otherUpper.y > lower.y
            && otherLower.z < upper.z && otherUpper.z > lower.z
    }
}

/// How the simulator treats a body (one of the two objects a Meta-World observation reports).
public enum BodyKind: Sendable, Equatable {
    /// No body: its observation slots are zero.
    case absent
    /// A loose object: pushed by the fingers, grasped, carried, falls when unsupported.
    case free
    /// A point on a fixture (a handle, a button top) that only the task's own dynamics move.
    case fixture
}

/// One of the two observed bodies: a loose object or a point on a fixture.
public struct Body: Sendable, Equatable {
    /// How the simulator treats this body.
    public var kind: BodyKind
    /// The observed position (for a peg, its head; for a fixture, its handle).
    public var position: Vector3
    /// The observed orientation, (w, x, y, z).
    public var orientation: Quaternion
    /// Offset from `position` to the lower corner of the body's bounding box (used for walls and support).
    public var lowerExtent: Vector3
    /// Offset from `position` to the upper corner of the body's bounding box.
    public var upperExtent: Vector3
    /// Horizontal radius of the body as the fingers feel it when they push it.
    public var pushRadius: Double
    /// Offset from `position` to the point the fingers grasp.
    public var gripOffset: Vector3
    /// Gripper opening at which closing fingers touch the body (and hold it open while it is grasped).
    public var gripOpening: Double
    /// Whether closing fingers can pick the body up.
    public var graspable: Bool
    /// Current downward speed while falling, metres per step (0 when supported or held).
    public var fallSpeed: Double

    /// A body with every field given; see the factories `absent`, `puck` and `fixturePoint` for common ones.
    public init(kind: BodyKind, position: Vector3, orientation: Quaternion = Tabletop.identity, lowerExtent: Vector3, upperExtent: Vector3, pushRadius: Double, gripOffset: Vector3 = .zero, gripOpening: Double = 0.4, graspable: Bool) {
        self.kind = kind
        self.position = position
        self.orientation = orientation
        self.lowerExtent = lowerExtent
        self.upperExtent = upperExtent
        self.pushRadius = pushRadius
        self.gripOffset = gripOffset
        self.gripOpening = gripOpening
        self.graspable = graspable
        self.fallSpeed = 0
    }

    /// No body: zero observation slots.
    public static let absent = Body(kind: .absent, position: .zero, orientation: .zero, lowerExtent: .zero, upperExtent: .zero, pushRadius: 0, graspable: false)

    /// A graspable cylinder of `radius` and `halfHeight` centred at `position` (Meta-World's puck is 2 cm by 2 cm).
    public static func puck(at position: Vector3, radius: Double = 0.02, halfHeight: Double = 0.02) -> Body {
        Body(kind: .free, position: position, lowerExtent: Vector3(-radius, -radius, -halfHeight), upperExtent: Vector3(radius, radius, halfHeight), pushRadius: radius, graspable: true)
    }

    /// A fixture point (handle, button top) at `position` that only the task moves.
    public static func fixturePoint(at position: Vector3, orientation: Quaternion = Tabletop.identity) -> Body {
        Body(kind: .fixture, position: position, orientation: orientation, lowerExtent: .zero, upperExtent: .zero, pushRadius: 0, graspable: false)
    }

    /// The lower corner of the bounding box.
    @inlinable public var boxLower: Vector3 { position + lowerExtent }
    /// The upper corner of the bounding box.
    @inlinable public var boxUpper: Vector3 { position + upperExtent }
    /// The point the fingers grasp.
    @inlinable public var gripPoint: Vector3 { position + gripOffset }
}

/// Which body the fingers hold, if any.
public enum HeldBody: Sendable, Equatable {
    /// The fingers hold nothing.
    case none
    /// The fingers hold `first` (observation slots 4..<11).
    case first
    /// The fingers hold `second` (observation slots 11..<18).
    case second
}

/// The whole state of one episode of the tabletop: hand, gripper, the two observed bodies, the goal, the
/// static boxes, and a few scalars that articulated fixtures keep.
///
/// Tasks build the initial `Scene` of each layout once (`ManipulationTask.makeScene`), so a reset is a
/// copy. Stepping mutates it in place without allocating.
public struct Scene: Sendable, Equatable {
    /// Hand position (observation 0..<3), kept inside the workspace.
    public var hand: Vector3 = Tabletop.handStart
    /// Gripper opening in [0, 1], 1 fully open (observation 3).
    public var gripper: Double = 1
    /// The first body (observation 4..<11).
    public var first: Body = .absent
    /// The second body (observation 11..<18).
    public var second: Body = .absent
    /// Which body the fingers hold.
    public var held: HeldBody = .none
    /// Offset from the TCP to the held body's position, fixed at the moment of grasping.
    public var heldOffset: Vector3 = .zero
    /// The goal position (observation 36..<39).
    public var goal: Vector3 = .zero
    /// Walls, casings and marked regions; solid ones block the hand and objects.
    public var boxes: [SceneBox] = []
    /// A fixed point of the task's fixture (a hinge, a drawer's closed handle position, a button's base).
    public var anchor: Vector3 = .zero
    /// The fixture's joint coordinate (door angle in radians, drawer or window travel in metres, ...).
    public var joint: Double = 0
    /// A second fixture scalar for tasks that need one.
    public var auxiliary: Double = 0
    /// Initial distances the reward uses as tolerance margins (task-defined slots).
    public var margins: SIMD4<Double> = .zero

    /// An empty scene: hand at the start, gripper open, no bodies, no boxes.
    public init() {}

    /// The fingertip centre (TCP).
    @inlinable public var tcp: Vector3 { hand + Tabletop.tcpOffset }
}
