"""The base of the views read with tree-sitter grammars (JavaScript, TypeScript, SQL, Java, C#, PHP, Go,
Ruby, Rust, HCL, PowerShell).

The grammars come with the ``docsec[languages]`` extra.  A grammar is imported
the first time a block of its language is parsed (:func:`load_language`, cached
per process), so a run without such blocks never imports one; whether it is
installed is told without importing it (:func:`grammar_available`).

:func:`parse` reads a block as it is and, when that leaves syntax errors, also
wrapped in the shapes a documentation fragment is usually cut from (a method
without its class, the properties of an object without the braces); it keeps
the reading with the fewest errors.  tree-sitter recovers from errors itself,
so a block with a broken line still yields the nodes around it.
:class:`Tree` indexes the nodes by type in one walk and maps their positions
back to the block's lines.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, Optional, Sequence

from .lazy import lazy_property

EXTRA = "docsec[languages]"
# Grammar name -> (module of its wheel, function of the module that returns the language).
GRAMMARS: dict[str, tuple[str, str]] = {
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "sql": ("tree_sitter_sql", "language"),
    "java": ("tree_sitter_java", "language"),
    "csharp": ("tree_sitter_c_sharp", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "go": ("tree_sitter_go", "language"),
    "ruby": ("tree_sitter_ruby", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "hcl": ("tree_sitter_hcl", "language"),
    "powershell": ("tree_sitter_powershell", "language"),
}
# How each grammar's language is named to users.
DISPLAY = {"javascript": "JavaScript", "typescript": "TypeScript", "tsx": "TSX", "sql": "SQL", "java": "Java",
           "csharp": "C#", "php": "PHP", "go": "Go", "ruby": "Ruby", "rust": "Rust", "hcl": "HCL",
           "powershell": "PowerShell"}


@dataclass(frozen=True)
class Wrapper:
    """A shape to read a fragment in: ``prefix`` + block + ``suffix``.  The prefix is whole lines."""

    prefix: str
    suffix: str

    @property
    def lines(self) -> int:
        return self.prefix.count("\n")


@lru_cache(maxsize=None)
def grammar_available(grammar: str) -> bool:
    """Whether the binding and the grammar's wheel are installed, told without importing them."""
    module, _ = GRAMMARS[grammar]
    return importlib.util.find_spec("tree_sitter") is not None and importlib.util.find_spec(module) is not None


@lru_cache(maxsize=None)
def load_language(grammar: str) -> Any:
    """The grammar's ``tree_sitter.Language``, or a sentence saying why it cannot be had."""
    module_name, function = GRAMMARS[grammar]
    try:
        import tree_sitter

        module = importlib.import_module(module_name)
        return tree_sitter.Language(getattr(module, function)())
    except Exception as error:  # noqa: BLE001 - missing or incompatible: the block is reported not analysed
        return f"the {DISPLAY[grammar]} grammar could not be loaded ({type(error).__name__}: {error})"


def unavailable(grammar: str) -> Optional[str]:
    """Why blocks of this grammar cannot be analysed, or ``None`` when they can (without importing it)."""
    if not grammar_available(grammar):
        return f"the {DISPLAY[grammar]} grammar is not installed"
    return None


class Tree:
    """One parsed block: its nodes indexed by type, positions mapped back to the block."""

    def __init__(self, root: Any, source: bytes, wrapper: Optional[Wrapper]) -> None:
        self.root = root
        self.source = source
        self.first_row = wrapper.lines if wrapper else 0

    @lazy_property
    def by_type(self) -> dict[str, list[Any]]:
        """Every named node, by type, in document order (one walk of the tree)."""
        index: dict[str, list[Any]] = {}
        cursor = self.root.walk()
        while True:
            node = cursor.node
            if node.is_named:
                index.setdefault(node.type, []).append(node)
            if cursor.goto_first_child():
                continue
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    return index

    def nodes_of(self, *types: str) -> list[Any]:
        """The nodes of these types in document order."""
        if len(types) == 1:
            return self.by_type.get(types[0], [])
        found = [node for kind in types for node in self.by_type.get(kind, ())]
        found.sort(key=lambda node: node.start_byte)
        return found

    def text(self, node: Any) -> str:
        return self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def line(self, node: Any) -> int:
        """The node's 1-based line in the block."""
        return max(1, node.start_point[0] - self.first_row + 1)

    def column(self, node: Any) -> int:
        return node.start_point[1] + 1

    @property
    def errors(self) -> int:
        return error_count(self.root)


def error_count(root: Any) -> int:
    """How many syntax errors (``ERROR`` and ``MISSING`` nodes) a tree holds."""
    if not root.has_error:
        return 0
    count = 0
    cursor = root.walk()
    while True:
        node = cursor.node
        if node.is_error or node.is_missing:
            count += 1
        elif node.has_error and cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return count


def parse(grammar: str, text: str, wrappers: Sequence[Wrapper] = (), as_is: bool = True) -> Optional[Tree]:
    """The block parsed as it is (unless not ``as_is``), or in the wrapper that leaves the fewest
    errors; ``None`` when the grammar cannot be loaded."""
    language = load_language(grammar)
    if isinstance(language, str):
        return None
    import tree_sitter

    parser = tree_sitter.Parser(language)
    candidates: list[Optional[Wrapper]] = [None, *wrappers] if as_is else list(wrappers)
    best: Optional[Tree] = None
    fewest = 0
    for wrapper in candidates:
        source = (wrapper.prefix + text + wrapper.suffix if wrapper else text).encode("utf-8", "surrogatepass")
        root = parser.parse(source).root_node
        errors = error_count(root)
        if best is None or errors < fewest:
            best, fewest = Tree(root, source, wrapper), errors
        if not errors:
            break
    return best


def children(node: Any) -> Iterator[Any]:
    """The node's named children."""
    return iter(node.named_children)
