/// Motion primitives the scripted experts are written with. They turn a desired fingertip position into
/// the hand part of an action, so each expert reads as a short list of phases.
public enum ExpertMotion {
    /// The hand action (x, y, z in [-1, 1]) that moves the TCP from `tcp` toward `target`: proportional,
    /// reaching the target in one step when it is within 1 cm on every axis, clipped otherwise.
    @inlinable
    public static func move(from tcp: Vector3, to target: Vector3) -> Vector3 {
        let raw = (target - tcp) / Tabletop.actionScale
        return Vector3(clamp(raw.x, -1, 1), clamp(raw.y, -1, 1), clamp(raw.z, -1, 1))
    }

    /// Like `move`, but scales the whole step down instead of clipping each axis, so the TCP travels on
    /// the straight line to `target` (what pushing along a line needs).
    @inlinable
    public static func moveStraight(from tcp: Vector3, to target: Vector3) -> Vector3 {
        let raw = (target - tcp) / Tabletop.actionScale
        let largest = max(abs(raw.x), abs(raw.y), abs(raw.z))
        return largest > 1 ? raw / largest : raw
    }

    /// Moves toward `target` without sweeping through what lies around it: first straight up to
    /// `clearance` above the target, then horizontally over it, then straight down. Once the TCP is within
    /// `tolerance` horizontally it goes directly to the target.
    @inlinable
    public static func approachFromAbove(from tcp: Vector3, to target: Vector3, clearance: Double, tolerance: Double = 0.01) -> Vector3 {
        if tcp.horizontalDistance(to: target) <= tolerance {
            return move(from: tcp, to: target)
        }
        let safeHeight = target.z + clearance
        if tcp.z < safeHeight - 0.005 {
            return move(from: tcp, to: Vector3(tcp.x, tcp.y, safeHeight))
        }
        return move(from: tcp, to: Vector3(target.x, target.y, max(tcp.z, safeHeight)))
    }

    /// The grasping phases of a pick: open above `gripPoint`, descend around it, close. Returns `nil` once
    /// the body is held (TCP within 2 cm of the grip point and the gripper closed below `heldOpening`), so
    /// the caller continues with the carrying phase.
    @inlinable
    public static func pick(tcp: Vector3, gripper: Double, gripPoint: Vector3, heldOpening: Double = 0.45, clearance: Double = 0.06) -> Action? {
        let horizontal = tcp.horizontalDistance(to: gripPoint)
        if horizontal < 0.02 && abs(tcp.z - gripPoint.z) < 0.02 && gripper < heldOpening { return nil }
        if horizontal > 0.01 || tcp.z - gripPoint.z > 0.008 {
            if gripper < 0.9 && horizontal > 0.01 {
                return action(move(from: tcp, to: Vector3(tcp.x, tcp.y, max(tcp.z, gripPoint.z + clearance))), grip: -1)
            }
            return action(approachFromAbove(from: tcp, to: gripPoint, clearance: clearance), grip: -1)
        }
        return action(.zero, grip: 1)
    }

    /// An action from a hand motion and a gripper command (+1 close, -1 open).
    @inlinable
    public static func action(_ motion: Vector3, grip: Double) -> Action {
        Action(motion.x, motion.y, motion.z, grip)
    }
}

/// Contact between a fingertip and a moving fixture face, along one axis. Fixtures (drawers, windows,
/// buttons, doors) are built from these: a face moves only while a fingertip presses it from the side it
/// was on, and a handle the fingers straddle moves with them, so handles are pushed, hooked or carried
/// but never passed through.
public enum FaceContact {
    /// How far a fingertip of radius `radius` pushes a face at coordinate `face` along the axis, when the
    /// tip moved from `previousTip` to `tip`. `direction` +1: a tip on the negative side pushes the face
    /// toward positive coordinates; -1: a tip on the positive side pushes it toward negative ones.
    /// Returns 0 when the tip does not press the face. A tip that was already up to `slack` past the face
    /// (rounding after the previous push, or a face turning on an arc) still counts as on its side.
    @inlinable
    public static func push(face: Double, tip: Double, previousTip: Double, direction: Double, radius: Double, slack: Double = 0.003) -> Double {
        if direction > 0 {
            guard previousTip + radius <= face + slack, tip + radius > face else { return 0 }
            return tip + radius - face
        } else {
            guard previousTip - radius >= face - slack, tip - radius < face else { return 0 }
            return tip - radius - face
        }
    }

    /// How deep a fingertip must be inside a part it can only push for it to count as inside (and so to
    /// move the part with its own motion) rather than resting on a face.
    public static let touchTolerance = 0.002

    /// How close to a handle's face a fingertip holds the handle: the fingers close around a handle they
    /// are within 1 cm of, as Meta-World's fingers cage a handle between pads about 1 cm from its
    /// centre. So a fingertip that pushed a handle against its limit, or hovers just in front of it,
    /// pulls it back when it moves back.
    public static let holdReach = 0.01

    /// How far a fingertip moves a thin part of half thickness `halfThickness` centred at `centre` that
    /// it can only push (a button, a press handle, a lock): from outside it pushes the near face
    /// (`push`); a tip inside the part (overlapping it by more than `touchTolerance`, as after entering
    /// the band from the side) pushes it along with its own displacement, so there is no spot in a part
    /// where the hand passes through without effect. A tip merely resting on a face does not pull the part
    /// when it leaves, so a pressed handle stays pressed.
    @inlinable
    public static func pushOnly(centre: Double, halfThickness: Double, tip: Double, previousTip: Double, radius: Double) -> Double {
        if abs(previousTip - centre) < halfThickness + radius - touchTolerance { return tip - previousTip }
        return pushEitherFace(centre: centre, halfThickness: halfThickness, tip: tip, previousTip: previousTip, radius: radius)
    }

    /// How far a tip arriving from outside pushes a part of half thickness `halfThickness` centred at
    /// `centre`: through the face below it or the face above it (`push`), 0 when it presses neither.
    @inlinable
    public static func pushEitherFace(centre: Double, halfThickness: Double, tip: Double, previousTip: Double, radius: Double) -> Double {
        let fromBelow = push(face: centre - halfThickness, tip: tip, previousTip: previousTip, direction: 1, radius: radius)
        if fromBelow != 0 { return fromBelow }
        return push(face: centre + halfThickness, tip: tip, previousTip: previousTip, direction: -1, radius: radius)
    }

    /// How far a fingertip moves a thin part (a handle bar or button of half thickness `halfThickness`
    /// centred at `centre` along the axis) that the gripper's two fingers can straddle, as Meta-World's
    /// fingers close around a handle. A tip arriving from outside pushes the near face (`push`); a tip
    /// that was within `holdReach` of the part's faces, or inside it, carries it along by its own
    /// displacement, in either direction. So a tip that pushed a handle against its limit holds it and
    /// pulls it back: the natural approach at handle height hooks the handle.
    @inlinable
    public static func straddle(centre: Double, halfThickness: Double, tip: Double, previousTip: Double, radius: Double) -> Double {
        let holding = abs(previousTip - centre) <= halfThickness + radius + holdReach
        if holding { return tip - previousTip }
        return pushEitherFace(centre: centre, halfThickness: halfThickness, tip: tip, previousTip: previousTip, radius: radius)
    }
}
