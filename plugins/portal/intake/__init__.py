"""Reading the editors' files: front matter, validation, Markdown rendering,
sanitising, images, and the reader Pelican calls."""
