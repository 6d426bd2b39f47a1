"""What editors use besides the published pages: the web editor's generated
files, its configuration from the content model (cms.py) and the rules its
form checks before saving, the same as `invoke check` (editor_rules.py),
which the output step writes into the site; and new files from the command
line, `invoke new-…` (new_files.py)."""
