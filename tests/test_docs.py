"""The settings table is the documentation: the README must list every setting."""

from __future__ import annotations

from pathlib import Path

from bot.settings import SETTINGS, Secret, Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_every_setting_is_documented_in_the_readme() -> None:
    missing = [s.name for s in SETTINGS if f"| `{s.name}` |" not in README]
    assert missing == []


def test_the_readme_shows_the_two_setup_commands() -> None:
    head = README[:600]
    assert "make demo" in head and "make test" in head


def test_secrets_never_show_in_a_repr() -> None:
    settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": "123456:ABCDEF-secret"})
    assert settings.telegram_bot_token == "123456:ABCDEF-secret"
    assert "ABCDEF" not in repr(settings)
    assert repr(Secret("xoxb-1")) == "Secret('***')"


def test_of_a_database_url_only_a_password_is_secret() -> None:
    sqlite = Settings.from_env({"DATABASE_URL": "sqlite:///state/desk.db"})
    assert sqlite.secrets == ()  # the log may say which file holds the state
    url = "postgresql://desk:s3cr3t-pw@db.internal/claims"
    postgres = Settings.from_env({"DATABASE_URL": url})
    assert set(postgres.secrets) == {url, "s3cr3t-pw"}
    assert "s3cr3t" not in repr(postgres)
