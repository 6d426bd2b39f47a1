"""Messages as GitHub Actions annotations.

A line ``::error file=PATH,line=N::MESSAGE`` printed by a workflow step is
shown by GitHub on the commit and in the pull request, on that file and
line, so an editor sees the mistake without opening the log.
"""


def _data(text):
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text):
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem, level="error"):
    """One annotation line for a ``validation.Problem``."""
    properties = [f"file={_property(problem.path)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    title = f"Kolom '{problem.field}'" if problem.field else "Konten"
    properties.append(f"title={_property(title)}")
    message = (f"kolom '{problem.field}': {problem.message}" if problem.field
               else problem.message)
    return f"::{level} {','.join(properties)}::{_data(message)}"


def annotations(problems, level="error"):
    return "\n".join(annotation(problem, level) for problem in problems)
