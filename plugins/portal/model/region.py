"""Where and when the portal's content can plausibly be: the limits that
validation applies to coordinates and dates, for Kabupaten Kotawaringin
Barat. A portal for another regency changes these numbers.

The box holds the six kecamatan of Kotawaringin Barat with a margin of a
few kilometres (the regency spans roughly 1.5°–3.4° south and 111.0°–112.2°
east; approximate, read off the map). A point outside it is almost always a
typing mistake: 0,0, a point in Jakarta, a forgotten minus sign, or lat and
lon swapped.
"""

from datetime import date

REGION_NAME = "Kabupaten Kotawaringin Barat"
LATITUDE_RANGE = (-3.6, -1.3)
LONGITUDE_RANGE = (110.8, 112.4)

# News, decrees and events of the KIM are from the republic's years; a date
# more than a year ahead is a typing mistake (2205 for 2025).
FIRST_YEAR = 1945
YEARS_AHEAD = 1


def last_year(today=None):
    return (today or date.today()).year + YEARS_AHEAD
