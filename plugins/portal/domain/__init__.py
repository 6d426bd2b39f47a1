"""What the content means together: relations between KIM, potensi, berita and
kecamatan, related articles, groups, statistics, places, structured data."""
