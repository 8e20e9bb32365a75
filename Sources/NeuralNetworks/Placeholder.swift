// Placeholder until the NeuralNetworks module lands; delete when the first real file is added.
