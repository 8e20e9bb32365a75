// Placeholder until the Autograd module lands; delete when the first real file is added.
