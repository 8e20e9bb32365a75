"""papermill for Swift notebooks: `papermill in.ipynb out.ipynb -p epochs 200 -p seed 3` on the swift-experiments kernel.

Importing the package registers `SwiftTranslator` for the kernel's language (`swift`) and its kernel name. papermill
has no plug-in group for translators, but it loads every `papermill.engine` entry point when it starts, so this
package declares one, `SwiftExperimentsEngine` (papermill's default nbclient engine under another name), whose
import does the registration.
"""
from papermill.engines import NBClientEngine
from papermill.translators import papermill_translators

from .translator import SwiftTranslator

__all__ = ["SwiftTranslator", "SwiftExperimentsEngine"]


class SwiftExperimentsEngine(NBClientEngine):
    """papermill's nbclient engine; registered so that papermill imports this package (and its translator)."""


papermill_translators.register("swift", SwiftTranslator)
papermill_translators.register("swift-experiments", SwiftTranslator)
