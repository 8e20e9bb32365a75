// Placeholder until the Datasets module lands; delete when the first real file is added.
