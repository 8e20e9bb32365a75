// Placeholder until the Plots module lands; delete when the first real file is added.
