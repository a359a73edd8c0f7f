import Environments
import Testing

/// `drawer-open` as it was before issue #12 (finding 1 of the environment review): the fingertip only
/// pushes the bar (from the front it pushes the closed drawer against its limit; from the gap behind
/// the bar it pulls), and the reach term is full anywhere within 3 cm of the handle, so the spot where
/// the natural approach stops, against the front of the bar, pays full reach and leads nowhere.
struct FrontPushDrawer: ManipulationTask {
    let drawer = DrawerOpen()
    var name: String { "front-push-drawer" }
    var summary: String { "drawer-open with push-only contact and a 3 cm reach ball" }
    var successCriterion: String { drawer.successCriterion }
    var resetRanges: ResetRanges { drawer.resetRanges }
    func sampleLayout(using generator: inout SplitMix64) -> Layout { drawer.sampleLayout(using: &generator) }
    func makeScene(layout: Layout) -> Scene { drawer.makeScene(layout: layout) }
    func expertAction(for observation: Observation) -> Action { drawer.expertAction(for: observation) }

    func applyDynamics(to scene: inout Scene, previousTCP: Vector3) {
        let radius = Tabletop.fingerRadius
        let tip = scene.tcp
        guard abs(tip.x - scene.anchor.x) < 0.06, abs(tip.z - scene.anchor.z) < 0.02 + radius else { return }
        let handleY = scene.anchor.y - scene.joint
        var wanted = FaceContact.push(face: handleY - 0.006, tip: tip.y, previousTip: previousTCP.y, direction: 1, radius: radius)
        if wanted == 0 {
            wanted = FaceContact.push(face: handleY + 0.006, tip: tip.y, previousTip: previousTCP.y, direction: -1, radius: radius)
        }
        guard wanted != 0 else { return }
        let opening = min(max(scene.joint - wanted, 0), 0.2)
        scene.hand.y -= wanted - (scene.joint - opening)
        scene.joint = opening
        scene.first.position = Vector3(scene.anchor.x, scene.anchor.y - opening, scene.anchor.z)
    }

    func evaluate(_ scene: Scene) -> Evaluation {
        let handle = scene.first.position
        let toGoal = (handle - scene.goal).norm
        if toGoal <= DrawerOpen.goalRadius { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - handle).norm, upper: 0.03, margin: scene.margins[0])
        let inPlace = Reward.tolerance(toGoal, upper: DrawerOpen.goalRadius, margin: scene.margins[1])
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, inPlace), success: false)
    }
}

/// `door-open` with the opening term it had before issue #12 (finding 2): a tolerance on the handle's x
/// distance to the goal, gated by reach, which pays about +0.09 for the first 10 degrees.
struct FlatDoor: ManipulationTask {
    let door = DoorOpen()
    var name: String { "flat-door" }
    var summary: String { "door-open with its old x-offset opening term" }
    var successCriterion: String { door.successCriterion }
    var resetRanges: ResetRanges { door.resetRanges }
    func sampleLayout(using generator: inout SplitMix64) -> Layout { door.sampleLayout(using: &generator) }
    func makeScene(layout: Layout) -> Scene {
        var scene = door.makeScene(layout: layout)
        scene.margins[1] = abs(layout.object.x - layout.goal.x)
        return scene
    }
    func applyDynamics(to scene: inout Scene, previousTCP: Vector3) { door.applyDynamics(to: &scene, previousTCP: previousTCP) }
    func expertAction(for observation: Observation) -> Action { door.expertAction(for: observation) }

    func evaluate(_ scene: Scene) -> Evaluation {
        let handle = scene.first.position
        let offset = abs(handle.x - scene.goal.x)
        if offset <= DoorOpen.goalTolerance { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - handle).norm, upper: 0.03, margin: scene.margins[0])
        let open = Reward.tolerance(offset, upper: DoorOpen.goalTolerance, margin: scene.margins[1])
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, open), success: false)
    }
}

/// `button-press-topdown` with the reach term it had before issue #12 (finding 5): full within 2 cm of
/// the button top's centre, so a fingertip stopped against the side of the press column, level with
/// the top, is paid almost as much as one on top, and the rise over the edge pays less first.
struct SideButton: ManipulationTask {
    let button = ButtonPressTopdown()
    var name: String { "side-button" }
    var summary: String { "button-press-topdown with its old reach term" }
    var successCriterion: String { button.successCriterion }
    var resetRanges: ResetRanges { button.resetRanges }
    func sampleLayout(using generator: inout SplitMix64) -> Layout { button.sampleLayout(using: &generator) }
    func makeScene(layout: Layout) -> Scene { button.makeScene(layout: layout) }
    func applyDynamics(to scene: inout Scene, previousTCP: Vector3) { button.applyDynamics(to: &scene, previousTCP: previousTCP) }
    func expertAction(for observation: Observation) -> Action { button.expertAction(for: observation) }

    func evaluate(_ scene: Scene) -> Evaluation {
        let top = scene.first.position
        let offset = abs(top.z - scene.goal.z)
        if offset <= ButtonPressTopdown.goalTolerance { return Evaluation(reward: 10, success: true) }
        let reach = Reward.tolerance((scene.tcp - top).norm, upper: 0.02, margin: scene.margins[0])
        let pressed = Reward.tolerance(offset, upper: ButtonPressTopdown.goalTolerance, margin: scene.margins[1])
        return Evaluation(reward: 2 * reach + 6 * Reward.hamacher(reach, pressed), success: false)
    }
}

/// The shaping checker fails the dead ends the environment review found, each rebuilt here from the
/// pre-#12 code, so the check over every task (`ShapingTests`) can fail.
@Suite("The shaping checker catches the review's dead ends")
struct ShapingCheckerTests {
    /// How many of 10 layouts of `task` the checker flags.
    func flaggedLayouts<T: ManipulationTask>(_ task: T) -> Int {
        let checker = ShapingChecker(task: task, seed: 4)
        return (0..<10).filter { !checker.check(layout: $0).problems.isEmpty }.count
    }

    @Test("the old drawer-open: full reach against the front of the bar, where pulling does nothing")
    func frontPushDrawer() {
        #expect(flaggedLayouts(FrontPushDrawer()) >= 8)
    }

    @Test("the old door-open: the first degrees of opening pay almost nothing")
    func flatDoor() {
        #expect(flaggedLayouts(FlatDoor()) >= 8)
    }

    @Test("the old button-press-topdown: the side of the column pays about what the top pays")
    func sideButton() {
        #expect(flaggedLayouts(SideButton()) >= 8)
    }
}
