// Placeholder until the Models module lands; delete when the first real file is added.
