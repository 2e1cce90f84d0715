"""The demo's locally drawn photos: valid, deterministic, varied, and never failing."""

import io

import pytest
from PIL import Image, ImageChops, ImageStat

from sinmun.demo import content, images

SMALL = (320, 180)


# These tests touch neither the cache nor media files, so they stand in for the project's
# autouse fixtures of those names: the module then runs with or without pytest-django
# (`pytest -p no:django`), before the Django settings exist or without them.
@pytest.fixture(autouse=True)
def _fresh_cache():
    return


@pytest.fixture(autouse=True)
def _test_media_root():
    return


def _open(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def test_the_scenes_are_those_the_demo_content_uses():
    assert images.SCENES == content.SCENES


@pytest.mark.parametrize("scene", list(content.SCENES))
def test_every_scene_is_a_progressive_jpeg_pillow_can_reopen(scene):
    img = _open(images.scene_jpeg(scene, seed="test", size=SMALL))
    assert img.format == "JPEG"
    assert img.mode == "RGB"
    assert img.size == SMALL
    assert img.info.get("progressive")


@pytest.mark.parametrize("scene", list(content.SCENES))
def test_every_scene_draws_a_picture_not_a_blank(scene):
    img = images.draw_scene(scene, seed="test", size=SMALL)
    spread = ImageStat.Stat(img.convert("L")).stddev[0]
    assert spread > 8, f"{scene} looks nearly flat (stddev {spread:.1f})"


def test_the_default_size_is_1600_by_900():
    assert images.draw_scene("city-hall", seed="size").size == (1600, 900)
    assert _open(images.scene_jpeg("city-hall", seed="size")).size == (1600, 900)


@pytest.mark.parametrize(
    "size", [(1600, 900), (480, 270), (600, 600), (300, 500), (1, 1)]
)
def test_the_requested_size_is_honoured(size):
    assert images.draw_scene("market", seed="size", size=size).size == size
    assert _open(images.scene_jpeg("night", seed="size", size=size)).size == size


@pytest.mark.parametrize("scene", ["city-hall", "festival", "fire", "night"])
def test_the_same_scene_and_seed_give_the_same_bytes(scene):
    first = images.scene_jpeg(scene, seed="a-council-budget-2027")
    again = images.scene_jpeg(scene, seed="a-council-budget-2027")
    assert first == again


def test_determinism_holds_for_every_scene_at_a_small_size():
    for scene in content.SCENES:
        assert images.scene_jpeg(scene, seed="s", size=SMALL) == images.scene_jpeg(
            scene, seed="s", size=SMALL
        )


@pytest.mark.parametrize("scene", list(content.SCENES))
def test_different_seeds_give_different_pictures(scene):
    one = images.draw_scene(scene, seed="story-one", size=SMALL)
    two = images.draw_scene(scene, seed="story-two", size=SMALL)
    assert ImageChops.difference(one, two).getbbox() is not None


def test_the_scene_name_matters_as_well_as_the_seed():
    one = images.draw_scene("farm", seed="same", size=SMALL)
    two = images.draw_scene("river", seed="same", size=SMALL)
    assert ImageChops.difference(one, two).getbbox() is not None


def test_quality_is_passed_to_the_encoder():
    low = images.scene_jpeg("library", seed="q", size=SMALL, quality=30)
    high = images.scene_jpeg("library", seed="q", size=SMALL, quality=95)
    assert len(low) < len(high)


@pytest.mark.parametrize("scene", ["no-such-scene", "", "City-Hall", "portrait "])
def test_an_unknown_scene_draws_a_city_street_instead_of_failing(scene):
    img = _open(images.scene_jpeg(scene, seed="unknown", size=SMALL))
    assert img.size == SMALL
    assert ImageStat.Stat(img.convert("L")).stddev[0] > 8


def test_an_unknown_scene_is_deterministic_too():
    assert images.scene_jpeg("elsewhere", seed="x", size=SMALL) == images.scene_jpeg(
        "elsewhere", seed="x", size=SMALL
    )


def test_a_portrait_is_a_square_jpeg_by_default():
    img = _open(images.portrait_jpeg("kim-minjun"))
    assert img.format == "JPEG"
    assert img.size == (600, 600)


def test_a_portrait_takes_the_size_asked_for():
    assert _open(images.portrait_jpeg("kim-minjun", size=(160, 160))).size == (160, 160)
    assert _open(images.portrait_jpeg("kim-minjun", size=(300, 400))).size == (300, 400)


def test_a_portrait_is_deterministic_and_differs_between_people():
    assert images.portrait_jpeg("lee-seoyeon") == images.portrait_jpeg("lee-seoyeon")
    people = {images.portrait_jpeg(slug, size=(120, 120)) for slug in content.REPORTERS}
    assert len(people) == len(content.REPORTERS)
