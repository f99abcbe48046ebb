"""The figures of snippets.figures in Chromium: the answer at a glance inside the first screen of
both home pages (desktop and phone), readable at its rendered size; the frame sets work with the
player, by keyboard, with reduced motion, without JavaScript, and print as a strip in order."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from snippets import figures

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
HOME = {"en": "", "zh": "zh/"}
EXPLAINED = {"en": "explained/", "zh": "zh/explained/"}
STATUS = {"en": "Frame {} of {}", "zh": "第 {} 帧，共 {} 帧"}
NEXT = {"en": "Next frame", "zh": "下一帧"}
PLAY = {"en": "Play", "zh": "播放"}
MIN_TEXT_PX = 12          # the smallest SVG text, as rendered


def open_page(browser, url: str, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url, wait_until="load")
    return context, page


def checked(page, block: int) -> int:
    """The 0-based frame the block-th frame set shows."""
    return page.evaluate(f"""() => [...document.querySelectorAll('.frames')[{block}]
        .querySelectorAll('.tabbed-set > input')].findIndex(i => i.checked)""")


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(HOME))
def test_glance_is_in_the_first_screen_and_readable(browser, base_url, lang, viewport) -> None:
    size = VIEWPORTS[viewport]
    context, page = open_page(browser, urljoin(base_url, HOME[lang]), viewport=size)
    img = page.locator("figure.glance img")
    assert img.count() == 1, "the home page has one glance figure"
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    box = img.bounding_box()
    alt = img.get_attribute("alt")
    caption = page.locator("figure.glance figcaption").inner_text()
    view_width = float(re.search(r'viewBox="0 0 (\d+)', figures.glance_svg(lang)).group(1))
    context.close()
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (
        f"{lang} {viewport}: the figure spans y = {box['y']:.0f} to {box['y'] + box['height']:.0f}, "
        f"the first screen ends at {size['height']}")
    assert figures.FONT * box["width"] / view_width >= MIN_TEXT_PX, f"{lang} {viewport}: text too small"
    shapes = figures.model_shapes()
    for text in (alt, caption):
        assert figures.fmt(shapes["tutorial"]["U"]) in text and figures.fmt(shapes["standard"]["U"]) in text
        assert bool(re.search(r"[\u4e00-\u9fff]", text)) == (lang == "zh")
    assert not page.errors


@pytest.mark.parametrize("lang", sorted(EXPLAINED))
def test_player_steps_by_button_keyboard_and_play(browser, base_url, lang) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.clock.install()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(urljoin(base_url, EXPLAINED[lang]), wait_until="load")
    players = page.locator(".frames-player")
    assert players.count() == 2, "one player per frame set"
    n = page.locator(".frames").nth(0).locator(".tabbed-set > input").count()
    assert n >= 4
    player = players.nth(0)
    status = player.locator(".frames-player__status")
    assert status.inner_text() == STATUS[lang].format(1, n)
    player.get_by_role("button", name=NEXT[lang]).click()
    assert checked(page, 0) == 1 and status.inner_text() == STATUS[lang].format(2, n)
    player.get_by_role("button", name=NEXT[lang]).focus()
    page.keyboard.press("Enter")
    assert checked(page, 0) == 2
    page.keyboard.press("Shift+Tab")                         # to play / pause
    page.keyboard.press("Shift+Tab")                         # to previous
    page.keyboard.press("Space")
    assert checked(page, 0) == 1
    player.get_by_role("button", name=PLAY[lang]).click()
    page.clock.run_for(60_000)                               # plays to the last frame, then stops
    assert checked(page, 0) == n - 1
    assert player.get_by_role("button", name=PLAY[lang]).get_attribute("aria-pressed") == "false"
    assert checked(page, 1) == 0, "the other frame set does not move"
    context.close()
    assert not errors


def test_reduced_motion_offers_no_autoplay(browser, base_url) -> None:
    context, page = open_page(browser, urljoin(base_url, EXPLAINED["en"]), reduced_motion="reduce")
    player = page.locator(".frames-player").first
    assert not player.get_by_role("button", name=PLAY["en"]).is_visible()
    player.get_by_role("button", name=NEXT["en"]).click()
    assert checked(page, 0) == 1
    context.close()
    assert not page.errors


def test_frames_work_without_javascript_and_print_in_order(browser, base_url) -> None:
    context, page = open_page(browser, urljoin(base_url, EXPLAINED["zh"]), java_script_enabled=False)
    assert page.locator(".frames-player").count() == 0
    frames = page.locator(".frames").first
    frames.locator(".tabbed-labels > label").nth(1).click()
    blocks = frames.locator(".tabbed-block")
    assert blocks.nth(1).is_visible() and not blocks.nth(0).is_visible()
    page.emulate_media(media="print")
    tops = [blocks.nth(i).bounding_box() for i in range(blocks.count())]
    context.close()
    assert all(tops), "every frame is laid out in print"
    assert [b["y"] for b in tops] == sorted(b["y"] for b in tops), "frames print one after another, in order"
