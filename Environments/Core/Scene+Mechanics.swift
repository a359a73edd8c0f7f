/// The shared mechanics of the tabletop: hand motion against walls, the gripper, grasping, pushing and
/// falling. Tasks add their fixtures' dynamics on top (`ManipulationTask.applyDynamics`).
///
/// Everything is kinematic and deterministic: the hand goes where the action sends it unless a solid box,
/// the table or a blocked push stops it; a loose object moves only when the fingers push or carry it, or
/// when nothing supports it. Nothing allocates.
extension Scene {
    /// Whether the hand at `handPosition` (and the body it holds) would overlap a solid box or the table.
    @inlinable
    public func handCollides(at handPosition: Vector3) -> Bool {
        let tipZ = handPosition.z + Tabletop.tcpOffset.z
        let handLower = Vector3(handPosition.x - Tabletop.handHalfWidth, handPosition.y - Tabletop.handHalfWidth, tipZ)
        let handUpper = Vector3(handPosition.x + Tabletop.handHalfWidth, handPosition.y + Tabletop.handHalfWidth, handPosition.z + Tabletop.handTopClearance)
        var heldLower = Vector3.zero
        var heldUpper = Vector3.zero
        var holding = false
        switch held {
        case .none: break
        case .first, .second:
            let body = held == .first ? first : second
            let position = handPosition + Tabletop.tcpOffset + heldOffset
            heldLower = position + body.lowerExtent
            heldUpper = position + body.upperExtent
            holding = true
            if heldLower.z < -1e-9 { return true }
        }
        for box in boxes where box.role == .solid {
            if box.overlaps(lower: handLower, upper: handUpper) { return true }
            if holding && box.overlaps(lower: heldLower, upper: heldUpper) { return true }
        }
        return false
    }

    /// Moves the hand by `delta` metres, one axis at a time, clipped to the workspace, with the fingertips
    /// stopped by the table top and the hand (and any held body) stopped at the face of a solid box. A held
    /// body moves with the fingertips.
    @inlinable
    public mutating func moveHand(by delta: Vector3) {
        let startsInside = handCollides(at: hand)
        var position = hand
        for axis in 0..<3 {
            var target = position
            var value = clamp(position[axis] + delta[axis], Tabletop.workspaceLower[axis], Tabletop.workspaceUpper[axis])
            if axis == 2 { value = max(value, -Tabletop.tcpOffset.z) }
            if value == position[axis] { continue }
            target[axis] = value
            if startsInside || !handCollides(at: target) {
                position = target
                continue
            }
            var free = position[axis]
            var blocked = value
            for _ in 0..<8 {
                let middle = 0.5 * (free + blocked)
                var probe = position
                probe[axis] = middle
                if handCollides(at: probe) { blocked = middle } else { free = middle }
            }
            position[axis] = free
        }
        hand = position
        carryHeldBody()
    }

    /// Puts the held body where the fingertips carry it.
    @inlinable
    public mutating func carryHeldBody() {
        switch held {
        case .none: break
        case .first: first.position = tcp + heldOffset
        case .second: second.position = tcp + heldOffset
        }
    }

    /// Drives the fingers toward the opening that `command` asks for (+1 closed, -1 open, linear between),
    /// at most `Tabletop.gripperRate` per step. Fingers that close around a graspable body within reach
    /// grasp it and stay open at least at its width. A held body is released only once the fingers have
    /// actually opened `Tabletop.releaseOpening` past its width (two steps of a fully open command), so
    /// one noisy step does not drop it.
    @inlinable
    public mutating func driveGripper(command: Double) {
        let target = (1 - command) * 0.5
        let previous = gripper
        gripper += clamp(target - gripper, -Tabletop.gripperRate, Tabletop.gripperRate)
        switch held {
        case .first, .second:
            let width = held == .first ? first.gripOpening : second.gripOpening
            gripper = max(gripper, width)
            if gripper >= width + Tabletop.releaseOpening - 1e-12 { held = .none }
        case .none:
            if tryGrasp(first, previousOpening: previous) {
                held = .first
                heldOffset = first.position - tcp
                gripper = first.gripOpening
            } else if tryGrasp(second, previousOpening: previous) {
                held = .second
                heldOffset = second.position - tcp
                gripper = second.gripOpening
            }
        }
    }

    /// Whether fingers closing from `previousOpening` to the current opening close on `body`.
    @inlinable
    func tryGrasp(_ body: Body, previousOpening: Double) -> Bool {
        guard body.kind == .free, body.graspable, previousOpening > body.gripOpening, gripper <= body.gripOpening else { return false }
        let grip = body.gripPoint
        let tip = tcp
        return tip.horizontalDistance(to: grip) <= Tabletop.graspReach && abs(tip.z - grip.z) <= Tabletop.graspHeight
    }

    /// Lets the fingers push loose bodies and lets unsupported bodies fall. A push that would drive a body
    /// into a solid box is refused and the hand goes back to `previousHand`.
    @inlinable
    public mutating func settleBodies(previousHand: Vector3) {
        let previousTip = Tabletop.tcp(ofHand: previousHand)
        if held != .first && first.kind == .free {
            if !push(&first, other: second, from: previousTip) { hand = previousHand; carryHeldBody() }
            fall(&first)
        }
        if held != .second && second.kind == .free {
            if !push(&second, other: first, from: previousTip) { hand = previousHand; carryHeldBody() }
            fall(&second)
        }
    }

    /// Moves `body` by the fingertip's contact along the whole step, from the TCP at `previousTip` to the
    /// current TCP, in sub-steps of at most `Tabletop.contactSubstep` (so a fast hand cannot pass through
    /// a body). Returns false, leaving the body where it was, when a push would drive it into a solid box
    /// or the other body.
    @inlinable
    func push(_ body: inout Body, other: Body, from previousTip: Vector3) -> Bool {
        let endTip = tcp
        let travel = endTip - previousTip
        let substeps = max(1, Int((travel.norm / Tabletop.contactSubstep).rounded(.up)))
        var moved = body
        var tip = previousTip
        for index in 1...substeps {
            let nextTip = index == substeps ? endTip : previousTip + travel * (Double(index) / Double(substeps))
            let shift = contactShift(of: moved, tip: nextTip, previousTip: tip)
            tip = nextTip
            if shift == .zero { continue }
            if !canShift(moved, by: shift, other: other) { return false }
            moved.position += shift
        }
        body.position = moved.position
        return true
    }

    /// The horizontal displacement a fingertip moving from `previousTip` to `tip` gives `body`.
    ///
    /// - Open fingers (wider than a graspable body) cage it: a body whose grip point lies within
    ///   `Tabletop.cageRadius` of the tip stays between the fingers, dragged along when the tip would
    ///   leave it behind, as Meta-World's open fingers confine a puck; a body outside the cage is not
    ///   touched, so open fingers can close in on it from any side.
    /// - Closed fingers (and any fingers, for a body too big to grasp) push it like a flat pad with
    ///   friction: when the tip's motion is within 45 degrees of the line from the tip to the body's
    ///   centre (friction coefficient 1), the body moves along the tip's motion, so a pushed body keeps
    ///   its offset instead of sliding off; outside that cone it is pushed out along the line.
    @inlinable
    func contactShift(of body: Body, tip: Vector3, previousTip: Vector3) -> Vector3 {
        let lower = body.boxLower
        let upper = body.boxUpper
        guard tip.z - Tabletop.fingerRadius < upper.z, Tabletop.hand(ofTCP: tip).z + Tabletop.handTopClearance > lower.z else { return .zero }
        let centre = body.gripPoint
        let offset = Vector3(centre.x - tip.x, centre.y - tip.y, 0)
        let distance = offset.norm
        if body.graspable && gripper > body.gripOpening {
            let cage = Tabletop.cageRadius
            let previousOffset = Vector3(centre.x - previousTip.x, centre.y - previousTip.y, 0)
            guard previousOffset.norm < cage, distance > cage else { return .zero }
            return offset * (cage / distance) - offset
        }
        let reach = body.pushRadius + Tabletop.fingerRadius
        guard distance < reach else { return .zero }
        let normal = distance > 1e-9 ? offset / distance : Vector3(0, 1, 0)
        let motion = Vector3(tip.x - previousTip.x, tip.y - previousTip.y, 0)
        let speed = motion.norm
        if speed > 1e-12 {
            let direction = motion / speed
            let along = (normal * direction).sum()
            if along >= Tabletop.frictionConeCosine {
                let projection = (offset * direction).sum()
                let advance = -projection + (projection * projection - distance * distance + reach * reach).squareRoot()
                return direction * advance
            }
        }
        return normal * (reach - distance)
    }

    /// Whether `body` moved by `shift` stays clear of every solid box and of `other` (when loose).
    @inlinable
    func canShift(_ body: Body, by shift: Vector3, other: Body) -> Bool {
        let newLower = body.boxLower + shift
        let newUpper = body.boxUpper + shift
        for box in boxes where box.role == .solid {
            if box.overlaps(lower: newLower, upper: newUpper) { return false }
        }
        if other.kind == .free {
            let otherLower = other.boxLower
            let otherUpper = other.boxUpper
            if newLower.x < otherUpper.x && newUpper.x > otherLower.x && newLower.y < otherUpper.y && newUpper.y > otherLower.y && newLower.z < otherUpper.z && newUpper.z > otherLower.z {
                return false
            }
        }
        return true
    }

    /// Height of the highest surface under the box `lower`...`upper`: the table (0) or the top of a solid
    /// box whose footprint overlaps it and whose top is not above the box's bottom.
    @inlinable
    public func supportHeight(lower: Vector3, upper: Vector3) -> Double {
        var height = 0.0
        for box in boxes where box.role == .solid {
            if box.upper.z <= lower.z + 1e-9 && box.upper.z > height
                && lower.x < box.upper.x && upper.x > box.lower.x && lower.y < box.upper.y && upper.y > box.lower.y {
                height = box.upper.z
            }
        }
        return height
    }

    /// Moves an unsupported body down with constant acceleration until it rests on the surface below it.
    @inlinable
    func fall(_ body: inout Body) {
        let lower = body.boxLower
        let support = supportHeight(lower: lower, upper: body.boxUpper)
        if lower.z > support + 1e-9 {
            body.fallSpeed += Tabletop.fallAcceleration
            let drop = min(body.fallSpeed, lower.z - support)
            body.position.z -= drop
            if lower.z - drop <= support + 1e-9 { body.fallSpeed = 0 }
        } else {
            body.fallSpeed = 0
        }
    }
}
