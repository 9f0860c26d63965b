from tests.slack.fakeapi import slack

__all__ = ["slack"]
