/// Module GradientCombiners (being written).
public enum GradientCombinersModule {}
