"""selfmassage: a guided self-massage at home.

Kept import-free on purpose: the command line (`selfmassage routines validate`, `stats`) must not pay for
Qt. The GUI imports Qt only when it starts.
"""

__version__ = "0.1.0"

# The app's one reverse-DNS id: desktop file, icon name, AppStream id, Wayland app id, Flatpak id.
# io.github.<owner>.<repo> is Flathub's form for a project hosted at github.com/<owner>/<repo>; lower case
# as AppStream recommends (appstreamcli --pedantic); every part is D-Bus-safe
# (letters only: no hyphen, no leading digit), so it can also name a bus or a portal's app.
APP_ID = "io.github.selfmassage.selfmassage"
