/// `bin-picking`: move a puck from one bin into another (Meta-World `bin-picking-v3`).
///
/// Two open bins with 6 cm walls stand side by side; the puck starts in the left one and the goal is on
/// the floor of the right one. Reward in the Meta-World manner: `2 reach + closing`, plus `1 + 5 inPlace` while
/// the puck is held, and 10 once the puck is within 5 cm of the goal.
public struct BinPicking: ManipulationTask {
    /// Success radius around the goal, metres.
    public static let goalRadius = 0.05
    /// Height of the bins' walls.
    public static let wallTop = 0.06
    /// Centre of the bin the puck starts in.
    public static let sourceBin = Vector3(-0.2, 0.7, 0)
    /// Centre of the bin the puck goes to.
    public static let targetBin = Vector3(0.2, 0.7, 0)

    /// The task with Meta-World's ranges.
    public init() {}

    /// `bin-picking`.
    public var name: String { "bin-picking" }
    /// What the task asks.
    public var summary: String { "Pick a puck out of the left bin and put it into the right bin." }
    /// Meta-World's criterion.
    public var successCriterion: String { "distance from puck to goal <= 0.05" }
    /// Puck in the left bin (x in [-0.23, -0.17], y in [0.67, 0.73]); goal in the right bin (x in [0.17, 0.23], y in [0.67, 0.73]).
    public var resetRanges: ResetRanges {
        ResetRanges(object: PositionRange(lower: Vector3(-0.23, 0.67, 0.02), upper: Vector3(-0.17, 0.73, 0.02)),
                    goal: PositionRange(lower: Vector3(0.17, 0.67, 0.02), upper: Vector3(0.23, 0.73, 0.02)))
    }

    /// The four walls of a bin of half size 0.09 around `centre`.
    static func bin(around centre: Vector3, top: Double) -> [SceneBox] {
        let h = 0.09
        let t = 0.01
        return [
            SceneBox(lower: Vector3(centre.x - h - t, centre.y - h - t, 0), upper: Vector3(centre.x - h, centre.y + h + t, top)),
            SceneBox(lower: Vector3(centre.x + h, centre.y - h - t, 0), upper: Vector3(centre.x + h + t, centre.y + h + t, top)),
            SceneBox(lower: Vector3(centre.x - h, centre.y - h - t, 0), upper: Vector3(centre.x + h, centre.y - h, top)),
            SceneBox(lower: Vector3(centre.x - h, centre.y + h, 0), upper: Vector3(centre.x + h, centre.y + h + t, top)),
        ]
    }

    /// Puck in the left bin, goal in the right bin.
    public func makeScene(layout: Layout) -> Scene {
        LooseObject.scene(body: .puck(at: layout.object), goal: layout.goal,
                          boxes: Self.bin(around: Self.sourceBin, top: Self.wallTop) + Self.bin(around: Self.targetBin, top: Self.wallTop))
    }

    /// Reward and success from the puck-goal distance.
    public func evaluate(_ scene: Scene) -> Evaluation {
        LooseObject.carryEvaluation(scene, distance: (scene.first.position - scene.goal).norm, goalRadius: Self.goalRadius)
    }

    /// Pick the puck, lift it over the walls and lower it onto the goal.
    public func expertAction(for observation: Observation) -> Action {
        LooseObject.carry(tcp: observation.tcp, gripper: observation.gripper, gripPoint: observation.firstPosition,
                          object: observation.firstPosition, goal: observation.goal, travelHeight: Self.wallTop + 0.07, pickClearance: 0.08)
    }
}
