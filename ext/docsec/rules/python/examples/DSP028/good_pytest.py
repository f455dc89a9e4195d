import pytest

user = UserFactory(is_staff=True)
assert user.is_staff
assert user.has_perm("polls.add_choice")
