"""The one judgement of literal credentials every view uses (languages/credentials.py)."""

import pytest

from docsec.languages.credentials import describes_itself, is_placeholder, looks_real


@pytest.mark.parametrize("value", [
    "pass1234",        # a password word and digits: weak, but works as written (the labelling standard's own example)
    "shopPass2023",    # a name glued to a password word, then chosen digits
    "S3cur3P4ss",
    "Passw0rd!",
    "raspberry",
    "12345",
])
def test_chosen_passwords_look_real(value):
    assert looks_real(value, "password"), value


@pytest.mark.parametrize("value", [
    "password",
    "johnpassword",    # a short name glued to a password word: describes what goes there
    "fallback-password",
    "password-for-30001",
    "<your password>",
    "changeme",
    "hunter2",
    "xxxxxxxx",
    "${DB_PASSWORD}",
])
def test_stand_ins_do_not(value):
    assert not looks_real(value, "password"), value
    assert is_placeholder(value) or describes_itself(value), value
