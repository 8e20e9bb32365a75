import CellLanguage
import JupyterProtocol
import JupyterZMQ
print("swift-experiments")
