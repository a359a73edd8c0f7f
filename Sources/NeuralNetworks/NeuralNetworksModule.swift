public enum NeuralNetworksModule {}
