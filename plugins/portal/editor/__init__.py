"""The web editor's generated files: its configuration from the content model
(cms.py) and the rules its form checks before saving, the same as
`invoke check` (editor_rules.py). The output step writes them into the site."""
