"""The exceptions kgraph raises; the CLI turns each into one ``Error:`` line."""


class KgraphError(Exception):
    """Base class of every error kgraph reports to the user."""


class InputError(KgraphError):
    """An input file or folder cannot be read as paper listings.

    ``warnings`` holds what was noticed on the way (the CLI prints them
    before the error)."""

    def __init__(self, message: str, warnings=()):
        super().__init__(message)
        self.warnings = list(warnings)


class OutputError(KgraphError):
    """An output file or folder cannot be written; nothing was replaced."""

    def __init__(self, path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):  # pickled whole, as from a process writing an output
        return type(self), (self.path, self.reason)


class GraphNotFound(KgraphError):
    """No built graph where one was expected."""


class EntityNotFound(KgraphError):
    """A name matches no entity of the graph."""

    def __init__(self, name: str, suggestions: list[str] = ()):
        self.name = name
        self.suggestions = list(suggestions)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no entity named {name!r}.{hint}")


class AmbiguousEntity(KgraphError):
    """A name matches several entities equally well."""

    def __init__(self, name: str, candidates: list[str]):
        self.name = name
        self.candidates = list(candidates)
        super().__init__(f"{name!r} is ambiguous: {'; '.join(self.candidates)}. Use one of these names.")


class NoPath(KgraphError):
    """Two entities are not connected by co-mentions."""
