"""Python values as Swift literals, for papermill's injected-parameters cell."""
import math
import re

from papermill.exceptions import PapermillException
from papermill.models import Parameter
from papermill.translators import Translator

# Swift's keywords that cannot name a variable without backquotes.
_KEYWORDS = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
    "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
    "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
    "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
}
_INT_RANGE = (-(2**63), 2**63 - 1)
# `let name: Type = value  // help` in a notebook's parameters cell.
_DECLARATION = re.compile(
    r"^\s*(?:let|var)\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*(?P<type>[^=]+?))?\s*=\s*(?P<value>.+?)\s*(?://\s*(?P<help>.*))?$"
)


class SwiftTranslator(Translator):
    """Writes `let name = literal` for Int, Double, Bool, String, nil, arrays and dictionaries.

    The kernel keeps the type a notebook's parameters cell declared (`let rate: Float = 0.001`) when the injected
    cell re-declares the name with a literal that converts to it, so `-p rate 0.01` stays a Float.
    """

    @classmethod
    def translate_str(cls, val):
        return '"' + "".join(cls._escaped(character) for character in val) + '"'

    @staticmethod
    def _escaped(character):
        special = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}
        if character in special:
            return special[character]
        code = ord(character)
        if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF:
            return "\\u{%x}" % code
        return character

    @classmethod
    def translate_none(cls, val):
        return "nil"

    @classmethod
    def translate_int(cls, val):
        if not _INT_RANGE[0] <= val <= _INT_RANGE[1]:
            raise PapermillException(f"{val} does not fit Swift's Int (64 bits)")
        return str(val)

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "Double.nan"
        if math.isinf(val):
            return "Double.infinity" if val > 0 else "-Double.infinity"
        text = repr(val)
        return text if any(mark in text for mark in ".en") else text + ".0"

    @classmethod
    def translate_bool(cls, val):
        return "true" if val else "false"

    @classmethod
    def translate_list(cls, val):
        return "[" + ", ".join(cls.translate(item) for item in val) + "]"

    @classmethod
    def translate_dict(cls, val):
        if not val:
            return "[:]"
        return "[" + ", ".join(f"{cls.translate(key)}: {cls.translate(item)}" for key, item in val.items()) + "]"

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def assign(cls, name, str_val):
        if not name.isidentifier() or not name.isascii():
            raise PapermillException(f"'{name}' is not a Swift identifier")
        return f"let {'`' + name + '`' if name in _KEYWORDS else name} = {str_val}"

    @classmethod
    def inspect(cls, parameters_cell):
        """The parameters a notebook's `parameters` cell declares, with their types, defaults and `//` help."""
        parameters = []
        for line in parameters_cell.source.splitlines():
            match = _DECLARATION.match(line)
            if match:
                type_name = (match["type"] or cls._literal_type(match["value"])).strip()
                parameters.append(Parameter(name=match["name"], inferred_type_name=type_name, default=match["value"],
                                            help=match["help"] or ""))
        return parameters

    @staticmethod
    def _literal_type(literal):
        """The type Swift gives an unannotated literal ("None" when it is not a plain literal)."""
        if re.fullmatch(r"-?[0-9][0-9_]*", literal):
            return "Int"
        if re.fullmatch(r"-?[0-9][0-9_]*(\.[0-9_]+)?([eE][-+]?[0-9]+)?", literal):
            return "Double"
        if literal in ("true", "false"):
            return "Bool"
        if literal.startswith('"'):
            return "String"
        return "None"
