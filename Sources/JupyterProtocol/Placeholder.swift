// Placeholder until the JupyterProtocol module lands; delete when the first real file is added.
