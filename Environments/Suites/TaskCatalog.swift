/// The explicit, ordered task lists. There is no auto-registration and no string factory: a task exists
/// in a suite because a line here names its struct.
///
/// To add a task: write its struct in `Environments/Tasks/`, then add one line to `all` at its place in
/// Meta-World's MT50 order (`mt50Order`). `mt50` becomes available once every name in `mt50Order` has a
/// task in `all`.
public enum TaskCatalog {
    /// Every implemented task, in MT50 order. Add new tasks here, one line each.
    public static let all: [any ManipulationTask] = [
        Assembly(),
        Basketball(),
        BinPicking(),
        BoxClose(),
        ButtonPressTopdown(),
        ButtonPressTopdownWall(),
        ButtonPress(),
        ButtonPressWall(),
        CoffeeButton(),
        CoffeePull(),
        CoffeePush(),
        DialTurn(),
        Disassemble(),
        DoorClose(),
        DoorLock(),
        DoorOpen(),
        DoorUnlock(),
        HandInsert(),
        DrawerClose(),
        DrawerOpen(),
        FaucetOpen(),
        FaucetClose(),
        Hammer(),
        HandlePressSide(),
        HandlePress(),
        HandlePullSide(),
        HandlePull(),
        LeverPull(),
        PickPlaceWall(),
        PickOutOfHole(),
        PickPlace(),
        PlateSlide(),
        PlateSlideSide(),
        PlateSlideBack(),
        PlateSlideBackSide(),
        PegInsertSide(),
        PegUnplugSide(),
        Soccer(),
        StickPush(),
        StickPull(),
        Push(),
        PushWall(),
        PushBack(),
        Reach(),
        ReachWall(),
        ShelfPlace(),
        SweepInto(),
        Sweep(),
        WindowOpen(),
        WindowClose(),
    ]

    /// MT10 in Meta-World's order; position k is one-hot index k.
    public static let mt10: [any ManipulationTask] = [
        Reach(),
        Push(),
        PickPlace(),
        DoorOpen(),
        DrawerOpen(),
        DrawerClose(),
        ButtonPressTopdown(),
        PegInsertSide(),
        WindowOpen(),
        WindowClose(),
    ]

    /// MT50's task names in Meta-World's one-hot order (REFERENCE.md section 1).
    public static let mt50Order: [String] = [
        "assembly", "basketball", "bin-picking", "box-close", "button-press-topdown",
        "button-press-topdown-wall", "button-press", "button-press-wall", "coffee-button", "coffee-pull",
        "coffee-push", "dial-turn", "disassemble", "door-close", "door-lock",
        "door-open", "door-unlock", "hand-insert", "drawer-close", "drawer-open",
        "faucet-open", "faucet-close", "hammer", "handle-press-side", "handle-press",
        "handle-pull-side", "handle-pull", "lever-pull", "pick-place-wall", "pick-out-of-hole",
        "pick-place", "plate-slide", "plate-slide-side", "plate-slide-back", "plate-slide-back-side",
        "peg-insert-side", "peg-unplug-side", "soccer", "stick-push", "stick-pull",
        "push", "push-wall", "push-back", "reach", "reach-wall",
        "shelf-place", "sweep-into", "sweep", "window-open", "window-close",
    ]

    /// MT10's task names in order.
    public static var mt10Names: [String] { mt10.map(\.name) }

    /// The implemented tasks' names, in MT50 order.
    public static var names: [String] { all.map(\.name) }

    /// MT50 in Meta-World's order; throws `incompleteSuite` listing the tasks not implemented yet.
    public static func mt50() throws -> [any ManipulationTask] {
        var byName: [String: any ManipulationTask] = [:]
        for task in all { byName[task.name] = task }
        let missing = mt50Order.filter { byName[$0] == nil }
        guard missing.isEmpty else { throw EnvironmentError.incompleteSuite("mt50", missing: missing) }
        return mt50Order.map { byName[$0]! }
    }

    /// The task called `name`; a Meta-World `-v3` (or `-v2`) suffix is accepted. Throws `unknownTask`
    /// listing the valid names.
    public static func task(named name: String) throws -> any ManipulationTask {
        let bare = canonicalName(name)
        guard let task = all.first(where: { $0.name == bare }) else {
            throw EnvironmentError.unknownTask(name, valid: names)
        }
        return task
    }

    /// `name` lower-cased, trimmed of spaces and of a `-v3`/`-v2` suffix.
    public static func canonicalName(_ name: String) -> String {
        var bare = String(name.lowercased().filter { $0 != " " })
        for suffix in ["-v3", "-v2"] where bare.hasSuffix(suffix) {
            bare.removeLast(suffix.count)
        }
        return bare
    }
}
