import Environments
import Testing

/// Runs `task`'s expert on layout 0 until `stop` holds for the scene (at most `limit` steps); returns the
/// environment at that point.
func runExpert<T: ManipulationTask>(_ task: T, limit: Int = 150, until stop: (Scene) -> Bool) -> TaskEnvironment<T> {
    var environment = TaskEnvironment(task: task, seed: 7, horizon: 1_000)
    environment.reset(layout: 0)
    for _ in 0..<limit where !stop(environment.scene) {
        _ = environment.step(environment.expertAction())
    }
    return environment
}

@Suite("Shared fixture mechanisms")
struct MechanismTests {
    @Test("a handle bar the fingers hold moves with the tip; from outside the hold only the near face is pushed")
    func straddledBar() {
        let radius = 0.012, half = 0.008
        let hold = half + radius + FaceContact.holdReach
        func carried(from previous: Double, to tip: Double) -> Double {
            FaceContact.straddle(centre: 0, halfThickness: half, tip: tip, previousTip: previous, radius: radius)
        }
        #expect(abs(carried(from: -0.04, to: -0.015) - 0.005) < 1e-12)
        #expect(abs(carried(from: 0.04, to: 0.015) + 0.005) < 1e-12)
        #expect(carried(from: -0.045, to: -0.032) == 0)
        #expect(abs(carried(from: 0.001, to: 0.011) - 0.01) < 1e-12)
        #expect(abs(carried(from: 0.001, to: -0.006) + 0.007) < 1e-12)
        #expect(carried(from: hold + 0.005, to: hold + 0.015) == 0)
        #expect(abs(carried(from: -hold, to: -hold - 0.01) + 0.01) < 1e-12, "a tip resting on the face pulls the bar back")
        #expect(abs(carried(from: -(half + radius), to: -(half + radius) - 0.01) + 0.01) < 1e-12)
    }

    @Test("a part that can only be pushed is not pulled by a tip leaving its face, but moves with a tip inside it")
    func pushOnlyPart() {
        let radius = 0.012, half = 0.01
        func moved(from previous: Double, to tip: Double) -> Double {
            FaceContact.pushOnly(centre: 0, halfThickness: half, tip: tip, previousTip: previous, radius: radius)
        }
        #expect(abs(moved(from: 0.03, to: 0.015) + 0.007) < 1e-12)
        #expect(moved(from: half + radius, to: half + radius + 0.01) == 0)
        #expect(abs(moved(from: 0.005, to: 0.015) - 0.01) < 1e-12)
    }

    @Test("a spring-loaded button returns to rest once the fingertip lets go")
    func springButton() {
        var environment = runExpert(ButtonPress()) { $0.joint > 0.05 }
        #expect(environment.scene.joint > 0.05)
        for _ in 0..<40 { _ = environment.step(Action(0, -1, 0, 1)) }
        #expect(environment.scene.joint == 0)
        #expect(environment.scene.first.position == environment.scene.anchor)
    }

    @Test("a press handle stays where it was pressed")
    func handleStays() {
        var environment = runExpert(HandlePress()) { $0.joint < -0.08 }
        let pressed = environment.scene.first.position
        #expect(environment.evaluation.success)
        for _ in 0..<30 { _ = environment.step(Action(0, 0, 1, 1)) }
        #expect(environment.scene.first.position == pressed)
    }

    @Test("the lever counts as pulled by its angle, within pi/24 of upright")
    func leverAngle() {
        let environment = runExpert(LeverPull()) { LeverPull().evaluate($0).success }
        #expect(abs(environment.scene.joint - .pi / 2) <= .pi / 24)
        #expect(environment.scene.first.position.z > environment.scene.anchor.z + 0.19)
    }

    @Test("door-close starts with door-open's door swung open and the expert shuts it")
    func doorClose() {
        let start = TaskEnvironment(task: DoorClose(), seed: 7)
        #expect(abs(start.scene.joint - .pi / 2) < 1e-12)
        let environment = runExpert(DoorClose()) { DoorClose().evaluate($0).success }
        #expect(environment.scene.joint < 0.25)
    }

    @Test("only the held hammer drives the nail; the bare fingertip does not")
    func hammerOnly() {
        var environment = TaskEnvironment(task: Hammer(), seed: 7)
        let nail = environment.scene.second.position
        for step in 0..<120 {
            let tip = environment.scene.tcp
            let motion = step < 80
                ? ExpertMotion.approachFromAbove(from: tip, to: nail - Vector3(0, 0.05, 0), clearance: 0.05)
                : ExpertMotion.move(from: tip, to: nail + Vector3(0, 0.05, 0))
            _ = environment.step(ExpertMotion.action(motion, grip: 1))
        }
        #expect(environment.scene.tcp.y > nail.y)
        #expect(environment.scene.second.position == nail)
        let driven = runExpert(Hammer()) { Hammer().evaluate($0).success }
        #expect(driven.scene.second.position.y - driven.scene.anchor.y > Hammer.drive)
    }

    @Test("the thermos follows the stick only while the stick's end is in the handle's loop")
    func stickPullLoop() {
        var fresh = TaskEnvironment(task: StickPull(), seed: 7)
        fresh.reset(layout: 0)
        let start = fresh.scene.second.position
        let beforeInsertion = runExpert(StickPull()) { scene in
            scene.held == .first && abs(scene.first.position.y - scene.second.position.y) < 0.004
        }
        #expect(beforeInsertion.scene.second.position == start)
        let pulled = runExpert(StickPull()) { StickPull().evaluate($0).success }
        #expect(pulled.scene.second.position.y < start.y - 0.08)
    }
}
