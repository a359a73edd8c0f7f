/// The round nut with a handle shared by `assembly` and `disassemble`: a ring 3 cm in radius and 2 cm
/// high whose handle sticks out 6 cm toward the robot; the fingers grasp the handle, and the observed
/// position is the ring's centre.
enum RoundNut {
    /// Offset from the ring's centre to the handle's grip point.
    static let gripOffset = Vector3(0, -0.06, 0)
    /// Half the ring's height (its centre's height on the table).
    static let halfHeight = 0.01

    /// The nut with its ring centred at `position`.
    static func body(at position: Vector3) -> Body {
        Body(kind: .free, position: position, lowerExtent: Vector3(-0.03, -0.07, -halfHeight), upperExtent: Vector3(0.03, 0.03, halfHeight),
             pushRadius: 0.015, gripOffset: gripOffset, gripOpening: 0.4, graspable: true)
    }
}
