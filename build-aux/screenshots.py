#!/usr/bin/python3
# Drives one running session of Forbedring through its pages and saves a
# screenshot of each. Started by build-aux/screenshots.sh inside Xvfb and a
# session bus; not meant to be run on its own.
#
# usage: screenshots.py APP DB EMPTY_DB OUTDIR PREFIX WIDTH HEIGHT
#
# Widgets are found over AT-SPI by role and position, never by their
# (translated) names, and activated through their AT-SPI actions; the chart
# and the project list get real pointer clicks, at the place AT-SPI reports.

import os
import subprocess
import sys
import time

import pyatspi

APP, DB, EMPTY_DB, OUTDIR, PREFIX = sys.argv[1:6]
WIDTH, HEIGHT = int(sys.argv[6]), int(sys.argv[7])
PROJECT = os.environ.get("FB_SHOT_PROJECT", "Færre fall i akuttgeriatrisk seksjon")

proc = None
LOG = open(os.path.join(OUTDIR, f"{PREFIX}.log"), "w")


def log(*args):
    print(f"[{PREFIX}]", *args, file=sys.stderr, flush=True)


def sh(*args):
    return subprocess.run(args, check=False, capture_output=True, text=True).stdout.strip()


def settle(seconds=0.6):
    time.sleep(seconds)


def shot(name):
    settle()
    path = os.path.join(OUTDIR, f"{PREFIX}-{name}.png")
    # Popovers and dialogs are windows of their own: take the whole screen,
    # cropped to the main window's size.
    subprocess.run(["import", "-window", "root", "-crop",
                    f"{max(WIDTH, 480) if WIDTH < 1280 else 1280}x{HEIGHT}+0+0",
                    "+repage", path], check=False)
    log("saved", path)


def app_root():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        a = desktop.getChildAtIndex(i)
        if a is not None and a.name == "forbedring":
            return a
    return None


def extents(a):
    return a.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def showing(a):
    # GTK 4.8 leaves out SHOWING inside scrolled windows: a widget counts as
    # shown when it is visible and has a size.
    try:
        if not a.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        e = extents(a)
        return e.width > 0 and e.height > 0
    except NotImplementedError:  # no Component: a stack page, say
        return True
    except Exception:
        return False


def find_all(pred, root=None, limit=None):
    root = root or app_root()
    found, queue = [], [root] if root else []
    while queue:
        a = queue.pop(0)
        try:
            if pred(a):
                found.append(a)
                if limit and len(found) >= limit:
                    return found
            for i in range(a.childCount):
                c = a.getChildAtIndex(i)
                if c is not None and (c.getRole() == pyatspi.ROLE_FRAME or showing(c)):
                    queue.append(c)
        except Exception:
            continue
    return found


def find(pred, root=None, timeout=5):
    end = time.time() + timeout
    while time.time() < end:
        r = find_all(pred, root, limit=1)
        if r:
            return r[0]
        time.sleep(0.2)
    return None


def actions(a):
    try:
        ac = a.queryAction()
        return [ac.getName(i) for i in range(ac.nActions)]
    except NotImplementedError:
        return []


def do_action(a, name):
    ac = a.queryAction()
    for i in range(ac.nActions):
        if ac.getName(i) == name:
            ac.doAction(i)
            return True
    return False


def with_action(name):
    return lambda a: name in actions(a)


def role(r):
    return lambda a: a.getRole() == r


def activate(name):
    """Activates a GTK action on the first showing widget that offers it."""
    a = find(with_action(name))
    if a is None:
        log("no widget offers", name)
        return False
    return do_action(a, name)


def center(a):
    e = extents(a)
    return e.x + e.width // 2, e.y + e.height // 2


def click_at(x, y, button=1):
    sh("xdotool", "mousemove", str(x), str(y), "click", str(button))
    sh("xdotool", "mousemove", "1279", "799")


def key(*keys):
    sh("xdotool", "key", "--clearmodifiers", *keys)


def frame():
    return find(role(pyatspi.ROLE_FRAME), timeout=20)


def start(db):
    global proc
    proc = subprocess.Popen([APP, "--db", db], stdout=LOG, stderr=LOG)
    end = time.time() + 30
    while time.time() < end and not sh("xdotool", "search", "--onlyvisible", "--name", "Forbedring"):
        time.sleep(0.1)
    wid = sh("xdotool", "search", "--onlyvisible", "--name", "Forbedring").split()[0]
    sh("xdotool", "windowsize", wid, str(WIDTH), str(HEIGHT))
    frame()
    settle(1.5)


def stop():
    proc.terminate()
    proc.wait(10)


def close_dialogs():
    """Closes a dialog or a popover (and the popover's focus, first)."""
    key("Escape")
    settle(0.3)
    key("Escape")
    settle(0.3)


def scroll(x, y, clicks, down=True):
    for _ in range(clicks):
        sh("xdotool", "mousemove", str(x), str(y), "click", "5" if down else "4")
    sh("xdotool", "mousemove", "1279", "799")


def page_tabs():
    return find_all(role(pyatspi.ROLE_PAGE_TAB))


def open_tab(index):
    tabs = page_tabs()
    if len(tabs) <= index:
        log("only", len(tabs), "page tabs")
        return False
    do_action(tabs[index], "click")
    settle(1.0)
    return True


def open_project():
    activate("win.search")
    settle(0.3)
    sh("xdotool", "type", "--delay", "20", PROJECT)
    settle(0.8)
    item = find(lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM and
                a.parent is not None and a.parent.name not in ("", "GtkListView") and
                extents(a).width > 100)
    if item is None:
        log("project not found in the list")
        return False
    shot("02-sidebar-search")
    x, y = center(item)
    click_at(x, y)
    settle(1.5)
    return True


def main():
    # The empty state, on an empty database.
    start(EMPTY_DB)
    shot("00-empty")
    stop()

    start(DB)
    shot("01-sidebar")

    # The sidebar's header holds two menu buttons: the filter, then the main menu.
    menus = sorted((a for a in find_all(with_action("click"))
                    if a.name == "GtkMenuButton" and extents(a).y < 60),
                   key=lambda a: extents(a).x)
    if menus:
        do_action(menus[0], "click")
        shot("03-filter-popover")
        close_dialogs()

    if not open_project():
        stop()
        return

    shot("04-overview")
    # The content's middle, below the window's header.
    cx = WIDTH // 2 if WIDTH < 700 else 370 + (WIDTH - 370) // 2
    scroll(cx, HEIGHT // 2, 30)
    shot("05-overview-end")
    if activate("project.new-trust"):
        settle(1.0)
        shot("06-new-trust")
        close_dialogs()

    open_tab(1)
    shot("07-measures")
    chart = find(with_action("chart.point-menu"))
    if chart is not None:
        e = chart.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        # The last points sit at the right; right-click two thirds along.
        click_at(e.x + e.width * 2 // 3, e.y + e.height // 2, 3)
        settle(0.8)
        shot("08-point-popover")
        close_dialogs()
        # The keyboard way: focus the chart, then the Menu key.
        do_action(chart, "chart.point-menu")
        settle(0.8)
        shot("09-point-menu-key")
        close_dialogs()
    # The grid scrolls on its own; the settings below it scroll with the
    # page, from over the hint above the grid.
    scroll(cx, HEIGHT * 3 // 4, 6)
    shot("10-measure-grid")
    hint = find(lambda a: a.getRole() == pyatspi.ROLE_LABEL and "Ctrl+V" in a.name)
    if hint is not None:
        x, y = center(hint)
        scroll(x, y, 30)
        shot("11-measure-settings")
    activate("measures.attach")
    settle(1.0)

    open_tab(2)
    shot("12-pdsa-timeline")
    rows = find_all(lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM and
                    extents(a).width > 200 and
                    extents(a).x > (0 if WIDTH < 700 else 300))
    if rows:
        x, y = center(rows[0])
        click_at(x, y)
        settle(1.2)
        shot("13-pdsa-form")
        scroll(WIDTH - 150, HEIGHT // 2, 40)
        shot("14-pdsa-form-end")
        activate("win.back") if WIDTH < 700 else None
        close_dialogs()

    open_tab(3)
    shot("15-attachments")

    key("ctrl+comma")
    settle(1.2)
    shot("16-preferences")
    key("Escape")
    settle(0.5)

    f = frame()
    do_action(f, "win.show-help-overlay")
    settle(1.2)
    shot("17-shortcuts")
    key("Escape")
    settle(0.5)

    key("F10")
    settle(0.6)
    shot("18-main-menu")
    key("Up")
    key("Return")
    settle(1.2)
    shot("19-about")
    key("Escape")

    stop()


try:
    main()
except Exception as exc:  # a missing page must not lose the others
    log("failed:", repr(exc))
    if proc is not None and proc.poll() is None:
        proc.terminate()
    sys.exit(1)
