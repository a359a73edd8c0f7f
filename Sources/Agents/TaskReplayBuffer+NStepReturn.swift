extension TaskReplayBuffer {
    /// The n-step return starting at stored row `row` of `task`: the reward
    /// r_i + gamma r_{i+1} + ... + gamma^(m-1) r_{i+m-1} (raw stored rewards, so it stays linear in them),
    /// the row i+m-1 whose next observation the target bootstraps from, and gamma^m. The chain takes up
    /// to `steps` transitions and stops early after a row that ended its episode, or before the task's
    /// write cursor: that row is unwritten, or in a full ring the oldest one, which does not follow the newest.
    func nStepReturn(from row: Int, task: Int, steps: Int, discount: Float) -> (reward: Float, lastRow: Int, discount: Float) {
        let first = task * capacity
        var last = row
        var reward = rewards.storage[row]
        var factor = discount
        for _ in 1..<steps {
            let next = first + (last - first + 1) % capacity
            if episodeEnds[last] || next - first == cursors[task] { break }
            last = next
            reward += factor * rewards.storage[last]
            factor *= discount
        }
        return (reward, last, factor)
    }
}
