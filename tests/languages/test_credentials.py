"""The one judgement of literal credentials every view uses (languages/credentials.py)."""

import pytest

from docsec.languages.credentials import describes_itself, is_placeholder, looks_real, machine_made


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


@pytest.mark.parametrize("value", [
    "AC8f3b2c1d9e7a6f5b4c3d2e1f0a9b8c7d",  # a Twilio account SID
    "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c",    # a hex token
    "xvz1evFS4wEEPTGEFPHBog",              # a Twitter consumer key
    "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
    "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
])
def test_machine_made_literals(value):
    assert machine_made(value), value


@pytest.mark.parametrize("value", [
    "my-project-id-12345", "bot-user-agent-v2", "MyApplicationClientName", "DefaultEndpointsProtocol",
    "2023-01-01T00:00:00Z", "1.2.3.4.5.6.7.8.9.10", "your-api-key-goes-here-123", "short1a2b",
])
def test_names_and_ids_people_write_are_not(value):
    assert not machine_made(value), value
