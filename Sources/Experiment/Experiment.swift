/// Module Experiment (being written).
public enum ExperimentModule {}
