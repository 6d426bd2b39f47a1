"""The KIM's videos (content/video/): newest first, each with the KIM that
made it and the id of its YouTube video.

Attributes set on each video (read by the templates): ``video.youtube_id``,
``video.kim_profiles`` (the published KIM named), ``video.watch_url`` (the
video on YouTube: the link without script) and ``video.embed_url`` (the
player the page loads after the reader presses "Putar").
"""

from ..model import kinds
from .relations import named_kims, newest_first_by_kim


def link(videos, kims, settings):
    """`videos` newest first, with their attributes set; and the videos of
    each KIM by slug."""
    by_slug = {kim.slug: kim for kim in kims}
    for video in videos:
        video.youtube_id = kinds.youtube_id(video.youtube)
        video.watch_url = settings["YOUTUBE_WATCH_URL"].format(id=video.youtube_id)
        video.embed_url = settings["YOUTUBE_EMBED_URL"].format(id=video.youtube_id)
        video.kim_profiles = named_kims(video, by_slug)
    return newest_first_by_kim(videos)
