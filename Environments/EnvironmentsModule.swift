public enum EnvironmentsModule {}
