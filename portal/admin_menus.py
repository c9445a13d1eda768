"""Admin menu items shown only to the people a screen is for."""

from wagtail.admin.menu import MenuItem


def menu_item_shown_to(can_see):
    """A menu item class shown only when `can_see(user)` is true; the screen
    itself checks again."""

    class ShownToMenuItem(MenuItem):
        def is_shown(self, request):
            return can_see(request.user)

    return ShownToMenuItem
