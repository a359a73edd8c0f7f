/// Module Agents (being written).
public enum AgentsModule {}
