// Placeholder until the JupyterZMQ module lands; delete when the first real file is added.
